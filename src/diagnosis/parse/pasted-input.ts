import type { HttpExchange } from '../types';
import { looksLikeHtml } from './error-body';
import { readHtml } from './html';
import { authSchemeOf, parseRawExchange, ResponseInputError, type PastedRequest } from './raw-response';

/** The shapes people paste when something fails. */
export type InputShape = 'http-response' | 'curl-v' | 'json-envelope' | 'har' | 'json-body' | 'html-page' | 'sdk-error' | 'log-line' | 'message';

export const INPUT_SHAPES: readonly InputShape[] = ['http-response', 'curl-v', 'json-envelope', 'har', 'json-body', 'html-page', 'sdk-error', 'log-line', 'message'];

export interface PastedError {
  name: string;
  message: string;
  status?: number;
}

/** What a paste says: a response when a status is known or could be inferred, else the error as thrown. */
export interface PastedInput {
  shape: InputShape;
  response?: HttpExchange;
  error?: PastedError;
  request?: PastedRequest;
  /** What was inferred rather than read, each in one sentence, for the reader. */
  notes: string[];
}

/** No error body nests this deep; deeper JSON is hostile (and would exhaust the stack of code walking it). */
const MAX_JSON_DEPTH = 512;

/** One pass over JSON text, strings skipped: does `[`/`{` nesting exceed `limit`? */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** Text beyond this is not parsed (the CLI reads at most 5 MiB; nothing useful sits that deep). */
const MAX_PARSE = 2_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validStatus(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading request facts (method, URL, auth scheme) out of free text, linearly.

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
const API_PATH = /\/(rest|wiki|ex|oauth|gateway|plugins|secure|login|jira|confluence|admin|_edge)\b/;

/** Whitespace/quote-separated tokens: disjoint, so scanning each of them is linear in total. */
function tokens(text: string): string[] {
  return text.slice(0, 200_000).split(/[\s"'`()[\]{},]+/);
}

/** The first URL (or absolute API path) the text names, with the method written before it. */
export function requestFromText(text: string): PastedRequest | undefined {
  const parts = tokens(text);
  let found: PastedRequest | undefined;
  for (let i = 0; i < parts.length; i++) {
    let token = parts[i].replace(/[.;:]+$/, '');
    const eq = token.indexOf('=');
    if (eq > 0 && /^(?:url|uri|href|path)$/i.test(token.slice(0, eq))) token = token.slice(eq + 1);
    const url = /^https?:\/\/(?:[^/?#@]*@)?([^/?#]+)(.*)$/i.exec(token);
    const path = !url && /^\/(?:rest|wiki|ex)\//.test(token) ? token : undefined;
    if (!url && !path) continue;
    const method = METHODS.has(parts[i - 1]?.toUpperCase() ?? '') ? parts[i - 1].toUpperCase() : undefined;
    const candidate: PastedRequest = url ? { method: method ?? 'GET', path: url[2] || '/', host: url[1].toLowerCase() } : { method: method ?? 'GET', path: path! };
    if (method) candidate.methodRead = true;
    if (!found || (!API_PATH.test(found.path) && API_PATH.test(candidate.path))) found = candidate;
    if (API_PATH.test(candidate.path)) break;
  }
  const scheme = /(?<![\w-])(?:proxy-)?authorization\\?["']?[ \t]*[:=][ \t]*\\?["']?(basic|bearer|jwt)\b/i.exec(text.slice(0, 200_000));
  if (scheme) {
    found ??= { method: 'GET', path: '' };
    found.authScheme = scheme[1].toLowerCase();
  } else if (found && /(?:^|\s)(?:-u|--user)\s+\S+:/.test(text.slice(0, 200_000))) {
    found.authScheme = 'basic';
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Status inference from text.

/**
 * A client's own error envelope that quotes the product's answer ({"Status":500,"Message":"... returned status
 * 400 Bad Request, body ..."}): the product's status is the one to diagnose, not the wrapper's.
 */
const WRAPPED_STATUS = /\b(?:(?:returned|responded with|answered)(?: (?:an? )?(?:HTTP )?(?:status|code|error))?:?|Status code:) ([1-5]\d\d)\b/i;

const STATUS_PATTERNS: RegExp[] = [
  /\bHTTP(?:\/[\d.]+)?[ \t:]+([1-5]\d\d)\b/i,
  /\bHTTP\/[\d.]+"?[ \t]+([1-5]\d\d)\b/,
  /\bHTTP Error:?[ \t]*([1-5]\d\d)\b/i,
  /^[ \t]*([45]\d\d)\b/,
  /\bstatus(?:[ _-]?code)?\\?["']?[ \t]*[:=]?[ \t]*\\?["']?([1-5]\d\d)\b/i,
  /\bstatus(?:Code)?\(([1-5]\d\d)\)/i,
  /\b(?:response code|returned|return code|responded with|error code|code)[ \t]*:?[ \t]*([1-5]\d\d)\b/i,
  /\b([1-5]\d\d)[ \t]+(?:Client Error|Server Error|Unauthori[sz]ed|Forbidden|Not Found|Bad Request|Too Many Requests|Gone|(?:Method )?Not Allowed|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Time-?out|Conflict|Unsupported Media Type|Not Acceptable|Payload Too Large)\b/i,
  /\((?:status )?([1-5]\d\d)\)/i,
  /\[([1-5]\d\d)[:\] ]/,
  /\bOptional\.of\(([1-5]\d\d)\)/,
  /\bresponse\W{1,3}([45]\d\d)\b/i,
  /\breturned (?:an )?error:?[ \t]*\(?([1-5]\d\d)\b/i,
  /\b(?:Forbidden|Unauthori[sz]ed|Not ?Found|Bad ?Request|Gone|Conflict)\W{1,3}([45]\d\d)\b/i,
  /\\?"(?:code|status|statusCode|status_code)\\?"[ \t]*:[ \t]*([1-5]\d\d)\b/,
  /\b([45]\d\d) (?:returning|returned|response|error|status|from)\b/i,
  /\b(?:returning|got|received|answered|with|gives?|giving|returns?|getting|get) (?:an? )?([45]\d\d)s?\b/i,
  /\b([45]\d\d) (?:GET|POST|PUT|DELETE|PATCH|HEAD) (?:https?:\/\/|\/)/,
  /\b(?:error|failed|failure):?[ \t]+([1-5]\d\d)\b/i,
  // aiohttp's "ClientResponseError: 404, message='', url=…", and other clients' *Error classes that lead with the status.
  /\b(?:Client)?(?:Response|Http|HTTP|StatusCode)Error:?[ \t(]+([1-5]\d\d)\b/
];

export function statusFromText(text: string): number | undefined {
  const sample = text.slice(0, 20_000);
  for (const pattern of STATUS_PATTERNS) {
    const match = pattern.exec(sample);
    const status = match ? validStatus(Number(match[1])) : undefined;
    if (status !== undefined && status >= 400) return status >= 500 ? (innerClientError(sample) ?? status) : status;
  }
  return undefined;
}

/** The product's status a client's message quotes ("returned status 400", "Status code: 404"), if any. */
function quotedStatus(text: string): number | undefined {
  const match = WRAPPED_STATUS.exec(text);
  return match ? validStatus(Number(match[1])) : undefined;
}

/** A log line where a tool's own 500 wraps the product's 4xx ("failed to X: ... Status code: 404"): the 4xx is the product's answer. */
function innerClientError(sample: string): number | undefined {
  const status = quotedStatus(sample);
  return status !== undefined && status >= 400 && status < 500 ? status : undefined;
}

function statusFromJson(json: Record<string, unknown>): number | undefined {
  for (const key of ['status', 'statusCode', 'code', 'httpStatus', 'status_code', 'status-code', 'Status', 'StatusCode']) {
    const status = validStatus(json[key]);
    if (status !== undefined) return status;
  }
  if (Array.isArray(json.errors)) {
    for (const e of json.errors) if (isRecord(e)) return validStatus(e.status) ?? validStatus(e.code);
  }
  if (isRecord(json.response)) return validStatus(json.response.status);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Shapes.

function headerArray(list: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (Array.isArray(list)) {
    for (const h of list) {
      if (!isRecord(h) || typeof h.name !== 'string') continue;
      const name = h.name.toLowerCase();
      const value = String(h.value ?? '');
      headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
    }
  } else if (isRecord(list)) {
    for (const [name, value] of Object.entries(list)) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
    }
  }
  return headers;
}

/** HAR (browser dev tools "Save all as HAR"): the last failing entry, else the last entry. */
function fromHar(json: Record<string, unknown>): PastedInput | undefined {
  const log = isRecord(json.log) ? json.log : undefined;
  const entries = Array.isArray(log?.entries) ? log.entries.filter(isRecord) : [];
  if (!log || entries.length === 0) return undefined;
  const statusOf = (e: Record<string, unknown>) => (isRecord(e.response) ? validStatus(e.response.status) : undefined);
  const failing = entries.filter((e) => (statusOf(e) ?? 0) >= 400);
  const entry = failing[failing.length - 1] ?? entries[entries.length - 1];
  const res = isRecord(entry.response) ? entry.response : {};
  const req = isRecord(entry.request) ? entry.request : {};
  const content = isRecord(res.content) ? res.content : {};
  let body = str(content.text) ?? '';
  if (content.encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
  const headers = headerArray(res.headers);
  if (!headers['content-type'] && typeof content.mimeType === 'string') headers['content-type'] = content.mimeType;
  const notes = [`read the ${failing.length ? 'last failing' : 'last'} of ${entries.length} HAR entries`];
  const request = typeof req.url === 'string' ? requestFromText(`${str(req.method) ?? 'GET'} ${req.url}`) : undefined;
  const reqHeaders = headerArray(req.headers);
  if (request && reqHeaders.authorization) request.authScheme = authSchemeOf(reqHeaders.authorization);
  if (request && typeof req.method === 'string') request.methodRead = true;
  const status = statusOf(entry);
  if (status === undefined || status === 0) {
    return { shape: 'har', error: { name: 'Error', message: str(res._error) ?? str(res.statusText) ?? 'no response (status 0)' }, request, notes };
  }
  return { shape: 'har', response: { status, statusText: str(res.statusText) || undefined, headers, body }, request, notes };
}

/** `{status, headers, body}` as the emulator, tests and scripts write it. */
function fromEnvelope(json: Record<string, unknown>): PastedInput | undefined {
  if (!('status' in json) || !('body' in json || 'headers' in json)) return undefined;
  const status = validStatus(json.status);
  // An envelope with a status that is no HTTP status was written by hand and wrongly: say so (without echoing it).
  if (status === undefined) throw new ResponseInputError(`"status" must be an HTTP status code between 100 and 599 (got a ${typeof json.status}${typeof json.status === 'number' ? ' out of range' : ''}).`);
  const body = json.body === undefined || json.body === null ? '' : typeof json.body === 'string' ? json.body : JSON.stringify(json.body);
  return { shape: 'json-envelope', response: { status, statusText: str(json.statusText), headers: headerArray(json.headers), body }, notes: [] };
}

/** A thrown error serialised as JSON: `{name, message, status?}`. */
function fromErrorJson(json: Record<string, unknown>, text: string): PastedInput | undefined {
  const name = str(json.name);
  const message = str(json.message);
  if (!name || message === undefined || 'errorMessages' in json || 'errors' in json) return undefined;
  if (!/(Error|Exception|_ERR)$|^[A-Z][A-Z_]+$/.test(name)) return undefined;
  const status = validStatus(json.status) ?? validStatus(json.statusCode) ?? (isRecord(json.response) ? validStatus(json.response.status) : undefined);
  const body = isRecord(json.response) && json.response.data !== undefined ? JSON.stringify(json.response.data) : message;
  const request = requestFromText(text);
  if (status !== undefined) return { shape: 'sdk-error', response: { status, headers: {}, body: `${body}` }, error: { name, message, status }, request, notes: [] };
  return { shape: 'sdk-error', error: { name, message }, request, notes: [] };
}

function wrappedStatus(json: Record<string, unknown>): number | undefined {
  for (const key of ['message', 'Message', 'error', 'Error', 'detail', 'msg']) {
    const value = json[key];
    if (typeof value !== 'string') continue;
    const status = quotedStatus(value.slice(0, 2000));
    if (status !== undefined) return status;
  }
  return undefined;
}

function fromJsonBody(json: unknown, text: string): PastedInput {
  const outer = isRecord(json) ? statusFromJson(json) : undefined;
  const inner = isRecord(json) && outer !== undefined ? wrappedStatus(json) : undefined;
  const status = inner ?? outer;
  if (status !== undefined) {
    const notes = inner !== undefined && inner !== outer ? [`status ${inner} read from the message the ${outer} wraps`] : [`status ${status} read from the JSON body`];
    return { shape: 'json-body', response: { status, headers: { 'content-type': 'application/json' }, body: text }, request: requestFromText(text), notes };
  }
  const inferred = statusFromText(text);
  const notes = ['the paste is a JSON body without a status line'];
  if (inferred !== undefined) {
    notes.push(`status ${inferred} inferred from the text`);
    return { shape: 'json-body', response: { status: inferred, headers: { 'content-type': 'application/json' }, body: text }, notes };
  }
  return { shape: 'json-body', response: { status: 0, headers: { 'content-type': 'application/json' }, body: text }, notes: [...notes, 'status unknown: the diagnosis rests on the body text'] };
}

function fromHtml(text: string): PastedInput {
  const page = readHtml(text.slice(0, MAX_PARSE));
  const status = statusFromText([page.title, page.h1, ...page.paragraphs.slice(0, 3)].filter(Boolean).join('\n'));
  const notes = ['the paste is an HTML page without a status line'];
  const request = requestFromText(text);
  if (status !== undefined) notes.push(`status ${status} inferred from the page's title or heading`);
  else notes.push('status unknown: the diagnosis rests on the page text');
  return { shape: 'html-page', response: { status: status ?? 0, headers: { 'content-type': 'text/html' }, body: text }, request, notes };
}

/**
 * `Name: message` as SDKs print exceptions: Node (`Error:`, `AxiosError:`, `HTTPError:`), Python
 * (`requests.exceptions.HTTPError:`, `jira.exceptions.JIRAError:`), Java (`com.x.FooException:`),
 * Forge (`NEEDS_AUTHENTICATION_ERR`). The name ends in Error/Exception/_ERR, or is a bare constant.
 */
const EXCEPTION_LINE = /^(?:Uncaught |Unhandled(?: Promise)? ?(?:rejection)?:? ?|\[[^\]\n]{0,40}\] ?)?((?:[A-Za-z_$][\w$]{0,80}\.){0,6}[A-Za-z_$][\w$]{0,80}(?:Error|Exception|_ERR|Err))(?:\[[\w-]{0,40}\])?(?::[ \t]*|[ \t]*$|[ \t]*\{)/m;
const LOG_LINE = /^[ \t]*(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d|\[?\d\d:\d\d:\d\d|(?:level=)?(?:ERROR|WARN|INFO|DEBUG|error|warn)\b|\[(?:ERROR|WARN|INFO|error|warn)\]|INVOCATION|[a-f0-9]{8}-[a-f0-9]{4}-)/;

/**
 * A log line or message that quotes the product's JSON error body after a prefix ("responseBody {...}",
 * "text: {...}"): the body is read as the product's answer. Tried once, from the first `{"` that opens a known
 * error shape to the last `}`.
 */
const EMBEDDED_BODY = /\{\s*"(?:errorMessages|errors|errorMessage|message|statusCode|code|error)"\s*:/;

function embeddedJsonBody(text: string): string | undefined {
  const start = text.search(EMBEDDED_BODY);
  if (start <= 0) return undefined;
  const end = text.lastIndexOf('}');
  if (end <= start) return undefined;
  const candidate = text.slice(start, end + 1);
  if (nestsDeeperThan(candidate, MAX_JSON_DEPTH)) return undefined;
  try {
    return isRecord(JSON.parse(candidate)) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function fromFreeText(text: string): PastedInput {
  const sample = text.slice(0, MAX_PARSE);
  const exception = EXCEPTION_LINE.exec(sample.slice(0, 20_000));
  const shape: InputShape = exception ? 'sdk-error' : LOG_LINE.test(sample) ? 'log-line' : 'message';
  const status = statusFromText(sample);
  const request = requestFromText(sample);
  const name = exception ? (exception[1].split('.').pop() ?? exception[1]) : 'Error';
  const lineStart = exception ? exception.index + exception[0].length : 0;
  const message = exception ? sample.slice(lineStart, lineStart + 4000).trim() : sample.slice(0, 4000).trim();
  const notes: string[] = [shape === 'sdk-error' ? `the paste is an exception (${name}) without a response` : `the paste is a ${shape === 'log-line' ? 'log line' : 'message'} without a response`];
  const embedded = embeddedJsonBody(sample.slice(0, 100_000));
  if (embedded) notes.push('read the JSON error body quoted in the text');
  const headers: Record<string, string> = embedded ? { 'content-type': 'application/json' } : {};
  if (status !== undefined) {
    notes.push(`status ${status} inferred from the text`);
    return { shape, response: { status, headers, body: embedded ?? sample.slice(0, 100_000) }, error: { name, message, status }, request, notes };
  }
  if (embedded) return { shape, response: { status: 0, headers, body: embedded }, error: { name, message: shape === 'sdk-error' ? message : sample.slice(0, 4000).trim() }, request, notes };
  return { shape, error: { name, message: shape === 'sdk-error' ? message : sample.slice(0, 4000).trim() }, request, notes };
}

/**
 * Reads whatever was pasted about a failing call: `curl -i`/`-v` output, a `{status, headers, body}`
 * envelope, a HAR file, a JSON or HTML body without status, an SDK exception, a log line or a message.
 * Never refuses text: only empty input throws (ResponseInputError). Linear time on any input.
 */
export function parsePastedInput(input: string): PastedInput {
  const text = (typeof input === 'string' ? input : '').slice(0, MAX_PARSE).replace(/^\uFEFF/, '');
  const trimmed = text.trim();
  if (trimmed === '') throw new ResponseInputError('The input is empty: paste a response, an error message, a log line or a HAR file.');
  if (/^(?:HTTP\/[\d.]+[ \t]+\d{3}|[*<>] )/m.test(trimmed.slice(0, 200_000))) {
    try {
      const exchange = parseRawExchange(trimmed);
      const verbose = exchange.request !== undefined || /^< HTTP\//m.test(trimmed.slice(0, 200_000));
      const request = exchange.request ?? requestFromText(trimmed.split(/^HTTP\/[\d.]+[ \t]+\d{3}/m)[0] ?? '');
      return { shape: verbose ? 'curl-v' : 'http-response', response: exchange.response, request: request?.path ? request : exchange.request, notes: [] };
    } catch (error) {
      if (!(error instanceof ResponseInputError)) throw error;
    }
  }
  if (/^[[{]/.test(trimmed)) {
    if (nestsDeeperThan(trimmed, MAX_JSON_DEPTH)) throw new ResponseInputError('The input is nested too deeply to read. Paste the response itself.');
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (error) {
      // Nesting deep enough to exhaust the stack is hostile, not a paste: refuse it in one line.
      if (error instanceof RangeError) throw new ResponseInputError('The input is nested too deeply to read. Paste the response itself.');
      json = undefined;
    }
    if (json !== undefined) {
      if (isRecord(json)) {
        const shaped = fromHar(json) ?? fromEnvelope(json) ?? fromErrorJson(json, trimmed);
        if (shaped) return shaped;
      }
      return fromJsonBody(json, trimmed);
    }
  }
  if (looksLikeHtml(trimmed.slice(0, 200_000))) return fromHtml(trimmed);
  return fromFreeText(trimmed);
}
