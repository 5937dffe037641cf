/** The kinds of error `@forge/api` (and the runtime around it) throws instead of returning a response. */
export type ThrownErrorKind =
  | 'needs-authentication'
  | 'egress-not-allowed'
  | 'product-not-allowed'
  | 'proxy'
  | 'fetch'
  | 'api-not-ready'
  | 'timeout'
  | 'network'
  | 'unknown';

export interface ParsedThrownError {
  kind: ThrownErrorKind;
  /** The stable `name` the error carried (`NEEDS_AUTHENTICATION_ERR`, `PROXY_ERR`, ...). */
  name: string;
  message: string;
  status?: number;
  errorCode?: string;
}

const BY_NAME: Record<string, ThrownErrorKind> = {
  NEEDS_AUTHENTICATION_ERR: 'needs-authentication',
  REQUEST_EGRESS_ALLOWLIST_ERR: 'egress-not-allowed',
  PROXY_ERR: 'proxy',
  FUNCTION_FETCH_ERR: 'fetch',
  API_NOT_READY_ERR: 'api-not-ready',
  TimeoutError: 'timeout',
  AbortError: 'timeout',
  PROBE_TIMEOUT: 'timeout'
};

const NETWORK_CODES = /ECONNRESET|ECONNREFUSED|ENOTFOUND|EPIPE|ETIMEDOUT|EAI_AGAIN|UND_ERR|socket hang up|other side closed|fetch failed/i;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function safeString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  try {
    return String(value);
  } catch {
    return '';
  }
}

/** Reads an error object by its stable `name` and fields (never by class identity: bundles may duplicate classes). */
export function parseThrownError(error: unknown): ParsedThrownError {
  const name = safeString(field(error, 'name')) || (typeof error === 'string' ? '' : 'Error');
  const message = (safeString(field(error, 'message')) || (typeof error === 'string' ? error : '')).slice(0, 1000);
  const statusValue = field(error, 'status');
  const status = typeof statusValue === 'number' && Number.isFinite(statusValue) ? statusValue : undefined;
  const errorCodeValue = field(error, 'errorCode') ?? field(error, 'code');
  const errorCode = typeof errorCodeValue === 'string' ? errorCodeValue : undefined;
  const causeCode = safeString(field(field(error, 'cause'), 'code'));

  let kind: ThrownErrorKind = BY_NAME[name] ?? 'unknown';
  if (kind === 'egress-not-allowed' && /is not allowed from .* context/i.test(message)) kind = 'product-not-allowed';
  // `@forge/api` throws NeedsAuthenticationError('Authentication Required'); @forge/bridge's invoke wraps it as
  // "There was an error invoking the function - Authentication required".
  if (kind === 'unknown' && (/NEEDS_AUTHENTICATION_ERR|Authentication Required/.test(message) || /error invoking the function\W{1,5}Authentication required/i.test(message))) kind = 'needs-authentication';
  // @forge/api's messages (out/api/errors.js), for errors pasted as text without their name.
  if (kind === 'unknown' && /^(?:[\w.]*Error:\s*)?Request \w+ is not allowed from \w+ context/i.test(message)) kind = 'product-not-allowed';
  if (kind === 'unknown' && /URL not included in the external fetch (?:backend |client )?permissions|REQUEST_EGRESS_ALLOWLIST_ERR|go\.atlassian\.com\/forge-egress/i.test(message)) kind = 'egress-not-allowed';
  if (kind === 'unknown' && /PROXY_ERR|Forge platform failed to process runtime HTTP request/.test(message)) kind = 'proxy';
  if (kind === 'unknown' && /timed? ?out|timeout/i.test(`${message} ${errorCode ?? ''}`)) kind = 'timeout';
  if (kind === 'unknown' && NETWORK_CODES.test(`${message} ${errorCode ?? ''} ${causeCode}`)) kind = 'network';
  return { kind, name: name || 'Error', message, status, errorCode };
}
