import { build, version as esbuildVersion, type BuildOptions, type Metafile } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const OUT_DIR = join(ROOT, '.build', 'preview');
const STAMP = join(OUT_DIR, 'inputs.json');

const COMMON: BuildOptions = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  jsx: 'automatic',
  minify: false,
  sourcemap: false,
  logLevel: 'silent',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.gif': 'dataurl' }
};

const ENTRIES = {
  app: join(ROOT, 'src', 'frontend', 'index.tsx'),
  host: join(ROOT, 'preview', 'client', 'host.tsx')
};
const OUTPUTS = ['app.js', 'host.js'].map((f) => join(OUT_DIR, f));

interface Stamp {
  options: string;
  /** Every input file of the last build, with its size and modification time. */
  inputs: Record<string, string>;
}

const optionsKey = () => createHash('sha256').update(JSON.stringify({ esbuildVersion, COMMON, ENTRIES })).digest('hex');

function fileKey(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/** True when the last build's outputs exist and none of its inputs (sources or packages) changed. */
export function previewBuildIsCurrent(): boolean {
  if (!existsSync(STAMP) || OUTPUTS.some((f) => !existsSync(f))) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
    if (stamp.options !== optionsKey()) return false;
    return Object.entries(stamp.inputs).every(([path, key]) => fileKey(join(ROOT, path)) === key);
  } catch {
    return false;
  }
}

function writeStamp(metafiles: Metafile[]): void {
  const inputs: Record<string, string> = {};
  for (const meta of metafiles) for (const path of Object.keys(meta.inputs)) inputs[path] = fileKey(join(ROOT, path)) ?? 'missing';
  writeFileSync(STAMP, JSON.stringify({ options: optionsKey(), inputs } satisfies Stamp));
}

/**
 * Bundles the app's real frontend (src/frontend) and the preview host page for the browser; skipped
 * when the previous build is current (`force` rebuilds anyway).
 */
export async function buildPreview(options: { force?: boolean } = {}): Promise<{ ms: number; cached: boolean }> {
  const started = Date.now();
  if (!options.force && previewBuildIsCurrent()) return { ms: Date.now() - started, cached: true };
  mkdirSync(OUT_DIR, { recursive: true });
  const results = await Promise.all(
    Object.entries(ENTRIES).map(([name, entry]) => build({ ...COMMON, absWorkingDir: ROOT, entryPoints: { [name]: entry }, outdir: OUT_DIR }))
  );
  writeStamp(results.map((r) => r.metafile!));
  return { ms: Date.now() - started, cached: false };
}
