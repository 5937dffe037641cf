import type { Product } from './tenant/model';

export interface RequestLogEntry {
  seq: number;
  at: string;
  via: 'forge' | 'site' | 'api-gateway' | 'control' | 'other';
  /** forge: 'user' | 'app'; outside Forge: 'token' | 'anonymous'. */
  as: string;
  accountId?: string;
  product?: Product;
  method: string;
  /** Path with query, as received. */
  url: string;
  status?: number;
  fault?: string;
  durationMs?: number;
}
