import { createResolverHandler, handler } from '../../src/resolvers';
import type { EmulatedSite } from '../../emulator/site';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { findAll, findButton, textOf, type ForgeDoc } from '../helpers/forge-doc';
import { mountFrontend, NodeForgeHost } from '../helpers/node-forge-host';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

const settled = (root: ForgeDoc | undefined) => !!root && findAll(root, 'Spinner').length === 0 && textOf(root).length > 0;

async function show(scenario: string, options: { issue?: string | null; resolver?: typeof handler } = {}) {
  site.useScenario(scenario);
  site.clearLog();
  const issue = options.issue === null ? undefined : options.issue ?? site.scenario.issueKey;
  const host = new NodeForgeHost(site, (options.resolver ?? handler) as never, issue === undefined ? undefined : { issue });
  mountFrontend(host);
  const root = await host.waitFor(settled);
  return { host, root, text: textOf(root) };
}

const EXPECTED: [string, string, string[]][] = [
  ['consent-needed', 'Allow access to show this Jira issue', []],
  ['seed-000-empty-user-grant', 'Your grant for Jira is empty', ['Jira as you: failing', 'Confluence as you: ok', 'Scopes: failing', 'asApp', 'Diagnostic panel']],
  ['jira-not-installed', 'The app is not installed on Jira of this site', ['Site admin:', 'forge install --product jira']],
  ['installation-not-upgraded', 'The installation has not been upgraded', ['forge install --upgrade']],
  ['reader-cannot-see-issue', 'SEC-7: Issue does not exist or you do not have permission to see it.', ['Ask the page author', 'Jira administrator']],
  ['issue-does-not-exist', 'DOC-999: Issue does not exist or you do not have permission to see it.', ['Page author:']],
  ['rate-limited', 'Jira is rate limiting the app: retry in 30 s', []],
  ['jira-down', 'Jira is unavailable right now', ['Confluence as you: ok']],
  ['seed-001-ex-path', 'Publish the Forge macro troubleshooting guide', []],
  ['seed-002-scoped-token', 'Publish the Forge macro troubleshooting guide', []],
  ['seed-003-admin-only', 'Publish the Forge macro troubleshooting guide', []]
];

describe('the macro as rendered by the real @forge/react reconciler', () => {
  test('healthy: the issue card and the status line, no warning, one invocation, two product calls', async () => {
    const { host, root, text } = await show('healthy');
    expect(text).toContain('DOC-42');
    expect(text).toContain('Publish the Forge macro troubleshooting guide');
    expect(findAll(root, 'Link')[0].props.href).toBe('https://acme.atlassian.net/browse/DOC-42');
    const status = findAll(root, 'Lozenge')[0];
    expect(status.props.appearance).toBe('inprogress');
    expect(textOf(status)).toBe('In Progress');
    for (const part of ['Type: Story', 'Priority: High', 'Assignee: Mia Krystof', 'Updated: 2026-11-24 16:05 UTC', 'Jira as you: ok', 'Confluence as you: ok', 'Scopes: ok']) expect(text).toContain(part);
    expect(findAll(root, 'SectionMessage')).toEqual([]);
    expect(host.invocations).toEqual([{ functionKey: 'render', payload: { issueRef: 'DOC-42', mode: 'normal' } }]);
    expect(site.requestLog().filter((e) => e.via === 'forge')).toHaveLength(2);
  });

  test('an unassigned issue says so', async () => {
    const { text } = await show('healthy', { issue: 'DOC-43' });
    expect(text).toContain('Assignee: Unassigned');
  });

  test.each(EXPECTED)('%s shows "%s"', async (scenario, headline, extra) => {
    const { text, root } = await show(scenario);
    expect(text).toContain(headline);
    for (const part of extra) expect(text).toContain(part);
    if (!headline.startsWith('Publish')) expect(findAll(root, 'SectionMessage').length).toBeGreaterThan(0);
  });

  test('manifest-missing-scope (with that manifest) names the scope to add', async () => {
    site.useScenario('manifest-missing-scope');
    const { text } = await show('manifest-missing-scope', { resolver: createResolverHandler({ declaredScopes: site.tenant.app.manifestScopes }) });
    expect(text).toContain('manifest.yml lacks read:jira-work');
  });

  test('jira-hanging renders a diagnosis, not a spinner', async () => {
    const { text } = await show('jira-hanging', { resolver: createResolverHandler({ callTimeoutMs: 800 }) });
    expect(text).toContain('Jira did not answer in time');
  });

  test('reader-cannot-see-issue: no field of the issue appears anywhere in the ForgeDoc', async () => {
    const { root } = await show('reader-cannot-see-issue');
    const all = JSON.stringify(root);
    const secret = site.tenant.issues.find((i) => i.key === 'SEC-7')!;
    for (const value of [secret.summary, secret.id, 'Ada Admin', secret.updated]) expect(all).not.toContain(value);
  });

  test('the diagnostic panel: probes, scope table, redacted report, Check again renders again', async () => {
    const { host, root, text } = await show('seed-000-empty-user-grant');
    expect(text).toContain('GET /rest/api/3/issue/DOC-42');
    expect(text).toContain('read:jira-work');
    const report = findAll(root, 'CodeBlock')[0].props.text as string;
    expect(report).toContain('USER_GRANT_EMPTY');
    expect(report).not.toMatch(/mia@acme\.example|Publish the Forge/);
    const button = findButton(root, 'Check again')!;
    (button.props.onClick as () => void)();
    await host.waitFor((r) => settled(r) && host.invocations.length === 2);
    expect(host.invocations[1].functionKey).toBe('render');
    const after = await host.waitFor((r) => settled(r) && findAll(r, 'DynamicTable').length > 0);
    const rows = findAll(findAll(after, 'DynamicTable')[0], 'Row').map((row) => textOf(row));
    expect(rows).toContain('Jira you GET /rest/api/3/issue/DOC-42 403 failed Reads the issue as you. The only call whose content is shown.');
    // No call as the app names the issue: the app's rights must not tell a reader whether it exists.
    expect(site.requestLog().filter((e) => e.via === 'forge' && e.as === 'app')).toEqual([]);
  });

  test('consent flow: invoke rejects with NEEDS_AUTHENTICATION_ERR; Allow access asks again; after consent the issue shows', async () => {
    const { host, root } = await show('consent-needed');
    (findButton(root, 'Allow access')!.props.onClick as () => void)();
    await host.waitFor(() => host.invocations.some((i) => i.functionKey === 'requestConsent'));
    site.grantConsent(site.scenario.viewerAccountId);
    const again = new NodeForgeHost(site, handler as never, { issue: 'DOC-42' });
    mountFrontend(again);
    const shown = await again.waitFor((r) => settled(r) && textOf(r).includes('Publish the Forge macro'));
    expect(findAll(shown, 'SectionMessage')).toEqual([]);
  });

  test('a pasted Jira link (autoConvert) shows its issue before any configuration', async () => {
    site.useScenario('healthy');
    const host = new NodeForgeHost(site, handler as never, undefined);
    host.autoConvertLink = 'https://acme.atlassian.net/browse/DOC-45';
    mountFrontend(host);
    const root = await host.waitFor(settled);
    expect(textOf(root)).toContain('Rate limit guidance for cross-product apps');
  });

  test('when the resolver itself fails, the macro shows a diagnosis and Check again, never a blank', async () => {
    site.useScenario('healthy');
    const failing = async () => {
      throw Object.assign(new Error('The function timed out after 25 seconds'), { name: 'FUNCTION_ERR' });
    };
    const host = new NodeForgeHost(site, failing as never, { issue: 'DOC-42' });
    mountFrontend(host);
    const root = await host.waitFor(settled);
    expect(textOf(root)).toContain('Confluence did not answer in time');
    expect(findButton(root, 'Check again')).toBeDefined();
  });

  test('no configuration: a prompt to configure, and no product call', async () => {
    const { text } = await show('healthy', { issue: null });
    expect(text).toContain('Choose a Jira issue');
    expect(site.requestLog().filter((e) => e.via === 'forge')).toEqual([]);
  });

  test('invalid configuration: a clear message, nothing sent to Jira', async () => {
    const { text } = await show('healthy', { issue: 'not an issue' });
    expect(text).toContain("This macro's configuration is not a Jira issue");
    expect(text).toContain('"not an issue" is not a Jira issue key');
    expect(site.requestLog().filter((e) => e.via === 'forge')).toEqual([]);
  });

  test('config panel: one field; an invalid value gets an inline message; saving a new value re-renders', async () => {
    const { host } = await show('healthy');
    const field = findAll(host.macroConfig, 'Textfield')[0];
    expect(field.props.name).toBe('issue');
    expect(textOf(host.macroConfig)).toContain('Jira issue key or link');
    host.setConfig({ issue: 'https://evil.example.com/browse/DOC-1' });
    await host.waitFor(() => textOf(host.macroConfig).includes('is not an Atlassian Cloud site'));
    host.setConfig({ issue: 'https://acme.atlassian.net/browse/DOC-44' });
    await host.waitFor((r) => settled(r) && textOf(r).includes('Screenshots for the scoped token how-to'));
    expect(textOf(host.macroConfig)).toContain('Shows DOC-44.');
  });
});
