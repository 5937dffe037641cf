import { catalogOperations } from '../../src/catalog/operation-lookup';
import { forcesConsentScreen } from '../../src/catalog/forge-scopes';
import { closestGroup } from '../../src/diagnosis/scope-analysis';

export type ScopeStyle = 'classic' | 'granular' | 'mixed';

let styleSets: { classic: Set<string>; granular: Set<string> } | undefined;

function sets() {
  if (!styleSets) {
    styleSets = { classic: new Set(), granular: new Set() };
    for (const op of catalogOperations()) {
      for (const g of op.classic) for (const s of g) styleSets.classic.add(s);
      for (const g of op.granular) for (const s of g) styleSets.granular.add(s);
    }
  }
  return styleSets;
}

/** Granular scopes end in `:jira`/`:confluence`…; classic ones are the older coarse names. */
export function manifestStyle(declared: string[]): ScopeStyle {
  const { classic, granular } = sets();
  const hasClassic = declared.some((s) => classic.has(s) && !granular.has(s));
  const hasGranular = declared.some((s) => granular.has(s) && !classic.has(s));
  if (hasGranular && !hasClassic) return 'granular';
  if (hasGranular && hasClassic) return 'mixed';
  return 'classic';
}

/** The product a scope name belongs to, or `platform` (storage:app, read:me, …). */
export function scopeProduct(scope: string): 'jira' | 'confluence' | 'bitbucket' | 'compass' | 'platform' {
  if (/confluence/.test(scope)) return 'confluence';
  if (/jira|servicedesk|service-management/.test(scope)) return 'jira';
  if (/bitbucket/.test(scope)) return 'bitbucket';
  if (/compass/.test(scope)) return 'compass';
  return 'platform';
}

export interface Requirement {
  /** Accepted groups: any one, in full, grants the call. */
  groups: string[][];
  classic: string[][];
  granular: string[][];
}

export interface MissingResult {
  satisfied: boolean;
  /** The smallest addition, following the manifest's style. */
  addition: string[];
}

export function missingFor(req: Requirement, declared: ReadonlySet<string>, style: ScopeStyle): MissingResult {
  const groups = req.groups.filter((g) => g.length > 0);
  if (groups.length === 0 || groups.some((g) => g.every((s) => declared.has(s)))) return { satisfied: true, addition: [] };
  const preferred = style === 'classic' ? req.classic : style === 'granular' ? req.granular : groups;
  const candidates = preferred.filter((g) => g.length > 0).length > 0 ? preferred.filter((g) => g.length > 0) : groups;
  return { satisfied: false, addition: closestGroup(candidates, [...declared]).missing };
}

/**
 * The smallest declaration that still grants every requirement, choosing among the groups
 * the (fixed) manifest already holds: calls with one way in first, then the group that adds least.
 */
export function leastPrivilege(reqs: Requirement[], available: ReadonlySet<string>, fixed: Iterable<string>): Set<string> {
  const needed = new Set(fixed);
  const options = reqs
    .map((r) => r.groups.filter((g) => g.length > 0 && g.every((s) => available.has(s))))
    .filter((o) => o.length > 0)
    .sort((a, b) => a.length - b.length);
  for (const groups of options) {
    if (groups.some((g) => g.every((s) => needed.has(s)))) continue;
    let best = groups[0];
    for (const g of groups) if (g.filter((s) => !needed.has(s)).length < best.filter((s) => !needed.has(s)).length) best = g;
    for (const s of best) needed.add(s);
  }
  return needed;
}

export function isConsentScope(scope: string): boolean {
  return forcesConsentScreen(scope) || scope === 'read:me' || scope === 'read:account';
}
