import { forcesConsentScreen } from '../../src/catalog/forge-scopes';
import { closestGroup } from '../../src/diagnosis/scope-analysis';

export type ScopeStyle = 'classic' | 'granular' | 'mixed';

/**
 * Granular scopes are named `action:resource:product` (read:issue:jira, read:page:confluence); classic ones
 * `action:product-resource` (read:jira-work, write:confluence-content). Platform scopes (storage:app,
 * read:me) say nothing about the style.
 */
export function manifestStyle(declared: string[]): ScopeStyle {
  const product = (s: string) => scopeProduct(s) !== 'platform';
  const hasGranular = declared.some((s) => product(s) && s.split(':').length >= 3);
  const hasClassic = declared.some((s) => product(s) && s.split(':').length === 2);
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
