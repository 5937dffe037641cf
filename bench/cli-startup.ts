/**
 * CLI startup: wall time of `issue-doctor explain` on a seed response, as a ratio to `node -e 0` (goal ≤ 1.5).
 * Runs the prebuilt bundle, as the installed package does; `npm run bench:cli` alone, or within `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { printRows, type BenchRow } from './table';

const ROOT = join(__dirname, '..');
const BUNDLE = join(ROOT, 'cli', 'dist', 'issue-doctor.js');
const SEED = join(ROOT, 'test', 'fixtures', 'seeds', 'responses', '000-issue-empty-grant.http');
const RUNS = 21;
const BOUND = 1.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeRun(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/** Interleaved so that load on the machine (2 shared cores) weighs on both sides alike. */
function medians(commands: [string, string[]][], runs: number): number[] {
  const times = commands.map(() => [] as number[]);
  commands.forEach(([command, args]) => timeRun(command, args)); // warm-up: file cache
  for (let i = 0; i < runs; i++) commands.forEach(([command, args], j) => times[j].push(timeRun(command, args)));
  return times.map(median);
}

export async function cliStartupRows(): Promise<BenchRow[]> {
  if (!existsSync(BUNDLE)) await require('../cli/build.js')();
  const node = process.execPath;
  const [bare, explain, viaRepoBin] = medians(
    [
      [node, ['-e', '0']],
      [node, [BUNDLE, 'explain', SEED]],
      [node, [join(ROOT, 'bin', 'issue-doctor.js'), 'explain', SEED]]
    ],
    RUNS
  );
  const [npx] = medians([['npx', ['--no-install', 'issue-doctor', 'explain', SEED]]], 3);
  const ratio = explain / bare;
  return [
    { measure: `CLI startup: explain a seed ÷ node -e 0 (${explain.toFixed(0)} ms ÷ ${bare.toFixed(0)} ms)`, value: ratio.toFixed(2), bound: `≤ ${BOUND}`, ok: ratio <= BOUND },
    { measure: `  the same through the repository's bin/issue-doctor.js (${viaRepoBin.toFixed(0)} ms)`, value: (viaRepoBin / bare).toFixed(2), bound: 'informational' },
    { measure: `  the same through npx in the repository (${npx.toFixed(0)} ms)`, value: (npx / bare).toFixed(2), bound: 'informational' }
  ];
}

if (require.main === module) {
  cliStartupRows().then(
    (rows) => {
      printRows(rows);
      if (rows.some((r) => r.ok === false)) process.exitCode = 1;
    },
    (error) => {
      console.error(`bench: ${(error as Error).message}`);
      process.exit(1);
    }
  );
}
