/**
 * The render resolver reads only the platform's invocation context: the saved configuration, the site, the reader's
 * account type, the editor state. Through the real @forge/resolver handler and @forge/api under the emulated site.
 */
import { handler } from '../../src/resolvers';
import { invokeResolver } from '../../emulator/forge-runtime';
import { EMULATED_SITE_URL, type MacroContextOptions } from '../../emulator/macro-context';
import type { CheckedResult, RenderResult } from '../../src/macro/render-result';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { HOST_PAGE_ID, macroContext } from '../helpers/macro-context';
import type { EmulatedSite } from '../../emulator/site';
import { SCENARIO_NAMES } from '../../emulator/scenarios';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

interface RenderCall {
  issue?: string;
  payload?: unknown;
  options?: MacroContextOptions;
  contentId?: string;
  accountId?: string | null;
  context?: Record<string, unknown>;
}

async function render(scenario: string, call: RenderCall): Promise<RenderResult> {
  site.useScenario(scenario);
  site.clearLog();
  return (await invokeResolver(handler as never, {
    functionKey: 'render',
    payload: call.payload ?? {},
    accountId: call.accountId === null ? undefined : call.accountId ?? site.scenario.viewerAccountId,
    context: call.context ?? macroContext(call.issue, call.contentId ?? HOST_PAGE_ID, 'page', call.options)
  })) as RenderResult;
}

async function checked(scenario: string, call: RenderCall): Promise<CheckedResult> {
  const result = await render(scenario, call);
  expect(result.state).toBe('checked');
  return result as CheckedResult;
}

const productCalls = () => site.requestLog().filter((e) => e.via === 'forge');

/** The output with what legitimately differs between two renders made equal: the key, timestamps, durations. */
function normalised(result: RenderResult, key: string): string {
  return JSON.stringify(result)
    .split(key)
    .join('<KEY>')
    .replace(/"checkedAt":"[^"]+"/g, '"checkedAt":"<T>"')
    .replace(/"durationMs":\d+/g, '"durationMs":0')
    .replace(/generated {2,}\S+/g, 'generated <T>');
}

describe('no existence oracle', () => {
  test('a hidden issue and a missing one give byte-identical output, collapsed parts included', async () => {
    const hidden = await checked('reader-cannot-see-issue', { issue: 'SEC-7' });
    const hiddenCalls = productCalls().map((e) => `${e.as} ${e.url}`);
    const missing = await checked('reader-cannot-see-issue', { issue: 'SEC-9999' });
    const missingCalls = productCalls().map((e) => `${e.as} ${e.url}`);
    expect(normalised(hidden, 'SEC-7')).toBe(normalised(missing, 'SEC-9999'));
    // Both made the same calls, all as the reader.
    expect(hiddenCalls.map((c) => c.replace('SEC-7', '<KEY>'))).toEqual(missingCalls.map((c) => c.replace('SEC-9999', '<KEY>')));
    expect(hiddenCalls.every((c) => c.startsWith('user '))).toBe(true);
    expect(hidden.findings[0].title).toBe('SEC-7: Issue does not exist or you do not have permission to see it.');
    expect(hidden.findings[0].remedies.map((r) => r.actor)).toEqual(['viewer', 'page-author']);
    expect(hidden.findings[0].remedies[0].action).toMatch(/page author .* Jira administrator or the project lead/);
  });

  test('the normaliser itself is not blind: an issue the reader may see does differ', async () => {
    const visible = await checked('healthy', { issue: 'DOC-42' });
    const missing = await checked('healthy', { issue: 'DOC-9999' });
    expect(normalised(visible, 'DOC-42')).not.toBe(normalised(missing, 'DOC-9999'));
  });
});

describe('no call with the app\'s rights names an issue', () => {
  test('in every preset, for a key, a link to this site and one to another (with and without a site URL in the context)', async () => {
    const appCalls: string[] = [];
    const asUserIssueCalls = new Set<string>();
    for (const scenario of SCENARIO_NAMES.filter((n) => n !== 'jira-hanging')) {
      for (const issue of ['DOC-42', 'SEC-7', 'https://acme.atlassian.net/browse/SEC-7', 'https://other.atlassian.net/browse/SEC-7']) {
        for (const siteUrl of [undefined, null]) {
          await render(scenario, { issue, options: { siteUrl } }).catch((e: Error) => e.name);
          for (const call of productCalls()) {
            if (call.as === 'app') appCalls.push(call.url);
            else if (call.url.includes('/issue/')) asUserIssueCalls.add(call.url.split('?')[0]);
          }
        }
      }
    }
    // The one app-rights call is the site's base URL, and it is made (the check is not vacuous).
    expect([...new Set(appCalls)]).toEqual(['/rest/api/3/serverInfo']);
    expect([...asUserIssueCalls].sort()).toEqual(['/rest/api/3/issue/DOC-42', '/rest/api/3/issue/SEC-7']);
  }, 60_000);
});

describe('the payload is ignored', () => {
  test('a payload naming another key (and the old "full" mode) changes nothing', async () => {
    const plain = await checked('reader-cannot-see-issue', { issue: 'DOC-42', payload: {} });
    const plainCalls = productCalls().map((e) => `${e.as} ${e.url}`);
    const forged = await checked('reader-cannot-see-issue', { issue: 'DOC-42', payload: { issueRef: 'SEC-7', mode: 'full', siteUrl: 'https://other.atlassian.net' } });
    expect(productCalls().map((e) => `${e.as} ${e.url}`)).toEqual(plainCalls);
    expect(normalised(forged, 'DOC-42')).toBe(normalised(plain, 'DOC-42'));
    expect(forged.issue?.key).toBe('DOC-42');
    expect(JSON.stringify(forged)).not.toContain('SEC-7');
  });

  test('a payload alone configures nothing', async () => {
    expect(await render('healthy', { issue: undefined, payload: { issueRef: 'DOC-42' } })).toEqual({ state: 'unconfigured' });
    expect(productCalls()).toEqual([]);
  });

  test('a pasted link not yet configured (autoConvertLink) is read from the context; a saved value wins over it', async () => {
    const pasted = await checked('healthy', { issue: undefined, options: { autoConvertLink: 'https://acme.atlassian.net/browse/DOC-45' } });
    expect(pasted.issue?.key).toBe('DOC-45');
    const saved = await checked('healthy', { issue: 'DOC-43', options: { autoConvertLink: 'https://acme.atlassian.net/browse/DOC-45' } });
    expect(saved.issue?.key).toBe('DOC-43');
  });
});

describe('the card link', () => {
  test('is built from the site URL of the context, not from the issue\'s self URL', async () => {
    // The emulated Jira's `self` says acme.atlassian.net; a context naming another origin proves where the link comes from.
    const r = await checked('healthy', { issue: 'DOC-42', options: { siteUrl: 'https://acme-docs.atlassian.net' } });
    expect(r.issue?.url).toBe('https://acme-docs.atlassian.net/browse/DOC-42');
    const plain = await checked('healthy', { issue: 'DOC-42' });
    expect(plain.issue?.url).toBe(`${EMULATED_SITE_URL}/browse/DOC-42`);
  });

  test('without a site URL in the context it is site-relative, and no extra call is made for a plain key', async () => {
    const r = await checked('healthy', { issue: 'DOC-42', options: { siteUrl: null } });
    expect(r.issue?.url).toBe('/browse/DOC-42');
    expect(productCalls().map((e) => e.as)).toEqual(['user', 'user']);
  });
});

describe('a link to another site', () => {
  test('gets its own finding and is never looked up here: no product call at all', async () => {
    const r = await checked('healthy', { issue: 'https://other.atlassian.net/browse/DOC-42' });
    expect(productCalls()).toEqual([]);
    expect(r.issue).toBeUndefined();
    expect(r.findings.map((f) => f.code)).toEqual(['ISSUE_ON_OTHER_SITE']);
    expect(r.findings[0].title).toBe('DOC-42 is on other.atlassian.net, not on this site');
    expect(r.findings[0].docs).toBe('https://developer.atlassian.com/platform/forge/app-compatibility/');
    expect(r.findings[0].remedies[0].action).toContain('https://other.atlassian.net/browse/DOC-42');
    expect(r.probes.map((p) => [p.id, p.outcome, p.verdict])).toEqual([
      ['jira-user-issue', 'not called', 'skipped'],
      ['confluence-user-page', 'not called', 'skipped']
    ]);
    expect(r.status).toEqual({ jira: 'not-checked', confluence: 'not-checked', scopes: 'not-checked' });
    expect(r.report).toContain('ISSUE_ON_OTHER_SITE');
    // This site's DOC-42 must not leak into the answer.
    expect(JSON.stringify(r)).not.toContain('Publish the Forge macro');
  });

  test('a link to this site is looked up as usual', async () => {
    const r = await checked('healthy', { issue: 'https://acme.atlassian.net/browse/DOC-42' });
    expect(r.issue?.key).toBe('DOC-42');
  });

  test('without a site URL in the context, the app asks Jira for its base URL (naming no issue) before deciding', async () => {
    const other = await checked('healthy', { issue: 'https://other.atlassian.net/browse/DOC-42', options: { siteUrl: null } });
    expect(productCalls().map((e) => `${e.as} ${e.url}`)).toEqual(['app /rest/api/3/serverInfo']);
    expect(other.findings[0].code).toBe('ISSUE_ON_OTHER_SITE');
    expect(other.probes[0]).toMatchObject({ id: 'jira-app-site', as: 'app', outcome: '200', verdict: 'ok' });
    const same = await checked('healthy', { issue: 'https://acme.atlassian.net/browse/DOC-42', options: { siteUrl: null } });
    expect(same.issue?.url).toBe('https://acme.atlassian.net/browse/DOC-42');
    expect(productCalls().map((e) => `${e.as} ${e.url.split('?')[0]}`)).toEqual(['app /rest/api/3/serverInfo', 'user /rest/api/3/issue/DOC-42', 'user /wiki/api/v2/pages/98305']);
  });
});

describe('draft and editor', () => {
  test('in the editor the Confluence probe is skipped, and the calls table says why', async () => {
    const r = await checked('healthy', { issue: 'DOC-42', options: { isEditing: true } });
    expect(productCalls().map((e) => e.product)).toEqual(['jira']);
    expect(r.issue?.key).toBe('DOC-42');
    expect(r.status.confluence).toBe('not-checked');
    const row = r.probes.find((p) => p.id === 'confluence-user-page')!;
    expect(row).toMatchObject({ outcome: 'not called', verdict: 'skipped' });
    expect(row.purpose).toMatch(/editor.*draft.*never published/);
    expect(r.findings).toEqual([]);
  });

  test('in the editor a failing issue still gets its diagnosis, with no Confluence finding', async () => {
    const r = await checked('seed-000-empty-user-grant', { issue: 'DOC-42', options: { isEditing: true } });
    expect(r.findings[0].code).toBe('USER_GRANT_EMPTY');
    expect(productCalls().some((e) => e.product === 'confluence')).toBe(false);
  });

  test('a hosting page the pages API does not serve (never published) makes no Confluence finding', async () => {
    const r = await checked('healthy', { issue: 'DOC-42', contentId: '99999' });
    expect(productCalls().map((e) => `${e.product} ${e.status}`)).toEqual(['jira 200', 'confluence 404']);
    expect(r.findings).toEqual([]);
    expect(r.status.confluence).toBe('not-checked');
    expect(r.probes.find((p) => p.id === 'confluence-user-page')?.purpose).toMatch(/draft never published/);
  });
});

describe('guests, anonymous readers and customers', () => {
  test.each([
    ['anonymous', null, 'Log in to see this Jira issue'],
    ['unlicensed', undefined, 'Guests cannot see Jira issues in this macro'],
    ['customer', undefined, 'This macro cannot show Jira issues to service desk customers']
  ] as const)('%s: a short message and no product call made as them', async (accountType, accountId, title) => {
    const r = await checked('healthy', { issue: 'DOC-42', accountId, options: { accountType } });
    expect(site.requestLog().filter((e) => e.via === 'forge')).toEqual([]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'VIEWER_CANNOT_USE_APP', severity: 'info', title });
    expect(r.issue).toBeUndefined();
    expect(r.probes.every((p) => p.verdict === 'skipped' && p.outcome === 'not called')).toBe(true);
    expect(JSON.stringify(r)).not.toContain('Publish the Forge macro');
  });

  test.each([
    ['anonymous', undefined],
    ['unlicensed', 'guest'],
    ['customer', 'customer']
  ] as const)('requestConsent makes no call for a reader who is %s and raises nothing', async (accountType, who) => {
    site.useScenario('consent-needed');
    site.clearLog();
    const accountId = who && site.scenario.viewerAccountId;
    const answer = await invokeResolver(handler as never, { functionKey: 'requestConsent', accountId, context: macroContext('DOC-42', HOST_PAGE_ID, 'page', { accountType }) });
    expect(answer).toEqual({ consent: 'not-applicable' });
    expect(productCalls()).toEqual([]);
  });

  test('a licensed reader in the same scenario is still asked for consent (the error propagates)', async () => {
    await expect(render('consent-needed', { issue: 'DOC-42' })).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
  });
});
