import { diagnose, type Diagnosis } from './diagnose';
import { parsePastedInput, type InputShape, type PastedInput } from './parse/pasted-input';
import type { PastedRequest } from './parse/raw-response';
import { parseHeaders } from './parse/headers';
import { redact } from './redact';
import type { AuthMode, Channel, DiagnosisInput, Product } from './types';

/** What the person pasting knows besides the text (all optional: whatever is missing is inferred). */
export interface ExplainOptions {
  path?: string;
  method?: string;
  auth?: AuthMode;
  product?: Product;
  baseUrl?: string;
  declared?: string[];
  installed?: string[];
  channel?: Channel;
  now?: Date;
}

export interface Explanation {
  diagnosis: Diagnosis;
  shape: InputShape;
  /** What was inferred rather than given, one sentence each, redacted. */
  assumptions: string[];
}

const assumed = (mode: AuthMode, why: string) => `assumed --as ${mode} (${why}); pass --as to change`;

/** Infers how the call authenticated from what the paste shows; says why. */
function inferAuth(pasted: PastedInput, text: string, host: string | undefined, path: string | undefined): { auth: AuthMode; note?: string } {
  const scheme = pasted.request?.authScheme;
  const cloud = !host || /(^|\.)(atlassian\.net|atlassian\.com|jira\.com)$/.test(host);
  if (scheme === 'basic') return { auth: 'basic-token', note: assumed('basic-token', 'the request sent Basic authorization') };
  if (scheme === 'jwt') return { auth: 'connect-jwt', note: assumed('connect-jwt', 'the request sent JWT authorization') };
  if (scheme === 'bearer') {
    if (!cloud) return { auth: 'data-center-pat', note: assumed('data-center-pat', 'a Bearer token sent to a site that is not Atlassian Cloud') };
    return { auth: 'oauth2', note: assumed('oauth2', 'the request sent a Bearer token') };
  }
  // Whatever follows "Authorization:" without a known scheme may be the credential itself: never name it.
  if (scheme) return { auth: 'unknown', note: assumed('unknown', 'the request sent an Authorization header without a known scheme') };
  const sample = text.slice(0, 100_000);
  const body = pasted.response?.body ?? '';
  if (/granted the following scopes/i.test(body) || /granted the following scopes/i.test(pasted.error?.message ?? '')) {
    return { auth: 'forge-as-user', note: assumed('forge-as-user', '"Your app was granted" is said to Forge apps') };
  }
  if (pasted.response && parseHeaders(pasted.response.headers).failureCategory && path?.startsWith('/ex/')) {
    return { auth: 'forge-as-app', note: assumed('forge-as-app', 'an /ex/ path without a host is a Forge call') };
  }
  if (/NEEDS_AUTHENTICATION_ERR|REQUEST_EGRESS_ALLOWLIST_ERR|@forge\/(?:api|bridge)|requestJira|requestConfluence|asUser\(\)|asApp\(\)|forge (?:deploy|install|tunnel)/.test(sample)) {
    const asApp = /asApp\(\)/.test(sample);
    const bridge = /@forge\/bridge|requestJira\(|requestConfluence\(/.test(sample) && !/asUser\(\)|asApp\(\)/.test(sample);
    const mode: AuthMode = asApp ? 'forge-as-app' : bridge ? 'forge-bridge' : 'forge-as-user';
    return { auth: mode, note: assumed(mode, 'the text names Forge APIs') };
  }
  if (/\bqsh\b|atlassian-connect|\bJWT\b/.test(sample)) return { auth: 'connect-jwt', note: assumed('connect-jwt', 'the text talks about a Connect JWT') };
  if (/\b(?:invalid_grant|unknown_token|invalid_client|unauthorized_client|refresh_token|access_token|redirect_uri|auth\.atlassian\.com)\b/.test(sample)) {
    return { auth: 'oauth2', note: assumed('oauth2', 'the text names OAuth 2.0 terms') };
  }
  if (/Failed to parse Connect Session Auth Token/i.test(sample)) return { auth: 'unknown' };
  return { auth: 'unknown' };
}

function requestPath(request: PastedRequest | undefined): string | undefined {
  if (!request?.path) return undefined;
  return request.host ? `https://${request.host}${request.path}` : request.path;
}

/**
 * Explains pasted text of any shape: reads it, infers what is missing (status, path, method, caller)
 * and says so, then diagnoses. Pure; the CLI and the corpus runner both use it.
 * Throws ResponseInputError only for empty input.
 */
export function explainText(text: string, options: ExplainOptions = {}): Explanation {
  const pasted = parsePastedInput(text);
  const notes = [...pasted.notes];
  const fromRequest = requestPath(pasted.request);
  const path = options.path ?? fromRequest;
  // The note keeps the query as written (redacted below): it is how a reader recognises the call.
  if (!options.path && fromRequest) notes.push(`read from the pasted request: ${pasted.request?.methodRead ? `${pasted.request.method} ` : ''}${fromRequest}`);
  const method = options.method ?? (pasted.request?.methodRead ? pasted.request.method : undefined) ?? 'GET';
  // A relative --path with a URL in the paste: keep the paste's host (it tells Cloud from Data Center).
  const baseUrl = options.baseUrl ?? (options.path && !/^https?:/i.test(options.path) && pasted.request?.host ? `https://${pasted.request.host}` : undefined);
  const host = path ? /^https?:\/\/(?:[^/?#@]*@)?([^/?#]+)/i.exec(path)?.[1]?.toLowerCase() : options.baseUrl ? /^https?:\/\/([^/?#]+)/i.exec(options.baseUrl)?.[1]?.toLowerCase() : undefined;
  const inferred = options.auth && options.auth !== 'unknown' ? { auth: options.auth } : inferAuth(pasted, text, host, path);
  if ('note' in inferred && inferred.note) notes.push(inferred.note);
  const input: DiagnosisInput = {
    call: { method, path: path ?? '', auth: inferred.auth, product: options.product, baseUrl },
    response: pasted.response,
    error: pasted.response ? undefined : pasted.error,
    scopes: { declared: options.declared, installed: options.installed },
    channel: options.channel ?? 'cli',
    now: options.now
  };
  const diagnosis = diagnose(input);
  if (!path) notes.push('no --path given: pass the path (and --as) for a sharper diagnosis');
  return { diagnosis, shape: pasted.shape, assumptions: notes.map(redact) };
}
