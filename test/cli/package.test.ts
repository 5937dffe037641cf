/**
 * The CLI as it ships: `npm pack` of cli/, installed into an empty prefix, run from an empty directory,
 * far from the repository's node_modules. Needs the npm registry (or npm's cache) for `yaml` and `typescript`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SEED } from './cli-process';

const CLI_DIR = join(ROOT, 'cli');
const work = mkdtempSync(join(tmpdir(), 'issue-doctor-pack-'));
const prefix = join(work, 'prefix');
const emptyDir = mkdtempSync(join(work, 'empty-'));

/** npm's own settings pass through; where the outer `npm test` would install or run does not. */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(registry|cache|userconfig|globalconfig|https?_proxy|proxy|noproxy|strict_ssl|cafile)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || keep.test(key)));
  delete env.NODE_PATH;
  return env;
}

function npm(args: string[], cwd: string) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', env: cleanEnv(), timeout: 120_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

let tarball = '';
let installedBin = '';

beforeAll(() => {
  const packed = JSON.parse(npm(['pack', CLI_DIR, '--pack-destination', work, '--json'], work)) as { filename: string }[];
  tarball = join(work, packed[0].filename);
  npm(['install', '-g', '--prefix', prefix, tarball, '--no-audit', '--no-fund', '--prefer-offline'], emptyDir);
  installedBin = join(prefix, 'bin', 'issue-doctor');
}, 180_000);

function installed(args: string[], input = '') {
  const result = spawnSync(installedBin, args, { cwd: emptyDir, input, encoding: 'utf8', env: cleanEnv(), timeout: 20_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the packed CLI, installed into an empty prefix', () => {
  test('the tarball holds the manifest, README, the prebuilt bundle and its data only', () => {
    const listed = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    expect(listed).toEqual(['package/README.md', 'package/dist/forge-scopes.json', 'package/dist/issue-doctor.js', 'package/dist/lint.js', 'package/dist/operations.json', 'package/package.json']);
  });
  test('its runtime dependencies are yaml and typescript, nothing of the Forge app', () => {
    const manifest = JSON.parse(readFileSync(join(CLI_DIR, 'package.json'), 'utf8'));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['typescript', 'yaml']);
    expect(manifest.devDependencies).toBeUndefined();
    const modules = readdirSync(join(prefix, 'lib', 'node_modules', 'issue-doctor', 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(modules.sort()).toEqual(['typescript', 'yaml']);
  });
  test('the bundles require only Node built-ins, the declared dependencies and their own shipped files', () => {
    const dist = join(prefix, 'lib', 'node_modules', 'issue-doctor', 'dist');
    const bundle = readFileSync(join(dist, 'issue-doctor.js'), 'utf8');
    expect(bundle.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const requiredBy = (text: string) => [...text.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    // The lint command is a bundle of its own, loaded only when `lint` runs.
    expect(requiredBy(bundle)).toContain('./lint.js');
    const required = new Set([...requiredBy(bundle), ...requiredBy(readFileSync(join(dist, 'lint.js'), 'utf8'))]);
    const allowed = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'yaml', 'typescript', './lint.js']);
    expect([...required].filter((name) => !allowed.has(name))).toEqual([]);
    expect(required.has('yaml')).toBe(true);
  });
  test('`issue-doctor explain` runs from an empty directory, on standard input', () => {
    const r = installed(['explain', '--path', '/ex/jira/abc/rest/api/3/project/search'], readFileSync(SEED('001-ex-path-scope-check.http'), 'utf8'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('FORGE_EX_PATH');
  });
  test('with --manifest (yaml, loaded from the installed dependencies) and --json', () => {
    const manifest = join(emptyDir, 'manifest.yml');
    writeFileSync(manifest, 'permissions:\n  scopes:\n    - read:jira-work\n');
    const r = installed(['explain', '--manifest', manifest, '--json', SEED('000-issue-empty-grant.http')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).scopes).toBeDefined();
    expect(r.stdout).toContain('read:jira-work');
  });
  test('`issue-doctor lint` loads typescript from the installed dependencies', () => {
    const app = mkdtempSync(join(work, 'app-'));
    writeFileSync(join(app, 'manifest.yml'), 'modules:\n  function:\n    - key: main\n      handler: index.handler\npermissions:\n  scopes:\n    - read:jira-work\n');
    mkdirSync(join(app, 'src'));
    writeFileSync(join(app, 'src', 'index.ts'), "import api, { route } from '@forge/api';\nexport const handler = () => api.asUser().requestJira(route`/rest/api/3/issue/PROJ-1`);\n");
    const r = installed(['lint', app, '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).summary.calls).toBe(1);
  });
  test('bad input: one line, exit 2', () => {
    const r = installed(['explain', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^issue-doctor: The input is larger than \d+ bytes[^\n]*\n$/);
  });
});

describe('the repository bin', () => {
  test('runs the prebuilt bundle, never tsx', () => {
    const bin = readFileSync(join(ROOT, 'bin', 'issue-doctor.js'), 'utf8');
    expect(bin).not.toMatch(/tsx/);
    expect(bin).toContain("require('../cli/dist/issue-doctor.js')");
    expect(existsSync(join(ROOT, 'cli', 'dist', 'issue-doctor.js'))).toBe(true);
    const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(root.bin['issue-doctor']).toBe('bin/issue-doctor.js');
  });
});
