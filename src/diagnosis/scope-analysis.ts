import { forcesConsentScreen, isKnownScope } from '../catalog/forge-scopes';

/** The three places a scope must be present, in the order a request meets them. */
export type ScopeLayer = 'manifest' | 'installation' | 'user-grant';

export const LAYER_LABELS: Record<ScopeLayer, string> = {
  manifest: 'declared in manifest.yml',
  installation: 'granted to the installation',
  'user-grant': "in the viewer's grant"
};

export interface ScopeAnalysisInput {
  /** Groups any one of which grants the operation. */
  requiredGroups: string[][];
  requiredSource: 'response' | 'catalog' | 'none';
  declared?: string[];
  installed?: string[];
  /** The viewer's (or token's) grant as a 403 listed it. */
  userGrant?: string[];
}

export interface LayerCheck {
  layer: ScopeLayer;
  scopes: string[];
  satisfied: boolean;
  /** The group this layer satisfies, or the one closest to being satisfied. */
  closestGroup?: string[];
  /** Scopes this layer lacks for closestGroup. */
  missing: string[];
}

export interface ScopeAnalysis {
  requiredGroups: string[][];
  requiredSource: ScopeAnalysisInput['requiredSource'];
  /** Only the layers that were known. */
  layers: LayerCheck[];
  /** The first known layer that does not satisfy any group. */
  breaksAt?: ScopeLayer;
  /** The smallest set to add at the breaking layer. */
  smallestAddition: string[];
  unknownScopes: string[];
  consentScreenScopes: string[];
}

function missingFrom(group: string[], held: Set<string>): string[] {
  return group.filter((scope) => !held.has(scope));
}

/** The group with the fewest missing scopes; ties go to the smaller group, then to document order. */
export function closestGroup(groups: string[][], held: string[]): { group?: string[]; missing: string[] } {
  const heldSet = new Set(held);
  let best: { group?: string[]; missing: string[] } = { missing: [] };
  for (const group of groups) {
    const missing = missingFrom(group, heldSet);
    if (
      !best.group ||
      missing.length < best.missing.length ||
      (missing.length === best.missing.length && group.length < best.group.length)
    ) {
      best = { group, missing };
    }
  }
  return best;
}

function checkLayer(layer: ScopeLayer, scopes: string[], groups: string[][]): LayerCheck {
  if (groups.length === 0) return { layer, scopes, satisfied: true, missing: [] };
  const { group, missing } = closestGroup(groups, scopes);
  return { layer, scopes, satisfied: missing.length === 0, closestGroup: group, missing };
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

export function analyseScopes(input: ScopeAnalysisInput): ScopeAnalysis {
  const groups = input.requiredGroups.filter((g) => g.length > 0);
  const known: [ScopeLayer, string[] | undefined][] = [
    ['manifest', input.declared],
    ['installation', input.installed],
    ['user-grant', input.userGrant]
  ];
  const layers = known
    .filter((entry): entry is [ScopeLayer, string[]] => Array.isArray(entry[1]))
    .map(([layer, scopes]) => checkLayer(layer, unique(scopes), groups));
  const broken = layers.find((l) => !l.satisfied);
  const declared = input.declared ?? [];
  return {
    requiredGroups: groups,
    requiredSource: input.requiredSource,
    layers,
    breaksAt: broken?.layer,
    smallestAddition: broken ? broken.missing : [],
    unknownScopes: unique(declared.filter((s) => !isKnownScope(s))),
    consentScreenScopes: unique(declared.filter((s) => forcesConsentScreen(s)))
  };
}
