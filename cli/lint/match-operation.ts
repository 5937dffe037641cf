import { catalogOperations } from '../../src/catalog/operation-lookup';
import type { CatalogOperation } from '../../src/catalog/catalog-types';
import type { PathPart, Product } from './types';

/** A path segment: literal text, or a pattern where run-time values may stand. */
type Segment = { literal: string } | { pattern: RegExp };

interface Template {
  op: CatalogOperation;
  segments: (string | null)[];
}

let compiled: Map<string, Template[]> | undefined;

function templates(product: Product, method: string): Template[] {
  if (!compiled) {
    compiled = new Map();
    for (const op of catalogOperations()) {
      const key = `${op.product} ${op.method}`;
      const list = compiled.get(key) ?? [];
      list.push({ op, segments: op.template.split('/').filter(Boolean).map((s) => (/^\{[^}]+\}$/.test(s) ? null : s)) });
      compiled.set(key, list);
    }
  }
  return compiled.get(`${product} ${method}`) ?? [];
}

const VALUE = '\u0000';

export type MatchResult =
  | { kind: 'operation'; op: CatalogOperation; path: string; exPath: boolean; /** Segments where a value had to stand for a literal. */ guessed: number }
  | { kind: 'unresolved'; reason: string; path: string };

/** The path as people read it: values shown as `{…}`. */
export function displayPath(parts: PathPart[]): string {
  return parts.map((p) => (p.kind === 'text' ? p.text : `{${p.source}}`)).join('');
}

/**
 * Finds the catalog operation a (partly known) path calls. Values inside the path match
 * one segment (route`` refuses a `/` in a value). A template whose `{param}` takes the value
 * wins over one where the value would have to spell a literal segment.
 */
export function matchOperation(product: Product, method: string, parts: PathPart[]): MatchResult {
  let flat = parts.map((p) => (p.kind === 'text' ? p.text : VALUE)).join('');
  const shown = displayPath(parts);
  const q = flat.search(/[?#]/);
  if (q >= 0) flat = flat.slice(0, q);
  flat = flat.replace(/^https?:\/\/[^/]*/i, '');
  if (!flat.startsWith('/')) {
    return { kind: 'unresolved', reason: flat.startsWith(VALUE) ? 'the path starts with a value known only at run time' : 'the path does not start with /', path: shown };
  }
  let exPath = false;
  const ex = /^\/ex\/(?:jira|confluence)\/[^/]+(\/.*)?$/.exec(flat);
  if (ex) {
    exPath = true;
    flat = ex[1] ?? '/';
  }
  flat = flat.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  flat = flat.replace(/^\/rest\/api\/(?:2|latest)(?=\/|$)/, '/rest/api/3');
  const segments: Segment[] = flat
    .split('/')
    .filter(Boolean)
    .map((s) => (s.includes(VALUE) ? { pattern: new RegExp('^' + s.split(VALUE).map(escapeRegExp).join('[^/]+') + '$') } : { literal: s }));
  let best: { t: Template; exact: number; guessed: number } | undefined;
  for (const t of templates(product, method.toUpperCase())) {
    if (t.segments.length !== segments.length) continue;
    let exact = 0;
    let guessed = 0;
    let ok = true;
    for (let i = 0; i < segments.length && ok; i++) {
      const want = t.segments[i];
      const have = segments[i];
      if (want === null) continue;
      if ('literal' in have) {
        if (have.literal === want) exact++;
        else ok = false;
      } else if (have.pattern.test(want)) guessed++;
      else ok = false;
    }
    if (!ok) continue;
    if (!best || guessed < best.guessed || (guessed === best.guessed && exact > best.exact)) best = { t, exact, guessed };
  }
  if (!best) {
    const known = /^\/rest\/api\/3\//.test(flat) || /^\/wiki\/api\/v2\//.test(flat);
    return {
      kind: 'unresolved',
      reason: known ? `no ${method.toUpperCase()} operation with this path in the scope catalog` : 'the scope catalog covers Jira platform REST v2/v3 and Confluence REST v2 only',
      path: shown
    };
  }
  return { kind: 'operation', op: best.t.op, path: shown, exPath, guessed: best.guessed };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
