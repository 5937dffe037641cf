import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST = /\.(?:test|spec)\.[cm]?[jt]sx?$|\.d\.ts$/;
export const MAX_FILES = 5000;
export const MAX_FILE_BYTES = 1024 * 1024;

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (out.length >= MAX_FILES) return;
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === '__tests__') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out);
    else if (entry.isFile() && SOURCE.test(entry.name) && !TEST.test(entry.name)) out.push(path);
  }
}

/**
 * The code Forge deploys: `src/` (what `forge lint` reads too) and the sources of Custom UI
 * resources (`static/<name>/src`), whose `@forge/bridge` calls need scopes as well.
 */
export function appSourceFiles(appDir: string): string[] {
  const files: string[] = [];
  walk(join(appDir, 'src'), files);
  let statics: string[] = [];
  try {
    statics = readdirSync(join(appDir, 'static'));
  } catch {
    statics = [];
  }
  for (const name of statics) {
    const dir = join(appDir, 'static', name, 'src');
    try {
      if (statSync(dir).isDirectory()) walk(dir, files);
    } catch {
      // no sources for this resource (a prebuilt bundle or an icon folder)
    }
  }
  return files.sort();
}
