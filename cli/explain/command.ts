import { explainText } from '../../src/diagnosis/explain';
import { ResponseInputError } from '../../src/diagnosis/parse/raw-response';
import type { CliIo } from '../command';
import { CliError, EXIT } from '../errors';
import { readManifestScopes } from '../manifest-scopes';
import { formatForPerson } from './format';
import { USAGE } from './messages';
import { engineOptions, parseExplainArgs } from './options';
import { readInput } from './read-input';

/** Text of any shape in, a diagnosis out; what the paste did not say is inferred and listed as an assumption. */
export async function explainCommand(argv: string[], io: CliIo): Promise<number> {
  const options = parseExplainArgs(argv);
  if (options.help) {
    io.out.text(USAGE + '\n');
    return EXIT.ok;
  }
  const declared = options.manifest ? await readManifestScopes(options.manifest) : undefined;
  const text = await readInput(options.file, io.stdin);
  let explanation;
  try {
    explanation = explainText(text, engineOptions(options, declared));
  } catch (error) {
    if (error instanceof ResponseInputError) throw new CliError(error.message);
    throw error;
  }
  const { diagnosis, assumptions, shape } = explanation;
  if (options.json) io.out.json({ ...diagnosis, shape, assumptions });
  else io.out.text(formatForPerson(diagnosis, [`read as: ${shape}`, ...assumptions]));
  return EXIT.ok;
}
