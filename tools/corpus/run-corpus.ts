import { relative } from 'node:path';
import { confusionTable, runCorpus } from './corpus';

/** `npm run corpus [-- --verbose]`: every case through explain, a confusion table, accuracy and refusals. */
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const summary = runCorpus();
console.log(confusionTable(summary));
console.log('');
if (verbose) {
  for (const r of summary.results.filter((x) => !x.correct)) {
    console.log(`✖ ${relative(process.cwd(), r.case.file)}: expected ${r.case.expected}, got ${r.got}`);
  }
  console.log('');
}
const byKind = new Map<string, { n: number; right: number }>();
for (const r of summary.results) {
  const k = byKind.get(r.case.kind) ?? { n: 0, right: 0 };
  k.n++;
  if (r.correct) k.right++;
  byKind.set(r.case.kind, k);
}
console.log('by kind: ' + [...byKind].map(([kind, k]) => `${kind} ${k.right}/${k.n}`).join(', '));
console.log(`cases ${summary.total}, correct ${summary.correct}, accuracy ${(summary.accuracy * 100).toFixed(1)}%, refused ${summary.refused}`);
