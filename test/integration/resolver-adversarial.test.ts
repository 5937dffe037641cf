/** The emulator's adversarial-body fault (used by the benchmark) and the resolver's answer to it. */
import { handler } from '../../src/resolvers';
import { invokeResolver } from '../../emulator/forge-runtime';
import { ADVERSARIAL_BODY_BYTES } from '../../emulator/faults';
import type { CheckedResult } from '../../src/macro/render-result';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { macroContext } from '../helpers/macro-context';
import type { EmulatedSite } from '../../emulator/site';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

test('the fault serves 64 KiB of JSON in each product\'s error shape, and a render of it is still a diagnosis', async () => {
  site.useScenario('healthy');
  site.addFault({ kind: 'adversarial-body', product: 'jira', status: 403 });
  site.addFault({ kind: 'adversarial-body', product: 'confluence', status: 403 });
  const jira = await fetch(`${site.url}/__forge/jira/rest/api/3/issue/DOC-42`, { headers: { 'x-forge-provider': 'app' } });
  const jiraBody = await jira.text();
  expect(jira.status).toBe(403);
  expect(Buffer.byteLength(jiraBody)).toBe(ADVERSARIAL_BODY_BYTES);
  expect(JSON.parse(jiraBody).errorMessages).toHaveLength(2);
  const confluenceBody = await (await fetch(`${site.url}/__forge/confluence/wiki/api/v2/pages/98305`, { headers: { 'x-forge-provider': 'app' } })).text();
  expect(Buffer.byteLength(confluenceBody)).toBe(ADVERSARIAL_BODY_BYTES);
  expect(JSON.parse(confluenceBody).errors[0].detail).toContain('granted the following scopes: [granted');

  const result = (await invokeResolver(handler as never, { functionKey: 'render', accountId: site.scenario.viewerAccountId, context: macroContext('DOC-42') })) as CheckedResult;
  expect(result.state).toBe('checked');
  expect(result.issue).toBeUndefined();
  expect(result.findings[0].code).toBe('PERMISSION_DENIED');
  site.clearFaults();
}, 60_000);
