import { parseScopeGrantMessage } from '../../src/diagnosis/parse/scope-grant';
import { parseErrorBody } from '../../src/diagnosis/parse/error-body';
import { parseHeaders, parseRetryAfter } from '../../src/diagnosis/parse/headers';
import { parseThrownError } from '../../src/diagnosis/parse/thrown-error';
import { parseRawResponse, ResponseInputError } from '../../src/diagnosis/parse/raw-response';
import { NeedsAuthenticationError, ProxyRequestError, FetchError, ExternalEndpointNotAllowedError, RequestProductNotAllowedError } from '@forge/api';

const SEED_000 =
  'Access to the resource was denied due to missing scope grants. Your app was granted the following scopes: [].\nThe resource can be accessed by having one of these groups of scopes:\n * [read:jira-work]\n * [read:issue-meta:jira, read:issue-security-level:jira,, read:issue.changelog:jira, read:avatar:jira, read:issue:jira, read:status:jira, read:user:jira, read:field-configuration:jira]\n';

describe('scope-grant message', () => {
  test('seed 000: empty grant, two groups, the doubled comma counted not kept', () => {
    const parsed = parseScopeGrantMessage(SEED_000)!;
    expect(parsed.granted).toEqual([]);
    expect(parsed.groups).toHaveLength(2);
    expect(parsed.groups[0]).toEqual(['read:jira-work']);
    expect(parsed.groups[1]).toHaveLength(8);
    expect(parsed.groups[1]).not.toContain('');
    expect(parsed.emptyEntries).toBe(1);
  });
  test('escaped \\n as pasted from JSON, and a non-empty grant', () => {
    const text = 'Your app was granted the following scopes: [read:page:confluence, read:me].\\nThe resource can be accessed by having one of these groups of scopes:\\n * [read:jira-user]\\n';
    expect(parseScopeGrantMessage(text)).toEqual({ granted: ['read:page:confluence', 'read:me'], groups: [['read:jira-user']], emptyEntries: 0 });
  });
  test('groups on one line', () => {
    expect(parseScopeGrantMessage('granted the following scopes: [a]. groups of scopes: * [b, c] * [d]')?.groups).toEqual([['b', 'c'], ['d']]);
  });
  test('other text is not a grant message', () => {
    expect(parseScopeGrantMessage('Issue does not exist')).toBeUndefined();
  });
  test('the phrase is found whatever its case', () => {
    expect(parseScopeGrantMessage('GRANTED THE FOLLOWING SCOPES: [read:me]. * [read:jira-user]')).toEqual({ granted: ['read:me'], groups: [['read:jira-user']], emptyEntries: 0 });
  });
});

describe('error bodies', () => {
  test('Jira errorMessages and errors', () => {
    expect(parseErrorBody('{"errorMessages":["A"],"errors":{"summary":"B"}}')).toEqual({ kind: 'jira', messages: ['A'], fieldErrors: { summary: 'B' } });
  });
  test('Confluence v2 errors array', () => {
    const parsed = parseErrorBody('{"errors":[{"status":404,"code":"NOT_FOUND","title":"Not Found","detail":null}]}');
    expect(parsed).toMatchObject({ kind: 'confluence', code: 'NOT_FOUND', messages: ['Not Found'] });
  });
  test('Confluence v1 statusCode/message', () => {
    expect(parseErrorBody('{"statusCode":403,"message":"Not permitted"}')).toMatchObject({ kind: 'confluence', messages: ['Not permitted'], code: '403' });
  });
  test('gateway code/message (seed 002)', () => {
    expect(parseErrorBody('{"code":401,"message":"Unauthorized; scope does not match"}')).toMatchObject({
      kind: 'gateway',
      code: '401',
      messages: ['Unauthorized; scope does not match']
    });
  });
  test('HTML page: heading and paragraphs, entities decoded', () => {
    const parsed = parseErrorBody('<section><h1>Forbidden (403)</h1><p>Encountered a <code>&quot;403 - Forbidden&quot;</code> error</p></section>');
    expect(parsed.kind).toBe('html');
    expect(parsed.htmlTitle).toBe('Forbidden (403)');
    expect(parsed.messages[0]).toBe('Encountered a "403 - Forbidden" error');
  });
  test('truncated JSON falls back to text; empty is empty', () => {
    expect(parseErrorBody('{"errorMessages":["cut', 'application/json').kind).toBe('text');
    expect(parseErrorBody('   ').kind).toBe('empty');
  });
  test('JSON that ends in a string, a number, true, false or null is still parsed', () => {
    expect(parseErrorBody('"Unauthorized"', 'application/json')).toMatchObject({ kind: 'json', messages: ['Unauthorized'] });
    expect(parseErrorBody('["A", "B"]  ')).toMatchObject({ kind: 'json', messages: ['A', 'B'] });
    for (const scalar of ['401', 'true', 'false', 'null']) expect(parseErrorBody(scalar, 'application/json').messages).toEqual([scalar]);
  });
  test('a text body is read as one message of its first 1000 characters', () => {
    expect(parseErrorBody(`Forbidden ${'x'.repeat(5000)}`)).toEqual({ kind: 'text', messages: [`Forbidden ${'x'.repeat(990)}`], fieldErrors: {} });
  });
});

describe('headers', () => {
  test('case-insensitive, arrays joined, Forge and gateway headers read', () => {
    const h = parseHeaders({ 'X-Failure-Category': 'FAILURE_CLIENT_SCOPE_CHECK', 'Forge-Proxy-Error': 'NEEDS_AUTHENTICATION_ERR', 'Content-Type': 'application/json', 'Set-Cookie': ['a', 'b'] });
    expect(h.failureCategory).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(h.forgeProxyError).toBe('NEEDS_AUTHENTICATION_ERR');
    expect(h.isJson).toBe(true);
    expect(h.all['set-cookie']).toBe('a, b');
  });
  test('Retry-After in seconds and as an HTTP date', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 25 Nov 2026 12:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('errors thrown by the real @forge/api', () => {
  test.each([
    [new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key'), 'needs-authentication'],
    [new ProxyRequestError(502, 'GATEWAY'), 'proxy'],
    [new FetchError('boom'), 'fetch'],
    [new ExternalEndpointNotAllowedError('https://evil.example'), 'egress-not-allowed'],
    [new RequestProductNotAllowedError('jira', 'confluence'), 'product-not-allowed'],
    [{ name: 'API_NOT_READY_ERR', message: 'This feature is not available yet' }, 'api-not-ready'],
    [Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), 'network'],
    [new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'timeout'],
    ['NEEDS_AUTHENTICATION_ERR', 'needs-authentication'],
    [null, 'unknown']
  ])('%s → %s', (error, kind) => {
    expect(parseThrownError(error).kind).toBe(kind);
  });
  test('keeps status and error code', () => {
    expect(parseThrownError(new ProxyRequestError(502, 'GATEWAY'))).toMatchObject({ name: 'PROXY_ERR', status: 502, errorCode: 'GATEWAY' });
  });
});

describe('raw responses', () => {
  test('curl -i output, CRLF, last of several responses', () => {
    const r = parseRawResponse('HTTP/1.1 100 Continue\r\n\r\nHTTP/2 429 \r\nRetry-After: 5\r\n\r\n{"a":1}');
    expect(r).toEqual({ status: 429, statusText: undefined, headers: { 'retry-after': '5' }, body: '{"a":1}' });
  });
  test('JSON envelope with a JSON body', () => {
    expect(parseRawResponse('{"status":404,"headers":{"Content-Type":"application/json"},"body":{"errorMessages":["x"]}}')).toEqual({
      status: 404,
      statusText: undefined,
      headers: { 'content-type': 'application/json' },
      body: '{"errorMessages":["x"]}'
    });
  });
  test('bad input gets a message naming what is wrong', () => {
    expect(() => parseRawResponse('')).toThrow(/empty/);
    expect(() => parseRawResponse('hello')).toThrow(ResponseInputError);
    expect(() => parseRawResponse('{"status":"abc"}')).toThrow(/"status" must be an HTTP status code/);
  });
});

describe('curl -v exchanges', () => {
  test('response headers and body from the "<" lines and what follows; the request without its credential', () => {
    const { parseRawExchange } = require('../../src/diagnosis/parse/raw-response');
    const pasted = parseRawExchange('> POST /rest/api/3/search HTTP/1.1\n> Host: x.atlassian.net\n> Authorization: Bearer abc.def.ghi\n>\n< HTTP/1.1 429 Too Many Requests\n< Retry-After: 12\n<\n{"errorMessages":["Rate limit"]}\n* closing');
    expect(pasted.response).toEqual({ status: 429, statusText: 'Too Many Requests', headers: { 'retry-after': '12' }, body: '{"errorMessages":["Rate limit"]}' });
    expect(pasted.request).toEqual({ method: 'POST', path: '/rest/api/3/search', host: 'x.atlassian.net', authScheme: 'bearer', methodRead: true });
  });
});
