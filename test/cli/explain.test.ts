import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'issue-doctor.js');
const SEED = (f: string) => join(ROOT, 'test', 'fixtures', 'seeds', 'responses', f);

function explain(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [BIN, 'explain', ...args], { input: input ?? '', encoding: 'utf8', cwd: ROOT, timeout: 30000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const seedManifest = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.yml');
writeFileSync(seedManifest, 'permissions:\n  scopes:\n    - read:jira-work\n    - read:issue:jira-software\n    - read:page:confluence\n    - write:page:confluence\n');

describe('issue-doctor explain on the seed responses, pasted on stdin', () => {
  test('seed 000 (with the thread\'s manifest): empty Jira grant, consent not manifest', () => {
    const r = explain(['--path', '/rest/api/3/issue/PROJ-7', '--manifest', seedManifest], readFileSync(SEED('000-issue-empty-grant.http')));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('USER_GRANT_EMPTY: Your grant for Jira is empty');
    expect(r.stdout).toContain('consent problem, not a manifest problem');
    expect(r.stdout).toContain('✔ declared in manifest.yml');
  });
  test('seed 000: not installed', () => {
    const r = explain(['--as', 'forge-as-user', '--path', '/rest/api/3/myself'], readFileSync(SEED('000-not-installed.http')));
    expect(r.stdout).toContain('PRODUCT_NOT_INSTALLED');
  });
  test('seed 001: drop /ex/jira/{cloudId}', () => {
    const r = explain(['--path', '/ex/jira/abc/rest/api/3/project/search'], readFileSync(SEED('001-ex-path-scope-check.http')));
    expect(r.stdout).toContain('FORGE_EX_PATH');
    expect(r.stdout).toContain('assumed --as forge-as-app');
  });
  test('seed 002: scoped token at the site URL', () => {
    const r = explain(['--as', 'basic-scoped-token', '--path', 'https://acme.atlassian.net/rest/api/3/issue/PPT-28'], readFileSync(SEED('002-scoped-token-site-url.http')));
    expect(r.stdout).toContain('SCOPED_TOKEN_SITE_URL');
    expect(r.stdout).toContain('https://api.atlassian.com/ex/jira/{cloudId}/rest/api/3/issue/PPT-28');
  });
  test('seed 003 from a file, as JSON for machines', () => {
    const r = explain([SEED('003-admin-only-html.http'), '--json', '--as', 'connect-jwt', '--path', '/rest/api/2/settings/columns']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    // The catalog marks the operation INACCESSIBLE to Connect apps: that leads for a Connect caller.
    expect(json.primary.code).toBe('OPERATION_NOT_ALLOWED_FOR_CALLER');
    expect(JSON.stringify(json.primary)).toContain('Accept: application/json');
    expect(JSON.stringify(json.primary)).toContain('Administer Jira');
  });
  test('a JSON envelope works too', () => {
    const r = explain(['--as', 'forge-as-user', '--json'], JSON.stringify({ status: 429, headers: { 'Retry-After': '9' }, body: '' }));
    expect(JSON.parse(r.stdout).primary.code).toBe('RATE_LIMITED');
  });
});

describe('each seed response pasted as text, with no flag at all', () => {
  test.each([
    ['000-issue-empty-grant.http', 'USER_GRANT_EMPTY', 'Your grant for Jira is empty'],
    ['000-not-installed.http', 'PRODUCT_NOT_INSTALLED', 'Install the app on'],
    ['001-ex-path-scope-check.http', 'FORGE_EX_PATH', 'reaches only its own site'],
    ['002-scoped-token-site-url.http', 'ISSUE_NOT_FOUND_OR_HIDDEN', 'https://api.atlassian.com/ex/jira/{cloudId}'],
    ['003-admin-only-html.http', 'HTML_ERROR_PAGE', 'Accept: application/json']
  ])('%s → %s', (file, code, text) => {
    const r = explain([], readFileSync(SEED(file), 'utf8'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${code}: `);
    expect(r.stdout).toContain(text);
    expect(r.stdout).toContain('no --path given');
  });
});

describe('bad input: a clear message and exit code 2', () => {
  test.each([
    ['empty', ''],
    ['whitespace', '  \n '],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03])],
    ['huge', 'HTTP/1.1 200 OK\n\n' + 'x'.repeat(6 * 1024 * 1024)]
  ])('%s', (_name, input) => {
    const r = explain(['--path', '/x'], input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^issue-doctor: /);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(r.stdout).toBe('');
  });
  test('bad options', () => {
    expect(explain(['--as', 'root'], 'HTTP/1.1 200 OK\n\n').stderr).toContain('--as "root" is not one of');
    expect(explain(['--bogus'], '').code).toBe(2);
    expect(explain(['missing-file.http']).stderr).toContain('Cannot read "missing-file.http"');
    expect(explain(['--manifest', 'nope.yml'], 'HTTP/1.1 200 OK\n\n').code).toBe(2);
  });
});

describe('--base-url: where the call went, when --path is only a path', () => {
  test('it tells Cloud from Data Center: a password refused by Cloud is the password, by Data Center the credentials', () => {
    const cloud = explain(['--as', 'basic-password', '--base-url', 'https://your-site.atlassian.net/'], '401 Unauthorized');
    const dc = explain(['--as', 'basic-password', '--base-url', 'https://jira.example.com'], '401 Unauthorized');
    expect(cloud.code).toBe(0);
    expect(cloud.stdout).toContain('BASIC_AUTH_PASSWORD');
    expect(dc.stdout).toContain('INVALID_CREDENTIALS');
    expect(dc.stdout).not.toContain('BASIC_AUTH_PASSWORD');
    // A base URL alone is where the call went, not a path that was called.
    expect(dc.stdout.split('\n')[0]).toBe('GET (unknown path) as basic-password → 401');
  });
  test('a value that is not an http(s) URL is one line, exit 2, and the value (it may hold a password) is not echoed', () => {
    const r = explain(['--base-url', 'https://me:hunter2@site example'], '401');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--base-url must be an http(s) URL');
    expect(r.stderr).not.toContain('hunter2');
    expect(explain(['--base-url', 'ftp://jira.example.com'], '401').code).toBe(2);
  });
});

describe('issue-doctor explain names the other causes a response fits', () => {
  test('a bare 401 to a password call: the password first, wrong credentials as the alternative, in text and JSON', () => {
    const text = explain(['--as', 'basic-password', '--path', 'https://acme.atlassian.net/rest/api/3/myself'], 'HTTP/1.1 401 Unauthorized\n\n');
    expect(text.stdout).toContain('BASIC_AUTH_PASSWORD');
    expect(text.stdout).toMatch(/Also possible[^\n]*\n  - INVALID_CREDENTIALS: /);
    const json = JSON.parse(explain(['--json', '--as', 'basic-password', '--path', 'https://acme.atlassian.net/rest/api/3/myself'], 'HTTP/1.1 401 Unauthorized\n\n').stdout);
    expect(json.alsoPossible.map((a: { code: string }) => a.code)).toEqual(['INVALID_CREDENTIALS']);
  });
  test('nothing else fits a specific answer: no "Also possible" section', () => {
    const r = explain([], 'HTTP/1.1 403 Forbidden\n\nXSRF check failed');
    expect(r.stdout).toContain('XSRF_CHECK_FAILED');
    expect(r.stdout).not.toContain('Also possible');
  });
});
