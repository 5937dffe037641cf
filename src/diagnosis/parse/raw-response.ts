import type { HttpExchange } from '../types';

export class ResponseInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RESPONSE_INPUT_ERR';
  }
}

const STATUS_LINE = /^HTTP\/[\d.]+\s+(\d{3})(?:[ \t]+([^\r\n]*))?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses `curl -i` output; when several responses are printed (100 Continue, redirects), the last one counts. */
function parseCurlOutput(text: string): HttpExchange | undefined {
  const normalized = text.replace(/\r\n/g, '\n');
  const starts = [...normalized.matchAll(/^HTTP\/[\d.]+\s+\d{3}.*$/gm)].map((m) => m.index ?? 0);
  if (starts.length === 0) return undefined;
  const block = normalized.slice(starts[starts.length - 1]);
  const lines = block.split('\n');
  const status = STATUS_LINE.exec(lines[0].trim());
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  // Headers run to the blank line; a line that is no header (a pasted body without its blank line) starts the body.
  let i = 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') {
      i++;
      break;
    }
    const header = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):[ \t]*(.*)$/.exec(line);
    if (!header) break;
    const name = header[1].toLowerCase();
    const value = header[2].trim();
    headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return { status: Number(status[1]), statusText: status[2]?.trim() || undefined, headers, body: lines.slice(i).join('\n') };
}

/** Parses `{status, headers, body}` JSON (body may be a string or any JSON value). */
function parseJsonEnvelope(text: string): HttpExchange | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || !('status' in parsed)) return undefined;
  const status = Number(parsed.status);
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    // The value itself is not echoed: it is untrusted text bound for a terminal.
    throw new ResponseInputError(`"status" must be an HTTP status code between 100 and 599 (got a ${typeof parsed.status}${typeof parsed.status === 'number' ? ' out of range' : ''}).`);
  }
  const headers: Record<string, string> = {};
  if (isRecord(parsed.headers)) {
    for (const [name, value] of Object.entries(parsed.headers)) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  const body = parsed.body === undefined || parsed.body === null ? '' : typeof parsed.body === 'string' ? parsed.body : JSON.stringify(parsed.body);
  const statusText = typeof parsed.statusText === 'string' ? parsed.statusText : undefined;
  return { status, statusText, headers, body };
}

/** What `curl -v` shows of the request; the credential itself is never kept, only its scheme. */
export interface PastedRequest {
  method: string;
  path: string;
  host?: string;
  /** basic, bearer, jwt, …; `other` when the header has no known scheme (its first word may be the credential itself). */
  authScheme?: string;
  /** The method was written in the paste (not defaulted to GET). */
  methodRead?: boolean;
}

const SCHEMES = new Set(['basic', 'bearer', 'jwt', 'digest', 'negotiate', 'ntlm', 'oauth', 'token']);

/** The scheme of an Authorization value, never any part of the credential. */
export function authSchemeOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const first = value.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return SCHEMES.has(first) ? first : 'other';
}

export interface PastedExchange {
  response: HttpExchange;
  request?: PastedRequest;
}

/** `curl -v` prefixes request lines with "> ", response headers with "< ", and notes with "* ". */
function parseCurlVerbose(text: string): PastedExchange | undefined {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (!lines.some((l) => /^< HTTP\/[\d.]+\s+\d{3}/.test(l))) return undefined;
  const requestLine = lines.map((l) => /^> ([A-Z]{3,10}) (\S+) HTTP\/[\d.]+/.exec(l)).find((m) => m !== null);
  const header = (name: string) => lines.map((l) => new RegExp(`^> ${name}:\\s*(.*)$`, 'i').exec(l)).find((m) => m !== null)?.[1]?.trim();
  const lastStatus = lines.map((l, i) => (/^< HTTP\//.test(l) ? i : -1)).filter((i) => i >= 0).pop()!;
  const head: string[] = [];
  let i = lastStatus;
  for (; i < lines.length && lines[i].startsWith('<'); i++) {
    const line = lines[i].replace(/^<\s?/, '');
    if (line.trim() === '') {
      i++;
      break;
    }
    head.push(line);
  }
  const body = lines.slice(i).filter((l) => !/^([*<>] |[*<>]$|[{}] \[)/.test(l)).join('\n');
  const response = parseCurlOutput(`${head.join('\n')}\n\n${body}`);
  if (!response) return undefined;
  const authorization = header('authorization');
  return {
    response,
    request: requestLine ? { method: requestLine[1], path: requestLine[2], host: header('host'), authScheme: authSchemeOf(authorization), methodRead: true } : undefined
  };
}

/**
 * Reads a pasted HTTP exchange: `curl -i` or `curl -v` output, or JSON `{status, headers, body}`.
 * Throws ResponseInputError with a message naming what is wrong.
 */
export function parseRawExchange(text: string): PastedExchange {
  const verbose = parseCurlVerbose(text.replace(/^\uFEFF/, ''));
  return verbose ?? { response: parseRawResponse(text) };
}

/**
 * Reads a pasted HTTP response: raw (`curl -i`), or JSON `{status, headers, body}`.
 * Throws ResponseInputError with a message naming what is wrong.
 */
export function parseRawResponse(text: string): HttpExchange {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') throw new ResponseInputError('The input is empty: paste a response as `curl -i` prints it, or JSON {"status", "headers", "body"}.');
  const fromJson = trimmed.startsWith('{') ? parseJsonEnvelope(trimmed) : undefined;
  if (fromJson) return fromJson;
  const fromCurl = parseCurlOutput(trimmed);
  if (fromCurl) return fromCurl;
  throw new ResponseInputError(
    'The input is not an HTTP response: expected a status line such as "HTTP/1.1 403 Forbidden" (use `curl -i`), or JSON {"status", "headers", "body"}.'
  );
}
