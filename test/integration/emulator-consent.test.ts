/** Consent as the platform does it now, through the real resolver: only the read:me preset asks, and "Allow access" yields the card. */
import { createResolverHandler, handler } from '../../src/resolvers';
import { invokeResolver } from '../../emulator/forge-runtime';
import { SCENARIO_NAMES, SCENARIOS } from '../../emulator/scenarios';
import type { EmulatedSite } from '../../emulator/site';
import type { RenderResult } from '../../src/macro/render-result';
import { startEmulatedForge } from '../helpers/emulated-forge';
import { macroContext } from '../helpers/macro-context';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

const render = (resolver: typeof handler) =>
  invokeResolver(resolver as never, { functionKey: 'render', payload: {}, accountId: site.scenario.viewerAccountId, context: macroContext(site.scenario.issueKey) }) as Promise<RenderResult>;

test('consent-needed runs a manifest declaring read:me; the resolver configured with it raises NEEDS_AUTHENTICATION_ERR until "Allow access", then shows the card', async () => {
  site.useScenario('consent-needed');
  expect(site.scenario.manifestScopes).toContain('read:me');
  const resolver = createResolverHandler({ declaredScopes: site.scenario.manifestScopes });
  await expect(render(resolver)).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR' });
  // The "Allow access" click, through the control API as the preview does it.
  const granted = await fetch(`${site.url}/__emulator/consent`, { method: 'POST', body: '{}' });
  expect(granted.status).toBe(200);
  const result = await render(resolver);
  expect(result).toMatchObject({ state: 'checked', issue: { key: 'DOC-42', summary: 'Publish the Forge macro troubleshooting guide' } });
});

test("every scenario names the manifest scopes it deploys; only consent-needed's asks each user", () => {
  const asking = SCENARIOS.filter((s) => s.manifestScopes.some((scope) => scope === 'read:me' || scope === 'read:account')).map((s) => s.name);
  expect(asking).toEqual(['consent-needed']);
});

test("with this app's own manifest no reader is ever asked: no preset's render raises NEEDS_AUTHENTICATION_ERR", async () => {
  for (const name of SCENARIO_NAMES.filter((n) => n !== 'consent-needed' && n !== 'jira-hanging')) {
    site.useScenario(name);
    const outcome = await render(createResolverHandler({ declaredScopes: site.scenario.manifestScopes })).then(
      (r) => r.state,
      (e: Error) => e.name
    );
    expect([name, outcome]).not.toEqual([name, 'NEEDS_AUTHENTICATION_ERR']);
  }
});
