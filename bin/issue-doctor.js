#!/usr/bin/env node
// Runs the TypeScript CLI directly; tsx compiles it on the fly.
require('tsx/cjs');
const { run } = require('../cli/main.ts');
run(process.argv.slice(2), { stdin: process.stdin, stdout: (t) => process.stdout.write(t) }, (t) => process.stderr.write(t)).then((code) => {
  process.exitCode = code;
});
