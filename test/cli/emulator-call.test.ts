/**
 * `npm run emulator -- call`: the real @forge/api through the runtime shim against an in-process emulated site,
 * printed as curl -i, and the same text piped into `issue-doctor explain`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

function call(args: string[]) {
  const result = spawnSync(TSX, [join(ROOT, 'emulator', 'main.ts'), 'call', ...args], { encoding: 'utf8', cwd: ROOT, timeout: 30000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The issue-doctor bin as the repo declares it (the root package, or the CLI's own package). */
function issueDoctorBin(): string {
  for (const dir of [ROOT, join(ROOT, 'cli')]) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin;
    const path = typeof bin === 'string' ? bin : bin?.['issue-doctor'];
    if (path && existsSync(join(dir, path))) return join(dir, path);
  }
  throw new Error('No issue-doctor bin found in package.json or cli/package.json.');
}

function explain(args: string[], input: string) {
  const result = spawnSync(process.execPath, [issueDoctorBin(), 'explain', ...args], { input, encoding: 'utf8', cwd: ROOT, timeout: 30000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SECRET_SHAPES = [/ATATT/i, /authorization/i, /bearer/i, /x-forge-/i, /basic\s+[a-z0-9+/=]{8,}/i, /@acme\.example/i];

describe('emulator call', () => {
  let missingScope: ReturnType<typeof call>;
  beforeAll(() => {
    // The command as the README and the issue give it.
    const result = spawnSync('npm', ['run', '-s', 'emulator', '--', 'call', '--scenario', 'manifest-missing-scope', '--as', 'user', 'GET', '/rest/api/3/issue/DOC-42'], {
      encoding: 'utf8',
      cwd: ROOT,
      timeout: 60000
    });
    missingScope = { code: result.status, stdout: result.stdout, stderr: result.stderr };
  });

  test('manifest-missing-scope as user: a curl -i 401 with the scope-check header and body, exit 0', () => {
    expect(missingScope.code).toBe(0);
    const [head, body] = missingScope.stdout.split('\r\n\r\n');
    const lines = head.split('\r\n');
    expect(lines[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect(lines).toContain('x-failure-category: FAILURE_CLIENT_SCOPE_CHECK');
    expect(lines).toContain('content-type: application/json;charset=UTF-8');
    expect(lines.slice(1).every((l) => /^[a-z0-9-]+: /.test(l))).toBe(true);
    expect(body).toBe('{"code":401,"message":"Unauthorized; scope does not match"}');
    expect(missingScope.stderr).toBe('');
  });

  test('--as app and --as none reach the same site through asApp and the unauthenticated requestJira', () => {
    const app = call(['--scenario', 'healthy', '--as', 'app', 'GET', '/rest/api/3/issue/SEC-7?fields=summary']);
    expect(app.code).toBe(0);
    expect(app.stdout.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(JSON.parse(app.stdout.split('\r\n\r\n')[1])).toMatchObject({ key: 'SEC-7', fields: { summary: 'Rotate the integration API tokens' } });
    const none = call(['--scenario', 'healthy', '--as', 'none', 'GET', '/rest/api/3/myself']);
    expect(none.code).toBe(0);
    expect(none.stdout.split('\r\n')[0]).toBe('HTTP/1.1 401 Unauthorized');
    expect(none.stdout.endsWith('\r\n\r\n{"message":"Client must be authenticated to access this resource.","status-code":401}')).toBe(true);
    const page = call(['--scenario', 'healthy', '--as', 'none', 'GET', '/wiki/api/v2/pages/98305']);
    expect(page.stdout.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(page.stdout.endsWith('{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}')).toBe(true);
  });

  test('a thrown NeedsAuthenticationError: its name and message on stderr, nothing on stdout, exit 3', () => {
    const r = call(['--scenario', 'consent-needed', '--as', 'user', 'GET', '/rest/api/3/issue/DOC-42']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('NeedsAuthenticationError [NEEDS_AUTHENTICATION_ERR]: Authentication Required\n');
  });

  test('bad arguments: one line, exit 2', () => {
    for (const args of [['--as', 'robot', 'GET', '/rest/api/3/myself'], ['--as', 'user', 'GET'], ['--scenario', 'nope', '--as', 'user', 'GET', '/x'], ['--as', 'user', 'GET', 'rest/api/3/myself']]) {
      const r = call(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  test('no credential, account header or e-mail address in any output', () => {
    const outputs = [missingScope.stdout, missingScope.stderr, call(['--scenario', 'healthy', '--as', 'user', 'GET', '/rest/api/3/myself']).stdout];
    for (const text of outputs) for (const shape of SECRET_SHAPES) expect([shape.source, shape.test(text)]).toEqual([shape.source, false]);
  });

  test('formatLikeCurl: status line, every header, blank line, body; e-mail addresses never printed', async () => {
    const { formatLikeCurl } = await import('../../emulator/call');
    const response = new Response('{"emailAddress":"mia@acme.example","displayName":"Mia"}', { status: 200, headers: { 'content-type': 'application/json', 'x-arequestid': 'a1' } });
    expect(await formatLikeCurl(response)).toBe('HTTP/1.1 200\r\ncontent-type: application/json\r\nx-arequestid: a1\r\n\r\n{"emailAddress":"<email>","displayName":"Mia"}');
  });

  test('piped into issue-doctor explain as forge-as-user: a manifest or installation scope finding, never a user-grant one', () => {
    const r = explain(['--as', 'forge-as-user', '--path', '/rest/api/3/issue/DOC-42'], missingScope.stdout);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/USER_GRANT_(EMPTY|MISSING_SCOPES)/);
    expect(r.stdout).toMatch(/(MANIFEST_MISSING_SCOPE|INSTALLATION_NOT_UPGRADED):/);
  });
});
