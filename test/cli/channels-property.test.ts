/**
 * A generated family of secrets, placed wherever a pasted exchange or an argument reaches the CLI's output:
 * none may appear on stdout or stderr, in text or --json. Runs the CLI in-process (cli/main.ts `run`) for speed;
 * the process-level tests beside it cover the same channels through the real bin.
 */
import fc from 'fast-check';
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/main';
import { createOutput } from '../../cli/output';

const dir = mkdtempSync(join(tmpdir(), 'channels-'));
let inputCount = 0;

async function runCli(argv: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(dir, `in-${inputCount++}`);
  writeFileSync(file, input);
  const fd = openSync(file, 'r');
  let stdout = '';
  let stderr = '';
  try {
    const out = createOutput((t) => (stdout += t), (t) => (stderr += t));
    const code = await run(argv, { stdin: { fd, isTTY: false }, out });
    return { code, stdout, stderr };
  } finally {
    closeSync(fd);
  }
}

const alnum = (min: number, max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9]{${min},${max}}$`));
/** At least one digit, so no generated value reads as a word of prose. */
const credential = fc.tuple(alnum(12, 40), fc.integer({ min: 0, max: 9 })).map(([text, digit]) => `${text}${digit}`);

interface Secret {
  /** The secret as it would be pasted. */
  text: string;
  /** The part that must never be shown. */
  secret: string;
  /** Whether it can sit inside a URL query without breaking the request line. */
  urlSafe: boolean;
}

const secrets: fc.Arbitrary<Secret> = fc.oneof(
  fc.tuple(fc.constantFrom('access_token', 'refresh_token', 'api_token', 'client_secret', 'password', 'jwt', 'token'), credential).map(([key, value]) => ({ text: `${key}=${value}`, secret: value, urlSafe: true })),
  fc.tuple(fc.constantFrom('Bearer', 'Basic'), credential).map(([scheme, value]) => ({ text: `${scheme} ${value}`, secret: value, urlSafe: false })),
  fc.tuple(alnum(8, 30), alnum(8, 30)).map(([header, payload]) => {
    const jwt = `eyJ${header}.eyJ${payload}.${payload.split('').reverse().join('')}`;
    return { text: jwt, secret: jwt, urlSafe: true };
  }),
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{2,20}[a-z0-9]$/), fc.stringMatching(/^[a-z]{3,12}$/)).map(([local, domain]) => {
    const email = `${local}@${domain}.example.com`;
    return { text: email, secret: email, urlSafe: true };
  }),
  credential.map((value) => ({ text: `Authorization: Bearer ${value}`, secret: value, urlSafe: false })),
  credential.map((value) => ({ text: `Cookie: tenant.session.token=${value}`, secret: value, urlSafe: false })),
  credential.map((value) => ({ text: `https://someone:${value}@acme.atlassian.net/`, secret: value, urlSafe: false }))
);

function expectHidden(result: { stdout: string; stderr: string }, secret: Secret): void {
  const shown = result.stdout + result.stderr;
  expect(shown).not.toContain(secret.secret);
}

const channels: Record<string, (secret: Secret) => [string[], string]> = {
  'a response body message': (s) => [[], `HTTP/1.1 500 Internal Server Error\r\ncontent-type: application/json\r\n\r\n${JSON.stringify({ errorMessages: [`failed: ${s.text} (see log)`] })}`],
  'an HTML error page': (s) => [[], `HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html\r\n\r\n<html><head><title>Error ${s.text}</title></head><body><p>${s.text}</p></body></html>`],
  'a status text': (s) => [[], `HTTP/1.1 500 ${s.text}\r\ncontent-type: text/plain\r\n\r\nserver error\n`],
  'a response header': (s) => [[], `HTTP/1.1 401 Unauthorized\r\nwww-authenticate: ${s.text}\r\ncontent-type: text/plain\r\n\r\nno\n`],
  'the --as value': (s) => [['--as', s.text], 'HTTP/1.1 200 OK\r\n\r\n'],
  'the FILE name': (s) => [[join('/nonexistent', s.text)], ''],
  'an unknown option': (s) => [[`--${s.text}`], '']
};

describe('no generated secret reaches stdout or stderr, whatever channel carries it', () => {
  test.each(Object.keys(channels))('%s (text and --json)', async (channel) => {
    await fc.assert(
      fc.asyncProperty(secrets, fc.boolean(), async (secret, json) => {
        const [args, input] = channels[channel](secret);
        const result = await runCli(['explain', ...(json ? ['--json'] : []), ...args], input);
        expectHidden(result, secret);
      }),
      { numRuns: 60 }
    );
  });
  test('the request read from curl -v (a note): secrets in its query string', async () => {
    await fc.assert(
      fc.asyncProperty(
        secrets.filter((s) => s.urlSafe),
        fc.boolean(),
        async (secret, json) => {
          const paste = `> GET /rest/api/3/issue/PROJ-1?expand=names&${secret.text} HTTP/1.1\n> Host: acme.atlassian.net\n>\n< HTTP/1.1 404 Not Found\n<\n{"errorMessages":["Issue does not exist or you do not have permission to see it."]}\n`;
          const result = await runCli(['explain', ...(json ? ['--json'] : [])], paste);
          expect(result.code).toBe(0);
          expect(result.stdout).toContain('read from the paste');
          expectHidden(result, secret);
        }
      ),
      { numRuns: 100 }
    );
  });
});
