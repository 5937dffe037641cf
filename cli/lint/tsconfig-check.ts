import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { typescript } from './ts-load';

export interface TsconfigProblem {
  file: string;
  line: number;
  col: number;
  option: 'noEmit' | 'emitDeclarationOnly';
}

const BREAKING = ['noEmit', 'emitDeclarationOnly'] as const;

function locate(text: string, option: string): { line: number; col: number } {
  const at = text.search(new RegExp(`["']?${option}["']?\\s*:`));
  if (at < 0) return { line: 1, col: 1 };
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

/**
 * `forge deploy` bundles TypeScript with ts-loader on the app's root tsconfig.json; a config that
 * emits no JavaScript ("noEmit", "emitDeclarationOnly") fails with "TypeScript emitted no output".
 * Follows relative `extends` chains; the nearest file setting an option decides, as tsc does.
 */
export function tsconfigProblems(appDir: string, rel: (abs: string) => string): TsconfigProblem[] {
  const ts = typescript();
  const seen = new Set<string>();
  const found = new Map<string, TsconfigProblem | null>();
  let file: string | undefined = join(appDir, 'tsconfig.json');
  while (file && !seen.has(file) && seen.size < 8 && existsSync(file) && statSync(file).size < 256 * 1024) {
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const { config } = ts.parseConfigFileTextToJson(file, text);
    const options = (config?.compilerOptions ?? {}) as Record<string, unknown>;
    for (const option of BREAKING) {
      if (found.has(option) || !(option in options)) continue;
      found.set(option, options[option] === true ? { file: rel(file), ...locate(text, option), option } : null);
    }
    const ext: unknown = config?.extends;
    file = typeof ext === 'string' && ext.startsWith('.') ? join(dirname(file), ext.endsWith('.json') ? ext : `${ext}.json`) : undefined;
  }
  return [...found.values()].filter((p): p is TsconfigProblem => p !== null);
}
