import type { HttpExchange } from '../diagnosis/types';
import { readCapped, type BodyLike } from './read-capped';

/** The result of one product call: a response (body read only when asked) or the error thrown, never both. */
export interface CallOutcome {
  response?: HttpExchange;
  /** Parsed JSON of a 2xx body, when the caller asked to keep it. */
  json?: unknown;
  error?: unknown;
  durationMs: number;
}

interface ResponseLike extends BodyLike {
  status: number;
  statusText?: string;
  headers: { forEach(cb: (value: string, name: string) => void): void };
}

export class CallTimeoutError extends Error {
  constructor(label: string, ms: number) {
    super(`${label} did not answer within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * Error bodies are read up to this many bytes. Jira, Confluence and gateway error bodies are far smaller (the
 * largest in the public error corpus is under 1 KB; an HTML page names itself in its head), and a cap this size
 * keeps what a hostile body can cost a render close to what a normal one costs (see the benchmark).
 */
export const MAX_ERROR_BODY_BYTES = 16 * 1024;

/**
 * Runs a product call with its own timeout. The signal aborts the request; the race is the backstop
 * should a runtime ignore the signal. Error bodies are kept (capped) for diagnosis; a 2xx body is
 * parsed only when `keepBody` is set and never otherwise read.
 */
export async function timedCall(
  label: string,
  timeoutMs: number,
  call: (signal: AbortSignal) => Promise<ResponseLike>,
  keepBody: boolean
): Promise<CallOutcome> {
  const started = Date.now();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CallTimeoutError(label, timeoutMs));
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([call(controller.signal), timeout]);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const ok = response.status >= 200 && response.status < 300;
    let body = '';
    let json: unknown;
    if (!ok) body = await Promise.race([readCapped(response, MAX_ERROR_BODY_BYTES), timeout]);
    else if (keepBody) {
      const text = await Promise.race([response.text(), timeout]);
      try {
        json = JSON.parse(text);
      } catch {
        // A 2xx that is not JSON is reported as a malformed answer by the caller.
        json = undefined;
      }
    }
    return { response: { status: response.status, statusText: response.statusText, headers, body }, json, durationMs: Date.now() - started };
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof CallTimeoutError)) {
      return { error: new CallTimeoutError(label, timeoutMs), durationMs: Date.now() - started };
    }
    return { error, durationMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
