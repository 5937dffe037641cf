import fc from 'fast-check';
import { diagnose } from '../../src/diagnosis/diagnose';
import { formatReport } from '../../src/diagnosis/report';
import { parseScopeGrantMessage } from '../../src/diagnosis/parse/scope-grant';
import { parseErrorBody } from '../../src/diagnosis/parse/error-body';
import { parseHeaders } from '../../src/diagnosis/parse/headers';
import { parseThrownError } from '../../src/diagnosis/parse/thrown-error';
import { parseRawExchange, parseRawResponse, ResponseInputError } from '../../src/diagnosis/parse/raw-response';
import { AUTH_MODES } from '../../src/diagnosis/types';

const bytesAsText = fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b).toString('latin1'));
const text = fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: 'grapheme', maxLength: 200 }), bytesAsText);
const interesting = fc.constantFrom(
  'Your app was granted the following scopes: [',
  '* [read:jira-work,, ]',
  '{"errorMessages":[',
  '<html><h1>',
  '{"code":401,"message":',
  'The app is not installed on this instance',
  'Issue does not exist or you do not have permission to see it.'
);
const body = fc.oneof(text, fc.tuple(interesting, text).map(([a, b]) => a + b), fc.json());
const headerValue = fc.oneof(text, fc.array(text, { maxLength: 3 }), fc.constant(undefined));
const headers = fc.dictionary(fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('retry-after', 'x-failure-category', 'forge-proxy-error', 'content-type')), headerValue, { maxKeys: 6 });
const anyError = fc.oneof(fc.anything(), fc.record({ name: text, message: text, status: fc.anything(), errorCode: fc.anything() }, { requiredKeys: [] }));

const RUNS = { numRuns: 300 };

describe('never throws on arbitrary input', () => {
  test('parsers', () => {
    fc.assert(
      fc.property(body, headers, anyError, (b, h, e) => {
        parseScopeGrantMessage(b);
        parseErrorBody(b, typeof h['content-type'] === 'string' ? h['content-type'] : undefined);
        parseHeaders(h as Record<string, string>);
        parseThrownError(e);
      }),
      RUNS
    );
  });

  test('raw response parser throws only its own input error', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.tuple(fc.constantFrom('HTTP/1.1 ', '{"status":', '< HTTP/2 404\n<', '> GET / HTTP/1.1\n< HTTP/1.1 '), text).map(([a, b]) => a + b)), (input) => {
        for (const parse of [parseRawResponse, parseRawExchange]) {
          try {
            parse(input);
          } catch (error) {
            expect(error).toBeInstanceOf(ResponseInputError);
          }
        }
      }),
      RUNS
    );
  });

  test('classifier and report: always one finding for a failed call, never a throw', () => {
    fc.assert(
      fc.property(
        fc.record({
          method: fc.oneof(fc.constantFrom('GET', 'POST'), text),
          path: fc.oneof(text, fc.constantFrom('/rest/api/3/issue/A-1', '/ex/jira/x/rest/api/3/myself', 'https://x.atlassian.net/wiki/api/v2/pages/1')),
          auth: fc.constantFrom(...AUTH_MODES)
        }),
        fc.option(fc.record({ status: fc.integer({ min: 100, max: 599 }), headers, body })),
        fc.option(anyError),
        fc.option(fc.record({ declared: fc.array(text, { maxLength: 5 }), installed: fc.array(text, { maxLength: 5 }) }, { requiredKeys: [] })),
        (call, response, error, scopes) => {
          const diagnosis = diagnose({
            call,
            response: response ?? undefined,
            error: error ?? undefined,
            scopes: scopes ?? undefined
          });
          const failed = (error !== null && error !== undefined) || (response !== null && (response.status < 200 || response.status >= 300));
          if (failed) expect(diagnosis.primary).toBeDefined();
          expect(typeof formatReport(diagnosis)).toBe('string');
        }
      ),
      RUNS
    );
  });
});

describe('explainText: any text in, a diagnosis or its own input error out', () => {
  const { explainText } = require('../../src/diagnosis/explain') as typeof import('../../src/diagnosis/explain');
  test('never throws anything else, and a non-empty paste always gets a primary finding', () => {
    fc.assert(
      fc.property(
        fc.oneof(text, fc.tuple(fc.constantFrom('HTTP/1.1 401 X\n\n', '{"log":{"entries":[', '{"status":', '<html><title>', 'Error: ', '> GET / HTTP/1.1\n< HTTP/1.1 403\n\n', '{"name":"E","message":'), text).map(([a, b]) => a + b), fc.json()),
        fc.constantFrom(...AUTH_MODES),
        (input, auth) => {
          try {
            const { diagnosis } = explainText(input, { auth });
            expect(diagnosis.primary ?? diagnosis.ok).toBeTruthy();
          } catch (error) {
            expect(error).toBeInstanceOf(ResponseInputError);
          }
        }
      ),
      RUNS
    );
  });
});
