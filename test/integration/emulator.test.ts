import api, { route, NeedsAuthenticationError, getAppContext, permissions, type APIResponse } from '@forge/api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asViewer, startEmulatedForge } from '../helpers/emulated-forge';
import type { EmulatedSite } from '../../emulator/site';
import { ADVERSARIAL_BODY_BYTES, FAULT_KINDS } from '../../emulator/faults';
import { SCENARIO_NAMES } from '../../emulator/scenarios';
import { parseRawResponse } from '../../src/diagnosis/parse/raw-response';
import { diagnose } from '../../src/diagnosis/diagnose';
import { VIEWER_ID } from '../../emulator/tenant/sample-tenant';

const seedResponse = (file: string) => parseRawResponse(readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 'responses', file), 'utf8'));

let site: EmulatedSite;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());
beforeEach(() => site.clearLog());

const userIssue = (key = site.scenario.issueKey) => asViewer(site, () => api.asUser().requestJira(route`/rest/api/3/issue/${key}?fields=summary,status`));
const appIssue = (key = site.scenario.issueKey) => asViewer(site, () => api.asApp().requestJira(route`/rest/api/3/issue/${key}?fields=summary`));
const userPage = () => asViewer(site, () => api.asUser().requestConfluence(route`/wiki/api/v2/pages/98305`));

const basic = (token: string) => `Basic ${Buffer.from(`mia@acme.example:${token}`).toString('base64')}`;

describe('healthy', () => {
  beforeAll(() => site.useScenario('healthy'));
  test('asUser reads the issue with only the fields asked for; the app context comes from the emulator', async () => {
    const response = await userIssue();
    expect(response.status).toBe(200);
    const issue = await response.json();
    expect(issue.key).toBe('DOC-42');
    expect(Object.keys(issue.fields).sort()).toEqual(['status', 'summary']);
    expect(issue.fields.status.statusCategory.key).toBe('indeterminate');
    const context = await asViewer(site, async () => getAppContext());
    expect(context.permissions?.scopes).toEqual(['read:jira-work', 'read:page:confluence']);
    expect(context.environmentType).toBe('DEVELOPMENT');
    expect(await asViewer(site, async () => permissions.hasPermission({ scopes: ['read:jira-work'] }))).toEqual({ granted: true });
  });
  test('the request log tells asUser from asApp calls, with the acting account', async () => {
    await userIssue();
    await appIssue();
    expect(site.requestLog().map((e) => [e.via, e.as, e.accountId, e.product, e.status])).toEqual([
      ['forge', 'user', VIEWER_ID, 'jira', 200],
      ['forge', 'app', undefined, 'jira', 200]
    ]);
  });
});

describe('consent-needed', () => {
  beforeAll(() => site.useScenario('consent-needed'));
  test('an app declaring read:me: @forge/api itself throws NeedsAuthenticationError; after the grant-consent mutation the call succeeds', async () => {
    expect(site.tenant.app.manifestScopes).toContain('read:me');
    await expect(userIssue()).rejects.toBeInstanceOf(NeedsAuthenticationError);
    const raw = await fetch(`${site.url}/__forge/jira/rest/api/3/issue/DOC-42`, { headers: { 'x-forge-provider': 'user', 'x-forge-account-id': VIEWER_ID } });
    expect(raw.status).toBe(401);
    expect(raw.headers.get('forge-proxy-error')).toBe('NEEDS_AUTHENTICATION_ERR');
    expect((await appIssue()).status).toBe(200);
    site.grantConsent(VIEWER_ID);
    expect((await userIssue()).status).toBe(200);
  });
});

test("simplified user consent: with this app's own manifest no preset ever asks a reader, although nobody clicked \"Allow access\"", async () => {
  for (const name of SCENARIO_NAMES.filter((n) => n !== 'consent-needed' && n !== 'jira-hanging')) {
    site.useScenario(name);
    expect(site.tenant.users.some((u) => u.consented)).toBe(false);
    const raw = await fetch(`${site.url}/__forge/jira/rest/api/3/issue/${site.scenario.issueKey}`, {
      headers: { 'x-forge-provider': 'user', 'x-forge-account-id': site.scenario.viewerAccountId }
    });
    expect([name, raw.headers.get('forge-proxy-error')]).toEqual([name, null]);
    await raw.arrayBuffer();
  }
});

describe('seed-000-empty-user-grant', () => {
  beforeAll(() => site.useScenario('seed-000-empty-user-grant'));
  test("asUser gets seed 000's 403 byte for byte; asApp works; Confluence as the user is fine", async () => {
    const response = await userIssue();
    expect(response.status).toBe(403);
    const body = await response.json();
    expect(body.errorMessages[0]).toBe(JSON.parse(seedResponse('000-issue-empty-grant.http').body).errorMessages[0]);
    expect((await appIssue()).status).toBe(200);
    expect((await userPage()).status).toBe(200);
  });
  test("/rest/api/3/myself reproduces the thread's second message byte for byte", async () => {
    const response = await asViewer(site, () => api.asUser().requestJira(route`/rest/api/3/myself?expand=groups,applicationRoles`));
    const body = await response.json();
    expect(body.errorMessages[0]).toBe(JSON.parse(seedResponse('000-myself-empty-grant.http').body).errorMessages[0]);
  });
});

describe('jira-not-installed', () => {
  beforeAll(() => site.useScenario('jira-not-installed'));
  test('"The app is not installed on this instance." until Jira is installed', async () => {
    const response = await userIssue();
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ errorMessages: ['The app is not installed on this instance.'] });
    site.installProduct('jira');
    expect((await userIssue()).status).toBe(200);
  });
});

describe('scope drift: the gateway\'s 401 scope check, never a user-grant text', () => {
  const scopeCheck = async (response: APIResponse) => {
    expect(response.status).toBe(401);
    expect(response.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(await response.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  };
  test('manifest-missing-scope: asApp and asUser both fail the scope check; Confluence still works', async () => {
    site.useScenario('manifest-missing-scope');
    expect(site.scenario.manifestScopes).toEqual(['read:page:confluence']);
    await scopeCheck(await appIssue());
    await scopeCheck(await userIssue());
    expect((await userPage()).status).toBe(200);
  });
  test('installation-not-upgraded: one upgrade of the installation fixes asApp and asUser, nobody consents again', async () => {
    site.useScenario('installation-not-upgraded');
    await scopeCheck(await appIssue());
    await scopeCheck(await userIssue());
    expect(await asViewer(site, async () => permissions.hasPermission({ scopes: ['read:jira-work'] }))).toMatchObject({ granted: false, missing: { scopes: ['read:jira-work'] } });
    site.upgradeInstallation();
    expect((await appIssue()).status).toBe(200);
    expect((await userIssue()).status).toBe(200);
  });
});

describe('visibility', () => {
  test('reader-cannot-see-issue: Jira 404 for the reader, the app sees it; granting browse fixes it', async () => {
    site.useScenario('reader-cannot-see-issue');
    const response = await userIssue();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    expect((await appIssue()).status).toBe(200);
    site.setProjectAccess(VIEWER_ID, 'SEC', true);
    expect((await userIssue()).status).toBe(200);
  });
  test('issue-does-not-exist: 404 for the reader and for the app', async () => {
    site.useScenario('issue-does-not-exist');
    expect((await userIssue()).status).toBe(404);
    expect((await appIssue()).status).toBe(404);
  });
});

describe('seed-001-ex-path', () => {
  beforeAll(() => site.useScenario('seed-001-ex-path'));
  test('/ex/jira/{cloudId} from a Forge function: 401 with x-failure-category, as the seed reports; without it the call works', async () => {
    const cloudId = site.tenant.cloudId;
    const response = await asViewer(site, () => api.asApp().requestJira(route`/ex/jira/${cloudId}/rest/api/3/project/search`));
    const seed = seedResponse('001-ex-path-scope-check.http');
    expect(response.status).toBe(seed.status);
    expect(response.statusText).toBe(seed.statusText);
    expect(response.headers.get('x-failure-category')).toBe(seed.headers['x-failure-category']);
    expect(await response.text()).toBe('');
    expect((await asViewer(site, () => api.asApp().requestJira(route`/rest/api/3/project/search`))).status).toBe(200);
  });
});

describe('seed-002-scoped-token', () => {
  beforeAll(() => site.useScenario('seed-002-scoped-token'));
  test('a scoped token at the site URL gets the seed\'s 404; through /ex/jira/{cloudId} it works', async () => {
    const atSite = await fetch(`${site.url}/rest/api/3/issue/DOC-42`, { headers: { Accept: 'application/json', Authorization: basic('ATATT-scoped-emulated-0003') } });
    expect(atSite.status).toBe(404);
    expect(await atSite.json()).toEqual(JSON.parse(seedResponse('002-scoped-token-site-url.http').body));
    const { cloudId } = await (await fetch(`${site.url}/_edge/tenant_info`)).json();
    expect(cloudId).toBe(site.tenant.cloudId);
    const viaGateway = await fetch(`${site.url}/ex/jira/${cloudId}/rest/api/3/issue/DOC-42`, { headers: { Authorization: basic('ATATT-scoped-emulated-0003') } });
    expect(viaGateway.status).toBe(200);
  });
  test('a scoped token lacking the scopes gets the gateway\'s "scope does not match"; a classic token works only at the site URL', async () => {
    const cloudId = site.tenant.cloudId;
    const lacking = await fetch(`${site.url}/ex/jira/${cloudId}/rest/api/3/issue/DOC-42`, { headers: { Authorization: basic('ATATT-scoped-emulated-0002') } });
    expect(lacking.status).toBe(401);
    expect(await lacking.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    expect((await fetch(`${site.url}/rest/api/3/issue/DOC-42`, { headers: { Authorization: basic('ATATT-classic-emulated-0001') } })).status).toBe(200);
    expect((await fetch(`${site.url}/ex/jira/${cloudId}/rest/api/3/issue/DOC-42`, { headers: { Authorization: basic('ATATT-classic-emulated-0001') } })).status).toBe(401);
    expect((await fetch(`${site.url}/rest/api/3/issue/DOC-42`, { headers: { Authorization: basic('wrong') } })).status).toBe(401);
  });
});

describe('seed-003-admin-only', () => {
  beforeAll(() => site.useScenario('seed-003-admin-only'));
  test('admin-only endpoint for a non-admin: the seed\'s HTML page, with or without Accept: application/json; admins pass', async () => {
    const url = `${site.url}/rest/api/2/settings/columns`;
    for (const accept of [undefined, 'application/json']) {
      const html = await fetch(url, { headers: { Authorization: basic('ATATT-classic-emulated-0001'), ...(accept ? { Accept: accept } : {}) } });
      expect(html.status).toBe(403);
      expect(html.headers.get('content-type')).toMatch(/text\/html/);
      expect(await html.text()).toBe(seedResponse('003-admin-only-html.http').body);
    }
    site.setAdmin(VIEWER_ID, true);
    expect((await fetch(url, { headers: { Authorization: basic('ATATT-classic-emulated-0001') } })).status).toBe(200);
  });
});

describe('availability presets', () => {
  test('rate-limited: 429 with Retry-After', async () => {
    site.useScenario('rate-limited');
    const response = await userIssue();
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
  });
  test('jira-down: 503, Confluence unaffected', async () => {
    site.useScenario('jira-down');
    expect((await userIssue()).status).toBe(503);
    expect((await userPage()).status).toBe(200);
  });
  test('jira-hanging: the call never answers (the caller\'s timeout fires), Confluence unaffected', async () => {
    site.useScenario('jira-hanging');
    const started = Date.now();
    await expect(asViewer(site, () => api.asUser().requestJira(route`/rest/api/3/issue/DOC-42`, { signal: AbortSignal.timeout(300) }))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await userPage()).status).toBe(200);
  });
});

describe('fault injection', () => {
  beforeEach(() => site.useScenario('healthy'));
  const exercised = new Set<string>();
  afterAll(() => expect([...exercised].sort()).toEqual([...FAULT_KINDS].sort()));

  test('latency delays by the given time', async () => {
    site.addFault({ kind: 'latency', product: 'jira', ms: 150 });
    exercised.add('latency');
    const started = Date.now();
    expect((await userIssue()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
  test('hang', async () => {
    site.addFault({ kind: 'hang', path: '^/rest/api/3/issue/' });
    exercised.add('hang');
    await expect(asViewer(site, () => api.asApp().requestJira(route`/rest/api/3/issue/DOC-42`, { signal: AbortSignal.timeout(200) }))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect((await asViewer(site, () => api.asApp().requestJira(route`/rest/api/3/project/search`))).status).toBe(200);
  });
  test('server-error, rate-limit and html, per provider', async () => {
    site.addFault({ kind: 'server-error', provider: 'app', status: 502 });
    exercised.add('server-error');
    expect((await appIssue()).status).toBe(502);
    expect((await userIssue()).status).toBe(200);
    site.clearFaults();
    site.addFault({ kind: 'rate-limit', retryAfterSeconds: 7 });
    exercised.add('rate-limit');
    expect((await userIssue()).headers.get('retry-after')).toBe('7');
    site.clearFaults();
    site.addFault({ kind: 'html' });
    exercised.add('html');
    const html = await userIssue();
    expect(html.headers.get('content-type')).toMatch(/html/);
    await expect(html.json()).rejects.toThrow();
  });
  test('malformed and truncated JSON', async () => {
    site.addFault({ kind: 'malformed-json' });
    exercised.add('malformed-json');
    await expect((await userIssue()).json()).rejects.toThrow();
    site.clearFaults();
    site.addFault({ kind: 'truncated-json' });
    exercised.add('truncated-json');
    const text = await (await userIssue()).text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"expand"')).toBe(true);
  });
  test('adversarial-body: 64 KiB of JSON in the product\'s error shape, status 403 unless asked (400-599 only)', async () => {
    site.addFault({ kind: 'adversarial-body', product: 'jira' });
    exercised.add('adversarial-body');
    const response = await userIssue();
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBe(ADVERSARIAL_BODY_BYTES);
    expect(Object.keys(JSON.parse(text))).toEqual(['errorMessages', 'errors']);
    expect((await userPage()).status).toBe(200);
    expect(() => site.addFault({ kind: 'adversarial-body', status: 200 })).toThrow(/between 400 and 599/);
  });
  test('connection reset: the call throws, the diagnosis says unavailable, the server keeps serving', async () => {
    site.addFault({ kind: 'reset', product: 'jira' });
    exercised.add('reset');
    const error = await userIssue().catch((e: unknown) => e);
    expect(error).toMatchObject({ message: 'fetch failed' });
    const diagnosis = diagnose({ call: { product: 'jira', method: 'GET', path: '/rest/api/3/issue/DOC-42', auth: 'forge-as-user' }, error });
    expect(diagnosis.primary?.code).toBe('PRODUCT_UNAVAILABLE');
    site.clearFaults();
    expect((await userIssue()).status).toBe(200);
  });
  test('bad faults are refused with a message', () => {
    expect(() => site.addFault({ kind: 'explode' } as never)).toThrow(/needs "kind"/);
  });
});

test('every preset is exercised above', () => {
  expect(SCENARIO_NAMES).toEqual([
    'healthy',
    'consent-needed',
    'seed-000-empty-user-grant',
    'jira-not-installed',
    'manifest-missing-scope',
    'installation-not-upgraded',
    'reader-cannot-see-issue',
    'issue-does-not-exist',
    'seed-001-ex-path',
    'seed-002-scoped-token',
    'seed-003-admin-only',
    'rate-limited',
    'jira-down',
    'jira-hanging'
  ]);
});

describe('control API', () => {
  test('switches scenario, grants consent, injects and clears faults; bad input changes nothing', async () => {
    const post = (action: string, body?: unknown) =>
      fetch(`${site.url}/__emulator/${action}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
    expect((await (await post('scenario', { name: 'consent-needed' })).json()).scenario).toBe('consent-needed');
    const refused = await post('scenario', { name: 'no-such' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/Unknown scenario "no-such"/);
    expect(site.scenario.name).toBe('consent-needed');
    await post('consent', {});
    expect((await userIssue()).status).toBe(200);
    await post('faults', { kind: 'server-error', product: 'jira' });
    expect((await userIssue()).status).toBe(503);
    expect((await post('faults', { kind: 'nope' })).status).toBe(400);
    await fetch(`${site.url}/__emulator/faults`, { method: 'DELETE' });
    expect((await userIssue()).status).toBe(200);
    const log = await (await fetch(`${site.url}/__emulator/log`)).json();
    expect(log.some((e: { via: string }) => e.via === 'control')).toBe(true);
  });
});
