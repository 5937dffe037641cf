import type { Product } from './tenant/model';

export type FaultKind = 'latency' | 'hang' | 'server-error' | 'rate-limit' | 'html' | 'malformed-json' | 'truncated-json' | 'reset';

export const FAULT_KINDS: readonly FaultKind[] = ['latency', 'hang', 'server-error', 'rate-limit', 'html', 'malformed-json', 'truncated-json', 'reset'];

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
  /** server-error: status (default 503); html: status (default 200). */
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
