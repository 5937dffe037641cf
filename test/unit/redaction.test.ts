import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { run } from '../../cli/main';
import { createOutput } from '../../cli/output';
import { diagnose } from '../../src/diagnosis/diagnose';
import { explainText } from '../../src/diagnosis/explain';
import { redact } from '../../src/diagnosis/redact';
import { formatReport } from '../../src/diagnosis/report';

/** Credentials drawn at random: long enough never to appear in the engine's own words by chance. */
const secret = fc.stringMatching(/^[A-Za-z0-9]{16,28}$/).filter((s) => /\d/.test(s) && /[A-Za-z]/.test(s));
const word = fc.stringMatching(/^[a-z][a-z0-9]{7,14}$/);

/** Each shape puts a secret somewhere a product, a proxy, a script or a person would put it. */
const SHAPES: ((t: string, w: string) => string)[] = [
  (t) => `Authorization: Bearer ${t}`,
  (t) => `{"Authorization": "Bearer ${t}"}`,
  (t) => `{"headers":{"authorization":"Basic ${t}"}}`,
  (t) => `Proxy-Authorization: Basic ${t}`,
  (t) => `Cookie: cloud.session.token=${t}; other=1`,
  (t) => `{"Cookie": "${t}"}`,
  (t) => `Set-Cookie: tenant.session.token=${t}; Path=/`,
  (t) => `sent Bearer ${t} again`,
  (t) => `JWT ${t}`,
  (t) => `GET https://${t.slice(0, 6)}:${t}@Your-Site.atlassian.net/rest/api/3/myself`,
  (t, w) => `https://your-site.atlassian.net/rest/api/3/search?access_token=${t}&jwt=${w}${t}`,
  (t) => `client_secret=${t}&client_id=abc`,
  (t) => `X-Api-Key: ${t}`,
  (t) => `"password": "${t}"`,
  (t) => `token=${t}`,
  (t) => `refresh_token=${t}`,
  (t) => `ATATT${t}`,
  (t) => `eyJ${t}.eyJ${t}.${t}`,
  (_t, w) => `contact ${w}@example-corp.com please`,
  (_t, w) => `user=${w}%40example-corp.com`
];

/** What must not survive: the secret, or for e-mail shapes the address's local part. */
function leaked(output: string, shape: number, t: string, w: string): boolean {
  return shape >= SHAPES.length - 2 ? output.includes(`${w}@`) || output.includes(`${w}%40`) : output.includes(t);
}

const family = fc.tuple(fc.integer({ min: 0, max: SHAPES.length - 1 }), secret, word);

describe('one redaction for every channel, over a generated family of secret shapes', () => {
  test('redact() removes every shape', () => {
    fc.assert(
      fc.property(family, ([i, t, w]) => {
        expect(leaked(redact(SHAPES[i](t, w)), i, t, w)).toBe(false);
      }),
      { numRuns: 400 }
    );
  });

  test('findings, report and explain (text in any shape, notes, assumptions) never carry one', () => {
    fc.assert(
      fc.property(family, fc.constantFrom(401, 403, 404, 500), ([i, t, w], status) => {
        const text = SHAPES[i](t, w);
        const d = diagnose({
          call: { method: 'GET', path: `https://${t}:${t}@x.atlassian.net/rest/api/3/issue/A-1?token=${t}`, auth: 'unknown' },
          response: { status, headers: { 'x-echo': text }, body: JSON.stringify({ errorMessages: [text] }) }
        });
        const thrown = diagnose({ call: { method: 'GET', path: '/x', auth: 'unknown' }, error: { name: 'Error', message: text } });
        const pasted = [
          text,
          `HTTP/1.1 ${status} X\ncontent-type: text/plain\n\n${text}`,
          `> GET /rest/api/3/myself?access_token=${t} HTTP/1.1\n> Host: x.atlassian.net\n> ${text}\n< HTTP/1.1 ${status} X\n<\n${text}`,
          `requests.exceptions.HTTPError: ${status} Client Error: for url: https://${t}:${t}@x.atlassian.net/rest/api/3/myself?jwt=${t} ${text}`,
          JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: `https://x.atlassian.net/rest?access_token=${t}`, headers: [{ name: 'Authorization', value: `Bearer ${t}` }] }, response: { status, headers: [], content: { text } } }] } })
        ].map((p) => explainText(p));
        for (const out of [JSON.stringify(d), formatReport(d), JSON.stringify(thrown), ...pasted.map((e) => JSON.stringify(e))]) {
          expect(leaked(out, i, t, w)).toBe(false);
        }
      }),
      { numRuns: 150 }
    );
  });
});

describe('the CLI: text, --json and stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'redaction-'));
  async function cli(argv: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
    let stdout = '';
    let stderr = '';
    const out = createOutput(
      (s) => (stdout += s),
      (s) => (stderr += s)
    );
    const code = await run(argv, { stdin: { fd: -1, isTTY: true }, out });
    return { stdout, stderr, code };
  }

  test('no generated secret reaches stdout (text or JSON) or stderr', async () => {
    await fc.assert(
      fc.asyncProperty(family, async ([i, t, w]) => {
        const text = SHAPES[i](t, w);
        const file = join(dir, 'paste.txt');
        writeFileSync(file, `> POST /rest/api/3/issue?access_token=${t} HTTP/1.1\n> Host: x.atlassian.net\n> Authorization: Bearer ${t}\n< HTTP/1.1 401 Unauthorized\n<\n${text}\n`);
        for (const argv of [[file], [file, '--json'], [file, '--path', `https://u:${t}@x.atlassian.net/rest/api/3/issue?jwt=${t}`], ['--as', text], ['--path']]) {
          const r = await cli(['explain', ...argv]);
          expect(leaked(r.stdout + r.stderr, i, t, w)).toBe(false);
        }
      }),
      { numRuns: 40 }
    );
  });
});

describe('long evidence is cut after redaction, never through a credential', () => {
  test('a token straddling the redaction window leaves no prefix behind', () => {
    for (let pad = 1150; pad < 1210; pad += 7) {
      const token = 'Zq9'.repeat(40);
      const message = 'y'.repeat(pad) + ` token=${token} and me@example-corp.com`;
      const d = diagnose({ call: { method: 'GET', path: '/x', auth: 'unknown' }, response: { status: 403, headers: {}, body: JSON.stringify({ errorMessages: [message] }) } });
      const evidence = d.primary!.evidence.join('\n');
      expect(evidence).not.toContain('Zq9Zq9');
      expect(evidence.length).toBeLessThan(1000);
    }
  });
  test('a cut inside an e-mail address after a long redacted token leaves no part of the address', () => {
    // The token shrinks to "[redacted]", pulling the cut-off address into the kept 300 characters.
    const message = `Bearer ${'A1'.repeat(590)} jane.doe@example-corp.com trailing`;
    const d = diagnose({ call: { method: 'GET', path: '/x', auth: 'unknown' }, response: { status: 403, headers: {}, body: JSON.stringify({ errorMessages: [message] }) } });
    expect(d.primary!.evidence.join('\n')).toContain('Bearer [redacted]');
    expect(d.primary!.evidence.join('\n')).not.toContain('jane.doe');
  });
});
