import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
/** The repository's `issue-doctor` (bin/issue-doctor.js → the prebuilt cli/dist bundle, built by Jest's globalSetup). */
export const BIN = join(ROOT, 'bin', 'issue-doctor.js');
export const SEED = (file: string) => join(ROOT, 'test', 'fixtures', 'seeds', 'responses', file);

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `input` on a pipe as its standard input. */
export function cli(args: string[], input: string | Buffer = '', options: { cwd?: string; bin?: string } = {}): CliResult {
  const result = spawnSync(options.bin ?? process.execPath, options.bin ? args : [BIN, ...args], { input, encoding: 'utf8', cwd: options.cwd ?? ROOT, timeout: 20000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** A shell pipeline, for what only a shell shows (`… | head -1`, `timeout 10 …`). */
export function shell(script: string): CliResult {
  const result = spawnSync('bash', ['-c', script], { encoding: 'utf8', cwd: ROOT, timeout: 30000, env: { ...process.env, BIN } });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** Starts the CLI without waiting, for tests that play the other end of its pipes. */
export function start(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // A CLI that waits for more input than the test gives must fail the test, not hang it.
  const killer = setTimeout(() => child.kill('SIGKILL'), 15000);
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      resolve({ code, signal, stdout, stderr });
    })
  );
  return { child, done };
}

/** No JavaScript stack frame, no Node error dump: what a person must never see. */
export const STACK_TRACE = /^\s+at |node:internal|Error: .*\n\s+at |\.(ts|js):\d+:\d+/m;
