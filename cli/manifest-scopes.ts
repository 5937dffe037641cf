import { CliError } from './errors';
import { readFileBounded } from './input/read-bounded';

/** A manifest is a few kilobytes; anything past this is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** Reads `permissions.scopes` from a Forge manifest.yml. `yaml` is loaded only when a manifest is given. */
export async function readManifestScopes(file: string): Promise<string[]> {
  let text: string;
  try {
    const read = await readFileBounded(file, MAX_MANIFEST_BYTES);
    if (read.truncated) throw new CliError(`"${file}" is larger than ${MAX_MANIFEST_BYTES} bytes: not a manifest.yml.`);
    text = read.bytes.toString('utf8');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read the manifest "${file}": no such file, or not readable.`);
  }
  const { parseDocument } = await import('yaml');
  // logLevel 'silent': the library would otherwise print warnings to stderr itself, unredacted.
  const document = parseDocument(text, { logLevel: 'silent' });
  if (document.errors.length > 0) throw new CliError(`"${file}" is not valid YAML: ${document.errors[0].message.split('\n')[0]}`);
  // maxAliasCount bounds alias expansion ("billion laughs").
  let manifest: unknown;
  try {
    manifest = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new CliError(`"${file}" is not a usable manifest: ${(error as Error).message.split('\n')[0]}`);
  }
  const scopes = (manifest as { permissions?: { scopes?: unknown } } | null)?.permissions?.scopes;
  if (scopes === undefined) return [];
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) {
    throw new CliError(`"${file}": permissions.scopes must be a list of scope names.`);
  }
  return scopes as string[];
}
