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
  /** Only requests whose product path matches this regular expression source. */
  path?: string;
  /** Only Forge calls made asUser ('user') or asApp ('app'). */
  provider?: 'user' | 'app';
  /** latency: added delay in ms. */
  ms?: number;
  /** server-error: status (default 503); html: status (default 200); adversarial-body: status (default 403). */
  status?: number;
  /** rate-limit: Retry-After seconds (default 30). */
  retryAfterSeconds?: number;
}

export interface FaultTarget {
  product: Product | undefined;
  path: string;
  provider: string;
}

export function faultMatches(fault: Fault, target: FaultTarget): boolean {
  if (fault.product && fault.product !== target.product) return false;
  if (fault.provider && fault.provider !== target.provider) return false;
  if (fault.path) {
    try {
      if (!new RegExp(fault.path).test(target.path)) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export function validateFault(value: unknown): Fault {
  const fault = value as Partial<Fault> | null;
  if (!fault || typeof fault !== 'object' || !FAULT_KINDS.includes(fault.kind as FaultKind)) {
    throw new Error(`A fault needs "kind", one of: ${FAULT_KINDS.join(', ')}.`);
  }
  if (fault.product !== undefined && fault.product !== 'jira' && fault.product !== 'confluence') throw new Error('fault "product" must be jira or confluence.');
  if (fault.ms !== undefined && (!Number.isFinite(fault.ms) || fault.ms < 0 || fault.ms > 120_000)) throw new Error('fault "ms" must be between 0 and 120000.');
  if (fault.path !== undefined) new RegExp(fault.path);
  return fault as Fault;
}
