import { diagnose, type Diagnosis } from '../../src/diagnosis/diagnose';
import { parseRawExchange, ResponseInputError, type PastedRequest } from '../../src/diagnosis/parse/raw-response';
import { parseHeaders } from '../../src/diagnosis/parse/headers';
import { parseScopeGrantMessage } from '../../src/diagnosis/parse/scope-grant';
import type { AuthMode, HttpExchange } from '../../src/diagnosis/types';
import type { CliIo } from '../command';
import { CliError, EXIT } from '../errors';
import { readManifestScopes } from '../manifest-scopes';
import { formatForPerson } from './format';
import { messages, USAGE } from './messages';
import { parseExplainArgs } from './options';
import { readInput } from './read-input';


/** When --as is absent, infer the caller from what only one kind of caller gets. */
function inferAuth(response: HttpExchange, path: string | undefined): { auth: AuthMode; note?: string } {
  if (path && /^https?:\/\//.test(path)) return { auth: 'unknown' };
  if (parseScopeGrantMessage(response.body)) return { auth: 'forge-as-user', note: messages.assumedAuth('forge-as-user', '"Your app was granted" is said to Forge apps') };
  if (parseHeaders(response.headers).failureCategory && path?.startsWith('/ex/')) return { auth: 'forge-as-app', note: messages.assumedAuth('forge-as-app', 'an /ex/ path without a host is a Forge call') };
  return { auth: 'unknown' };
}

function authFromScheme(scheme: string, notes: string[]): { auth: AuthMode } {
  const auth: AuthMode = scheme === 'basic' ? 'basic-token' : scheme === 'bearer' ? 'oauth2' : scheme === 'jwt' ? 'connect-jwt' : 'unknown';
  notes.push(messages.assumedAuth(auth, `the request sent ${scheme} authorization`));
  return { auth };
}

export async function explainCommand(argv: string[], io: CliIo): Promise<number> {
  const options = parseExplainArgs(argv);
  if (options.help) {
    io.out.text(USAGE + '\n');
    return EXIT.ok;
  }
  const declared = options.manifest ? await readManifestScopes(options.manifest) : undefined;
  const text = await readInput(options.file, io.stdin);
  let response: HttpExchange;
  let request: PastedRequest | undefined;
  try {
    ({ response, request } = parseRawExchange(text));
  } catch (error) {
    if (error instanceof ResponseInputError) throw new CliError(error.message);
    throw error;
  }
  const notes: string[] = [];
  // curl -v shows the request: use what the flags did not say.
  const path = options.path ?? (request ? `https://${request.host ?? 'unknown-host'}${request.path}` : undefined);
  const method = options.methodGiven ? options.method : request?.method ?? options.method;
  if (!options.path && request) notes.push(`read from the pasted request: ${method} ${path}`);
  const inferred: { auth: AuthMode; note?: string } = options.auth
    ? { auth: options.auth }
    : request?.authScheme
      ? authFromScheme(request.authScheme, notes)
      : inferAuth(response, path);
  const diagnosis: Diagnosis = diagnose({
    call: { method, path: path ?? '', auth: inferred.auth, product: options.product },
    response,
    scopes: { declared, installed: options.installed }
  });
  const assumptions: string[] = [...notes, ...(inferred.note ? [inferred.note] : [])];
  if (!path) assumptions.push(messages.noPath);
  if (options.json) io.out.json({ ...diagnosis, assumptions });
  else io.out.text(formatForPerson(diagnosis, assumptions));
  return EXIT.ok;
}
