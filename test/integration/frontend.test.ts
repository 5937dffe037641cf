import { build } from 'esbuild';
import { join } from 'node:path';
import { createResolverHandler, handler } from '../../src/resolvers';
import type { EmulatedSite } from '../../emulator/site';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { findAll, settled, textOf, walk, type ForgeDoc } from '../helpers/forge-doc';
import { mountFrontend, NodeForgeHost } from '../helpers/node-forge-host';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

const SUMMARY = 'Publish the Forge macro troubleshooting guide';

async function show(scenario: string, options: { issue?: string | null; resolver?: typeof handler } = {}) {
  site.useScenario(scenario);
  site.clearLog();
  const issue = options.issue === null ? undefined : options.issue ?? site.scenario.issueKey;
  const host = new NodeForgeHost(site, (options.resolver ?? createResolverHandler({ declaredScopes: site.tenant.app.manifestScopes })) as never, issue === undefined ? undefined : { issue });
  mountFrontend(host);
  const root = await host.waitFor(settled);
  return { host, root, text: textOf(root) };
}

/** Buttons and loading buttons, in the order a reader meets them. */
function controls(root: ForgeDoc | undefined): ForgeDoc[] {
  const found: ForgeDoc[] = [];
  walk(root, (n) => (n.type === 'Button' || n.type === 'LoadingButton') && found.push(n));
  return found;
}

function click(root: ForgeDoc | undefined, label: string): void {
  const button = controls(root).find((b) => textOf(b) === label);
  if (!button) throw new Error(`No "${label}" button in: ${textOf(root)}`);
  (button.props.onClick as () => void)();
}

const buttons = (root: ForgeDoc | undefined) => controls(root).map((b) => textOf(b));
const checkAgain = (root: ForgeDoc | undefined) => controls(root).find((b) => textOf(b) === 'Check again');

/** Every String node's text: what the reader reads, without the props of closed parts. */
function strings(root: ForgeDoc | undefined): string[] {
  const out: string[] = [];
  walk(root, (n) => n.type === 'String' && out.push(String(n.props.text)));
  return out;
}

// The reader's message: its title, and words the message must hold (what happened, what to do, whom to ask).
const READER: [string, string, string[]][] = [
  ['seed-000-empty-user-grant', 'Jira did not let this app read DOC-42 for you', ['Renew access', 'ask a site admin']],
  ['jira-not-installed', 'This app is not connected to Jira on this site', ['Ask a site admin']],
  ['manifest-missing-scope', 'This app is not set up to show Jira issues here', ['Ask a site admin']],
  ['installation-not-upgraded', 'This app needs an update before it can show Jira issues', ['Ask a site admin']],
  ['reader-cannot-see-issue', 'SEC-7 does not exist or you do not have permission to see it', ['ask the page author', 'Jira admin']],
  ['issue-does-not-exist', 'DOC-999 does not exist or you do not have permission to see it', ['ask the page author', 'Jira admin']],
  ['rate-limited', 'Jira is busy right now', ['Check again in a minute']],
  ['jira-down', 'Jira is not answering right now', ['Check again in a minute', 'ask a site admin']]
];

describe('the macro as rendered by the real @forge/react reconciler', () => {
  test('healthy: the issue card alone, one invocation with an empty payload, two product calls', async () => {
    const { host, root, text } = await show('healthy');
    expect(text).toContain('DOC-42');
    expect(text).toContain(SUMMARY);
    expect(findAll(root, 'Link')[0].props.href).toBe('https://acme.atlassian.net/browse/DOC-42');
    const lozenges = findAll(root, 'Lozenge');
    expect(lozenges).toHaveLength(1);
    expect(lozenges[0].props.appearance).toBe('inprogress');
    expect(textOf(lozenges[0])).toBe('In Progress');
    for (const part of ['Type: Story', 'Priority: High', 'Assignee: Mia Krystof', 'Updated: 2026-11-24 16:05 UTC']) expect(text).toContain(part);
    expect(text).not.toMatch(/Jira as you|Scopes|Check again/);
    expect(findAll(root, 'SectionMessage')).toEqual([]);
    expect(controls(root)).toEqual([]);
    // Which issue to show comes from the saved configuration in the context, never from the payload.
    expect(host.invocations).toEqual([{ functionKey: 'render', payload: {} }]);
    expect(site.requestLog().filter((e) => e.via === 'forge')).toHaveLength(2);
  });

  test('an unassigned issue says so', async () => {
    const { text } = await show('healthy', { issue: 'DOC-43' });
    expect(text).toContain('Assignee: Unassigned');
  });

  test.each(READER)('%s: one short message "%s", and the details stay closed', async (scenario, title, words) => {
    const { root, text } = await show(scenario);
    const messages = findAll(root, 'SectionMessage');
    expect(messages).toHaveLength(1);
    expect(messages[0].props.title).toBe(title);
    for (const word of words) expect(text).toContain(word);
    expect(buttons(root)).toEqual([...(words.includes('Renew access') ? ['Renew access'] : []), 'Check again', 'Show details']);
    // Nothing for admins or developers before the reader opens it.
    expect(findAll(root, 'DynamicTable')).toEqual([]);
    expect(findAll(root, 'CodeBlock')).toEqual([]);
    expect(text).not.toMatch(/asApp|\/rest\/api|manifest|forge install|`/);
  });

  test('hidden and non-existent issues read the same to a reader, word for word', async () => {
    const hidden = await show('reader-cannot-see-issue');
    const missing = await show('issue-does-not-exist');
    const reader = (root: ForgeDoc) => JSON.stringify({ title: findAll(root, 'SectionMessage')[0].props.title, text: strings(root) });
    expect(reader(hidden.root).replace(/SEC-7/g, 'KEY')).toBe(reader(missing.root).replace(/DOC-999/g, 'KEY'));
    // The opened details too: the same calls, verdicts, scopes and report, but for the key and the time.
    const opened = async ({ host, root }: { host: NodeForgeHost; root: ForgeDoc }) => {
      click(root, 'Show details');
      const open = await host.waitFor((r) => findAll(r, 'CodeBlock').length === 1);
      return JSON.stringify(open, (key, value) => (key === 'key' || key === '__id__' ? undefined : value))
        .replace(/\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?Z)?( UTC)?/g, 'TIME');
    };
    expect((await opened(hidden)).replace(/SEC-7/g, 'KEY')).toBe((await opened(missing)).replace(/DOC-999/g, 'KEY'));
  });

  test('Show details opens everything for admins and developers: remedies by role, checks, calls, scopes, the report', async () => {
    const { host, root } = await show('seed-000-empty-user-grant');
    click(root, 'Show details');
    const open = await host.waitFor((r) => findAll(r, 'CodeBlock').length === 1);
    const text = textOf(open);
    expect(text).toContain('Details for site admins and the app developer');
    for (const role of ['You', 'Site admin', 'App developer']) expect(findAll(open, 'Text').some((t) => t.props.weight === 'bold' && textOf(t) === role)).toBe(true);
    expect(text).toContain('Do not switch the call to asApp');
    for (const check of ['Jira as you: failed', 'Confluence as you: ok', 'Scopes: failed']) expect(findAll(open, 'Lozenge').map(textOf)).toContain(check);
    expect(findAll(open, 'Code').map(textOf)).toEqual(expect.arrayContaining(['forge install --upgrade', 'USER_GRANT_EMPTY', 'GET /rest/api/3/issue/DOC-42', 'read:jira-work']));
    // Commands are inline Code, never backticks shown as text.
    expect(strings(open).join('')).not.toContain('`');
    const verdicts = findAll(findAll(open, 'DynamicTable')[0], 'Lozenge').map(textOf);
    expect(verdicts).toEqual(['failed', 'ok']);
    const report = findAll(open, 'CodeBlock')[0].props.text as string;
    expect(report).toContain('USER_GRANT_EMPTY');
    expect(report).not.toMatch(/mia@acme\.example|Publish the Forge/);
    click(open, 'Hide details');
    const closed = await host.waitFor((r) => findAll(r, 'CodeBlock').length === 0);
    expect(buttons(closed)).toContain('Show details');
  });

  test('the scope table and the report use one word for what the platform did not reveal', async () => {
    const { host, root } = await show('jira-not-installed');
    click(root, 'Show details');
    const open = await host.waitFor((r) => findAll(r, 'CodeBlock').length === 1);
    const text = textOf(open);
    expect(text).not.toContain('not revealed');
    expect(findAll(open, 'DynamicTable')[1] && textOf(findAll(open, 'DynamicTable')[1])).toContain('unknown');
    expect(findAll(open, 'CodeBlock')[0].props.text).toContain('(unknown)');
    // Jira never got to check scopes: the app is not installed there.
    expect(findAll(open, 'Lozenge').map(textOf)).toContain('Scopes: not checked');
    expect(text).not.toContain('Scopes: ok');
  });

  test('Check again keeps the diagnosis while it runs, then shows the new result', async () => {
    const { host, root } = await show('jira-down');
    site.clearFaults();
    site.addFault({ kind: 'latency', product: 'jira', ms: 400 });
    click(root, 'Check again');
    const during = await host.waitFor((r) => checkAgain(r)?.props.isLoading === true);
    expect(checkAgain(during)!.type).toBe('LoadingButton');
    expect(findAll(during, 'SectionMessage')[0].props.title).toBe('Jira is not answering right now');
    expect(findAll(during, 'Spinner')).toEqual([]);
    const after = await host.waitFor((r) => textOf(r).includes(SUMMARY));
    expect(host.invocations).toEqual([
      { functionKey: 'render', payload: {} },
      { functionKey: 'render', payload: {} }
    ]);
    expect(findAll(after, 'SectionMessage')).toEqual([]);
    expect(controls(after)).toEqual([]);
    site.clearFaults();
  });

  test('consent needed: the app adds no button of its own (Confluence shows "Allow access")', async () => {
    const { root, text } = await show('consent-needed');
    expect(controls(root)).toEqual([]);
    expect(text).toContain('Confluence is asking for your permission');
  });

  test('seed 000: Renew access asks the platform again and the diagnosis stays', async () => {
    const { host, root } = await show('seed-000-empty-user-grant');
    click(root, 'Renew access');
    await host.waitFor(() => host.invocations.some((i) => i.functionKey === 'requestConsent'));
    await new Promise((r) => setTimeout(r, 100));
    expect(findAll(host.root, 'SectionMessage')[0].props.title).toBe('Jira did not let this app read DOC-42 for you');
  });

  test('Jira hanging: a message, not a spinner', async () => {
    const { root } = await show('jira-hanging', { resolver: createResolverHandler({ callTimeoutMs: 800 }) });
    expect(findAll(root, 'SectionMessage')[0].props.title).toBe('Jira did not answer in time');
  });

  test('reader-cannot-see-issue: no field of the issue appears anywhere in the ForgeDoc, details included', async () => {
    const { host, root } = await show('reader-cannot-see-issue');
    click(root, 'Show details');
    const open = await host.waitFor((r) => findAll(r, 'CodeBlock').length === 1);
    const all = JSON.stringify(open);
    const secret = site.tenant.issues.find((i) => i.key === 'SEC-7')!;
    for (const value of [secret.summary, secret.id, 'Ada Admin', secret.updated]) expect(all).not.toContain(value);
  });

  test('a pasted Jira link (autoConvert) shows its issue before any configuration', async () => {
    site.useScenario('healthy');
    const host = new NodeForgeHost(site, handler as never, undefined);
    host.autoConvertLink = 'https://acme.atlassian.net/browse/DOC-45';
    mountFrontend(host);
    const root = await host.waitFor(settled);
    expect(textOf(root)).toContain('Rate limit guidance for cross-product apps');
  });

  test('when the resolver itself fails, the macro says so in plain words with Check again, never a blank', async () => {
    site.useScenario('healthy');
    const failing = async () => {
      throw Object.assign(new Error('The function timed out after 25 seconds'), { name: 'FUNCTION_ERR' });
    };
    const host = new NodeForgeHost(site, failing as never, { issue: 'DOC-42' });
    mountFrontend(host);
    const root = await host.waitFor(settled);
    expect(findAll(root, 'SectionMessage')[0].props.title).toBe('Confluence did not answer in time');
    expect(buttons(root)).toEqual(['Check again']);
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

  test('config panel: only components classic macro configuration supports; an invalid value is explained by the macro; saving re-renders', async () => {
    const { host } = await show('healthy');
    const types = new Set<string>();
    const visit = (n: ForgeDoc | undefined) => {
      if (!n) return;
      if (n.type !== 'MacroConfig' && n.type !== 'String') types.add(n.type);
      (n.children ?? []).forEach(visit);
    };
    visit(host.macroConfig);
    // add-configuration-to-a-macro-with-ui-kit.md: Checkbox group, Date picker, Label, Radio group, Select,
    // Textfield, Text area, User picker; Label without labelFor/id.
    expect([...types].sort()).toEqual(['Label', 'Textfield']);
    expect(findAll(host.macroConfig, 'Label')[0].props.labelFor).toBeUndefined();
    const field = findAll(host.macroConfig, 'Textfield')[0];
    expect(field.props.name).toBe('issue');
    expect(field.props.id).toBeUndefined();
    expect(textOf(host.macroConfig)).toContain('Jira issue key or link');
    host.setConfig({ issue: 'https://evil.example.com/browse/DOC-1' });
    await host.waitFor((r) => textOf(r).includes('is not an Atlassian Cloud site'));
    expect(textOf(host.root)).toContain("This macro's configuration is not a Jira issue");
    host.setConfig({ issue: 'https://acme.atlassian.net/browse/DOC-44' });
    await host.waitFor((r) => settled(r) && textOf(r).includes('Screenshots for the scoped token how-to'));
  });
});

describe("the reader's bundle", () => {
  test('carries no diagnosis engine and no scope catalog', async () => {
    const result = await build({
      entryPoints: [join(__dirname, '..', '..', 'src', 'frontend', 'index.tsx')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'browser',
      jsx: 'automatic',
      logLevel: 'silent',
      loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.gif': 'dataurl' }
    });
    const ours = Object.keys(result.metafile!.inputs).filter((p) => p.startsWith('src/'));
    expect(ours.filter((p) => p.startsWith('src/frontend/')).length).toBeGreaterThan(5);
    expect(ours.filter((p) => /^src\/(catalog|diagnosis)\//.test(p) || p.endsWith('.json'))).toEqual([]);
  }, 30000);

  test('stays small: esbuild, minified, under 330 KB (Forge\'s bundler gave main.js 241 KB when this was 298 KB; the engine adds about 200 KB)', async () => {
    const result = await build({
      entryPoints: [join(__dirname, '..', '..', 'src', 'frontend', 'index.tsx')],
      bundle: true,
      write: false,
      minify: true,
      platform: 'browser',
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
      loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.gif': 'dataurl' }
    });
    expect(result.outputFiles[0].contents.length).toBeLessThan(330 * 1024);
  }, 30000);
});
