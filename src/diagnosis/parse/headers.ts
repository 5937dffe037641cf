import type { HttpExchange } from '../types';

export interface ParsedHeaders {
  /** Lower-cased names, multiple values joined with ", ". */
  all: Record<string, string>;
  failureCategory?: string;
  forgeProxyError?: string;
  contentType?: string;
  isJson: boolean;
  isHtml: boolean;
  /** Seconds to wait, from `Retry-After` (delta-seconds or HTTP date). */
  retryAfterSeconds?: number;
}

const MAX_RETRY_AFTER_SECONDS = 7 * 24 * 3600;

export function normalizeHeaders(headers: HttpExchange['headers'] | undefined | null): Record<string, string> {
  const all: Record<string, string> = {};
  if (!headers || typeof headers !== 'object') return all;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    const text = Array.isArray(value) ? value.map(String).join(', ') : String(value);
    const key = name.trim().toLowerCase();
    if (!key) continue;
    all[key] = all[key] ? `${all[key]}, ${text}` : text;
  }
  return all;
}

export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER_SECONDS);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  const seconds = Math.ceil((date - now.getTime()) / 1000);
  return Math.min(Math.max(seconds, 0), MAX_RETRY_AFTER_SECONDS);
}

export function parseHeaders(headers: HttpExchange['headers'] | undefined | null, now: Date = new Date()): ParsedHeaders {
  const all = normalizeHeaders(headers);
  const contentType = all['content-type'];
  return {
    all,
    failureCategory: all['x-failure-category']?.trim() || undefined,
    forgeProxyError: all['forge-proxy-error']?.trim() || undefined,
    contentType,
    isJson: !!contentType && /json/i.test(contentType),
    isHtml: !!contentType && /html/i.test(contentType),
    retryAfterSeconds: parseRetryAfter(all['retry-after'], now)
  };
}
