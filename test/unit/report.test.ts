import { diagnose } from '../../src/diagnosis/diagnose';
import { formatReport } from '../../src/diagnosis/report';
import { redact } from '../../src/diagnosis/redact';

describe('report', () => {
  const secretBody = JSON.stringify({ errorMessages: ['Weird failure for jane.doe@example.com'], fields: { summary: 'Secret merger plan' } });
  const diagnosis = diagnose({
    call: { product: 'jira', method: 'GET', path: '/rest/api/3/issue/PROJ-7?jql=summary~secret', auth: 'forge-as-user' },
    response: { status: 409, headers: { 'set-cookie': 'tenant.session.token=abc', authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig' }, body: secretBody },
    scopes: { declared: ['read:jira-work'], installed: ['read:jira-work'] }
  });
  const report = formatReport(diagnosis, { appId: 'ari:cloud:ecosystem::app/1234', environment: 'DEVELOPMENT', installationId: 'inst-1' });

  test('names app, environment, installation, product, call, status, codes and scope sets', () => {
    for (const expected of ['ari:cloud:ecosystem::app/1234', 'DEVELOPMENT', 'inst-1', 'jira', 'GET /rest/api/3/issue/PROJ-7', '409', 'UNKNOWN (error)', 'declared      read:jira-work', 'installed     read:jira-work']) {
      expect(report).toContain(expected);
    }
  });
  test('long labels keep a space before their value', () => {
    const withProbes = formatReport(diagnosis, { probes: [{ label: 'confluence as user', outcome: 'GET /wiki/api/v2/pages/1 → 200' }] });
    expect(withProbes).toContain('confluence as user GET /wiki/api/v2/pages/1 → 200');
  });
  test('never includes bodies, queries, cookies, tokens or e-mail addresses', () => {
    for (const secret of ['Secret merger plan', 'jane.doe@example.com', 'jql=', 'tenant.session.token', 'eyJhbGciOiJIUzI1NiJ9']) {
      expect(report).not.toContain(secret);
    }
  });
  test('redact removes credentials in their usual spellings', () => {
    const text = 'Authorization: Basic am9lQGV4YW1wbGUuY29tOkFUQVRUMTIzNDU2Nzg5MA== token=ATATT3xFfGF0T0k3nV4lu3 cookie: a=b mail me@x.io';
    const out = redact(text);
    expect(out).not.toMatch(/am9lQGV4|ATATT3xFfGF0T0k3nV4lu3|a=b|me@x\.io/);
  });
  test('redact leaves prose about credentials alone', () => {
    const prose = 'Basic authentication still works; a Bearer token expires.';
    expect(redact(prose)).toBe(prose);
  });
});
