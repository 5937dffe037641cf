/**
 * Generates src/catalog/operations.json and src/catalog/forge-scopes.json.
 * usage: npm run catalog -- <openapi.json ...> [--out src/catalog]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { getScopesWithInteractiveConsent } from '@forge/manifest';
import { operationsFromDocument, type OpenApiDocument } from './openapi-to-catalog';
import type { ForgeScopeList, ScopeCatalog } from '../../src/catalog/catalog-types';

function forgeScopeList(): ForgeScopeList {
  // @forge/manifest ships the list of scope names the platform accepts.
  // The file is not in the package's exports map, so read it from the package folder.
  const scopesDir = join(dirname(require.resolve('@forge/manifest')), 'scopes');
  const valid = JSON.parse(readFileSync(join(scopesDir, 'shipyard-scopes.json'), 'utf8')) as string[];
  return { valid: [...valid].sort(), interactiveConsent: [...getScopesWithInteractiveConsent()].sort() };
}

export function buildCatalog(files: string[]): ScopeCatalog {
  const operations = files.flatMap((file) => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
    return operationsFromDocument(doc);
  });
  return { generatedFrom: files.map((f) => basename(f)), operations };
}

function main(argv: string[]): void {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex >= 0 ? argv[outIndex + 1] : join(__dirname, '../../src/catalog');
  const files = outIndex >= 0 ? [...argv.slice(0, outIndex), ...argv.slice(outIndex + 2)] : argv;
  if (files.length === 0) {
    console.error('usage: npm run catalog -- <openapi.json ...> [--out DIR]');
    process.exit(2);
  }
  const catalog = buildCatalog(files);
  writeFileSync(join(outDir, 'operations.json'), JSON.stringify(catalog) + '\n');
  writeFileSync(join(outDir, 'forge-scopes.json'), JSON.stringify(forgeScopeList(), null, 1) + '\n');
  console.log(`wrote ${catalog.operations.length} operations from ${files.length} document(s) to ${outDir}`);
}

if (require.main === module) main(process.argv.slice(2));
