/**
 * The one redaction every output channel goes through (findings, CLI text and JSON, notes, stderr,
 * the support report). Every pattern runs in linear time: each starts only where the token it looks
 * for can start (a lookbehind or a literal keyword), so no pattern rescans a long run from every
 * position of it; `test/unit/linear-time.test.ts` holds them to that on 1 MB adversarial inputs.
 */

/** Text longer than this is cut before redaction; outputs are far shorter. */
const MAX_REDACT_LENGTH = 2_000_000;

/** Words that follow "Bearer", "Basic" or "JWT" in prose about credentials; anything else there is a credential. */
const PROSE_AFTER_SCHEME = new Set([
  'a', 'an', 'the', 'and', 'or', 'is', 'are', 'was', 'be', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'to', 'not', 'with', 'without',
  'must', 'should', 'may', 'can', 'will', 'still', 'only', 'no', 'yes', 'it', 'its', 'this', 'that', 'you', 'your', 'their', 'my',
  'auth', 'authentication', 'authorization', 'authorisation', 'credential', 'credentials', 'token', 'tokens', 'scheme', 'schemes',
  'header', 'headers', 'prefix', 'value', 'values', 'type', 'mode', 'method', 'flow', 'grant', 'grants', 'string', 'format',
  'signature', 'validation', 'verification', 'expired', 'expires', 'claims', 'claim', 'access', 'request', 'requests', 'required',
  'works', 'work', 'fails', 'failed', 'login', 'password', 'passwords', 'api', 'user', 'users', 'app', 'apps', 'instead', 'here',
  'bearer', 'basic', 'jwt', 'qsh', 'issuer', 'audience', 'deprecated', 'removed', 'disabled', 'enabled', 'support', 'supported'
]);

const SCHEME_TOKEN = /\b(Bearer|Basic|JWT|Digest)(\s+)([A-Za-z0-9._~+/=-]+)/gi;

const KEY_NAMES = [
  'access_token', 'accessToken', 'refresh_token', 'refreshToken', 'id_token', 'api_token', 'apiToken', 'api_key', 'apiKey', 'api-key',
  'x-api-key', 'x-auth-token', 'auth_token', 'authToken', 'private_token', 'client_secret', 'clientSecret', 'secret', 'password',
  'passwd', 'pwd', 'token', 'jwt', 'sharedSecret', 'shared_secret', 'session', 'sessionid', 'JSESSIONID', 'tenant.session.token',
  'cloud.session.token', 'atlassian.xsrf.token', 'code_verifier', 'assertion'
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `key: value`, `key=value`, `"key": "value"`, `key%3Dvalue`; the key must not continue a longer word
 * (`(?<![\w.-])`), and X-Atlassian-Token's `no-check` is not a secret.
 */
const KEY_VALUE = new RegExp(
  `(?<![\\w.-])(${KEY_NAMES.map(escapeRegExp).join('|')})(\\\\?["']?[ \\t]*(?::|=|%3D)[ \\t]*\\\\?["']?)(?!no-?check\\b)([^"'\\s&,;}\\\\<>]+)`,
  'gi'
);

const PATTERNS: [RegExp, string][] = [
  // Header lines and JSON members: the whole value up to a quote, line end or separator.
  [/(?<![\w-])((?:proxy-)?authorization)(\\?["']?[ \t]*[:=][ \t]*\\?["']?)[^\r\n"'\\,;}]+/gi, '$1$2[redacted]'],
  [/(?<![\w-])((?:set-)?cookie)(\\?["']?[ \t]*[:=][ \t]*\\?["']?)[^\r\n"'\\]+/gi, '$1$2[redacted]'],
  // user:password@ (or token@) in a URL, before any host is lower-cased.
  [/:\/\/[^\s/?#@"'<>]+@/g, '://[redacted]@'],
  [/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(?:\.[A-Za-z0-9_-]*)?/g, '[redacted-jwt]'],
  [/(?<![A-Za-z0-9_=-])ATAT[A-Za-z0-9_=-]{16,}/g, '[redacted-token]'],
  [/(?<![A-Za-z0-9_=-])ATCTT[A-Za-z0-9_=-]{16,}/g, '[redacted-token]'],
  // e-mail addresses, plain or URL-encoded (%40).
  [/(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gi, '[redacted-email]']
];

function redactSchemeToken(match: string, scheme: string, space: string, token: string): string {
  // Sentence punctuation after a word ("a Bearer token.") is not part of a credential.
  const word = token.replace(/[.]+$/, '');
  const lower = word.toLowerCase();
  const prose = /^[a-z]+$/.test(word) && (PROSE_AFTER_SCHEME.has(lower) || word.length < 6);
  if (prose || lower === '[redacted]') return match;
  return `${scheme}${space}[redacted]`;
}

/** Removes tokens, cookies, credentials and e-mail addresses from text meant for people or tickets. */
export function redact(text: string): string {
  let out = typeof text === 'string' ? text : '';
  if (out.length > MAX_REDACT_LENGTH) out = out.slice(0, MAX_REDACT_LENGTH);
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  out = out.replace(KEY_VALUE, (_m, key: string, sep: string) => `${key}${sep}[redacted]`);
  out = out.replace(SCHEME_TOKEN, redactSchemeToken);
  return out;
}

/** Redacts every string inside a JSON-like value (object keys are kept). */
export function redactDeep<T>(value: T): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) out[key] = redactDeep(v);
    return out as T;
  }
  return value;
}

/** A short, redacted, single-line excerpt of a response body. */
export function safeExcerpt(text: string, max = 200): string {
  const oneLine = redact(typeof text === 'string' ? text.slice(0, max * 20) : '').replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
