/**
 * A timed-out product call is aborted, not merely abandoned: the request @forge/api hands to the platform's fetch is
 * cancelled, so its connection to the (emulated) site closes instead of lingering past the render.
 */
import { createResolverHandler } from '../../src/resolvers';
import { invokeResolver } from '../../emulator/forge-runtime';
import type { CheckedResult } from '../../src/macro/render-result';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { macroContext } from '../helpers/macro-context';
import type { EmulatedSite } from '../../emulator/site';

type ForgeFetch = (args: unknown, path: string, init?: RequestInit) => Promise<Response>;
type Globals = typeof globalThis & { __forge_fetch__?: ForgeFetch };

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

interface Seen {
  path: string;
  signal?: AbortSignal | null;
  settled: Promise<string>;
}

/** Watches every request @forge/api hands to the platform's fetch: its signal, and how the request ended. */
function watchPlatformFetch(): { seen: Seen[]; restore: () => void } {
  const g = globalThis as Globals;
  const original = g.__forge_fetch__!;
  const seen: Seen[] = [];
  g.__forge_fetch__ = (args, path, init) => {
    const request = original(args, path, init);
    seen.push({ path, signal: init?.signal, settled: request.then((r) => `answered ${r.status}`, (e: Error) => `failed ${e.name}`) });
    return request;
  };
  return { seen, restore: () => void (g.__forge_fetch__ = original) };
}

test('jira-hanging: the hanging Jira call is aborted when its timeout fires, and its connection is torn down', async () => {
  site.useScenario('jira-hanging');
  const watch = watchPlatformFetch();
  try {
    const started = Date.now();
    const result = (await invokeResolver(createResolverHandler({ callTimeoutMs: 600 }) as never, {
      functionKey: 'render',
      accountId: site.scenario.viewerAccountId,
      context: macroContext('DOC-42')
    })) as CheckedResult;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.findings[0].code).toBe('TIMEOUT');
    const jira = watch.seen.find((s) => s.path.startsWith('/rest/api/3/issue/DOC-42'))!;
    expect(jira.signal).toBeDefined();
    expect(jira.signal!.aborted).toBe(true);
    // The emulator never answers a hanging request, so only the abort can end it.
    await expect(Promise.race([jira.settled, new Promise((resolve) => setTimeout(() => resolve('still open'), 1000))])).resolves.toBe('failed AbortError');
    // The Confluence call, which answered, was not aborted.
    const confluence = watch.seen.find((s) => s.path.startsWith('/wiki/'))!;
    expect(confluence.signal!.aborted).toBe(false);
    await expect(confluence.settled).resolves.toBe('answered 200');
  } finally {
    watch.restore();
  }
});
