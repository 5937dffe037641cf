import type { Product } from './tenant/model';

export interface RequestLogEntry {
  seq: number;
  at: string;
  via: 'forge' | 'site' | 'api-gateway' | 'control' | 'other';
  /** forge: 'user' | 'app' | 'none'; outside Forge: 'token' | 'anonymous'. */
  as: string;
  accountId?: string;
  product?: Product;
  method: string;
  /** Path with query, as received, cut at MAX_LOGGED_URL characters. */
  url: string;
  status?: number;
  fault?: string;
  durationMs?: number;
}

/** The request log keeps the newest LOG_LIMIT entries; older ones are dropped. */
export const LOG_LIMIT = 1000;
/** Longer request URLs are cut (with a trailing "…") so the log's memory stays bounded. */
export const MAX_LOGGED_URL = 2048;

export function loggedUrl(url: string): string {
  return url.length > MAX_LOGGED_URL ? `${url.slice(0, MAX_LOGGED_URL)}…` : url;
}

/** A bounded log: at most LOG_LIMIT entries of at most MAX_LOGGED_URL URL characters each. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];

  constructor(private readonly limit = LOG_LIMIT) {}

  add(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.shift();
  }

  newest(): readonly RequestLogEntry[] {
    return this.entries;
  }

  clear(): void {
    this.entries = [];
  }
}
