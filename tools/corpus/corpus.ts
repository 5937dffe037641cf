import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FindingCode } from '../../src/diagnosis/codes';
import { explainText } from '../../src/diagnosis/explain';
import { ResponseInputError } from '../../src/diagnosis/parse/raw-response';
import { engineOptions, parseExplainArgs } from '../../cli/explain/options';
import { AUTH_MODES } from '../../src/diagnosis/types';

export const CASES_DIR = join(__dirname, '..', '..', 'test', 'corpus', 'cases');

export interface CorpusCase {
  id: string;
  kind: string;
  source: string;
  input: string;
  shape: string;
  context?: { method?: string; path?: string; auth?: string; product?: string; baseUrl?: string; manifestScopes?: string[]; installedScopes?: string[] };
  cause: string;
  settledBy: string;
  expected: string;
  file: string;
}

export interface CaseResult {
  case: CorpusCase;
  got: string;
  /** The paste was refused (an input error instead of a diagnosis). */
  refused: boolean;
  correct: boolean;
  /** The expected code is the primary finding or one of the "also possible" ones. */
  named: boolean;
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.sort().flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.json') ? [full] : [];
  });
}

export function loadCases(dir = CASES_DIR): CorpusCase[] {
  return walk(dir).map((file) => ({ ...(JSON.parse(readFileSync(file, 'utf8')) as Omit<CorpusCase, 'file'>), file }));
}

const PRODUCTS: Record<string, string | undefined> = { jira: 'jira', confluence: 'confluence', jsm: 'jira', other: undefined };

/** The flags a developer would give `explain` for what the thread says about the call. */
export function caseArgv(c: CorpusCase): string[] {
  const ctx = c.context ?? {};
  const argv: string[] = [];
  const add = (flag: string, value: string | undefined) => {
    if (value) argv.push(flag, value);
  };
  add('--path', ctx.path);
  add('--base-url', ctx.baseUrl);
  add('--method', ctx.method);
  add('--as', ctx.auth && (AUTH_MODES as readonly string[]).includes(ctx.auth) && ctx.auth !== 'unknown' ? ctx.auth : undefined);
  add('--product', ctx.product ? PRODUCTS[ctx.product] : undefined);
  // What --installed gives; --manifest reads a file, so the scopes a thread quotes from one are passed directly.
  add('--installed', Array.isArray(ctx.installedScopes) && ctx.installedScopes.length ? ctx.installedScopes.join(',') : undefined);
  return argv;
}

/** Runs one case as `issue-doctor explain --json` would, in-process: the thread's context goes through the CLI's own option parser. */
export function runCase(c: CorpusCase): CaseResult {
  const options = parseExplainArgs(caseArgv(c));
  const declared = Array.isArray(c.context?.manifestScopes) ? c.context.manifestScopes : undefined;
  try {
    const { diagnosis } = explainText(c.input, engineOptions(options, declared));
    const got = diagnosis.primary?.code ?? 'NONE';
    const named = got === c.expected || diagnosis.alsoPossible.some((a) => a.code === c.expected);
    return { case: c, got, refused: false, correct: got === c.expected, named };
  } catch (error) {
    if (error instanceof ResponseInputError) return { case: c, got: 'REFUSED', refused: true, correct: false, named: false };
    throw error;
  }
}

export interface CorpusSummary {
  results: CaseResult[];
  total: number;
  correct: number;
  refused: number;
  accuracy: number;
  /** Cases whose expected code is named at all (primary or also possible): informational, accuracy counts the primary only. */
  named: number;
}

export function runCorpus(cases = loadCases()): CorpusSummary {
  const results = cases.map(runCase);
  const correct = results.filter((r) => r.correct).length;
  return {
    results,
    total: results.length,
    correct,
    refused: results.filter((r) => r.refused).length,
    accuracy: results.length ? correct / results.length : 0,
    named: results.filter((r) => r.named).length
  };
}

/** Rows: expected code; columns: what the engine said, with counts. */
export function confusionTable(summary: CorpusSummary): string {
  const codes = [...new Set([...Object.values(FindingCode), ...summary.results.map((r) => r.case.expected)])].filter((code) =>
    summary.results.some((r) => r.case.expected === code || r.got === code)
  );
  const lines = ['expected code                      n  right  got instead'];
  for (const code of codes) {
    const rows = summary.results.filter((r) => r.case.expected === code);
    if (rows.length === 0) continue;
    const wrong = new Map<string, number>();
    for (const r of rows) if (!r.correct) wrong.set(r.got, (wrong.get(r.got) ?? 0) + 1);
    const instead = [...wrong].sort((a, b) => b[1] - a[1]).map(([got, n]) => `${got}×${n}`).join(', ');
    lines.push(`${code.padEnd(33)}${String(rows.length).padStart(3)}${String(rows.filter((r) => r.correct).length).padStart(7)}  ${instead}`);
  }
  return lines.join('\n');
}
