import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCatalog } from '../../tools/catalog/generate-catalog';
import { findOperation, normalizeProductPath, catalogOperations } from '../../src/catalog/operation-lookup';
import { forcesConsentScreen, isKnownScope } from '../../src/catalog/forge-scopes';

const mini = (name: string) => join(__dirname, '..', 'fixtures', 'openapi', name);

describe('catalog generator on a small OpenAPI fixture', () => {
  const catalog = buildCatalog([mini('mini-jira.json'), mini('mini-confluence.json')]);
  const byTemplate = (t: string) => catalog.operations.find((o) => o.template === t)!;

  test('keeps classic and granular groups apart', () => {
    expect(byTemplate('/rest/api/3/issue/{issueIdOrKey}')).toEqual({
      product: 'jira',
      method: 'GET',
      template: '/rest/api/3/issue/{issueIdOrKey}',
      classic: [['read:jira-work']],
      granular: [['read:issue:jira', 'read:status:jira']],
      adminOnly: false,
      connectScope: 'READ'
    });
  });
  test('falls back to `security` OAuth scopes and marks Administer Jira operations admin-only', () => {
    expect(byTemplate('/rest/api/3/settings/columns')).toMatchObject({ classic: [['manage:jira-configuration']], adminOnly: true, connectScope: 'INACCESSIBLE' });
  });
  test('prefixes Confluence v2 paths with /wiki/api/v2 and ignores non-operation keys', () => {
    expect(byTemplate('/wiki/api/v2/pages/{id}')).toMatchObject({ product: 'confluence', classic: [['read:page:confluence']] });
    expect(catalog.operations).toHaveLength(4);
  });
  test('the CLI writes both data files', () => {
    const out = mkdtempSync(join(tmpdir(), 'catalog-'));
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../../tools/catalog/generate-catalog.ts'), mini('mini-jira.json'), '--out', out]);
    const written = JSON.parse(readFileSync(join(out, 'operations.json'), 'utf8'));
    expect(written.operations).toHaveLength(3);
    const scopes = JSON.parse(readFileSync(join(out, 'forge-scopes.json'), 'utf8'));
    expect(scopes.interactiveConsent).toEqual(['read:account', 'read:me']);
    expect(scopes.valid).toContain('read:jira-work');
  });
});

describe('committed catalog lookup', () => {
  test('matches a concrete path with query to its template', () => {
    expect(findOperation('get', '/rest/api/3/issue/PROJ-7?fields=summary')?.template).toBe('/rest/api/3/issue/{issueIdOrKey}');
  });
  test('prefers literal segments over parameters', () => {
    expect(findOperation('GET', '/rest/api/3/issue/picker')?.template).toBe('/rest/api/3/issue/picker');
  });
  test('maps REST v2, latest, site URLs and /ex/{product}/{cloudId} to the same operation', () => {
    for (const path of [
      '/rest/api/2/issue/PROJ-7',
      '/rest/api/latest/issue/PROJ-7',
      'https://x.atlassian.net/rest/api/3/issue/PROJ-7',
      'https://api.atlassian.com/ex/jira/abc-123/rest/api/3/issue/PROJ-7'
    ]) {
      expect(findOperation('GET', path)?.template).toBe('/rest/api/3/issue/{issueIdOrKey}');
    }
    expect(normalizeProductPath('https://api.atlassian.com/ex/confluence/abc/wiki/api/v2/pages/1').product).toBe('confluence');
  });
  test('Confluence v2 operations are looked up with their /wiki/api/v2 prefix', () => {
    expect(findOperation('GET', '/wiki/api/v2/pages/123?body-format=storage')?.classic).toEqual([['read:page:confluence']]);
  });
  test('unknown operations give undefined', () => {
    expect(findOperation('GET', '/rest/api/3/definitely/not/here')).toBeUndefined();
    expect(findOperation('BREW', '/rest/api/3/issue/PROJ-7')).toBeUndefined();
  });
  test('the committed catalog covers both products', () => {
    const products = new Set(catalogOperations().map((o) => o.product));
    expect([...products].sort()).toEqual(['confluence', 'jira']);
    expect(catalogOperations().length).toBeGreaterThan(700);
  });
  test('scope name list knows real scopes and the consent-screen ones', () => {
    expect(isKnownScope('read:jira-work')).toBe(true);
    expect(isKnownScope('read:jira-wrok')).toBe(false);
    expect(forcesConsentScreen('read:me')).toBe(true);
    expect(forcesConsentScreen('read:jira-work')).toBe(false);
  });
});
