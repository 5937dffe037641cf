/**
 * `npm run bench`: measures the macro's resolver over the emulated site with injected latency.
 * A script, not a test: it prints figures; the acceptance bounds are shown beside them.
 */
import api, { route } from '@forge/api';
import { installForgeRuntime, invokeResolver, runInvocation } from '../emulator/forge-runtime';
import { EmulatedSite } from '../emulator/site';
import { createResolverHandler, DEFAULT_RENDER_OPTIONS } from '../src/resolvers';
import { macroContext } from '../emulator/macro-context';

const UNIFORM_MS = 250;
const JIRA_MS = 200;
const CONFLUENCE_MS = 300;
const RUNS = 7;
const CONTEXT = macroContext({ issue: 'DOC-42' });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const site = await EmulatedSite.start({ scenario: 'healthy' });
  const runtime = installForgeRuntime(site);
  const handler = createResolverHandler();
  const viewer = () => site.scenario.viewerAccountId;
  const render = (issueRef: string, mode = 'normal') =>
    invokeResolver(handler as never, { functionKey: 'render', payload: { issueRef, mode }, accountId: viewer(), context: CONTEXT });
  const withUniformLatency = () => site.addFault({ kind: 'latency', ms: UNIFORM_MS });
  const withLatency = () => {
    site.addFault({ kind: 'latency', product: 'jira', ms: JIRA_MS });
    site.addFault({ kind: 'latency', product: 'confluence', ms: CONFLUENCE_MS });
  };
  const sample = async (fn: () => Promise<unknown>) => {
    await fn(); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timed(fn));
    return median(times);
  };
  const rows: [string, string, string][] = [];
  try {
    // Healthy render against one call, every call with the same latency.
    site.useScenario('healthy');
    withUniformLatency();
    const oneCall = await sample(() => runInvocation({ accountId: viewer() }, () => api.asUser().requestJira(route`/rest/api/3/issue/DOC-42?fields=summary`)));
    site.clearLog();
    const healthy = await sample(() => render('DOC-42'));
    const callsPerRender = site.requestLog().filter((e) => e.via === 'forge').length / (RUNS + 1);
    rows.push(['product calls per render (healthy)', callsPerRender.toFixed(1), '≤ 2']);
    rows.push([`healthy render ÷ one call's latency (${healthy.toFixed(0)} ms ÷ ${oneCall.toFixed(0)} ms)`, (healthy / oneCall).toFixed(2), '≤ 1.15']);

    // Each probe alone, with different latencies per product.
    site.useScenario('healthy');
    withLatency();
    const jiraCall = await sample(() => runInvocation({ accountId: viewer() }, () => api.asUser().requestJira(route`/rest/api/3/issue/DOC-42?fields=summary`)));
    const confluenceCall = await sample(() => runInvocation({ accountId: viewer() }, () => api.asUser().requestConfluence(route`/wiki/api/v2/pages/98305`)));
    const appCall = await sample(() => runInvocation({ accountId: viewer() }, () => api.asApp().requestJira(route`/rest/api/3/issue/DOC-42?fields=issuetype`)));
    const slowestProbe = Math.max(jiraCall, confluenceCall, appCall);


    // Full diagnosis: every probe at once (the "Check again" action) on seed 000's tenant.
    site.useScenario('seed-000-empty-user-grant');
    withLatency();
    const full = await sample(() => render('DOC-42', 'full'));
    rows.push([`full diagnosis ÷ slowest probe (${full.toFixed(0)} ms ÷ ${slowestProbe.toFixed(0)} ms)`, (full / slowestProbe).toFixed(2), '≤ 1.25']);

    // A failing render in normal mode (seed 000): still one wave.
    site.useScenario('seed-000-empty-user-grant');
    withLatency();
    const failing = await sample(() => render('DOC-42'));
    rows.push([`failing render, normal mode, seed 000 (${failing.toFixed(0)} ms ÷ ${slowestProbe.toFixed(0)} ms)`, (failing / slowestProbe).toFixed(2), 'informational']);

    // A 404 needs a second wave (the asApp existence probe) in a normal render.
    site.useScenario('reader-cannot-see-issue');
    withLatency();
    const hidden = await sample(() => render('SEC-7'));
    rows.push([`404 render, normal mode, two waves (${hidden.toFixed(0)} ms ÷ ${slowestProbe.toFixed(0)} ms)`, (hidden / slowestProbe).toFixed(2), 'informational']);

    // Jira hanging.
    site.useScenario('jira-hanging');
    const hang = await timed(() => render('DOC-42'));
    rows.push([`time to a rendered diagnosis with Jira hanging (call timeout ${DEFAULT_RENDER_OPTIONS.callTimeoutMs} ms)`, `${(hang / 1000).toFixed(2)} s`, '< 10 s (Forge limit 25 s)']);
  } finally {
    runtime.uninstall();
    await site.stop();
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`Issue Doctor benchmark — emulated latency: ${UNIFORM_MS} ms per call for the healthy rows, then Jira ${JIRA_MS} ms / Confluence ${CONFLUENCE_MS} ms; median of ${RUNS} runs\n`);
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(8)}  bound`);
  for (const [name, value, bound] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(8)}  ${bound}`);
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});
