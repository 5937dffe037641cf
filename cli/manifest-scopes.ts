import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { CliError } from './errors';

/** Reads `permissions.scopes` from a Forge manifest.yml. */
export function readManifestScopes(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`Cannot read the manifest "${file}": no such file, or not readable.`);
  }
  let manifest: unknown;
  try {
    manifest = load(text);
  } catch (error) {
    throw new CliError(`"${file}" is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const scopes = (manifest as { permissions?: { scopes?: unknown } } | null)?.permissions?.scopes;
  if (scopes === undefined) return [];
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) {
    throw new CliError(`"${file}": permissions.scopes must be a list of scope names.`);
  }
  return scopes as string[];
}
