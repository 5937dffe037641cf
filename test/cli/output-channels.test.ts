import { stripControls, safeJson, safeMessageLine, safeText } from '../../cli/output';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, cli, ROOT, SEED } from './cli-process';

// Secrets the engine's redaction recognises, each in a form that reaches a different channel of the CLI.
const TOKEN = 'SEKRIT123abc';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
const API_TOKEN = 'ATATT3xFfGF0T0k3nV4lu3abcdEFGH';
const EMAIL = 'jane.doe@example.com';
const BEARER = 'Bearer abcdefghijklmnop1234';
const SECRETS = [TOKEN, JWT, API_TOKEN, EMAIL, 'abcdefghijklmnop1234'];

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

/** What a terminal would act on: ESC, C1 controls, BEL, CR and the other C0 controls except tab and newline. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** `curl -v` output whose request line carries credentials in the query string (the issue's example). */
const curlVerbose = (extraQuery = '') => `* Connected to acme.atlassian.net
> GET /rest/api/3/issue/PPT-28?access_token=${TOKEN}&jwt=${JWT}${extraQuery} HTTP/1.1
> Host: acme.atlassian.net
> Authorization: ${BEARER}
>
< HTTP/1.1 404 Not Found
< content-type: application/json
<
{"errorMessages":["Issue does not exist or you do not have permission to see it."]}
`;

describe('stdout, text and --json: the note read from the pasted request is redacted', () => {
  test('text: the note names the call, without its credentials', () => {
    const r = cli(['explain'], curlVerbose());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(read from the paste[^)\n]*: GET https:\/\/acme.atlassian.net\/rest\/api\/3\/issue\/PPT-28/);
    expectNoSecret(r.stdout + r.stderr);
  });
  test('--json: assumptions carry the same note, redacted, and the JSON stays valid', () => {
    const r = cli(['explain', '--json'], curlVerbose());
    const json = JSON.parse(r.stdout);
    expect(json.assumptions.some((a: string) => /^read from the paste[^:]*: GET https:\/\/acme.atlassian.net\/rest\/api\/3\/issue\/PPT-28/.test(a))).toBe(true);
    expectNoSecret(r.stdout);
  });
  test('a control character inside a secret does not hide it from redaction', () => {
    const r = cli(['explain', '--as', `api_tok\u0001en=${API_TOKEN}`], 'HTTP/1.1 200 OK\r\n\r\n');
    expect(r.stderr).toContain('"api_token=[redacted]"');
    expectNoSecret(r.stderr);
  });
  test('an Authorization header without a scheme (the bare credential) is not named in the assumptions, in any case', () => {
    const bare = 'Zx9fQ2lkmW8pLqRtUv';
    const paste = curlVerbose().replace(`Authorization: ${BEARER}`, `Authorization: ${bare}`);
    for (const args of [[], ['--json']]) {
      const r = cli(['explain', ...args], paste);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('read from the paste');
      expect(r.stdout.toLowerCase()).not.toContain(bare.toLowerCase());
    }
  });
  test('secrets in a response body do not reach the findings', () => {
    const body = JSON.stringify({ errorMessages: [`Weird failure for ${EMAIL}: token=${TOKEN}, ${BEARER}`] });
    for (const args of [[], ['--json']]) {
      const r = cli(['explain', ...args], `HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n\r\n${body}`);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Weird failure for');
      expectNoSecret(r.stdout);
    }
  });
});

describe('stderr: values quoted back in messages are redacted', () => {
  test.each([
    ['an --as value carrying a JWT', ['explain', '--as', JWT], 'HTTP/1.1 200 OK\r\n\r\n'],
    ['a file name with an e-mail address', ['explain', `/nonexistent/${EMAIL}.http`], ''],
    ['an unknown command carrying a token', [`access_token=${TOKEN}`], '']
  ])('%s', (_name, args, input) => {
    const r = cli(args, input);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^issue-doctor: [^\n]*\[redacted[^\n]*\n$/);
    expectNoSecret(r.stderr + r.stdout);
  });
  test('an unknown option is named without its value', () => {
    const r = cli(['explain', `--bogus=${API_TOKEN}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('issue-doctor: Unknown option "--bogus". Run `issue-doctor explain --help`.\n');
  });
  test('an invalid "status" value is shown nowhere unredacted, text or --json', () => {
    for (const args of [[], ['--json']]) {
      const r = cli(['explain', ...args], JSON.stringify({ status: `${BEARER} for ${EMAIL}`, headers: {}, body: '' }));
      expect(r.stderr + r.stdout).not.toBe('');
      expectNoSecret(r.stderr + r.stdout);
    }
  });
  test('a message quoting a long value stays one short line', () => {
    const r = cli(['explain', '--as', `${'x'.repeat(50_000)}\n${'y'.repeat(50_000)}`], 'HTTP/1.1 200 OK\r\n\r\n');
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.length).toBeLessThan(500);
  });
});

describe('stderr: process warnings (a library may emit them) take the same safe line', () => {
  test('a warning carrying a token and an escape sequence', () => {
    const preload = join(mkdtempSync(join(tmpdir(), 'warn-')), 'emit.js');
    writeFileSync(preload, `setTimeout(() => process.emitWarning(${JSON.stringify(`token ${API_TOKEN} in \u001b]0;title\u0007 config`)}), 0);\n`);
    const r = spawnSync(process.execPath, ['-r', preload, BIN, 'explain', SEED('001-ex-path-scope-check.http')], { cwd: ROOT, encoding: 'utf8', timeout: 20000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('issue-doctor: warning: token [redacted-token] in  config\n');
  });
});

describe('terminal control sequences from a response never reach the terminal', () => {
  // OSC 52 writes the clipboard, OSC 0 sets the window title, CSI 2J clears the screen, 0x9B is the one-byte CSI.
  const hostile = 'Boom \u001b]52;c;ZXZpbA==\u0007 \u001b]0;owned\u001b\\ \u001b[2J\u009b31m \r\u0008fake line';
  const responses = {
    'an HTML title and paragraph': `HTTP/1.1 500 Internal\r\ncontent-type: text/html\r\n\r\n<html><head><title>${hostile}</title></head><body><p>${hostile}</p></body></html>`,
    'a JSON error message': `HTTP/1.1 500 Internal\r\ncontent-type: application/json\r\n\r\n${JSON.stringify({ errorMessages: [hostile] })}`,
    // A lone CR would end the status line for the parser, so the status text carries the rest.
    'a status text': `HTTP/1.1 500 ${hostile.replace('\r', '')}\r\ncontent-type: text/plain\r\n\r\n${'An ordinary body line.\n'.repeat(10)}`
  };
  test.each(Object.entries(responses))('%s: text output', (_name, response) => {
    const r = cli(['explain'], response);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(r.stdout).not.toContain('52;c;');
    expect(r.stdout).not.toContain(']0;owned');
  });
  test('--json: valid JSON, no raw control character, the text around them kept', () => {
    const r = cli(['explain', '--json'], responses['a JSON error message']);
    const parsed = JSON.parse(r.stdout);
    expect(r.stdout).not.toMatch(TERMINAL_CONTROL);
    expect(JSON.stringify(parsed)).not.toMatch(/\\u001b|\\u0007|\\u009b|52;c;/);
    expect(JSON.stringify(parsed)).toContain('Boom');
  });
});

describe('the output functions', () => {
  test('stripControls removes whole escape sequences and lone controls, keeps text, tabs and newlines', () => {
    expect(stripControls('a\u001b]52;c;ZXZpbA==\u0007b')).toBe('ab');
    expect(stripControls('a\u001b]0;title\u001b\\b')).toBe('ab');
    expect(stripControls('a\u001b]0;unterminated\nnext line')).toBe('a\nnext line');
    expect(stripControls('a\u001b[1;31mred\u001b[0m b')).toBe('ared b');
    expect(stripControls('a\u009b31mb\u009d0;t\u009cc')).toBe('abc');
    expect(stripControls('a\u001bcb\u001b')).toBe('ab');
    expect(stripControls('over\rwrite\u0008\u007f \u202eevil\u202c')).toBe('overwrite evil');
    expect(stripControls('✔ café → 404\tok\n')).toBe('✔ café → 404\tok\n');
  });
  test('safeText redacts after stripping', () => {
    expect(safeText(`acc\u0000ess_token=${TOKEN}`)).toBe('access_token=[redacted]');
    expect(safeText(`mail ${EMAIL}\u001b[2J`)).toBe('mail [redacted-email]');
  });
  test('safeText redacts each line on its own: a scheme word ending one line does not swallow the next', () => {
    expect(safeText('    - auth: connect-jwt\n\n  Read more: https://developer.atlassian.com/')).toBe('    - auth: connect-jwt\n\n  Read more: https://developer.atlassian.com/');
    expect(safeText(`line one\nAuthorization: ${BEARER}\nline three`)).toBe('line one\nAuthorization: [redacted]\nline three');
  });
  test('safeJson: keys and nested strings made safe, C1 never raw, U+2028 escaped', () => {
    const text = safeJson({ [`k\u0085 ${EMAIL}`]: [{ note: `x\u0085y ${BEARER}` }], n: 1, u: '\u2028' });
    expect(text).not.toMatch(/[\u0080-\u009f\u2028]/);
    expect(JSON.parse(text)).toEqual({ 'k [redacted-email]': [{ note: 'xy Bearer [redacted]' }], n: 1, u: '\u2028' });
  });
  test('safeMessageLine: one line, at most 400 characters', () => {
    expect(safeMessageLine('a\nb\r\nc\td')).toBe('a b c d');
    expect(safeMessageLine('y'.repeat(10_000))).toHaveLength(400);
  });
  test('stripping is linear: 1 MB runs of each sequence prefix take well under a second', () => {
    for (const unit of ['\u001b[', '\u001b]', '\u001b', '\u009b', '\u001b[1;', '\u001bP', '\u001b]52;c;']) {
      const input = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const started = performance.now();
      stripControls(input);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
