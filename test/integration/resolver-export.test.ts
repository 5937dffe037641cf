/**
 * The macro's adfExport function (manifest.yml `adfExport: { function: export-view }`, handler `index.adfExport`):
 * called the way Forge calls a function module, as one invocation by the exporting user, with @forge/api reading
 * the emulated site.
 */
import { parse as load } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as app from '../../src/index';
import { runInvocation } from '../../emulator/forge-runtime';
import { EMULATED_SITE_URL, macroContext } from '../../emulator/macro-context';
import { startEmulatedForge } from '../helpers/emulated-forge';
import type { EmulatedSite } from '../../emulator/site';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

type ExportType = 'pdf' | 'word';

/**
 * The payload of an export. PDF carries the config in `extensionPayload.config`, Word in `context.config`
 * (as a published app's export handler reads them: https://github.com/ZenUml/conf-app/blob/main/src/export.js).
 */
function exportPayload(exportType: ExportType, issue: string | undefined, options: { siteUrl?: string | null; accountType?: 'licensed' | 'anonymous' | 'unlicensed' } = {}) {
  const context = macroContext(undefined, undefined, { siteUrl: options.siteUrl, accountType: options.accountType });
  const config = issue === undefined ? undefined : { issue };
  return exportType === 'pdf'
    ? { exportType, context, extensionPayload: { config } }
    : { exportType, context: { ...context, config }, extensionPayload: {} };
}

async function exported(scenario: string, payload: unknown, accountId: string | undefined = site.scenario.viewerAccountId) {
  site.useScenario(scenario);
  site.clearLog();
  const viewer = accountId ?? undefined;
  return runInvocation({ accountId: viewer, moduleKey: 'export-view' }, () =>
    app.adfExport(payload, viewer ? { principal: { accountId: viewer } } : undefined)
  );
}

const productCalls = () => site.requestLog().filter((e) => e.via === 'forge');
const texts = (adf: unknown) => JSON.stringify(adf);

test('manifest.yml wires the macro\'s adfExport to this handler', () => {
  const manifest = load(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as {
    modules: { macro: { adfExport?: { function: string } }[]; function: { key: string; handler: string }[] };
  };
  const key = manifest.modules.macro[0].adfExport?.function;
  const fn = manifest.modules.function.find((f) => f.key === key);
  expect(fn?.handler).toBe('index.adfExport');
  expect(typeof app.adfExport).toBe('function');
});

describe.each(['pdf', 'word'] as const)('%s export', (exportType) => {
  test('the issue key (linked to the site), summary and status, read as the exporting user', async () => {
    const adf = await exported('healthy', exportPayload(exportType, 'DOC-42'));
    expect(adf).toEqual({
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'DOC-42', marks: [{ type: 'link', attrs: { href: `${EMULATED_SITE_URL}/browse/DOC-42` } }] },
            { type: 'text', text: ' ' },
            { type: 'text', text: 'Publish the Forge macro troubleshooting guide', marks: [{ type: 'strong' }] },
            { type: 'text', text: ' · Status: In Progress' }
          ]
        }
      ]
    });
    expect(productCalls().map((e) => `${e.as} ${e.accountId} ${e.url.split('?')[0]}`)).toEqual([`user ${site.scenario.viewerAccountId} /rest/api/3/issue/DOC-42`]);
  });
});

test('a failing read gives one plain paragraph with the key and link, identical for a hidden and a missing issue', async () => {
  const hidden = await exported('reader-cannot-see-issue', exportPayload('pdf', 'SEC-7'));
  const missing = await exported('reader-cannot-see-issue', exportPayload('pdf', 'SEC-9999'));
  expect(hidden).toEqual({
    type: 'doc',
    version: 1,
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Jira issue ' }, { type: 'text', text: 'SEC-7', marks: [{ type: 'link', attrs: { href: `${EMULATED_SITE_URL}/browse/SEC-7` } }] }] }]
  });
  expect(texts(hidden).split('SEC-7').join('K')).toBe(texts(missing).split('SEC-9999').join('K'));
  expect(texts(hidden)).not.toContain('Rotate the integration');
});

test('consent missing, an empty grant or Jira down: still a paragraph, never a throw', async () => {
  for (const scenario of ['consent-needed', 'seed-000-empty-user-grant', 'jira-down']) {
    const adf = await exported(scenario, exportPayload('word', 'DOC-42'));
    expect(texts(adf)).toContain('"text":"Jira issue "');
    expect(texts(adf)).toContain(`${EMULATED_SITE_URL}/browse/DOC-42`);
  }
});

test('an anonymous export makes no product call', async () => {
  const adf = await exported('healthy', exportPayload('pdf', 'DOC-42', { accountType: 'anonymous' }), undefined);
  expect(productCalls()).toEqual([]);
  expect(texts(adf)).toContain('"text":"DOC-42"');
  expect(texts(adf)).not.toContain('Publish the Forge');
});

test('a guest export (an account, but unlicensed) makes no product call either', async () => {
  const adf = await exported('healthy', exportPayload('pdf', 'DOC-42', { accountType: 'unlicensed' }));
  expect(productCalls()).toEqual([]);
  expect(texts(adf)).toContain('"text":"DOC-42"');
  expect(texts(adf)).not.toContain('Publish the Forge');
});

test('an export with no principal (no user to read as) makes no product call, whatever the context claims', async () => {
  const adf = await exported('healthy', exportPayload('word', 'DOC-42'), null as unknown as undefined);
  expect(productCalls()).toEqual([]);
  expect(texts(adf)).toContain(`${EMULATED_SITE_URL}/browse/DOC-42`);
  expect(texts(adf)).not.toContain('Publish the Forge');
});

test('a link to another site: its own link, no lookup here', async () => {
  const adf = await exported('healthy', exportPayload('pdf', 'https://other.atlassian.net/browse/DOC-42'));
  expect(productCalls()).toEqual([]);
  expect(texts(adf)).toContain('https://other.atlassian.net/browse/DOC-42');
  expect(texts(adf)).toContain('on other.atlassian.net');
  expect(texts(adf)).not.toContain('Publish the Forge');
});

test('unconfigured or invalid values get a short notice and no call', async () => {
  expect(texts(await exported('healthy', exportPayload('pdf', undefined)))).toContain('no Jira issue is configured');
  expect(texts(await exported('healthy', exportPayload('pdf', '../../rest/api/3/myself')))).toContain('not a Jira issue key or link');
  expect(productCalls()).toEqual([]);
});
