/**
 * `npm run bench:lint [-- APP_DIR...]`: `issue-doctor lint` time ÷ Atlassian's `forge lint` time
 * (../shared/tools/forge-lint-offline) on the same app, both warm (one unmeasured run each first),
 * as the median of several runs. Goal: ≤ 0.1. Defaults to this repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { printRows, type BenchRow } from './table';

const REPO = resolve(__dirname, '..');
const FORGE_LINT = resolve(REPO, '..', 'shared', 'tools', 'forge-lint-offline');
const CLI = join(REPO, 'cli', 'dist', 'issue-doctor.js');
const GOAL = 0.1;

function timeRun(command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 120_000 });
  if (result.error) throw result.error;
  if (result.status === null || result.status > 1) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Warm medians: one unmeasured run, then `runs` measured ones. */
function warm(command: string, args: string[], runs: number): number {
  timeRun(command, args);
  return median(Array.from({ length: runs }, () => timeRun(command, args)));
}

export function lintRows(apps: string[]): BenchRow[] {
  if (!existsSync(CLI)) throw new Error('the CLI is not built: npm run build:cli');
  if (!existsSync(FORGE_LINT)) throw new Error(`no ${FORGE_LINT}: the lint ratio needs Atlassian's linter beside the repository`);
  const rows: BenchRow[] = [];
  for (const app of apps) {
    const ours = warm(process.execPath, [CLI, 'lint', app], 5);
    const theirs = warm('bash', [FORGE_LINT, app], 3);
    const ratio = ours / theirs;
    const name = app === REPO ? 'this app' : app;
    rows.push({ measure: `lint ${name}: issue-doctor lint (ms)`, value: ours.toFixed(0), bound: 'median of 5, warm' });
    rows.push({ measure: `lint ${name}: forge-lint-offline (ms)`, value: theirs.toFixed(0), bound: 'median of 3, warm' });
    rows.push({ measure: `lint ${name}: issue-doctor ÷ forge lint`, value: ratio.toFixed(3), bound: `≤ ${GOAL}`, ok: ratio <= GOAL });
  }
  return rows;
}

if (require.main === module) {
  try {
    const apps = process.argv.slice(2).map((a) => resolve(a));
    const rows = lintRows(apps.length ? apps : [REPO]);
    printRows(rows);
    if (rows.some((r) => r.ok === false)) process.exitCode = 1;
  } catch (error) {
    console.error(`bench:lint: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
