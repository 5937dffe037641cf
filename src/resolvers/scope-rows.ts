import type { Diagnosis } from '../diagnosis/diagnose';
import type { ScopeRow } from '../macro/render-result';
import type { InstallationFacts } from './app-context';

interface ScopeRowInput {
  declared: readonly string[];
  facts: InstallationFacts;
  /** One diagnosis per call, in the order of `calls`. */
  diagnoses: Diagnosis[];
  calls: string[];
}

/** The scope table: every scope declared, installed, in the viewer's grant or needed by a call, and where it is present. */
export function buildScopeRows(input: ScopeRowInput): ScopeRow[] {
  const installed = input.facts.installedScopes;
  const grants = input.diagnoses.map((d) => d.scopes.layers.find((l) => l.layer === 'user-grant')?.scopes);
  const known = grants.find((g) => g !== undefined);
  const requiredBy = new Map<string, string[]>();
  input.diagnoses.forEach((diagnosis, i) => {
    const group = diagnosis.scopes.layers.find((l) => l.layer === 'manifest')?.closestGroup ?? [];
    for (const scope of group) requiredBy.set(scope, [...(requiredBy.get(scope) ?? []), input.calls[i]]);
  });
  const all = [...new Set([...input.declared, ...(installed ?? []), ...(known ?? []), ...requiredBy.keys()])];
  return all.map((scope) => ({
    scope,
    declared: input.declared.includes(scope),
    installed: installed ? installed.includes(scope) : false,
    inGrant: known ? known.includes(scope) : null,
    requiredBy: requiredBy.get(scope) ?? []
  }));
}
