import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CliIo } from '../command';
import { CliError, EXIT } from '../errors';
import { editScopes, writeManifestEdit } from './fix-manifest';
import { counts, jsonReport, formatText } from './format';
import { lintApp, type LintResult } from './lint';

export const LINT_USAGE = `usage: issue-doctor lint [APP_DIR] [--json] [--fix]

Checks a Forge app before forge deploy: missing and excess scopes (with the least-privilege
declaration), scopes that force consent, /ex/ paths, queries outside route's escaping, products
missing from app.compatibility, asApp reads returned to readers, tsconfig settings that stop
the bundler. One line per finding: file:line:col rule-id severity: message (fix: ...).

  APP_DIR   the app's directory, holding manifest.yml (default: .)
  --json    machine-readable output
  --fix     add missing scopes to manifest.yml and remove excess ones, keeping comments and layout

exit: 0 no errors, 1 errors found, 2 bad usage or unreadable app`;

export interface LintOptions {
  dir: string;
  json: boolean;
  fix: boolean;
  help: boolean;
}

export function parseLintArgs(argv: string[]): LintOptions {
  const options: LintOptions = { dir: '.', json: false, fix: false, help: false };
  let dirGiven = false;
  for (const arg of argv) {
    if (arg === '--json') options.json = true;
    else if (arg === '--fix') options.fix = true;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg.startsWith('-')) throw new CliError(`lint: unknown option "${arg.slice(0, 40)}".\n${LINT_USAGE}`);
    else if (dirGiven) throw new CliError(`lint: one APP_DIR only.\n${LINT_USAGE}`);
    else {
      options.dir = arg;
      dirGiven = true;
    }
  }
  return options;
}

export async function lintCommand(argv: string[], io: CliIo): Promise<number> {
  const options = parseLintArgs(argv);
  if (options.help) {
    io.out.text(LINT_USAGE + '\n');
    return EXIT.ok;
  }
  const dir = resolve(options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`lint: "${options.dir.slice(0, 200)}" is not a directory.`);
  let result: LintResult = lintApp(dir);
  let fixNote = '';
  if (options.fix) {
    const manifestFile = resolve(dir, 'manifest.yml');
    const edit = editScopes(readFileSync(manifestFile, 'utf8'), result.additions, result.excess);
    writeManifestEdit(manifestFile, edit);
    if (edit.added.length || edit.removed.length) {
      fixNote = `fixed ${result.manifest}: ${edit.added.length ? `added ${edit.added.join(', ')}` : ''}${edit.added.length && edit.removed.length ? '; ' : ''}${edit.removed.length ? `removed ${edit.removed.join(', ')}` : ''}\n`;
      result = lintApp(dir);
    }
  }
  if (options.json) io.out.json(jsonReport(result));
  else io.out.text(fixNote + formatText(result));
  return counts(result).errors > 0 ? 1 : EXIT.ok;
}
