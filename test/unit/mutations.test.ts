import { diagnose } from '../../src/diagnosis/diagnose';
import { mergeFindings } from '../../src/resolvers/render-macro';

/** Boundaries and branches that the rest of the suite let mutate unnoticed (issue 10, item 7). */
describe('transport: the 5xx boundary', () => {
  const status = (s: number) =>
    diagnose({ call: { method: 'GET', path: '/rest/api/3/issue/A-1', auth: 'forge-as-user' }, response: { status: s, headers: {}, body: '' } }).primary?.code;
  test('500 itself is a server error (>= 500, not > 500)', () => expect(status(500)).toBe('PRODUCT_UNAVAILABLE'));
  test('599 is one too; 499 is not', () => {
    expect(status(599)).toBe('PRODUCT_UNAVAILABLE');
    expect(status(499)).not.toBe('PRODUCT_UNAVAILABLE');
  });
});

describe('admin-only endpoint: both 401 and 403 answer a non-admin', () => {
  const admin = (s: number) =>
    diagnose({ call: { method: 'GET', path: '/rest/api/2/settings/columns', auth: 'basic-token' }, response: { status: s, headers: { 'content-type': 'application/json' }, body: '' } }).primary?.code;
  test('401 (the seed thread\'s status)', () => expect(admin(401)).toBe('ADMIN_ONLY_ENDPOINT'));
  test('403', () => expect(admin(403)).toBe('ADMIN_ONLY_ENDPOINT'));
  test('a non-admin operation with 401 is a credential problem', () => {
    expect(diagnose({ call: { method: 'GET', path: '/rest/api/3/issue/A-1', auth: 'basic-token' }, response: { status: 401, headers: {}, body: '' } }).primary?.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('the macro: a Confluence problem is downgraded once the Jira issue is shown', () => {
  const issue = diagnose({ call: { method: 'GET', path: '/rest/api/3/issue/A-1', auth: 'forge-as-user' }, response: { status: 200, headers: {}, body: '{}' } });
  const page = diagnose({ call: { method: 'GET', path: '/wiki/api/v2/pages/1', auth: 'forge-as-user', product: 'confluence' }, response: { status: 503, headers: {}, body: '' } });
  test('Jira fine: the Confluence error becomes a warning', () => {
    const merged = mergeFindings(issue, page, true);
    expect(merged.map((f) => [f.code, f.severity])).toEqual([['PRODUCT_UNAVAILABLE', 'warning']]);
    expect(page.primary?.severity).toBe('error');
  });
  test('Jira failed too: it stays an error', () => {
    expect(mergeFindings(issue, page, false).map((f) => f.severity)).toEqual(['error']);
  });
});
