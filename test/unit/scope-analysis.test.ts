import { analyseScopes, closestGroup } from '../../src/diagnosis/scope-analysis';

const GROUPS = [['read:jira-work'], ['read:issue:jira', 'read:status:jira', 'read:user:jira']];

describe('scope analysis', () => {
  test('breaks at the manifest when no group is declared, and gives the smallest addition', () => {
    const a = analyseScopes({ requiredGroups: GROUPS, requiredSource: 'catalog', declared: ['read:issue:jira'] });
    expect(a.breaksAt).toBe('manifest');
    expect(a.smallestAddition).toEqual(['read:jira-work']);
  });
  test('closest group prefers fewer missing scopes over group order', () => {
    const groups = [['a', 'b'], ['c', 'd', 'e']];
    expect(closestGroup(groups, ['c', 'd'])).toEqual({ group: groups[1], missing: ['e'] });
    // On a tie the smaller group wins.
    expect(closestGroup(GROUPS, ['read:issue:jira', 'read:status:jira'])).toEqual({ group: GROUPS[0], missing: ['read:jira-work'] });
  });
  test('breaks at the installation when the manifest is ahead of it', () => {
    const a = analyseScopes({ requiredGroups: GROUPS, requiredSource: 'catalog', declared: ['read:jira-work'], installed: [] });
    expect(a.breaksAt).toBe('installation');
    expect(a.smallestAddition).toEqual(['read:jira-work']);
  });
  test("breaks at the viewer's grant when manifest and installation are fine", () => {
    const a = analyseScopes({ requiredGroups: GROUPS, requiredSource: 'response', declared: ['read:jira-work'], installed: ['read:jira-work'], userGrant: [] });
    expect(a.breaksAt).toBe('user-grant');
    expect(a.layers.map((l) => [l.layer, l.satisfied])).toEqual([['manifest', true], ['installation', true], ['user-grant', false]]);
  });
  test('unknown layers are skipped, and nothing breaks when all known layers satisfy', () => {
    const a = analyseScopes({ requiredGroups: GROUPS, requiredSource: 'catalog', declared: ['read:jira-work'] });
    expect(a.layers).toHaveLength(1);
    expect(a.breaksAt).toBeUndefined();
  });
  test('flags unknown scope names and consent-screen scopes', () => {
    const a = analyseScopes({ requiredGroups: [], requiredSource: 'none', declared: ['read:jira-work', 'read:jira-wrok', 'read:me', 'read:account'] });
    expect(a.unknownScopes).toEqual(['read:jira-wrok']);
    expect(a.consentScreenScopes).toEqual(['read:me', 'read:account']);
  });
});
