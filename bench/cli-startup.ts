/**
 * CLI startup: wall time of `issue-doctor explain` on a seed response, as a ratio to `node -e 0` (goal ≤ 1.5).
 * Runs the prebuilt bundle, as the installed package does; `npm run bench:cli` alone, or within `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** CPU time (user + system, ms) of all waited-for children so far, from /proc (Linux); undefined elsewhere. */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // After "pid (comm) ": state is field 3; cutime and cstime are fields 16 and 17, in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

interface Timing {
  fastest: number;
  median: number;
  /** Mean CPU time per run, when the platform tells. */
  cpu?: number;
}

function timeRun(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

/**
 * Interleaved, so that load on the machine (2 cores shared by several sessions) weighs on every command alike.
 * The fastest run is the cost with the least interference; the median is shown beside it.
 */
function measure(commands: [string, string[]][], runs: number): Timing[] {
  const times = commands.map(() => [] as number[]);
  const cpu = commands.map(() => 0);
  commands.forEach(([command, args]) => timeRun(command, args)); // warm-up: file cache
  for (let i = 0; i < runs; i++) {
    commands.forEach(([command, args], j) => {
      const before = childrenCpuMs();
      times[j].push(timeRun(command, args));
      const after = childrenCpuMs();
      if (before !== undefined && after !== undefined) cpu[j] += after - before;
    });
  }
  const cpuKnown = childrenCpuMs() !== undefined;
  return times.map((t, j) => ({ fastest: Math.min(...t), median: median(t), cpu: cpuKnown ? cpu[j] / runs : undefined }));
}

export async function cliStartupRows(): Promise<BenchRow[]> {
  if (!existsSync(BUNDLE)) await require('../cli/build.js')();
  const node = process.execPath;
  const [bare, explain, viaRepoBin] = measure(
    [
      [node, ['-e', '0']],
      [node, [BUNDLE, 'explain', SEED]],
      [node, [join(ROOT, 'bin', 'issue-doctor.js'), 'explain', SEED]]
    ],
    RUNS
  );
  const [npx] = measure([['npx', ['--no-install', 'issue-doctor', 'explain', SEED]]], 3);
  const ratio = explain.fastest / bare.fastest;
  const ms = (t: Timing) => `${t.fastest.toFixed(0)} ms, median ${t.median.toFixed(0)}`;
  const rows: BenchRow[] = [
    { measure: `CLI startup: explain a seed ÷ node -e 0, fastest of ${RUNS} (${ms(explain)} ÷ ${ms(bare)})`, value: ratio.toFixed(2), bound: `≤ ${BOUND}`, ok: ratio <= BOUND },
    { measure: '  the same, medians', value: (explain.median / bare.median).toFixed(2), bound: 'informational' }
  ];
  if (explain.cpu !== undefined && bare.cpu !== undefined && bare.cpu > 0) {
    rows.push({ measure: `  the same, CPU time per run (${explain.cpu.toFixed(0)} ms ÷ ${bare.cpu.toFixed(0)} ms)`, value: (explain.cpu / bare.cpu).toFixed(2), bound: 'informational' });
  }
  rows.push(
    { measure: `  through the repository's bin/issue-doctor.js (${ms(viaRepoBin)})`, value: (viaRepoBin.fastest / bare.fastest).toFixed(2), bound: 'informational' },
    { measure: `  through npx in the repository (${ms(npx)})`, value: (npx.fastest / bare.fastest).toFixed(2), bound: 'informational' }
  );
  return rows;
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
