import { diagnose } from '../../src/diagnosis/diagnose';
import { formatReport } from '../../src/diagnosis/report';
import { redact } from '../../src/diagnosis/redact';

describe('report', () => {
  const secretBody = JSON.stringify({ errorMessages: ['Weird failure for jane.doe@example.com'], fields: { summary: 'Secret merger plan' } });
  const diagnosis = diagnose({
    call: { product: 'jira', method: 'GET', path: '/rest/api/3/issue/PROJ-7?jql=summary~secret', auth: 'forge-as-user' },
    response: {
      status: 418,
      headers: { 'set-cookie': 'tenant.session.token=abc', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', 'x-request-id': 'r-1' },
      body: secretBody
    },
    scopes: { declared: ['read:jira-work'], installed: ['read:jira-work'] }
  });
  const report = formatReport(diagnosis, { appId: 'ari:cloud:ecosystem::app/1234', environment: 'DEVELOPMENT', installationId: 'inst-1', probes: [{ label: 'jira as user', outcome: '418', ms: 12.4 }] });

  test('names app, environment, installation, product, call, status, codes, header names, scope sets and timings', () => {
    for (const expected of ['ari:cloud:ecosystem::app/1234', 'DEVELOPMENT', 'inst-1', 'jira', 'GET /rest/api/3/issue/PROJ-7', '418', 'UNKNOWN (error)', 'declared      read:jira-work', 'installed     read:jira-work', 'set-cookie', 'x-request-id', '(12 ms)']) {
      expect(report).toContain(expected);
    }
  });
  test('long labels keep a space before their value', () => {
    const withProbes = formatReport(diagnosis, { probes: [{ label: 'confluence as user', outcome: 'GET /wiki/api/v2/pages/1 → 200' }] });
    expect(withProbes).toContain('confluence as user GET /wiki/api/v2/pages/1 → 200');
  });
  test('carries no response body text at all, and no query, header value, cookie, token or e-mail address', () => {
    for (const secret of ['Weird failure', 'jane.doe', 'example.com', 'Secret merger plan', 'jql=', 'tenant.session.token', 'eyJhbGciOiJIUzI1NiJ9', 'r-1']) {
      expect(report).not.toContain(secret);
    }
  });
  test('an HTML title, a body message and a finding title built from them stay out', () => {
    const html = diagnose({
      call: { product: 'jira', method: 'GET', path: '/rest/api/2/settings/columns', auth: 'basic-token' },
      response: { status: 403, headers: { 'content-type': 'text/html' }, body: '<html><title>Private board of Project Falcon</title><p>Ask mia about Falcon</p></html>' }
    });
    const text = formatReport(html);
    expect(text).toContain('ADMIN_ONLY_ENDPOINT (error)');
    expect(text).not.toMatch(/Falcon|mia/);
  });
  test('scope names read from a body pass only when shaped like scope names', () => {
    const d = diagnose({
      call: { product: 'jira', method: 'GET', path: '/rest/api/3/issue/A-1', auth: 'forge-as-user' },
      response: { status: 403, headers: {}, body: 'Your app was granted the following scopes: [read:jira-work, Project Falcon is secret]. groups of scopes: * [read:jira-work]' }
    });
    const text = formatReport(d);
    expect(text).toContain('read:jira-work');
    expect(text).not.toContain('Falcon');
  });
});

describe('redact: each form on its own (no pattern may cover for another)', () => {
  test.each([
    ['header authorization', 'Authorization: Basic am9lQGV4YW1wbGUuY29tOkFUQVRUMTIzNDU2Nzg5MA==', 'am9lQGV4YW1wbGUuY29t'],
    ['JSON-quoted authorization', '{"Authorization": "Bearer abcdefghijklmnopqrst"}', 'abcdefghijklmnopqrst'],
    ['JSON-quoted cookie', '{"Cookie": "cloud.session.token=xyzxyzxyz"}', 'xyzxyzxyz'],
    ['cookie header', 'cookie: a=b1234567', 'a=b1234567'],
    ['Bearer without digits', 'sent Bearer abcdefghijklmnop to Jira', 'abcdefghijklmnop'],
    ['JWT', 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', 'eyJhbGciOiJIUzI1NiJ9'],
    ['API token', 'token ATATT3xFfGF0T0k3nV4lu3abcdef', 'ATATT3xFfGF0T0k3nV4lu3'],
    ['key=value', 'token=ATATT3xFfGF0T0k3nV4lu3', 'ATATT3xFfGF0T0k3nV4lu3'],
    ['e-mail', 'mail me@x.io now', 'me@x.io'],
    ['URL-encoded e-mail', 'user=jane.doe%40example.com', 'jane.doe%40example.com'],
    ['userinfo in a URL', 'GET https://jane:s3cretT0ken@Your-Site.atlassian.net/rest/api/3/myself', 's3cretT0ken'],
    ['client_secret', 'grant_type=x&client_secret=S3cretClient&client_id=abc', 'S3cretClient'],
    ['X-Api-Key', 'X-Api-Key: k3yv4lue99', 'k3yv4lue99'],
    ['query string', '?access_token=aaa111bbb&jwt=ccc222ddd', 'aaa111bbb'],
    ['query string (second)', '?access_token=aaa111bbb&jwt=ccc222ddd', 'ccc222ddd']
  ])('%s', (_name, text, secret) => {
    expect(text).toContain(secret);
    expect(redact(text)).not.toContain(secret);
  });
  test('prose about credentials, and X-Atlassian-Token: no-check, stay', () => {
    for (const prose of ['Basic authentication with passwords is deprecated; a Bearer token expires.', 'Send X-Atlassian-Token: no-check', 'JWT is expired']) {
      expect(redact(prose)).toBe(prose);
    }
  });
});
