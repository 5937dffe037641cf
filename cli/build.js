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

async function build() {
  const dataFiles = new Map();
  const esbuild = require('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(__dirname, 'main.ts')],
    outfile: OUTFILE,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    // The package's own dependencies stay outside the bundle and are required only by the command that needs them.
    external: Object.keys(dependencies),
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    minifySyntax: true,
    minifyWhitespace: true,
    plugins: [jsonBesideBundle(dataFiles)],
    write: false,
    logLevel: 'warning'
  });
  mkdirSync(join(__dirname, 'dist'), { recursive: true });
  // Compact JSON beside the bundle, written first: a bundle never refers to a data file that is not there yet.
  for (const [name, source] of dataFiles) {
    const temporary = join(__dirname, 'dist', `${name}.${process.pid}.tmp`);
    writeFileSync(temporary, JSON.stringify(JSON.parse(readFileSync(source, 'utf8'))));
    renameSync(temporary, join(__dirname, 'dist', name));
  }
  // Written beside and renamed: a process starting the CLI meanwhile sees the old file or the new one, never half.
  const temporary = `${OUTFILE}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents, { mode: 0o755 });
  chmodSync(temporary, 0o755);
  renameSync(temporary, OUTFILE);
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
