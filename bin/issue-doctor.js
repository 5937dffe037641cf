#!/usr/bin/env node
// `npx issue-doctor` inside the repository: runs the prebuilt CLI (cli/dist), which the root `prepare`
// script builds on `npm ci` / `npm install` (or `npm run build:cli` after editing cli/ or src/).
let cli;
try {
  cli = require('../cli/dist/issue-doctor.js');
} catch (error) {
  if (!(error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('issue-doctor.js'))) throw error;
  process.stderr.write('issue-doctor: the CLI is not built yet: run `npm run build:cli` (or `npm ci`) in the repository.\n');
  process.exitCode = 1;
}
if (cli) cli.main();
