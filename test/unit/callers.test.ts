import { diagnose } from '../../src/diagnosis/diagnose';
import { AUTH_MODES, type AuthMode, type DiagnosisInput } from '../../src/diagnosis/types';

const SCOPE_401 = { status: 401, headers: { 'content-type': 'application/json' }, body: '{"code":401,"message":"Unauthorized; scope does not match"}' };
const BARE_401 = { status: 401, headers: {}, body: '' };

function code(auth: AuthMode, response: DiagnosisInput['response'], extra: Partial<DiagnosisInput> = {}, path = '/rest/api/3/issue/PROJ-7') {
  return diagnose({ call: { method: 'GET', path, auth }, response, ...extra }).primary?.code;
}

describe('"scope does not match" means a different fix for each kind of caller', () => {
  test.each(['forge-as-user', 'forge-as-app', 'forge-bridge'] as const)('%s: the manifest (never a user grant: users do not consent one by one)', (auth) => {
    const f = diagnose({ call: { method: 'GET', path: '/rest/api/3/issue/PROJ-7', auth }, response: SCOPE_401 }).primary!;
    expect(f.code).toBe('MANIFEST_MISSING_SCOPE');
    expect(f.explanation).toMatch(/installation was not upgraded/);
    expect(f.remedies.map((r) => r.actor)).not.toContain('viewer');
  });
  test('Forge with a manifest that declares the scope: the installation was not upgraded', () => {
    expect(code('forge-as-user', SCOPE_401, { scopes: { declared: ['read:jira-work'] } })).toBe('INSTALLATION_NOT_UPGRADED');
  });
  test('Forge calling an operation that lists no OAuth/Forge scopes: no scope can fix it', () => {
    expect(code('forge-as-app', SCOPE_401, {}, '/rest/atlassian-connect/1/addons/my-addon/properties')).toBe('OPERATION_NOT_ALLOWED_FOR_CALLER');
  });
  test('OAuth 2.0 (3LO): the app\'s grant', () => expect(code('oauth2', SCOPE_401)).toBe('OAUTH_SCOPE_MISSING'));
  test('scoped API token: the token', () => expect(code('basic-scoped-token', SCOPE_401, {}, 'https://api.atlassian.com/ex/jira/abc/rest/api/3/issue/PROJ-7')).toBe('TOKEN_SCOPE_MISSING'));
  test('Connect: an operation INACCESSIBLE to Connect apps', () => {
    expect(code('connect-jwt', { status: 403, headers: {}, body: '' }, {}, '/rest/api/3/announcementBanner')).toBe('OPERATION_NOT_ALLOWED_FOR_CALLER');
  });
  test('a Forge grant listed partially: per-user consent only where it still exists (read:me / read:account declared)', () => {
    const body = 'Your app was granted the following scopes: [read:issue:jira]. groups of scopes: * [read:jira-work]';
    const response = { status: 403, headers: {}, body };
    expect(code('forge-as-user', response, { scopes: { declared: ['read:jira-work'] } })).toBe('INSTALLATION_NOT_UPGRADED');
    expect(code('forge-as-user', response, { scopes: { declared: ['read:jira-work', 'read:me'] } })).toBe('USER_GRANT_MISSING_SCOPES');
  });
});

describe('a bare 401 names the credential each caller sends', () => {
  test.each([
    ['oauth2', 'OAUTH_ACCESS_TOKEN_EXPIRED'],
    ['basic-token', 'INVALID_CREDENTIALS'],
    ['basic-classic-token', 'INVALID_CREDENTIALS'],
    ['basic-password', 'BASIC_AUTH_PASSWORD'],
    ['connect-jwt', 'CONNECT_JWT_REJECTED'],
    ['data-center-pat', 'DATA_CENTER_TOKEN_ON_CLOUD']
  ] as const)('%s → %s', (auth, expected) => {
    // OAuth 2.0 access tokens are used through the gateway; the other callers at the site URL.
    const url = auth === 'oauth2' ? 'https://api.atlassian.com/ex/jira/abc/rest/api/3/myself' : 'https://your-site.atlassian.net/rest/api/3/myself';
    expect(code(auth, BARE_401, {}, url)).toBe(expected);
  });
  test('a Bearer token at the site URL: neither an API token (Basic only) nor an OAuth token (gateway only) works there', () => {
    const f = diagnose({ call: { method: 'GET', path: 'https://your-site.atlassian.net/rest/api/3/myself', auth: 'oauth2' }, response: BARE_401 }).primary!;
    expect(f.code).toBe('API_TOKEN_WRONG_SCHEME');
    expect(f.remedies.map((r) => r.action).join(' ')).toContain('https://api.atlassian.com/ex/jira/{cloudId}/rest/api/3/myself');
  });
  test('every auth mode gets exactly one primary finding for the same failures', () => {
    for (const auth of AUTH_MODES) for (const response of [SCOPE_401, BARE_401]) expect(code(auth, response)).toBeDefined();
  });
});
