/**
 * `npm run emulator -- call --scenario NAME --as user|app|none METHOD PATH`: one product call through the real
 * @forge/api and the runtime shim against an in-process emulated site, printed as `curl -i` prints a response.
 */
import api, { assumeTrustedRoute, type APIResponse } from '@forge/api';
import { installForgeRuntime, runInvocation } from './forge-runtime';
import { SCENARIO_NAMES } from './scenarios';
import { EmulatedSite } from './site';

export type CallAs = 'user' | 'app' | 'none';

export interface CallOptions {
  scenario: string;
  as: CallAs;
  method: string;
  /** Product path with optional query: /rest/... (Jira) or /wiki/... (Confluence). */
  path: string;
}

export const CALL_USAGE = 'usage: npm run emulator -- call --scenario NAME --as user|app|none METHOD PATH';
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
export const CALL_TIMEOUT_MS = 10_000;
const MAX_PATH = 2048;

/** A usage problem: one line, exit 2. */
export class CallUsageError extends Error {}

export function parseCallArgs(argv: readonly string[]): CallOptions {
  let scenario = 'healthy';
  let as: CallAs | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--scenario') scenario = argv[++i] ?? '';
    else if (arg === '--as') {
      const value = argv[++i];
      if (value !== 'user' && value !== 'app' && value !== 'none') throw new CallUsageError(`--as must be user, app or none. ${CALL_USAGE}`);
      as = value;
    } else if (arg.startsWith('--')) throw new CallUsageError(`Unknown option "${arg.slice(0, 40)}". ${CALL_USAGE}`);
    else positional.push(arg);
  }
  if (!SCENARIO_NAMES.includes(scenario)) throw new CallUsageError(`Unknown scenario "${scenario.slice(0, 60)}". Known scenarios: ${SCENARIO_NAMES.join(', ')}.`);
  if (!as) throw new CallUsageError(`--as is required. ${CALL_USAGE}`);
  if (positional.length !== 2) throw new CallUsageError(`Give exactly METHOD and PATH. ${CALL_USAGE}`);
  const method = positional[0].toUpperCase();
  if (!METHODS.has(method)) throw new CallUsageError(`Unknown method "${positional[0].slice(0, 20)}". ${CALL_USAGE}`);
  const path = positional[1];
  if (!path.startsWith('/') || path.length > MAX_PATH || /[\s\u0000-\u001f\u007f]/.test(path)) {
    throw new CallUsageError(`PATH must be a product path such as /rest/api/3/issue/DOC-42 (no spaces, at most ${MAX_PATH} characters).`);
  }
  return { scenario, as, method, path };
}

/** Starts only at the beginning of a run of address characters, so the scan stays linear. */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** The response as `curl -i` prints it: status line, headers, blank line, body; e-mail addresses become <email>. */
export async function formatLikeCurl(response: APIResponse): Promise<string> {
  const head = [`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd()];
  response.headers.forEach((value, name) => head.push(`${name}: ${value}`));
  return `${head.join('\r\n')}\r\n\r\n${await response.text()}`.replace(EMAIL, '<email>');
}

function requester(as: CallAs) {
  switch (as) {
    case 'user':
      return api.asUser();
    case 'app':
      return api.asApp();
    case 'none':
      return api;
    default: {
      const never: never = as;
      throw new Error(`Unknown caller ${String(never)}`);
    }
  }
}

/** Runs the call against a fresh site (ephemeral 127.0.0.1 port, stopped afterwards); returns the curl -i text or throws what @forge/api threw. */
export async function emulatorCall(options: CallOptions): Promise<string> {
  const site = await EmulatedSite.start({ scenario: options.scenario });
  const runtime = installForgeRuntime(site);
  try {
    const route = assumeTrustedRoute(options.path);
    const init = { method: options.method, signal: AbortSignal.timeout(CALL_TIMEOUT_MS) };
    const fetchApi = requester(options.as);
    const response = await runInvocation({ accountId: site.scenario.viewerAccountId }, () =>
      options.path.startsWith('/wiki/') ? fetchApi.requestConfluence(route, init) : fetchApi.requestJira(route, init)
    );
    return await formatLikeCurl(response);
  } finally {
    runtime.uninstall();
    await site.stop();
  }
}

/** One line naming a thrown error: its class, its platform name when different, and its message. */
export function describeThrown(error: unknown): string {
  if (!(error instanceof Error)) return `thrown: ${String(error).slice(0, 200)}`;
  const className = error.constructor?.name ?? 'Error';
  const label = className !== error.name ? `${className} [${error.name}]` : error.name;
  return `${label}: ${error.message.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, 500)}`;
}
