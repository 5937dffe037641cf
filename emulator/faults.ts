import type { Product } from './tenant/model';

export type FaultKind = 'latency' | 'hang' | 'server-error' | 'rate-limit' | 'html' | 'malformed-json' | 'truncated-json' | 'reset' | 'adversarial-body';

export const FAULT_KINDS: readonly FaultKind[] = ['latency', 'hang', 'server-error', 'rate-limit', 'html', 'malformed-json', 'truncated-json', 'reset', 'adversarial-body'];

/**
 * adversarial-body: a synthetic stress body, not a platform response. 64 KiB (the resolver's error-body cap) of JSON
 * in the product's error shape whose two messages are long runs that the diagnosis patterns start on and never
 * complete: address-like characters without "@"; then "eyJ" and "Bearer" without a token (Jira) or "granted the
 * following scopes: [" without "]" (Confluence), and unclosed <p> and <title> tags.
 */
export const ADVERSARIAL_BODY_BYTES = 64 * 1024;

export function adversarialBody(product: Product | undefined): string {
  // Jira's runs reach the redaction through a permission finding's evidence; Confluence's reach the scope-grant reader.
  const runs = product === 'confluence' ? ['granted the following scopes: [', 'eyJ', '<p>', '<title>'] : ['eyJ', 'Bearer a', '<p>', '<title>'];
  const second = runs.map((run) => run.repeat(Math.ceil(6000 / run.length)).slice(0, 6000)).join('');
  const wrap = (first: string) =>
    product === 'confluence'
      ? JSON.stringify({ errors: [{ status: 403, code: 'FORBIDDEN', title: first, detail: second }] })
      : JSON.stringify({ errorMessages: [first, second], errors: {} });
  const first = 'a'.repeat(ADVERSARIAL_BODY_BYTES - wrap('').length);
  return wrap(first);
}

/** A fault injected into matching requests, before the gateway sees them (latency: before, then the request goes on). */
export interface Fault {
  kind: FaultKind;
  /** Only requests to this product (default: all). */
  product?: Product;
  /**
   * Only requests whose product path starts with this pattern: a plain prefix (`/rest/api/3/issue/`) in which `*`
   * matches any run of characters (`/rest/api/3/issue/*` + `/comment`). Never a regular expression: matching stays
   * linear in the path. A leading `^` is accepted and ignored (patterns are always anchored at the start).
   */
  path?: string;
  /** Only Forge calls made asUser ('user'), asApp ('app') or unauthenticated ('none'). */
  provider?: 'user' | 'app' | 'none';
  /** latency: added delay in ms. */
  ms?: number;
  /** server-error: status 500-599 (default 503); html: status 200-599 (default 200); adversarial-body: status 400-599 (default 403). */
  status?: number;
  /** rate-limit: Retry-After seconds (default 30). */
  retryAfterSeconds?: number;
}

export interface FaultTarget {
  product: Product | undefined;
  path: string;
  provider: string;
}

export const MAX_FAULT_PATH = 256;
const FAULT_KEYS = new Set(['kind', 'product', 'path', 'provider', 'ms', 'status', 'retryAfterSeconds']);
/** Characters that would make a pattern look like a regular expression: refused rather than silently taken literally. */
const REGEX_SYNTAX = /[()[\]{}+?|\\$]/;

/** True when `path` starts with `pattern`, where `*` matches any run of characters. Greedy leftmost: O(path × pieces). */
export function pathPatternMatches(pattern: string, path: string): boolean {
  const pieces = pattern.replace(/^\^/, '').split('*');
  if (!path.startsWith(pieces[0])) return false;
  let at = pieces[0].length;
  for (const piece of pieces.slice(1)) {
    const found = path.indexOf(piece, at);
    if (found < 0) return false;
    at = found + piece.length;
  }
  return true;
}

export function faultMatches(fault: Fault, target: FaultTarget): boolean {
  if (fault.product && fault.product !== target.product) return false;
  if (fault.provider && fault.provider !== target.provider) return false;
  return fault.path === undefined || pathPatternMatches(fault.path, target.path);
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Checks a fault from people or the control API; throws one line naming what is wrong. */
export function validateFault(value: unknown): Fault {
  const fault = value as Partial<Fault> | null;
  if (!fault || typeof fault !== 'object' || Array.isArray(fault) || !FAULT_KINDS.includes(fault.kind as FaultKind)) {
    throw new Error(`A fault needs "kind", one of: ${FAULT_KINDS.join(', ')}.`);
  }
  const unknown = Object.keys(fault).find((key) => !FAULT_KEYS.has(key));
  if (unknown !== undefined) throw new Error(`Unknown fault field "${unknown.slice(0, 40)}"; known: ${[...FAULT_KEYS].join(', ')}.`);
  if (fault.product !== undefined && fault.product !== 'jira' && fault.product !== 'confluence') throw new Error('fault "product" must be jira or confluence.');
  if (fault.provider !== undefined && fault.provider !== 'user' && fault.provider !== 'app' && fault.provider !== 'none') {
    throw new Error('fault "provider" must be user, app or none.');
  }
  if (fault.ms !== undefined && !isIntegerIn(fault.ms, 0, 120_000)) throw new Error('fault "ms" must be a whole number between 0 and 120000.');
  if (fault.path !== undefined) {
    if (typeof fault.path !== 'string' || fault.path.length > MAX_FAULT_PATH || !/^\^?\//.test(fault.path) || /[\u0000-\u001f\u007f]/.test(fault.path)) {
      throw new Error(`fault "path" must be a product path prefix starting with "/" (at most ${MAX_FAULT_PATH} characters).`);
    }
    if (REGEX_SYNTAX.test(fault.path)) throw new Error('fault "path" is a plain prefix where "*" matches any characters; regular expressions are not accepted.');
  }
  if (fault.status !== undefined) {
    if (fault.kind === 'server-error' && !isIntegerIn(fault.status, 500, 599)) throw new Error('fault "status" for server-error must be between 500 and 599.');
    if (fault.kind === 'html' && !isIntegerIn(fault.status, 200, 599)) throw new Error('fault "status" for html must be between 200 and 599.');
    if (fault.kind === 'adversarial-body' && !isIntegerIn(fault.status, 400, 599)) throw new Error('fault "status" for adversarial-body must be between 400 and 599.');
    if (fault.kind !== 'server-error' && fault.kind !== 'html' && fault.kind !== 'adversarial-body') {
      throw new Error(`fault "status" applies only to server-error, html and adversarial-body, not ${fault.kind}.`);
    }
  }
  if (fault.retryAfterSeconds !== undefined && !isIntegerIn(fault.retryAfterSeconds, 0, 86_400)) {
    throw new Error('fault "retryAfterSeconds" must be a whole number between 0 and 86400.');
  }
  return { ...fault } as Fault;
}
