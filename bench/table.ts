/** One benchmark row: a bound it is checked against (`ok`), or informational when `ok` is undefined. */
export interface BenchRow {
  measure: string;
  value: string;
  bound: string;
  ok?: boolean;
}

export function printRows(rows: BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.measure.length));
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(9)}  ${'verdict'.padEnd(7)}  bound`);
  for (const row of rows) {
    const verdict = row.ok === undefined ? '' : row.ok ? 'ok' : 'FAIL';
    console.log(`${row.measure.padEnd(width)}  ${row.value.padStart(9)}  ${verdict.padEnd(7)}  ${row.bound}`);
  }
}
