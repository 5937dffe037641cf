export type ErrorBodyKind = 'jira' | 'confluence' | 'gateway' | 'json' | 'html' | 'text' | 'empty';

export interface ParsedErrorBody {
  kind: ErrorBodyKind;
  /** Human-readable messages in the order the product gave them. */
  messages: string[];
  /** Field errors (Jira `errors`). */
  fieldErrors: Record<string, string>;
  /** Gateway or Confluence error code, when given (`401`, `NOT_FOUND`, ...). */
  code?: string;
  /** Title or first heading of an HTML page. */
  htmlTitle?: string;
  /** The HTML `<title>` when a heading was preferred as htmlTitle. */
  pageTitle?: string;
  /** Visible text of an HTML page (capped), for matching what no element isolates. */
  pageText?: string;
}

import { htmlToText, readHtml } from './html';

export { htmlToText };

const MAX_PARSE_LENGTH = 2_000_000;
/**
 * A body that is neither JSON nor HTML is read as one message of at most this many characters: error texts are far
 * shorter, and every rule pattern and the redaction scan the message (the cost of a hostile body grows with it).
 */
const MAX_TEXT_MESSAGE = 1000;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? [v] : []));
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function looksLikeHtml(body: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<section|<div|<h1|<p[\s>])/i.test(body) || /<\/(html|body|section|div|h1|p)>/i.test(body);
}

function fromJson(json: unknown): ParsedErrorBody | undefined {
  if (!isRecord(json)) {
    const messages = strings(json);
    return messages.length ? { kind: 'json', messages, fieldErrors: {} } : undefined;
  }
  if ('errorMessages' in json || ('errors' in json && isRecord(json.errors))) {
    const fieldErrors: Record<string, string> = {};
    if (isRecord(json.errors)) {
      for (const [field, message] of Object.entries(json.errors)) {
        if (typeof message === 'string') fieldErrors[field] = message;
      }
    }
    return { kind: 'jira', messages: strings(json.errorMessages), fieldErrors };
  }
  if (Array.isArray(json.errors)) {
    // Confluence v2: {"errors":[{"status":404,"code":"NOT_FOUND","title":"...","detail":null}]}
    const messages: string[] = [];
    let code: string | undefined;
    for (const error of json.errors) {
      if (!isRecord(error)) continue;
      code ??= typeof error.code === 'string' ? error.code : undefined;
      messages.push(...strings(error.title), ...strings(error.detail));
    }
    return { kind: 'confluence', messages, fieldErrors: {}, code };
  }
  if ('statusCode' in json && 'message' in json) {
    // Confluence v1: {"statusCode":404,"message":"..."}
    return { kind: 'confluence', messages: strings(json.message), fieldErrors: {}, code: String(json.statusCode) };
  }
  if ('code' in json && 'message' in json) {
    // API gateway: {"code":401,"message":"Unauthorized; scope does not match"}
    return { kind: 'gateway', messages: strings(json.message), fieldErrors: {}, code: String(json.code) };
  }
  if (typeof json.errorMessage === 'string') {
    // Jira Service Management: {"errorMessage":"...","i18nErrorMessage":{"i18nKey":"...","parameters":[]}}
    return { kind: 'jira', messages: strings(json.errorMessage), fieldErrors: {} };
  }
  const messages = [...strings(json.message), ...strings(json.error), ...strings(json.error_description), ...strings(json.detail)];
  return { kind: 'json', messages, fieldErrors: {}, code: typeof json.code === 'string' ? json.code : undefined };
}

function fromHtml(body: string): ParsedErrorBody {
  const page = readHtml(body);
  const htmlTitle = page.h1 ?? page.title;
  return { kind: 'html', messages: page.paragraphs.slice(0, 5), fieldErrors: {}, htmlTitle, pageText: page.text.slice(0, 4000), ...(page.title && page.title !== htmlTitle ? { pageTitle: page.title } : {}) };
}

/** Reads whatever error body Jira, Confluence, the gateway or a proxy sent; never throws. */
export function parseErrorBody(body: string, contentType?: string): ParsedErrorBody {
  if (typeof body !== 'string' || body.trim() === '') return { kind: 'empty', messages: [], fieldErrors: {} };
  const text = body.length > MAX_PARSE_LENGTH ? body.slice(0, MAX_PARSE_LENGTH) : body;
  const trimmed = text.trim();
  // JSON text ends in `]`, `}`, `"`, a digit, `true`/`false` or `null`: a body cut short elsewhere (by a cap) is not tried.
  if (((contentType && /json/i.test(contentType)) || /^[[{]/.test(trimmed)) && /[\]}"\del]$/.test(trimmed)) {
    try {
      const parsed = fromJson(JSON.parse(trimmed));
      if (parsed) return parsed;
    } catch {
      // Truncated or malformed JSON falls through to the text reading below.
    }
  }
  if ((contentType && /html/i.test(contentType)) || looksLikeHtml(trimmed)) return fromHtml(text);
  return { kind: 'text', messages: [trimmed.slice(0, MAX_TEXT_MESSAGE)], fieldErrors: {} };
}
