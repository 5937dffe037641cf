import { parsePastedInput, requestFromText, statusFromText } from '../../src/diagnosis/parse/pasted-input';
import { ResponseInputError } from '../../src/diagnosis/parse/raw-response';

describe('status inferred from the way tools print it', () => {
  test.each([
    ['requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://x', 401],
    ['AxiosError: Request failed with status code 404', 404],
    ['HTTPError: Response code 401 (Unauthorized)', 401],
    ['JiraError HTTP 403 url: https://x', 403],
    ['RestClientException{statusCode=Optional.of(401), errorCollections=[]}', 401],
    ['curl: (22) The requested URL returned error: 403', 403],
    ['Invoke-RestMethod : The remote server returned an error: (401) Unauthorized.', 401],
    ['"GET /rest/api/2/field HTTP/1.1" 404 214', 404],
    ['[403: GET] https://x/rest/api/3/screens', 403],
    ['org.springframework.web.client.HttpClientErrorException$Forbidden: 403 : "{}"', 403],
    ['429', 429],
    ['it always gives 404', 404]
  ])('%s → %d', (text, status) => expect(statusFromText(text)).toBe(status));
  test('2xx and 3xx numbers, years and ports are not failures', () => {
    for (const text of ['took 200 ms', 'in 2026 at port 8443', 'retrying 3 times']) expect(statusFromText(text)).toBeUndefined();
  });
});

describe('the request named in free text', () => {
  test('method, host and path (with query) from the first API URL; userinfo never kept', () => {
    expect(requestFromText('POST https://me:secret@your-site.atlassian.net/rest/api/3/issue?x=1 failed')).toEqual({ method: 'POST', path: '/rest/api/3/issue?x=1', host: 'your-site.atlassian.net', methodRead: true });
  });
  test('the auth scheme, never the credential', () => {
    expect(requestFromText('curl -H "Authorization: Bearer abc" https://api.atlassian.com/ex/jira/1/rest/api/3/myself')?.authScheme).toBe('bearer');
    expect(requestFromText('curl -u me@example.com:tok https://x.atlassian.net/rest/api/3/myself')?.authScheme).toBe('basic');
  });
});

describe('shapes', () => {
  test('HAR with a base64 body and a failing entry among successes', () => {
    const har = JSON.stringify({
      log: {
        entries: [
          { request: { method: 'GET', url: 'https://x.atlassian.net/a' }, response: { status: 500, headers: [], content: { text: '' } } },
          { request: { method: 'POST', url: 'https://x.atlassian.net/rest/api/3/issue', headers: [{ name: 'Authorization', value: 'Basic Zm9v' }] }, response: { status: 400, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { encoding: 'base64', text: Buffer.from('{"errors":{"summary":"required"}}').toString('base64') } } },
          { request: { method: 'GET', url: 'https://x.atlassian.net/b' }, response: { status: 200, headers: [], content: {} } }
        ]
      }
    });
    const pasted = parsePastedInput(har);
    expect(pasted.shape).toBe('har');
    expect(pasted.response).toMatchObject({ status: 400, body: '{"errors":{"summary":"required"}}' });
    expect(pasted.request).toMatchObject({ method: 'POST', path: '/rest/api/3/issue', authScheme: 'basic' });
  });
  test('a thrown error as JSON', () => {
    expect(parsePastedInput('{"name":"FetchError","message":"socket hang up"}')).toMatchObject({ shape: 'sdk-error', error: { name: 'FetchError' } });
  });
  test('a JSON error body quoted inside a log line is read as the body; broken JSON is left as text', () => {
    const quoted = parsePastedInput('responseBody {"errorMessages":[],"errors":{"summary":"Field \'summary\' cannot be set."}}');
    expect(quoted.response?.body).toBe('{"errorMessages":[],"errors":{"summary":"Field \'summary\' cannot be set."}}');
    expect(quoted.notes).toContain('read the JSON error body quoted in the text');
    const broken = parsePastedInput('responseBody {"errorMessages":[oops}');
    expect(broken.response).toBeUndefined();
    expect(broken.notes).not.toContain('read the JSON error body quoted in the text');
  });

  test('a client\'s 500 envelope quoting the product\'s status is read at the product\'s status', () => {
    const wrapped = parsePastedInput('{"Error":true,"Status":500,"Message":"JIRA request returned status 400 Bad Request"}');
    expect(wrapped.response?.status).toBe(400);
    expect(parsePastedInput('{"Error":true,"Status":500,"Message":"boom"}').response?.status).toBe(500);
  });

  test('a log line where a tool\'s 500 wraps the product\'s 4xx is read at the 4xx', () => {
    const log = '{"level":"error","Status":"500","Error":"failed to GetProjectMetadata: Request failed. Status code: 404","Path":"/api/v2/x"';
    expect(parsePastedInput(log).response?.status).toBe(404);
    expect(parsePastedInput('{"level":"error","Status":"500","Error":"failed: Status code: 503"').response?.status).toBe(500);
  });

  test('a body without status keeps status 0 and says so', () => {
    const pasted = parsePastedInput('{"errorMessages":["Something odd"]}');
    expect(pasted).toMatchObject({ shape: 'json-body', response: { status: 0 } });
    expect(pasted.notes.join(' ')).toMatch(/status unknown/);
  });
  test('only empty input, a bad envelope status and hostile nesting are refused', () => {
    for (const text of ['', ' \n ', '{"status":"x","body":""}', '['.repeat(10_000)]) expect(() => parsePastedInput(text)).toThrow(ResponseInputError);
    for (const text of ['hello', '{}', '[]', '<p>', '42']) expect(() => parsePastedInput(text)).not.toThrow();
  });
});
