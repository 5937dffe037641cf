/**
 * The states decided from the invocation context, as a reader sees them: the real frontend bundle entry rendered
 * by the real @forge/react reconciler, its invokes answered by the real resolver under the emulated site.
 */
import { handler } from '../../src/resolvers';
import type { EmulatedSite } from '../../emulator/site';
import type { MacroContextOptions } from '../../emulator/macro-context';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { findAll, settled, textOf, type ForgeDoc } from '../helpers/forge-doc';
import { mountFrontend, NodeForgeHost } from '../helpers/node-forge-host';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());


async function show(issue: string, options: Omit<MacroContextOptions, 'autoConvertLink'>) {
  site.useScenario('healthy');
  site.clearLog();
  const host = new NodeForgeHost(site, handler as never, { issue });
  host.contextOptions = options;
  mountFrontend(host);
  const root = await host.waitFor(settled);
  return { root, text: textOf(root) };
}

const productCalls = () => site.requestLog().filter((e) => e.via === 'forge');

test.each([
  ['anonymous', 'Log in to see this Jira issue'],
  ['unlicensed', 'Guests cannot see Jira issues in this macro']
] as const)('an %s reader sees a short message and never a failed call', async (accountType, title) => {
  const { text } = await show('DOC-42', { accountType });
  expect(text).toContain(title);
  expect(text).not.toContain('Publish the Forge macro');
  expect(productCalls()).toEqual([]);
});

test('a link to another site says where the issue lives, and this site\'s issue of the same key is not shown', async () => {
  const { text } = await show('https://other.atlassian.net/browse/DOC-42', {});
  expect(text).toContain('DOC-42 is on other.atlassian.net, not on this site');
  expect(text).toContain('https://other.atlassian.net/browse/DOC-42');
  expect(text).not.toContain('Publish the Forge macro');
  expect(productCalls()).toEqual([]);
});

test('in the editor the card shows and no Confluence call is made', async () => {
  const { root } = await show('DOC-42', { isEditing: true });
  expect(textOf(root)).toContain('Publish the Forge macro troubleshooting guide');
  expect(findAll(root, 'Link')[0].props.href).toBe('https://acme.atlassian.net/browse/DOC-42');
  expect(productCalls().map((e) => e.product)).toEqual(['jira']);
});
