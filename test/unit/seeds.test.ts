import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/diagnosis/diagnose';
import { parseRawResponse } from '../../src/diagnosis/parse/raw-response';
import { FIXTURES, loadFindingFixtures, readSeed } from '../helpers/finding-fixtures';

const fixtures = new Map(loadFindingFixtures().map((f) => [f.name, f]));
const response = (file: string) => parseRawResponse(readFileSync(join(FIXTURES, 'seeds', 'responses', file), 'utf8'));

function finding(name: string) {
  const fixture = fixtures.get(name)!;
  return diagnose(fixture.input).primary!;
}

describe('seed responses are kept exactly as the threads quote them', () => {
  test('seed 000: both scope-grant messages appear verbatim (as JSON strings) in the thread', () => {
    const seed = readSeed('000_');
    for (const file of ['000-issue-empty-grant.http', '000-myself-empty-grant.http']) {
      const message = JSON.parse(response(file).body).errorMessages[0] as string;
      expect(seed).toContain(JSON.stringify(message));
    }
    expect(seed).toContain('The app is not installed on this instance');
  });
  test('seed 001: status and x-failure-category', () => {
    const r = response('001-ex-path-scope-check.http');
    expect(readSeed('001_')).toContain(`${r.status} ${r.statusText}\nx-failure-category: ${r.headers['x-failure-category']}`);
  });
  test('seed 002: the 404 body', () => {
    expect(readSeed('002_')).toContain(response('002-scoped-token-site-url.http').body);
  });
  test('seed 003: the HTML page', () => {
    expect(readSeed('003_')).toContain(response('003-admin-only-html.http').body);
  });
});

describe('the engine reaches what each thread established', () => {
  test('seed 000: empty grant with read:jira-work declared is a user-grant problem for Jira, with the asApp warning', () => {
    const diagnosis = diagnose(fixtures.get('seed-000-issue-empty-grant')!.input);
    const f = diagnosis.primary!;
    expect(f.code).toBe('USER_GRANT_EMPTY');
    expect(diagnosis.scopes.breaksAt).toBe('user-grant');
    expect(diagnosis.scopes.layers.find((l) => l.layer === 'manifest')?.satisfied).toBe(true);
    expect(f.title).toContain('Jira');
    expect(f.explanation).toContain('not a manifest problem');
    expect(f.remedies.some((r) => /asApp/.test(r.action) && /bypasses the reader's Jira permissions/.test(r.action))).toBe(true);
    expect(f.evidence.join('\n')).toContain('1 empty scope name');
  });
  test('seed 000: "The app is not installed on this instance" asks for the Jira installation on the same site', () => {
    const f = finding('seed-000-not-installed');
    expect(f.code).toBe('PRODUCT_NOT_INSTALLED');
    expect(f.remedies[0]).toMatchObject({ actor: 'site-admin' });
    expect(f.remedies[0].action).toMatch(/Install the app on Jira of the same site/);
  });
  test('seed 001: one invocation reaches only its own site; drop /ex/jira/{cloudId}', () => {
    const f = finding('seed-001-ex-path');
    expect(f.code).toBe('FORGE_EX_PATH');
    expect(f.explanation).toMatch(/only access the site/);
    expect(f.remedies[0].action).toBe('Call /rest/api/3/project/search without the /ex/jira/{cloudId} prefix.');
  });
  test('seed 002: scoped tokens go through https://api.atlassian.com/ex/jira/{cloudId}', () => {
    const f = finding('seed-002-scoped-token-site-url');
    expect(f.code).toBe('SCOPED_TOKEN_SITE_URL');
    expect(f.remedies[0].action).toContain('https://api.atlassian.com/ex/jira/{cloudId}/rest/api/3/issue/PPT-28');
  });
  test('seed 003, Connect caller: the catalog marks the operation INACCESSIBLE to Connect, so that leads; admin rights and Accept follow', () => {
    const f = finding('seed-003-admin-only-html');
    expect(f.code).toBe('OPERATION_NOT_ALLOWED_FOR_CALLER');
    expect(f.title).toBe('GET /rest/api/2/settings/columns is not available to Connect apps');
    expect(f.evidence.join('\n')).toContain('Connect scope INACCESSIBLE');
    const actions = f.remedies.map((r) => r.action).join('\n');
    expect(actions).toContain('Administer Jira');
    expect(actions).toContain('Accept: application/json');
    expect(f.evidence.join('\n')).toContain('Forbidden (403)');
  });
  test('seed 003, any other caller: names the admin-only endpoint and the Accept header', () => {
    const f = finding('seed-003-admin-only-basic');
    expect(f.code).toBe('ADMIN_ONLY_ENDPOINT');
    expect(f.title).toBe('GET /rest/api/2/settings/columns is admin-only');
    expect(f.remedies.map((r) => r.action).join('\n')).toContain('Accept: application/json');
    expect(f.evidence.join('\n')).toContain('Forbidden (403)');
  });
});
