// Bundles the CLI (cli/main.ts with the pure engine, src/diagnosis and src/catalog) into one prebuilt
// JavaScript file, cli/dist/issue-doctor.js. Runs on `npm pack` (prepack), on `npm ci`/`npm install` at the
// repository root (prepare), before Jest (globalSetup) and by hand: `npm run build:cli`.
// esbuild is a devDependency of the repository; the published package needs only its runtime dependencies.
const { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');
const { dependencies } = require('./package.json');

const OUTFILE = join(__dirname, 'dist', 'issue-doctor.js');

/**
 * JSON data (the scope catalog, ~200 KB) is shipped beside the bundle and read with JSON.parse when first
 * needed: V8 parses JSON text several times faster than the same data as a JavaScript object literal, and
 * the bundle it does not bloat is compiled faster on every start.
 */
function jsonBesideBundle(written) {
  return {
    name: 'json-beside-bundle',
    setup(build) {
      build.onLoad({ filter: /\.json$/ }, (args) => {
        const name = basename(args.path);
        if (written.has(name) && written.get(name) !== args.path) throw new Error(`two JSON files named ${name}`);
        written.set(name, args.path);
        return {
          contents: `module.exports = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(name)}), 'utf8'));`,
          loader: 'js'
        };
      });
    }
  };
}

/**
 * The lint command (a third of the code) is bundled into a file of its own, dist/lint.js, which the main bundle
 * requires only when `lint` runs: `explain` starts without parsing it.
 */
const LINT_ENTRY = join(__dirname, 'lint', 'command.ts');
const LINT_FILE = 'lint.js';

function lintApart() {
  return {
    name: 'lint-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/lint\/command$/ }, (args) =>
        args.importer === join(__dirname, 'main.ts') ? { path: `./${LINT_FILE}`, external: true } : undefined
      );
    }
  };
}

async function bundle(esbuild, entry, plugins, banner) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    // The package's own dependencies stay outside the bundle and are required only by the command that needs them.
    external: Object.keys(dependencies),
    ...(banner ? { banner: { js: banner } } : {}),
    legalComments: 'none',
    minifySyntax: true,
    minifyWhitespace: true,
    plugins,
    write: false,
    logLevel: 'warning'
  });
  return result.outputFiles[0].contents;
}

/** Written beside and renamed: a process starting the CLI meanwhile sees the old file or the new one, never half. */
function writeAtomically(file, contents, mode) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents, mode === undefined ? undefined : { mode });
  if (mode !== undefined) chmodSync(temporary, mode);
  renameSync(temporary, file);
}

async function build() {
  const dataFiles = new Map();
  const esbuild = require('esbuild');
  const main = await bundle(esbuild, join(__dirname, 'main.ts'), [lintApart(), jsonBesideBundle(dataFiles)], '#!/usr/bin/env node');
  const lint = await bundle(esbuild, LINT_ENTRY, [jsonBesideBundle(dataFiles)]);
  mkdirSync(join(__dirname, 'dist'), { recursive: true });
  // Compact JSON beside the bundle, written first: a bundle never refers to a data file that is not there yet.
  for (const [name, source] of dataFiles) writeAtomically(join(__dirname, 'dist', name), JSON.stringify(JSON.parse(readFileSync(source, 'utf8'))));
  // The lint bundle before the main one, for the same reason.
  writeAtomically(join(__dirname, 'dist', LINT_FILE), lint);
  writeAtomically(OUTFILE, main, 0o755);
  return OUTFILE;
}

module.exports = build;
if (require.main === module) {
  // `--if-possible` (the root `prepare` script): an install without devDependencies (`npm ci --omit=dev`)
  // has no esbuild; it must not fail for that. The shipped CLI is the packed cli/ package.
  if (process.argv.includes('--if-possible')) {
    try {
      require.resolve('esbuild');
    } catch {
      console.error('cli/build.js: esbuild is not installed (devDependencies omitted): the CLI bundle was not built.');
      process.exit(0);
    }
  }
  build().catch((error) => {
    console.error(`cli/build.js: ${error.message}`);
    process.exit(1);
  });
}
