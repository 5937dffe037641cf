import fc from 'fast-check';
import { handler } from '../../src/resolvers';
import { invokeResolver } from '../../emulator/forge-runtime';
import type { EmulatedSite } from '../../emulator/site';
import { parseIssueRef } from '../../src/macro/issue-ref';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { macroContext } from '../helpers/macro-context';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

const hostile = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom('../', '..%2F', '%2e%2e/', '?', '#', '&', '/rest/api/3/myself', 'DOC-42?expand=changelog', 'DOC-42/../../myself', 'DOC-42%3Fx', 'ＤＯＣ-４２', 'DOC‐42').chain((s) =>
    fc.tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 })).map(([a, b]) => a + s + b)
  ),
  fc.nat({ max: 12_000 }).map((n) => 'A'.repeat(n)),
  fc.webUrl({ withQueryParameters: true, withFragments: true })
);

describe('bad configuration values never reach the site', () => {
  test('fuzzed values: refused ones make no product call; accepted ones call only /rest/api/3/issue/<KEY>', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (value) => {
        site.clearLog();
        const result = (await invokeResolver(handler as never, { functionKey: 'render', payload: { issueRef: value }, accountId: site.scenario.viewerAccountId, context: macroContext(value) })) as { state: string };
        const calls = site.requestLog().filter((e) => e.via === 'forge');
        const parsed = parseIssueRef(value);
        if (!parsed.ok) {
          expect(['unconfigured', 'invalid-config']).toContain(result.state);
          expect(calls).toEqual([]);
        } else {
          for (const call of calls.filter((c) => c.product === 'jira')) expect(call.url).toMatch(new RegExp(`^/rest/api/3/issue/${parsed.key}\\?fields=[a-z%2C]+$`, 'i'));
        }
      }),
      { numRuns: 150 }
    );
  });
});
