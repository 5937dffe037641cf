import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { confusionTable, loadCases, runCorpus } from './corpus';

/**
 * `npm run corpus [-- --verbose] [-- --dir DIR]`: every case through explain, a confusion table, accuracy and
 * refusals. `--dir` runs another folder of cases in the same format (a held-out set) instead of the committed one.
 */
const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const dirAt = args.indexOf('--dir');
const dir = dirAt >= 0 ? args[dirAt + 1] : undefined;
if (dirAt >= 0 && (!dir || !existsSync(dir) || !statSync(dir).isDirectory())) {
  console.error(`corpus: --dir needs a folder of case files (got ${dir === undefined ? 'nothing' : JSON.stringify(dir.slice(0, 200))})`);
  process.exit(2);
}
const summary = runCorpus(dir ? loadCases(resolve(dir)) : undefined);
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
const namedShare = summary.total ? ((summary.named / summary.total) * 100).toFixed(1) : '0.0';
console.log(`named as primary or "also possible": ${summary.named} of ${summary.total} (${namedShare}%); accuracy counts the primary finding only`);
console.log(`cases ${summary.total}, correct ${summary.correct}, accuracy ${(summary.accuracy * 100).toFixed(1)}%, refused ${summary.refused}`);
