/**
 * `npm run bench`: each area's rows come from its own module; a row with a bound it fails makes the exit code 1.
 * A script, not a test: it prints figures beside their bounds.
 */
import { cliStartupRows } from './cli-startup';
import { RESOLVER_BENCH_NOTE, resolverRows } from './resolver-rows';
import { printRows, type BenchRow } from './table';

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  console.log(`Issue Doctor benchmark — resolver: ${RESOLVER_BENCH_NOTE}\n`);
  rows.push(...(await resolverRows()));
  rows.push(...(await cliStartupRows()));
  printRows(rows);
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
});
