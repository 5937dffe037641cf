import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'issue-doctor.js');

function explain(args: string[], input = '') {
  const r = spawnSync(process.execPath, [BIN, 'explain', ...args], { input, encoding: 'utf8', cwd: ROOT, timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args: string[], input: string) {
  const r = explain([...args, '--json'], input);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** Each input shape people paste, as the real tools print it; what is missing is inferred and said so. */
describe('every input shape is explained, never refused', () => {
  test('http-response (curl -i)', () => {
    const out = json([], 'HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{"code":401,"message":"Unauthorized; scope does not match"}');
    expect(out.shape).toBe('http-response');
    expect(out.status).toBe(401);
  });

  test('curl-v: method, URL and scheme from the request lines, the credential never kept', () => {
    const out = json([], '> POST /rest/api/3/issue/A-1/attachments HTTP/1.1\n> Host: your-site.atlassian.net\n> Authorization: Basic ZW1haWw6dG9rZW4xMjM0NQ==\n>\n< HTTP/1.1 403 Forbidden\n< Content-Type: text/plain\n<\nXSRF check failed');
    expect(out.shape).toBe('curl-v');
    expect(out.primary.code).toBe('XSRF_CHECK_FAILED');
    expect(out.call).toMatchObject({ method: 'POST', path: '/rest/api/3/issue/A-1/attachments', auth: 'basic-token' });
    expect(out.assumptions.join('\n')).toContain('assumed --as basic-token');
    expect(JSON.stringify(out)).not.toContain('ZW1haWw6dG9rZW4xMjM0NQ');
  });

  test('json-envelope {status, headers, body}', () => {
    const out = json(['--as', 'forge-as-user'], JSON.stringify({ status: 429, headers: { 'Retry-After': '9' }, body: '' }));
    expect(out.shape).toBe('json-envelope');
    expect(out.primary.code).toBe('RATE_LIMITED');
  });

  test('har: the last failing entry of a browser export', () => {
    const har = {
      log: {
        version: '1.2',
        entries: [
          { request: { method: 'GET', url: 'https://your-site.atlassian.net/rest/api/3/myself', headers: [] }, response: { status: 200, statusText: 'OK', headers: [], content: { mimeType: 'application/json', text: '{}' } } },
          {
            request: { method: 'GET', url: 'https://your-site.atlassian.net/wiki/api/v2/pages/42', headers: [{ name: 'Cookie', value: 'cloud.session.token=abc123secret' }] },
            response: { status: 404, statusText: 'Not Found', headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: '{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}' } }
          }
        ]
      }
    };
    const out = json([], JSON.stringify(har));
    expect(out.shape).toBe('har');
    expect(out.status).toBe(404);
    expect(out.primary.code).toBe('RESOURCE_NOT_FOUND_OR_HIDDEN');
    expect(out.assumptions.join('\n')).toMatch(/last failing of 2 HAR entries/);
    expect(JSON.stringify(out)).not.toContain('abc123secret');
  });

  test('json-body without status: the status is read from the body or inferred, and said so', () => {
    const out = json(['--path', '/rest/api/3/issue/PROJ-7'], '{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}');
    expect(out.shape).toBe('json-body');
    expect(out.primary.code).toBe('ISSUE_NOT_FOUND_OR_HIDDEN');
    expect(out.assumptions.join('\n')).toMatch(/JSON body without a status line/);
  });

  test('html-page alone: status from its title', () => {
    const out = json(['--path', '/rest/api/2/settings/columns', '--as', 'basic-token'], '<html><head><title>Forbidden (403)</title></head><body><h1>Forbidden (403)</h1></body></html>');
    expect(out.shape).toBe('html-page');
    expect(out.status).toBe(403);
    expect(out.primary.code).toBe('ADMIN_ONLY_ENDPOINT');
  });

  test('sdk-error: a Python exception line gives status, method-less URL and the product', () => {
    const out = json([], 'requests.exceptions.HTTPError: 410 Client Error: Gone for url: https://your-site.atlassian.net/rest/api/3/search?jql=project%3DABC');
    expect(out.shape).toBe('sdk-error');
    expect(out.status).toBe(410);
    expect(out.primary.code).toBe('API_REMOVED');
    expect(out.call.path).toBe('/rest/api/3/search');
  });

  test('sdk-error: a thrown Forge error by name, no status', () => {
    const out = json([], 'NEEDS_AUTHENTICATION_ERR: Authentication Required');
    expect(out.shape).toBe('sdk-error');
    expect(out.primary.code).toBe('CONSENT_REQUIRED');
  });

  test('log-line', () => {
    const out = json(['--as', 'oauth2'], '2026-01-01T10:00:00Z ERROR token refresh failed: {"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}');
    expect(out.shape).toBe('log-line');
    expect(out.primary.code).toBe('OAUTH_REFRESH_TOKEN_INVALID');
  });

  test('message alone, in text mode: the assumptions are printed', () => {
    const r = explain(['--as', 'basic-scoped-token', '--path', 'https://api.atlassian.com/ex/jira/abc/rest/api/3/myself'], 'Unauthorized; scope does not match');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(read as: message)');
    expect(r.stdout).toContain('TOKEN_SCOPE_MISSING');
    expect(r.stdout).not.toMatch(/reload (this|the) page/i);
  });

  test('a message nothing is known about still gets an honest UNKNOWN, not a refusal', () => {
    const r = explain([], 'hello world');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UNKNOWN');
  });

  test('--as accepts every documented value, including the new ones', () => {
    for (const mode of ['basic-password', 'data-center-pat', 'connect-jwt', 'oauth2', 'forge-bridge', 'unknown']) {
      expect(explain(['--as', mode], 'HTTP/1.1 401 Unauthorized\n\n').code).toBe(0);
    }
  });

  test('--help documents every input shape and every --as value', () => {
    const help = explain(['--help']).stdout;
    for (const shape of ['http-response', 'curl-v', 'json-envelope', 'har', 'json-body', 'html-page', 'sdk-error', 'log-line', 'message']) expect(help).toContain(shape);
    for (const mode of ['forge-as-user', 'forge-as-app', 'forge-bridge', 'forge-web-trigger', 'basic-classic-token', 'basic-scoped-token', 'basic-token', 'basic-password', 'oauth2', 'connect-jwt', 'data-center-pat', 'unknown']) {
      expect(help).toMatch(new RegExp(`\\n\\s+${mode}\\s`));
    }
    for (const option of ['--path', '--base-url', '--method', '--as', '--product', '--manifest', '--installed', '--json']) {
      expect(help).toMatch(new RegExp(`\\n  ${option} `));
    }
    expect(help).toMatch(/\n  echo .*\| issue-doctor explain .*--base-url https:/);
  });

  test('a file works like standard input', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shape-')), 'page.html');
    writeFileSync(file, '<html><title>Log in with Atlassian account</title><body>Log in to continue</body></html>');
    const out = JSON.parse(explain([file, '--json']).stdout);
    expect(out.primary.code).toBe('LOGIN_REQUIRED');
  });
});
