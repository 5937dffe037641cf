import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..');
export const OUT_DIR = join(ROOT, '.build', 'preview');

const COMMON: BuildOptions = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  jsx: 'automatic',
  minify: false,
  sourcemap: false,
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  loader: { '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.gif': 'dataurl' }
};

/** Bundles the app's real frontend (src/frontend) and the preview host page for the browser. */
export async function buildPreview(): Promise<{ ms: number }> {
  const started = Date.now();
  await Promise.all([
    build({ ...COMMON, entryPoints: { app: join(ROOT, 'src', 'frontend', 'index.tsx') }, outdir: OUT_DIR }),
    build({ ...COMMON, entryPoints: { host: join(ROOT, 'preview', 'client', 'host.tsx') }, outdir: OUT_DIR })
  ]);
  return { ms: Date.now() - started };
}
