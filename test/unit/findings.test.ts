import { diagnose } from '../../src/diagnosis/diagnose';
import { FindingCode } from '../../src/diagnosis/codes';
import { CONTEXT_ONLY_CODES } from '../../src/diagnosis/rules/macro-context';
import { loadFindingFixtures } from '../helpers/finding-fixtures';

const fixtures = loadFindingFixtures();

describe('finding fixtures', () => {
  test.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const diagnosis = diagnose(fixture.input);
    const failed = fixture.input.error !== undefined || (fixture.input.response?.status ?? 200) >= 400 || fixture.input.response?.status === 0;
    if (failed) expect(diagnosis.primary?.code).toBe(fixture.expect.code);
    else expect(diagnosis.findings.map((f) => f.code)).toContain(fixture.expect.code);
    const finding = diagnosis.findings.find((f) => f.code === fixture.expect.code);
    const text = JSON.stringify(finding);
    for (const mention of fixture.expect.mentions) expect(text).toContain(mention);
    for (const secret of fixture.expect.absent ?? []) expect(JSON.stringify(diagnosis)).not.toContain(secret);
    expect(finding!.title.length).toBeGreaterThan(10);
    expect(finding!.remedies.length).toBeGreaterThan(0);
    expect(finding!.evidence.length).toBeGreaterThan(0);
  });

  test('every finding code has at least one fixture', () => {
    const covered = new Set(fixtures.map((f) => f.expect.code));
    const missing = Object.values(FindingCode).filter((code) => !covered.has(code) && !CONTEXT_ONLY_CODES.has(code));
    expect(missing).toEqual([]);
  });

  test('a failing call has exactly one primary finding, listed first', () => {
    for (const fixture of fixtures) {
      const diagnosis = diagnose(fixture.input);
      if (diagnosis.primary) expect(diagnosis.findings[0]).toBe(diagnosis.primary);
      const failed = fixture.input.error !== undefined || (fixture.input.response?.status ?? 200) >= 400 || fixture.input.response?.status === 0;
      expect(!!diagnosis.primary).toBe(failed);
    }
  });

  test('a healthy call yields no finding at all', () => {
    const diagnosis = diagnose({
      call: { product: 'jira', method: 'GET', path: '/rest/api/3/issue/PROJ-7', auth: 'forge-as-user' },
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"key":"PROJ-7"}' },
      scopes: { declared: ['read:jira-work'], installed: ['read:jira-work'] }
    });
    expect(diagnosis.ok).toBe(true);
    expect(diagnosis.findings).toEqual([]);
  });

  test('no title shows an empty placeholder: without a manifest the missing scope is named from the catalog', () => {
    const diagnosis = diagnose({
      call: { product: 'jira', method: 'GET', path: '/rest/api/3/issue/PROJ-7', auth: 'forge-as-user' },
      response: { status: 401, headers: {}, body: '{"code":401,"message":"Unauthorized; scope does not match"}' }
    });
    expect(diagnosis.primary?.code).toBe(FindingCode.MANIFEST_MISSING_SCOPE);
    expect(diagnosis.primary?.title).not.toContain('(none)');
    expect(diagnosis.primary?.title).toContain('read:jira-work');
  });

  test('other causes the same response fits are listed after the primary one, each once, never UNKNOWN', () => {
    const diagnosis = diagnose({
      call: { method: 'GET', path: 'https://your-site.atlassian.net/rest/api/3/myself', auth: 'basic-password' },
      response: { status: 401, headers: {}, body: '' }
    });
    expect(diagnosis.primary?.code).toBe(FindingCode.BASIC_AUTH_PASSWORD);
    expect(diagnosis.alsoPossible.map((a) => a.code)).toEqual([FindingCode.INVALID_CREDENTIALS]);
    const healthy = diagnose({
      call: { method: 'GET', path: '/rest/api/3/issue/PROJ-7', auth: 'forge-as-user' },
      response: { status: 200, headers: {}, body: '{}' }
    });
    expect(healthy.alsoPossible).toEqual([]);
    const unknown = diagnose({ call: { method: 'GET', path: '/x', auth: 'unknown' }, response: { status: 418, headers: {}, body: '' } });
    expect(unknown.alsoPossible).toEqual([]);
  });

  test('a not-found to a script with credentials says a rejected pair is answered as anonymous; a Forge call never does', () => {
    const response = { status: 404, headers: {}, body: '{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}' };
    const script = diagnose({ call: { method: 'GET', path: '/rest/api/3/issue/PROJ-7', auth: 'basic-token' }, response, channel: 'cli' });
    expect(JSON.stringify(script.primary?.remedies)).toContain('answered as an anonymous user');
    const forge = diagnose({ call: { method: 'GET', path: '/rest/api/3/issue/PROJ-7', auth: 'forge-as-user' }, response, channel: 'cli' });
    expect(JSON.stringify(forge.primary?.remedies)).not.toContain('anonymous');
  });

  test('network failures before HTTP say what failed: an untrusted certificate, a host name that does not resolve', () => {
    const tls = diagnose({ call: { method: 'GET', path: '/rest/api/2/myself', auth: 'basic-token' }, error: { name: 'SSLError', message: '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate' }, channel: 'cli' });
    expect(tls.primary?.code).toBe(FindingCode.UNKNOWN);
    expect(tls.primary?.title).toContain('TLS certificate');
    const dns = diagnose({ call: { method: 'GET', path: '/rest/api/3/myself', auth: 'basic-token' }, error: { name: 'FetchError', message: 'request failed, reason: getaddrinfo ENOTFOUND x.example' }, channel: 'cli' });
    expect(dns.primary?.code).toBe(FindingCode.PRODUCT_UNAVAILABLE);
    expect(dns.primary?.title).toContain('host name did not resolve');
  });
});
