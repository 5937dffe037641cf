import { createResolverHandler, handler } from '../../src/resolvers';
import { invokeResolver } from '../../emulator/forge-runtime';
import type { CheckedResult, RenderResult } from '../../src/macro/render-result';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { macroContext } from '../helpers/macro-context';
import type { EmulatedSite } from '../../emulator/site';
import { SCENARIO_NAMES } from '../../emulator/scenarios';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

/** Renders the macro configured with `issueRef`: the value travels in the context, as Confluence sends it; the payload is empty. */
function render(issueRef: string | undefined, options: { handler?: typeof handler } = {}) {
  return invokeResolver((options.handler ?? handler) as never, {
    functionKey: 'render',
    payload: {},
    accountId: site.scenario.viewerAccountId,
    context: macroContext(issueRef)
  }) as Promise<RenderResult>;
}

async function checked(scenario: string, issueRef?: string, options: { handler?: typeof handler } = {}): Promise<CheckedResult> {
  site.useScenario(scenario);
  site.clearLog();
  const result = await render(issueRef ?? site.scenario.issueKey, options);
  expect(result.state).toBe('checked');
  return result as CheckedResult;
}

const productCalls = () => site.requestLog().filter((e) => e.via === 'forge');

describe('render resolver, through the real @forge/resolver handler, per preset', () => {
  const seen = new Set<string>();
  afterAll(() => expect([...seen].sort()).toEqual([...SCENARIO_NAMES].sort()));
  const covers = (name: string) => seen.add(name);

  test('healthy: the card, no finding, everything ok, two product calls, asUser only', async () => {
    covers('healthy');
    const r = await checked('healthy');
    expect(r.issue).toMatchObject({
      key: 'DOC-42',
      url: 'https://acme.atlassian.net/browse/DOC-42',
      summary: 'Publish the Forge macro troubleshooting guide',
      status: { name: 'In Progress', category: 'indeterminate' },
      issueType: 'Story',
      priority: 'High',
      assignee: { displayName: 'Mia Krystof' }
    });
    expect(r.findings).toEqual([]);
    expect(r.status).toEqual({ jira: 'ok', confluence: 'ok', scopes: 'ok' });
    expect(productCalls().map((e) => `${e.as} ${e.product} ${e.url.split('?')[0]}`)).toEqual(['user jira /rest/api/3/issue/DOC-42', 'user confluence /wiki/api/v2/pages/98305']);
    expect(productCalls()[0].url).toContain('fields=summary%2Cstatus%2Cissuetype%2Cpriority%2Cassignee%2Cupdated');
  });

  for (const scenario of ['seed-001-ex-path', 'seed-002-scoped-token', 'seed-003-admin-only']) {
    test(`${scenario}: the macro itself avoids the mistake the thread made, so the card shows`, async () => {
      covers(scenario);
      const r = await checked(scenario);
      expect(r.issue?.key).toBe('DOC-42');
      expect(r.findings).toEqual([]);
      expect(productCalls().every((e) => !e.url.startsWith('/ex/'))).toBe(true);
    });
  }

  test('consent-needed: the consent requirement propagates; after consent the issue shows', async () => {
    covers('consent-needed');
    site.useScenario('consent-needed');
    await expect(render(site.scenario.issueKey)).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
    site.grantConsent(site.scenario.viewerAccountId);
    expect(((await render(site.scenario.issueKey)) as CheckedResult).issue?.key).toBe('DOC-42');
  });

  test('seed-000: empty Jira grant, Confluence fine, the finding warns against asApp', async () => {
    covers('seed-000-empty-user-grant');
    const r = await checked('seed-000-empty-user-grant');
    expect(r.issue).toBeUndefined();
    expect(r.findings[0].code).toBe('USER_GRANT_EMPTY');
    expect(r.findings[0].remedies.some((x) => x.action.includes('asApp'))).toBe(true);
    expect(r.status).toEqual({ jira: 'failed', confluence: 'ok', scopes: 'failed' });
    expect(r.scopes.find((s) => s.scope === 'read:jira-work')).toEqual({
      scope: 'read:jira-work',
      declared: true,
      installed: true,
      inGrant: false,
      requiredBy: ['GET /rest/api/3/issue/DOC-42']
    });
    expect(r.scopes.find((s) => s.scope === 'read:page:confluence')?.inGrant).toBe(true);
    expect(productCalls().filter((e) => e.as === 'app')).toEqual([]);
  });

  test('jira-not-installed', async () => {
    covers('jira-not-installed');
    const r = await checked('jira-not-installed');
    expect(r.findings[0].code).toBe('PRODUCT_NOT_INSTALLED');
    expect(r.findings[0].remedies[0].actor).toBe('site-admin');
  });

  test('manifest-missing-scope: with that manifest, the smallest addition is read:jira-work', async () => {
    covers('manifest-missing-scope');
    site.useScenario('manifest-missing-scope');
    const r = await checked('manifest-missing-scope', undefined, { handler: createResolverHandler({ declaredScopes: site.tenant.app.manifestScopes }) });
    expect(r.findings[0].code).toBe('MANIFEST_MISSING_SCOPE');
    expect(r.findings[0].title).toContain('read:jira-work');
  });

  test('installation-not-upgraded', async () => {
    covers('installation-not-upgraded');
    const r = await checked('installation-not-upgraded');
    expect(r.findings[0].code).toBe('INSTALLATION_NOT_UPGRADED');
    expect(r.scopes.find((s) => s.scope === 'read:jira-work')).toMatchObject({ declared: true, installed: false });
  });

  test('reader-cannot-see-issue: Jira\'s own 404 wording; no issue field appears anywhere in the output; no call as the app', async () => {
    covers('reader-cannot-see-issue');
    const r = await checked('reader-cannot-see-issue');
    expect(r.findings[0].code).toBe('ISSUE_NOT_FOUND_OR_HIDDEN');
    expect(r.findings[0].title).toBe('SEC-7: Issue does not exist or you do not have permission to see it.');
    expect(r.issue).toBeUndefined();
    const text = JSON.stringify(r);
    const secret = site.tenant.issues.find((i) => i.key === 'SEC-7')!;
    for (const value of [secret.summary, secret.id, 'Ada Admin', secret.updated, secret.priority === 'High' ? '"High"' : secret.priority]) expect(text).not.toContain(value);
    expect(productCalls().map((e) => e.as)).toEqual(['user', 'user']);
  });

  test('issue-does-not-exist: the same finding as a hidden issue', async () => {
    covers('issue-does-not-exist');
    const r = await checked('issue-does-not-exist');
    expect(r.findings[0].code).toBe('ISSUE_NOT_FOUND_OR_HIDDEN');
    expect(productCalls().map((e) => e.as)).toEqual(['user', 'user']);
  });

  test('rate-limited', async () => {
    covers('rate-limited');
    const r = await checked('rate-limited');
    expect(r.findings[0].code).toBe('RATE_LIMITED');
    expect(r.findings[0].title).toContain('30 s');
  });

  test('jira-down', async () => {
    covers('jira-down');
    const r = await checked('jira-down');
    // The engine reads the HTML 503 page as the site's own unavailability page; either way it is availability.
    expect(['PRODUCT_UNAVAILABLE', 'SITE_UNAVAILABLE']).toContain(r.findings[0].code);
    expect(r.status.confluence).toBe('ok');
  });

  test('jira-hanging: a timeout diagnosis, not a hang', async () => {
    covers('jira-hanging');
    const started = Date.now();
    const r = await checked('jira-hanging', undefined, { handler: createResolverHandler({ callTimeoutMs: 1000 }) });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.findings[0].code).toBe('TIMEOUT');
    expect(r.probes[0]).toMatchObject({ outcome: 'timeout', verdict: 'failed' });
  });
});

describe('render resolver: configuration and modes', () => {
  beforeAll(() => site.useScenario('healthy'));
  test('no configuration → unconfigured; bad values → a message, and nothing is sent to Jira', async () => {
    site.clearLog();
    expect(await render(undefined)).toEqual({ state: 'unconfigured' });
    expect(await invokeResolver(handler as never, { functionKey: 'render', accountId: site.scenario.viewerAccountId })).toEqual({ state: 'unconfigured' });
    expect(await render('   ')).toEqual({ state: 'unconfigured' });
    const bad = (await render('../../rest/api/3/myself')) as { state: string; message: string };
    expect(bad.state).toBe('invalid-config');
    expect(bad.message).toMatch(/not a Jira issue key/);
    expect(productCalls()).toEqual([]);
  });
  test('links are accepted', async () => {
    const r = (await render('https://acme.atlassian.net/jira/software/projects/DOC/boards/1?selectedIssue=DOC-43')) as CheckedResult;
    expect(r.issue).toMatchObject({ key: 'DOC-43', status: { category: 'new' } });
    expect(r.issue?.assignee).toBeUndefined();
  });
  test('on a blog post the Confluence probe reads the blog post; without host content it is skipped', async () => {
    site.clearLog();
    const onBlog = (await invokeResolver(handler as never, { functionKey: 'render', accountId: site.scenario.viewerAccountId, context: macroContext('DOC-42', '98400', 'blogpost') })) as CheckedResult;
    expect(onBlog.status.confluence).toBe('ok');
    expect(productCalls().map((e) => e.url)).toContain('/wiki/api/v2/blogposts/98400');
    const nowhere = (await invokeResolver(handler as never, { functionKey: 'render', accountId: site.scenario.viewerAccountId, context: { extension: { config: { issue: 'DOC-42' } } } })) as CheckedResult;
    expect(nowhere.status).toEqual({ jira: 'ok', confluence: 'not-checked', scopes: 'ok' });
  });
  test('a 200 that is not the issue JSON is diagnosed, not crashed on', async () => {
    site.addFault({ kind: 'truncated-json', path: '^/rest/api/3/issue/' });
    const r = (await render('DOC-42')) as CheckedResult;
    expect(r.findings[0].code).toBe('MALFORMED_RESPONSE');
    expect(r.probes[0]).toMatchObject({ outcome: '200', verdict: 'failed' });
    expect(r.report).not.toContain('Publish the Forge macro');
    site.clearFaults();
  });
  test('requestConsent triggers the consent prompt on demand', async () => {
    await expect(invokeResolver(handler as never, { functionKey: 'requestConsent', accountId: site.scenario.viewerAccountId })).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
  });
});
