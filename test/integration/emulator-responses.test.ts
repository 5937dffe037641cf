/**
 * Every answer of the emulated platform, pinned: exact status, headers and body of each gateway stage and preset,
 * and each runtime error, one row each, citing its public source or the README's "Assumed responses" entry.
 */
import api, { NeedsAuthenticationError, RequestProductNotAllowedError, assumeTrustedRoute, type APIResponse } from '@forge/api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSUMED_RESPONSES, JIRA_FORBIDDEN_HTML, SOURCES } from '../../emulator/gateway/responses';
import { SCENARIO_NAMES } from '../../emulator/scenarios';
import type { EmulatedSite } from '../../emulator/site';
import { VIEWER_ID } from '../../emulator/tenant/sample-tenant';
import { asViewer, startEmulatedForge } from '../helpers/emulated-forge';
import { parseRawResponse } from '../../src/diagnosis/parse/raw-response';

let site: EmulatedSite;
let stop: () => Promise<void>;
beforeAll(async () => {
  ({ site, stop } = await startEmulatedForge());
});
afterAll(() => stop());

const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' };
const RATE_LIMITING = 'https://developer.atlassian.com/cloud/jira/platform/rate-limiting/';
const TRANSPORT = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);
const basic = (token: string) => `Basic ${Buffer.from(`mia@acme.example:${token}`).toString('base64')}`;
const seed000Body = JSON.parse(parseRawResponse(readFileSync(join(__dirname, '..', 'fixtures', 'seeds', 'responses', '000-issue-empty-grant.http'), 'utf8')).body);

type Call = () => Promise<APIResponse>;
const forge = {
  user: (path: string): Call => () => asViewer(site, () => api.asUser().requestJira(assumeRoute(path))),
  app: (path: string): Call => () => asViewer(site, () => api.asApp().requestJira(assumeRoute(path))),
  none: (path: string): Call => () => asViewer(site, () => api.requestJira(assumeRoute(path))),
  noneConfluence: (path: string): Call => () => asViewer(site, () => api.requestConfluence(assumeRoute(path)))
};
// Paths in the table are fixed literals; route`` would refuse their slashes as parameters.
const assumeRoute = (path: string) => assumeTrustedRoute(path);
const http = (path: string, headers: Record<string, string> = {}): Call => () => fetch(`${site.url}${path}`, { headers });

interface Row {
  name: string;
  /** Public URLs, or `assumed:<id>` naming an ASSUMED_RESPONSES entry. */
  sources: string[];
  scenario: string;
  setup?: () => void;
  call: Call;
  status: number;
  headers: Record<string, string>;
  body: string;
}

const SCOPE_CHECK = { status: 401, headers: { ...JSON_TYPE, 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' }, body: '{"code":401,"message":"Unauthorized; scope does not match"}' };
const ISSUE_404 = { status: 404, headers: JSON_TYPE, body: '{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}' };
const JIRA_401 = { status: 401, headers: JSON_TYPE, body: '{"message":"Client must be authenticated to access this resource.","status-code":401}' };
const CONFLUENCE_404 = { status: 404, headers: JSON_TYPE, body: '{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}' };
const ADMIN_HTML = { status: 403, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: JIRA_FORBIDDEN_HTML };

const ROWS: Row[] = [
  { name: 'seed 001: /ex/jira/{cloudId} from Forge', sources: [SOURCES.seed001, 'assumed:ex-path-body'], scenario: 'seed-001-ex-path', call: () => forge.app(`/ex/jira/${site.tenant.cloudId}/rest/api/3/project/search`)(), status: 401, headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' }, body: '' },
  { name: 'not installed on Jira', sources: [SOURCES.seed000, 'assumed:not-installed', 'assumed:json-content-type'], scenario: 'jira-not-installed', call: forge.user('/rest/api/3/issue/DOC-42'), status: 403, headers: JSON_TYPE, body: '{"errorMessages":["The app is not installed on this instance."]}' },
  { name: 'consent needed (a read:me app), the proxy answer', sources: [SOURCES.forgeApiFetch, SOURCES.forgeFetchAsUser, SOURCES.simplifiedConsent, 'assumed:needs-authentication-body'], scenario: 'consent-needed', call: http('/__forge/jira/rest/api/3/issue/DOC-42', { 'x-forge-provider': 'user', 'x-forge-account-id': VIEWER_ID }), status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' }, body: '' },
  { name: 'seed 000: empty user grant (platform fault), asUser', sources: [SOURCES.seed000, 'assumed:json-content-type'], scenario: 'seed-000-empty-user-grant', call: forge.user('/rest/api/3/issue/DOC-42'), status: 403, headers: JSON_TYPE, body: JSON.stringify(seed000Body) },
  { name: 'seed 000 fault on Confluence', sources: ['assumed:confluence-empty-grant'], scenario: 'healthy', setup: () => void (site.tenant.users.find((u) => u.accountId === VIEWER_ID)!.emptyGrant = ['confluence']), call: () => asViewer(site, () => api.asUser().requestConfluence(assumeRoute('/wiki/api/v2/pages/98305'))), status: 403, headers: JSON_TYPE, body: JSON.stringify({ code: 403, message: 'Access to the resource was denied due to missing scope grants. Your app was granted the following scopes: [].\nThe resource can be accessed by having one of these groups of scopes:\n * [read:page:confluence]\n' }) },
  { name: 'manifest missing the scope, asUser', sources: [SOURCES.forgeBackendScopeMismatch, SOURCES.forgeBridgeScopeMismatch, SOURCES.seed001, 'assumed:json-content-type'], scenario: 'manifest-missing-scope', call: forge.user('/rest/api/3/issue/DOC-42'), ...SCOPE_CHECK },
  { name: 'manifest missing the scope, asApp', sources: [SOURCES.forgeBackendScopeMismatch, 'assumed:json-content-type'], scenario: 'manifest-missing-scope', call: forge.app('/rest/api/3/issue/DOC-42'), ...SCOPE_CHECK },
  { name: 'installation not upgraded, asUser', sources: [SOURCES.forgeBackendScopeMismatch, 'assumed:json-content-type'], scenario: 'installation-not-upgraded', call: forge.user('/rest/api/3/issue/DOC-42'), ...SCOPE_CHECK },
  { name: 'installation not upgraded, asApp', sources: [SOURCES.forgeBackendScopeMismatch, 'assumed:json-content-type'], scenario: 'installation-not-upgraded', call: forge.app('/rest/api/3/issue/DOC-42'), ...SCOPE_CHECK },
  { name: 'reader may not browse the project', sources: [SOURCES.seed002, 'assumed:json-content-type'], scenario: 'reader-cannot-see-issue', call: forge.user('/rest/api/3/issue/SEC-7'), ...ISSUE_404 },
  { name: 'issue does not exist, asApp', sources: [SOURCES.seed002, 'assumed:json-content-type'], scenario: 'issue-does-not-exist', call: forge.app('/rest/api/3/issue/DOC-999'), ...ISSUE_404 },
  { name: 'seed 002: scoped token at the site URL', sources: [SOURCES.seed002, 'assumed:json-content-type'], scenario: 'seed-002-scoped-token', call: http('/rest/api/3/issue/DOC-42', { Authorization: basic('ATATT-scoped-emulated-0003') }), ...ISSUE_404 },
  { name: 'scoped token lacking the scopes at api.atlassian.com', sources: [SOURCES.oauthScopeMismatch, SOURCES.seed002, 'assumed:json-content-type'], scenario: 'seed-002-scoped-token', call: () => http(`/ex/jira/${site.tenant.cloudId}/rest/api/3/issue/DOC-42`, { Authorization: basic('ATATT-scoped-emulated-0002') })(), status: 401, headers: JSON_TYPE, body: '{"code":401,"message":"Unauthorized; scope does not match"}' },
  { name: 'unscoped token at api.atlassian.com', sources: ['assumed:classic-token-at-gateway', 'assumed:json-content-type'], scenario: 'healthy', call: () => http(`/ex/jira/${site.tenant.cloudId}/rest/api/3/issue/DOC-42`, { Authorization: basic('ATATT-classic-emulated-0001') })(), status: 401, headers: JSON_TYPE, body: '{"code":401,"message":"Unauthorized"}' },
  { name: 'bad credentials at the site URL', sources: [SOURCES.jiraUnauthenticated, 'assumed:json-content-type'], scenario: 'healthy', call: http('/rest/api/3/issue/DOC-42', { Authorization: basic('wrong') }), ...JIRA_401 },
  { name: 'no credentials: /myself', sources: [SOURCES.jiraUnauthenticated, 'assumed:json-content-type'], scenario: 'healthy', call: http('/rest/api/3/myself'), ...JIRA_401 },
  { name: 'plain api.requestJira (unauthenticated): the issue', sources: [SOURCES.forgeUnauthenticatedFetch, SOURCES.seed002, 'assumed:json-content-type'], scenario: 'healthy', call: forge.none('/rest/api/3/issue/DOC-42'), ...ISSUE_404 },
  { name: 'plain api.requestJira (unauthenticated): /myself', sources: [SOURCES.forgeUnauthenticatedFetch, SOURCES.jiraUnauthenticated, 'assumed:json-content-type'], scenario: 'healthy', call: forge.none('/rest/api/3/myself'), ...JIRA_401 },
  { name: 'plain api.requestConfluence (unauthenticated): a page', sources: [SOURCES.forgeUnauthenticatedFetch, SOURCES.confluenceNotFound, 'assumed:json-content-type'], scenario: 'healthy', call: forge.noneConfluence('/wiki/api/v2/pages/98305'), ...CONFLUENCE_404 },
  { name: 'anonymous Confluence elsewhere', sources: ['assumed:confluence-unauthenticated', 'assumed:json-content-type'], scenario: 'healthy', call: http('/wiki/api/v2/spaces'), status: 401, headers: JSON_TYPE, body: '{"code":401,"message":"Unauthorized"}' },
  { name: 'Confluence page hidden from the reader', sources: [SOURCES.confluenceNotFound, 'assumed:json-content-type'], scenario: 'healthy', call: () => asViewer(site, () => api.asUser().requestConfluence(assumeRoute('/wiki/api/v2/pages/98306'))), ...CONFLUENCE_404 },
  { name: 'seed 003: admin-only, no Accept', sources: [SOURCES.seed003], scenario: 'seed-003-admin-only', call: http('/rest/api/2/settings/columns', { Authorization: basic('ATATT-classic-emulated-0001') }), ...ADMIN_HTML },
  { name: 'seed 003: admin-only, Accept: application/json changes nothing', sources: [SOURCES.seed003], scenario: 'seed-003-admin-only', call: http('/rest/api/2/settings/columns', { Authorization: basic('ATATT-classic-emulated-0001'), Accept: 'application/json' }), ...ADMIN_HTML },
  { name: 'user without Jira access', sources: ['assumed:no-product-access', SOURCES.seed002], scenario: 'healthy', setup: () => void (site.tenant.users.find((u) => u.accountId === VIEWER_ID)!.products = ['confluence']), call: forge.user('/rest/api/3/issue/DOC-42'), ...ISSUE_404 },
  { name: 'another cloud id at api.atlassian.com', sources: ['assumed:site-not-found', 'assumed:json-content-type'], scenario: 'healthy', call: http('/ex/jira/00000000-0000-4000-8000-000000000000/rest/api/3/issue/DOC-42', { Authorization: basic('ATATT-scoped-emulated-0002') }), status: 404, headers: JSON_TYPE, body: '{"code":404,"message":"Site not found"}' },
  { name: 'rate-limited preset', sources: [RATE_LIMITING, 'assumed:faults'], scenario: 'rate-limited', call: forge.user('/rest/api/3/issue/DOC-42'), status: 429, headers: { 'content-type': 'application/json', 'retry-after': '30' }, body: '{"errorMessages":["Rate limit exceeded."]}' },
  { name: 'jira-down preset', sources: [RATE_LIMITING, 'assumed:faults'], scenario: 'jira-down', call: forge.user('/rest/api/3/issue/DOC-42'), status: 503, headers: {}, body: '' }
];

function significantHeaders(response: APIResponse): Record<string, string> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!TRANSPORT.has(name)) headers[name] = value;
  });
  return headers;
}

describe.each(ROWS)('$name', (row) => {
  test(`${row.sources.join(' · ')}`, async () => {
    site.useScenario(row.scenario);
    row.setup?.();
    const response = await row.call();
    expect({ status: response.status, headers: significantHeaders(response), body: await response.text() }).toEqual({ status: row.status, headers: row.headers, body: row.body });
  });
});

describe('runtime errors, as @forge/api raises them', () => {
  test('consent needed: NeedsAuthenticationError, exactly as handleProxyResponseErrors builds it', async () => {
    // sources: SOURCES.forgeApiFetch, SOURCES.simplifiedConsent
    site.useScenario('consent-needed');
    const error = await forge.user('/rest/api/3/issue/DOC-42')().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeedsAuthenticationError);
    expect(error).toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR', message: 'Authentication Required', status: 401, serviceKey: 'atlassian-token-service-key' });
  });
  test('a product missing from app.compatibility: RequestProductNotAllowedError, and no request leaves the runtime', async () => {
    // sources: SOURCES.forgeApiErrors, assumed:request-product-not-allowed
    site.useScenario('healthy');
    site.declareCompatibility(['confluence']);
    site.clearLog();
    for (const call of [forge.user('/rest/api/3/issue/DOC-42'), forge.app('/rest/api/3/issue/DOC-42'), forge.none('/rest/api/3/issue/DOC-42')]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestProductNotAllowedError);
      expect(error).toMatchObject({ name: 'REQUEST_EGRESS_ALLOWLIST_ERR', message: 'Request jira is not allowed from confluence context.', status: 403 });
    }
    expect(site.requestLog()).toEqual([]);
    expect((await asViewer(site, () => api.asUser().requestConfluence(assumeRoute('/wiki/api/v2/pages/98305')))).status).toBe(200);
  });
});

describe('presets', () => {
  test('every preset is pinned by a row above, but jira-hanging, which sends no response (pinned below)', () => {
    const pinned = new Set(ROWS.map((r) => r.scenario).concat(['consent-needed', 'healthy']));
    expect(SCENARIO_NAMES.filter((name) => !pinned.has(name))).toEqual(['jira-hanging']);
  });

  test('jira-hanging: a Forge call to Jira stays unanswered (until the caller gives up); Confluence answers', async () => {
    site.useScenario('jira-hanging');
    const controller = new AbortController();
    const jira = asViewer(site, () => api.asUser().requestJira(assumeRoute('/rest/api/3/issue/DOC-42'), { signal: controller.signal })).then(
      (r) => `answered ${r.status}`,
      () => 'given up'
    );
    const after1s = await Promise.race([jira, new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 1000))]);
    controller.abort();
    expect(after1s).toBe('still open');
    expect(await jira).toBe('given up');
    expect((await asViewer(site, () => api.asUser().requestConfluence(assumeRoute('/wiki/api/v2/pages/98305')))).status).toBe(200);
  });
});

describe('sources', () => {
  const assumedIds = new Set(ASSUMED_RESPONSES.map((a) => a.id));
  const cited = ROWS.flatMap((r) => r.sources).concat(['assumed:request-product-not-allowed']);
  test('every row cites a public URL or a listed assumption, and every listed assumption is pinned by a row', () => {
    for (const source of cited) {
      if (source.startsWith('assumed:')) expect(assumedIds).toContain(source.slice('assumed:'.length));
      else expect(source).toMatch(/^https:\/\//);
    }
    for (const id of assumedIds) expect(cited).toContain(`assumed:${id}`);
  });
  test('README lists exactly these assumed responses', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Assumed responses'));
    const listed = [...section.slice(0, section.indexOf('\n## ', 3) === -1 ? undefined : section.indexOf('\n## ', 3)).matchAll(/^- `([a-z-]+)`/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...assumedIds].sort());
  });
});
