import catalogData from './operations.json';
import type { CatalogOperation, CatalogProduct, ScopeCatalog } from './catalog-types';

const catalog = catalogData as ScopeCatalog;

interface CompiledTemplate {
  operation: CatalogOperation;
  segments: (string | null)[]; // null = a `{param}` segment
  literalCount: number;
}

function splitSegments(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

/** Templates per method, compiled on first use of that method: a CLI run or a render asks for one or two. */
const compiledByMethod = new Map<string, CompiledTemplate[]>();

function compiledFor(method: string): CompiledTemplate[] {
  let list = compiledByMethod.get(method);
  if (!list) {
    list = catalog.operations
      .filter((operation) => operation.method === method)
      .map((operation) => {
        const segments = splitSegments(operation.template).map((s) => (/^\{[^}]+\}$/.test(s) ? null : s));
        return { operation, segments, literalCount: segments.filter((s) => s !== null).length };
      });
    // Only methods the catalog knows are kept: a caller's made-up method names must not grow the map.
    if (list.length > 0) compiledByMethod.set(method, list);
  }
  return list;
}

export interface NormalizedPath {
  /** The path as a Forge app would call it, without query, site or `/ex/{product}/{cloudId}` prefix. */
  path: string;
  product: CatalogProduct | undefined;
}

/**
 * Reduces any way of naming a product path (full site URL, `api.atlassian.com/ex/jira/{cloudId}`,
 * Jira REST v2 or `latest`, with query string) to the template space of the catalog.
 */
export function normalizeProductPath(rawPath: string): NormalizedPath {
  let path = rawPath.trim();
  path = path.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, '');
  path = path.split('#')[0].split('?')[0];
  let product: CatalogProduct | undefined;
  const ex = /^\/ex\/(jira|confluence)\/[^/]+(\/.*)?$/.exec(path);
  if (ex) {
    product = ex[1] as CatalogProduct;
    path = ex[2] ?? '/';
  }
  path = path.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/$/, '');
  const jira = /^\/rest\/api\/(?:2|3|latest)(\/.*)?$/.exec(path);
  if (jira) return { path: `/rest/api/3${jira[1] ?? ''}`, product: 'jira' };
  if (path.startsWith('/wiki/')) return { path, product: 'confluence' };
  return { path, product };
}

/** Finds the catalog operation a concrete call uses; the most specific template wins. */
export function findOperation(method: string, rawPath: string): CatalogOperation | undefined {
  const { path } = normalizeProductPath(rawPath);
  const segments = splitSegments(path);
  const candidates = compiledFor(method.toUpperCase());
  let best: CompiledTemplate | undefined;
  for (const candidate of candidates) {
    if (candidate.segments.length !== segments.length) continue;
    const matches = candidate.segments.every((s, i) => s === null || s === segments[i]);
    if (matches && (!best || candidate.literalCount > best.literalCount)) best = candidate;
  }
  return best?.operation;
}

export function catalogOperations(): readonly CatalogOperation[] {
  return catalog.operations;
}
