import { findOperation, normalizeProductPath } from '../catalog/operation-lookup';
import type { CatalogOperation } from '../catalog/catalog-types';
import { parseErrorBody, type ParsedErrorBody } from './parse/error-body';
import { parseHeaders, type ParsedHeaders } from './parse/headers';
import { parseScopeGrantMessage, type ScopeGrantMessage } from './parse/scope-grant';
import { parseThrownError, type ParsedThrownError } from './parse/thrown-error';
import { analyseScopes, type ScopeAnalysis } from './scope-analysis';
import type { AuthMode, Channel, DiagnosisInput, Product } from './types';

const MAX_BODY = 1_000_000;

/** Shown where the caller did not say which path was called. */
export const UNKNOWN_PATH = '(unknown path)';

/** Everything the rules look at, read once from a DiagnosisInput. */
export interface Observation {
  input: DiagnosisInput;
  auth: AuthMode;
  method: string;
  /** Path as the caller wrote it, without query (never shown with its query: queries can carry content). */
  pathAsCalled: string;
  /** Path in catalog form (`/rest/api/3/...`, `/wiki/api/v2/...`). */
  catalogPath: string;
  host?: string;
  product?: Product;
  status?: number;
  headers: ParsedHeaders;
  body: ParsedErrorBody;
  /** All messages of the body in one string, for text matching. */
  messageText: string;
  thrown?: ParsedThrownError;
  scopeGrant?: ScopeGrantMessage;
  operation?: CatalogOperation;
  scopes: ScopeAnalysis;
  isForge: boolean;
  /** The call ran with the viewer's identity (asUser or the frontend bridge). */
  asViewer: boolean;
  /** Something failed: an error was thrown, the status is not 2xx/3xx, or a paste without status was given. */
  failed: boolean;
  /** Who reads the diagnosis. */
  channel: Channel;
  /** The host is Atlassian Cloud (`*.atlassian.net`, `api.atlassian.com`, `*.jira.com`). */
  cloudHost: boolean;
  /** The host is named and is not Atlassian Cloud (a Data Center / Server site). */
  selfHostedHost: boolean;
}

const FORGE_AUTH: AuthMode[] = ['forge-as-user', 'forge-as-app', 'forge-bridge', 'forge-web-trigger'];

function safeText(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

function splitHost(rawPath: string, baseUrl: string | undefined): { host?: string; path: string } {
  // Userinfo (`user:token@`) is dropped before the host is lower-cased.
  const full = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#]+)(.*)$/i.exec(rawPath);
  if (full) return { host: full[1].toLowerCase(), path: full[2] || '/' };
  const base = baseUrl ? /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#]+)([^?#]*)/i.exec(baseUrl) : null;
  if (base) {
    // A base URL alone says where the call went, not what it called.
    if (!rawPath) return { host: base[1].toLowerCase(), path: '' };
    const prefix = base[2].replace(/\/$/, '');
    // A path given in full (`/wiki/rest/...` with a base URL ending in /wiki) is not prefixed twice.
    if (prefix && (rawPath === prefix || rawPath.startsWith(`${prefix}/`))) return { host: base[1].toLowerCase(), path: rawPath };
    return { host: base[1].toLowerCase(), path: `${prefix}${rawPath.startsWith('/') ? '' : '/'}${rawPath}` };
  }
  return { path: rawPath };
}

/**
 * A short unit repeated many times ("aaaa…", "eyJeyJ…", "<p><p>…") says nothing more than eight of it does, and a
 * hostile body made of such runs would make every rule's pattern scan its full width. Runs are cut to eight units
 * before the rules read the text. Linear: the unit is at most 6 characters and a match consumes its whole run.
 */
const REPEATED_RUN = /([\s\S]{1,6}?)\1{8,}/g;

export function observe(input: DiagnosisInput): Observation {
  const call = input.call ?? { method: 'GET', path: '', auth: 'unknown' };
  const auth: AuthMode = call.auth ?? 'unknown';
  const method = (safeText(call.method, 16) || 'GET').toUpperCase();
  const { host, path } = splitHost(safeText(call.path, 4096), safeText(call.baseUrl, 1024) || undefined);
  const pathAsCalled = path.split('?')[0].split('#')[0] || UNKNOWN_PATH;
  const normalized = normalizeProductPath(path);
  const response = input.response;
  const headers = parseHeaders(response?.headers, input.now ?? new Date());
  const bodyText = safeText(response?.body, MAX_BODY);
  const body = parseErrorBody(bodyText, headers.contentType);
  const thrown = input.error !== undefined && input.error !== null ? parseThrownError(input.error) : undefined;
  const messageText = [
    ...body.messages,
    ...Object.values(body.fieldErrors),
    body.htmlTitle ?? '',
    body.pageTitle ?? '',
    body.pageText ?? '',
    body.kind === 'json' && body.messages.length === 0 ? bodyText.slice(0, 4000) : '',
    thrown ? `${thrown.name}: ${thrown.message}` : ''
  ]
    .filter(Boolean)
    .join('\n')
    .slice(0, 8_000)
    .replace(REPEATED_RUN, '$1$1$1$1$1$1$1$1')
    .slice(0, 2_000);
  const scopeGrant =
    body.messages.map(parseScopeGrantMessage).find((m) => m !== undefined) ?? parseScopeGrantMessage(bodyText) ?? (thrown ? parseScopeGrantMessage(thrown.message) : undefined);
  const operation = findOperation(method, normalized.path);
  const product: Product | undefined = call.product ?? normalized.product ?? productFromScopes(scopeGrant?.groups.flat() ?? []);
  const requiredGroups = scopeGrant?.groups.length
    ? scopeGrant.groups
    : operation
      ? [...operation.classic, ...operation.granular]
      : [];
  // Status 0 stands for a paste that carried none (a body, a page or a message alone).
  const given = typeof response?.status === 'number' && Number.isFinite(response.status) && response.status > 0 ? response.status : undefined;
  const status = given ?? thrown?.status;
  const isForge = FORGE_AUTH.includes(auth);
  const asViewer = auth === 'forge-as-user' || auth === 'forge-bridge';
  const scopes = analyseScopes({
    requiredGroups,
    requiredSource: scopeGrant?.groups.length ? 'response' : operation ? 'catalog' : 'none',
    declared: input.scopes?.declared,
    installed: input.scopes?.installed,
    userGrant: scopeGrant?.granted
  });
  return {
    input,
    auth,
    method,
    pathAsCalled,
    catalogPath: normalized.path,
    host,
    product,
    status,
    headers,
    body,
    messageText,
    thrown,
    scopeGrant,
    operation,
    scopes,
    isForge,
    asViewer,
    failed:
      thrown !== undefined ||
      (response !== undefined && (status === undefined || status < 200 || status >= 300)) ||
      /AUTHENTICATION_DENIED|AUTHENTICATED_FAILED/i.test(headers.all['x-seraph-loginreason'] ?? ''),
    channel: input.channel ?? 'macro',
    cloudHost: !!host && /(^|\.)(atlassian\.net|jira\.com|atlassian\.com)$/.test(host),
    selfHostedHost: !!host && !/(^|\.)(atlassian\.net|jira\.com|atlassian\.com)$/.test(host) && !/^(localhost|127\.)/.test(host) && !/[<>{}]/.test(host)
  };
}

/** Jira scopes end in `:jira`/`jira-*`, Confluence ones in `:confluence`/`confluence-*`. */
function productFromScopes(scopes: string[]): Product | undefined {
  if (scopes.some((s) => /[:-]jira(-|$)/.test(s))) return 'jira';
  if (scopes.some((s) => /[:-]confluence(-|$)/.test(s))) return 'confluence';
  return undefined;
}

export function productName(product: Product | undefined): string {
  return product === 'confluence' ? 'Confluence' : product === 'jira' ? 'Jira' : 'the product called';
}

export function callLabel(o: Observation): string {
  return `${o.method} ${o.pathAsCalled}`;
}

export function scopeList(scopes: string[]): string {
  return scopes.length ? scopes.join(', ') : '(none)';
}

/** A thrown error as one line: "Name: message", without repeating a name the message already starts with. */
export function thrownLabel(thrown: { name: string; message: string }): string {
  return !thrown.name || thrown.message.startsWith(`${thrown.name}:`) ? thrown.message : `${thrown.name}: ${thrown.message}`;
}

/** The status as evidence; a paste without one says so rather than showing a placeholder. */
export function statusEvidence(o: Observation): string {
  return o.status !== undefined ? `status ${o.status}` : 'status: not in the paste';
}
