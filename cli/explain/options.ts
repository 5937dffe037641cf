import type { ExplainOptions as TextOptions } from '../../src/diagnosis/explain';
import { AUTH_MODES, type AuthMode, type Product } from '../../src/diagnosis/types';
import { CliError } from '../errors';
import { messages } from './messages';

export interface ExplainOptions {
  file?: string;
  path?: string;
  baseUrl?: string;
  method: string;
  methodGiven: boolean;
  auth?: AuthMode;
  product?: Product;
  manifest?: string;
  installed?: string[];
  json: boolean;
  help: boolean;
}

const VALUE_OPTIONS = new Set(['--path', '--base-url', '--method', '--as', '--product', '--manifest', '--installed']);

export function parseExplainArgs(argv: string[]): ExplainOptions {
  const options: ExplainOptions = { method: 'GET', methodGiven: false, json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inlineValue] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--json') options.json = true;
    else if (flag === '-h' || flag === '--help') options.help = true;
    else if (VALUE_OPTIONS.has(flag)) {
      const value = inlineValue ?? argv[++i];
      if (value === undefined || value === '') throw new CliError(messages.missingValue(flag));
      applyValue(options, flag, value);
    } else if (arg.startsWith('-') && arg !== '-') throw new CliError(messages.unknownOption(flag)); // the name only: a value may be a secret
    else if (options.file === undefined) options.file = arg;
    else throw new CliError(`Only one input file can be explained at a time (got "${options.file}" and "${arg}").`);
  }
  return options;
}

function applyValue(options: ExplainOptions, flag: string, value: string): void {
  switch (flag) {
    case '--path':
      options.path = value;
      break;
    case '--base-url':
      // Not echoed: a URL may carry user:password@. A #fragment or ?query is kept: it is a mistake worth diagnosing.
      if (!/^https?:\/\/[^\s/?#]+\S*$/i.test(value)) throw new CliError(messages.badBaseUrl);
      options.baseUrl = value.replace(/\/+$/, '');
      break;
    case '--method':
      if (!/^[A-Za-z]{3,10}$/.test(value)) throw new CliError(messages.badMethod(value));
      options.method = value.toUpperCase();
      options.methodGiven = true;
      break;
    case '--as':
      if (!(AUTH_MODES as readonly string[]).includes(value)) throw new CliError(messages.badAuth(value, AUTH_MODES));
      options.auth = value as AuthMode;
      break;
    case '--product':
      if (value !== 'jira' && value !== 'confluence') throw new CliError(messages.badProduct(value));
      options.product = value;
      break;
    case '--manifest':
      options.manifest = value;
      break;
    case '--installed':
      options.installed = value.split(',').map((s) => s.trim()).filter(Boolean);
      break;
  }
}

/** What the parsed flags ask of the engine; `declared` is what --manifest read. The CLI and the corpus runner share it. */
export function engineOptions(options: ExplainOptions, declared: string[] | undefined): TextOptions {
  return {
    path: options.path,
    baseUrl: options.baseUrl,
    method: options.methodGiven ? options.method : undefined,
    auth: options.auth,
    product: options.product,
    declared,
    installed: options.installed,
    channel: 'cli'
  };
}
