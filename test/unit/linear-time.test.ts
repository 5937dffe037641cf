import fc from 'fast-check';
import { diagnose } from '../../src/diagnosis/diagnose';
import { redact, safeExcerpt } from '../../src/diagnosis/redact';
import { htmlToText, parseErrorBody } from '../../src/diagnosis/parse/error-body';
import { parseScopeGrantMessage } from '../../src/diagnosis/parse/scope-grant';
import { parsePastedInput } from '../../src/diagnosis/parse/pasted-input';
import { ResponseInputError } from '../../src/diagnosis/parse/raw-response';
import { formatReport } from '../../src/diagnosis/report';

/**
 * Every pattern over untrusted text must run in linear time. A pattern that rescans from every start
 * position takes seconds (or minutes) on 1 MB of its own prefix repeated; a linear one takes milliseconds.
 */
const ONE_MB = 1024 * 1024;
const BOUND_MS = 500;

const PREFIXES = [
  'a', 'a@', 'a.', '@a', 'a%40', '%40', '.', '-', 'eyJ-', 'eyJa.', 'ATAT-', 'ATCTT-', 'Bearer ', 'Bearer a', 'Basic ', 'JWT ',
  'authorization', 'authorization: ', '"Authorization": "', 'cookie: ', 'set-cookie=', '://', '://a', 'https://a:', 'token=',
  'access_token', 'x-api-key: ', 'client_secret=', 'password', '<', '<<', '<p>', '<p', '<title>', '<h1>', '<script>', '<style>',
  '<!--', '</', '&amp;', 'granted the following scopes: [', 'granted the following scopes:', '*[', '* [', '*', '[', ']',
  'HTTP/1.1 ', 'HTTP/1.1 200\n', '< HTTP/1.1 200\n', '> GET / HTTP/1.1\n', '> ', '< ', '\n', '\r\n', ' ', '\t', '{', '{"', '[{',
  '{"errorMessages":["', '"', '\\n', '\\', 'is not allowed from ', 'timed out ', 'status code 4', 'Error: ', 'at ', 'HTTPError: ',
  'requests.exceptions.', 'Traceback', 'File "', '{"log":{"entries":[', '"response":{"status":', 'curl: ', 'x'.repeat(3) + ' 401 ',
  'Unauthorized; scope does not match', 'XSRF check failed', 'for url: https://', 'GET https://', 'level=error ', '2026-01-01T00:00:00Z '
];

function once(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Over the bound once may be a busy machine; over it twice in a row is the pattern. A quadratic one is over by far. */
function timed(label: string, fn: () => unknown): number {
  let ms = once(fn);
  if (ms > BOUND_MS) ms = Math.min(ms, once(fn));
  if (ms > BOUND_MS) throw new Error(`${label} took ${ms.toFixed(0)} ms on 1 MB`);
  return ms;
}

function adversarial(prefix: string): string {
  return prefix.repeat(Math.ceil(ONE_MB / prefix.length)).slice(0, ONE_MB);
}

const CHECKS: [string, (text: string) => unknown][] = [
  ['redact', redact],
  ['safeExcerpt', (t) => safeExcerpt(t)],
  ['htmlToText', htmlToText],
  ['parseErrorBody', (t) => parseErrorBody(t)],
  ['parseErrorBody(html)', (t) => parseErrorBody(t, 'text/html')],
  ['parseScopeGrantMessage', parseScopeGrantMessage],
  [
    'parsePastedInput',
    (t) => {
      try {
        return parsePastedInput(t);
      } catch (error) {
        if (!(error instanceof ResponseInputError)) throw error;
        return undefined;
      }
    }
  ],
  [
    'diagnose+report',
    (t) => formatReport(diagnose({ call: { method: 'GET', path: '/rest/api/3/issue/A-1', auth: 'unknown' }, response: { status: 403, headers: { 'content-type': 'text/html' }, body: t } }))
  ]
];

describe('linear-time parsing and redaction (1 MB adversarial inputs, each under a fixed bound)', () => {
  test.each(PREFIXES.map((p) => [JSON.stringify(p), p] as const))('prefix %s repeated', (_label, prefix) => {
    const text = adversarial(prefix);
    for (const [name, fn] of CHECKS) timed(`${name}(${JSON.stringify(prefix)} × n)`, () => fn(text));
  });

  test('generated prefixes (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 5, unit: fc.constantFrom(...'a@.:/<>*[]{}"\\ \n-=%_eyJATBH1'.split('')) }), (prefix) => {
        const text = adversarial(prefix);
        for (const [name, fn] of CHECKS) timed(`${name}(${JSON.stringify(prefix)} × n)`, () => fn(text));
      }),
      { numRuns: 10 }
    );
  });

  test('the bound can fail: a quadratic pattern of the kind that was removed exceeds it', () => {
    const quadratic = (t: string) => t.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '');
    expect(() => timed('old e-mail pattern', () => quadratic(adversarial('a').slice(0, 24 * 1024)))).toThrow(/took/);
  });
});
