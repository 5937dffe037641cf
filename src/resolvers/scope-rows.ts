import type { Diagnosis } from '../diagnosis/diagnose';
import type { ScopeRow } from '../macro/render-result';
import type { InstallationFacts } from './app-context';

interface ScopeRowInput {
  declared: readonly string[];
  facts: InstallationFacts;
  /** One diagnosis per call, in the order of `calls`. */
  diagnoses: Diagnosis[];
  calls: string[];
  /** Whether each call succeeded (its grant then held the scopes it needs). */
  succeeded: boolean[];
}

/**
 * The scope table: every scope declared, installed, in the viewer's grant or needed by a call, and where it
 * is present. The viewer's grant is per product, so a scope counts as granted when a call needing it
 * succeeded, and as missing when that call's 403 listed the grant without it; otherwise it is not revealed.
 */
export function buildScopeRows(input: ScopeRowInput): ScopeRow[] {
  const installed = input.facts.installedScopes;
  const neededBy = new Map<string, number[]>();
  input.diagnoses.forEach((diagnosis, i) => {
    const group = diagnosis.scopes.layers.find((l) => l.layer === 'manifest')?.closestGroup ?? [];
    for (const scope of group) neededBy.set(scope, [...(neededBy.get(scope) ?? []), i]);
  });
  const grantOf = (i: number) => input.diagnoses[i].scopes.layers.find((l) => l.layer === 'user-grant')?.scopes;
  const revealed = input.diagnoses.flatMap((_d, i) => grantOf(i) ?? []);
  const inGrant = (scope: string): boolean | null => {
    const calls = neededBy.get(scope) ?? [];
    if (calls.some((i) => input.succeeded[i])) return true;
    const grants = calls.map(grantOf).filter((g): g is string[] => g !== undefined);
    if (grants.length) return grants.some((g) => g.includes(scope));
    return revealed.includes(scope) ? true : null;
  };
  const all = [...new Set([...input.declared, ...(installed ?? []), ...revealed, ...neededBy.keys()])];
  return all.map((scope) => ({
    scope,
    declared: input.declared.includes(scope),
    installed: installed ? installed.includes(scope) : false,
    inGrant: inGrant(scope),
    requiredBy: (neededBy.get(scope) ?? []).map((i) => input.calls[i])
  }));
}
