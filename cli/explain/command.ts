import { diagnose, type Diagnosis } from '../../src/diagnosis/diagnose';
import { parseRawResponse, ResponseInputError } from '../../src/diagnosis/parse/raw-response';
import { parseScopeGrantMessage } from '../../src/diagnosis/parse/scope-grant';
import type { AuthMode, HttpExchange } from '../../src/diagnosis/types';
import { CliError, EXIT } from '../errors';
import { readManifestScopes } from '../manifest-scopes';
import { formatForPerson } from './format';
import { messages, USAGE } from './messages';
import { parseExplainArgs } from './options';
import { readInput } from './read-input';

export interface CliIo {
  stdin: NodeJS.ReadStream;
  stdout: (text: string) => void;
}

/** When --as is absent, infer the caller from what only one kind of caller gets. */
function inferAuth(response: HttpExchange, path: string | undefined): { auth: AuthMode; note?: string } {
  if (parseScopeGrantMessage(response.body)) return { auth: 'forge-as-user', note: messages.assumedAuth('forge-as-user', '"Your app was granted" is said to Forge apps') };
  const failure = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'x-failure-category');
  if (failure && path?.startsWith('/ex/')) return { auth: 'forge-as-app', note: messages.assumedAuth('forge-as-app', 'an /ex/ path without a host is a Forge call') };
  return { auth: 'unknown' };
}

export async function explainCommand(argv: string[], io: CliIo): Promise<number> {
  const options = parseExplainArgs(argv);
  if (options.help) {
    io.stdout(USAGE + '\n');
    return EXIT.ok;
  }
  const declared = options.manifest ? readManifestScopes(options.manifest) : undefined;
  const text = await readInput(options.file, io.stdin);
  let response: HttpExchange;
  try {
    response = parseRawResponse(text);
  } catch (error) {
    if (error instanceof ResponseInputError) throw new CliError(error.message);
    throw error;
  }
  const inferred = options.auth ? { auth: options.auth } : inferAuth(response, options.path);
  const diagnosis: Diagnosis = diagnose({
    call: { method: options.method, path: options.path ?? '', auth: inferred.auth, product: options.product },
    response,
    scopes: { declared, installed: options.installed }
  });
  const assumptions = 'note' in inferred && inferred.note ? [inferred.note] : [];
  if (!options.path) assumptions.push(messages.noPath);
  io.stdout(options.json ? JSON.stringify({ ...diagnosis, assumptions }, null, 2) + '\n' : formatForPerson(diagnosis, assumptions));
  return EXIT.ok;
}
