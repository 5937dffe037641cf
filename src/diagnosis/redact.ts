const PATTERNS: [RegExp, string][] = [
  [/\b(authorization|proxy-authorization)\s*[:=]\s*[^\r\n,;]+/gi, '$1: [redacted]'],
  [/\b(cookie|set-cookie)\s*[:=]\s*[^\r\n]+/gi, '$1: [redacted]'],
  // A credential has a digit or one of + / = somewhere; "Basic authentication" has none.
  [/\b(Bearer|Basic|JWT)\s+(?=[A-Za-z0-9._~+/=-]*[0-9+/=])[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}(\.[A-Za-z0-9_-]*)?/g, '[redacted-jwt]'],
  [/\bATAT[A-Za-z0-9_=-]{16,}/g, '[redacted-token]'],
  [/\b(access_token|refresh_token|token|api_token|apiToken|password|secret|jwt)(["']?\s*[:=]\s*["']?)[^"'\s&,}]+/gi, '$1$2[redacted]'],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[redacted-email]']
];

/** Removes tokens, cookies, credentials and e-mail addresses from text meant for people or tickets. */
export function redact(text: string): string {
  let out = typeof text === 'string' ? text : '';
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A short, redacted, single-line excerpt of a response body. */
export function safeExcerpt(text: string, max = 200): string {
  const oneLine = redact(text).replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
