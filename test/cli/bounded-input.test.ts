import { closeSync, mkdtempSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBounded, readFileBounded } from '../../cli/input/read-bounded';
import { MAX_INPUT_BYTES } from '../../cli/explain/messages';
import { cli, SEED, shell, STACK_TRACE, start } from './cli-process';

const dir = mkdtempSync(join(tmpdir(), 'bounded-'));
const TOO_LARGE = /^issue-doctor: The input is larger than 5242880 bytes/;

function fifo(name: string): string {
  const path = join(dir, name);
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  return path;
}

/** Writes 64 KiB chunks until the reader goes away (or far past the cap); returns how many bytes got through. */
async function flood(write: (chunk: Buffer) => Promise<void>): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let written = 0;
  try {
    while (written < 4 * MAX_INPUT_BYTES) {
      await write(chunk);
      written += chunk.length;
    }
  } catch {
    // EPIPE: the reader closed its end, which is what these tests wait for.
  }
  return written;
}

describe('readBounded reads at most limit + 1 bytes, whatever the source', () => {
  test('a regular file: exactly limit + 1 bytes are consumed', async () => {
    const file = join(dir, 'hundred.txt');
    writeFileSync(file, Buffer.from(Array.from({ length: 100 }, (_, i) => i)));
    const fd = openSync(file, 'r');
    try {
      const read = await readBounded(fd, 10);
      expect(read).toEqual({ bytes: Buffer.from(Array.from({ length: 10 }, (_, i) => i)), truncated: true });
      // The descriptor's position shows how much was taken from the source: 11 bytes, so the next byte is 11.
      const next = Buffer.alloc(1);
      readSync(fd, next, 0, 1, null);
      expect(next[0]).toBe(11);
    } finally {
      closeSync(fd);
    }
  });
  test('a file at exactly the limit is not truncated', async () => {
    const file = join(dir, 'ten.txt');
    writeFileSync(file, 'x'.repeat(10));
    expect(await readFileBounded(file, 10)).toEqual({ bytes: Buffer.from('x'.repeat(10)), truncated: false });
  });
  test('sources larger than the first buffer: contents kept across growth, cut exactly at the limit', async () => {
    const file = join(dir, 'large.bin');
    const content = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251));
    writeFileSync(file, content);
    const same = (read: { bytes: Buffer; truncated: boolean }, bytes: Buffer, truncated: boolean) => read.bytes.equals(bytes) && read.truncated === truncated;
    expect(same(await readFileBounded(file, 1_000_000), content, false)).toBe(true);
    expect(same(await readFileBounded(file, 200_000), content.subarray(0, 200_000), true)).toBe(true);
    expect(same(await readFileBounded(file, 300_000), content, false)).toBe(true);
    expect(same(await readFileBounded(file, 299_999), content.subarray(0, 299_999), true)).toBe(true);
  });
  test('/dev/zero (stat says size 0) is cut at the limit', async () => {
    const read = await readFileBounded('/dev/zero', 1000);
    expect(read.bytes.length).toBe(1000);
    expect(read.truncated).toBe(true);
  });
  test('a FIFO delivering in small writes is read to its end', async () => {
    const path = fifo('small');
    const reading = readFileBounded(path, 1000);
    const writer = await open(path, 'w');
    await writer.write('abc');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writer.write('def');
    await writer.close();
    expect(await reading).toEqual({ bytes: Buffer.from('abcdef'), truncated: false });
  });
});

describe('issue-doctor explain on endless and huge sources: one line, exit 2', () => {
  test('`timeout 10 issue-doctor explain /dev/zero` exits 2', () => {
    const r = shell('timeout 10 node "$BIN" explain /dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(TOO_LARGE);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
  test('`… /dev/zero | head -1` shows no stack trace', () => {
    const r = shell('timeout 10 node "$BIN" explain /dev/zero 2>&1 | head -1; echo "exit ${PIPESTATUS[0]}"');
    expect(r.stdout).toMatch(TOO_LARGE);
    expect(r.stdout).toMatch(/exit 2\n$/);
    expect(r.stdout).not.toMatch(STACK_TRACE);
  });
  test('/dev/zero on standard input', () => {
    const r = shell('timeout 10 node "$BIN" explain < /dev/zero');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(TOO_LARGE);
  });
  test('a FIFO whose writer never stops: the CLI stops after the cap, the writer is cut off', async () => {
    const path = fifo('endless');
    const { done } = start(['explain', path]);
    const writer = await open(path, 'w');
    const written = await flood(async (chunk) => void (await writer.write(chunk)));
    await writer.close().catch(() => undefined);
    const r = await done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(TOO_LARGE);
    // Read whole, the writer would reach 4× the cap; bounded, only the cap plus what the pipe buffers gets through.
    expect(written).toBeGreaterThan(MAX_INPUT_BYTES);
    expect(written).toBeLessThan(MAX_INPUT_BYTES + 2 * 1024 * 1024);
  });
  test('an endless pipe on standard input', async () => {
    const { child, done } = start(['explain']);
    child.stdin.on('error', () => undefined);
    const written = await flood((chunk) => new Promise<void>((resolve, reject) => child.stdin.write(chunk, (error) => (error ? reject(error) : resolve()))));
    child.stdin.end();
    const r = await done;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(TOO_LARGE);
    expect(written).toBeLessThan(MAX_INPUT_BYTES + 2 * 1024 * 1024);
  });
  test('a manifest that is a device is capped too', () => {
    const r = cli(['explain', '--manifest', '/dev/zero', SEED('001-ex-path-scope-check.http')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^issue-doctor: "\/dev\/zero" is larger than \d+ bytes: not a manifest.yml.\n$/);
  });
});

describe('deep nesting and other bad input: one line, exit 2, never a stack trace', () => {
  const deep = (open: string, close: string) => open.repeat(100_000) + close.repeat(100_000);
  test.each([
    ['a JSON envelope whose body nests 100k deep', `{"status":400,"headers":{},"body":${deep('[', ']')}}`],
    ['a directory', undefined]
  ])('%s', (_name, input) => {
    const r = input === undefined ? cli(['explain', dir]) : cli(['explain'], input);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^issue-doctor: [^\n]+\n$/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
  test.each([
    ['a JSON envelope whose status nests 100k deep', `{"status":${deep('[', ']')}}`],
    ['a bare 100k-deep JSON array', deep('[', ']')],
    ['100k-deep JSON objects', deep('{"a":', '}')]
  ])('%s: read as text or refused, never an internal error', (_name, input) => {
    const r = cli(['explain'], input);
    expect([0, 2]).toContain(r.code);
    expect(r.stderr).toMatch(r.code === 0 ? /^$/ : /^issue-doctor: [^\n]+\n$/);
    expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  });
  test('a manifest.yml nesting 100k deep', () => {
    const manifest = join(dir, 'deep.yml');
    writeFileSync(manifest, `permissions:\n  scopes: ${deep('[', ']')}\n`);
    const r = cli(['explain', '--manifest', manifest, SEED('001-ex-path-scope-check.http')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^issue-doctor: [^\n]+\n$/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
  test('a manifest.yml expanding aliases exponentially ("billion laughs")', () => {
    const manifest = join(dir, 'laughs.yml');
    const levels = Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(',')}]`);
    writeFileSync(manifest, ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]', ...levels, 'permissions:', '  scopes: *l12', ''].join('\n'));
    const r = cli(['explain', '--manifest', manifest, SEED('001-ex-path-scope-check.http')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^issue-doctor: "[^"]+laughs.yml" is not a usable manifest: [^\n]+\n$/);
  });
  test('no command, an unknown command: one line each', () => {
    for (const args of [[], ['frobnicate']]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^issue-doctor: [^\n]+\n$/);
    }
  });
});

describe('a closed pipe ends the CLI quietly, exit 0', () => {
  test('the reader has gone before the CLI writes (EPIPE)', async () => {
    const { child, done } = start(['explain', '--json']);
    child.stdout.destroy();
    child.stdin.end(readFileSync(SEED('003-admin-only-html.http')));
    const r = await done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  test('an output that cannot be written (/dev/full): one line, exit 2, not an internal error', () => {
    const r = shell(`node "$BIN" explain "${SEED('003-admin-only-html.http')}" > /dev/full`);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('issue-doctor: Cannot write the output (ENOSPC).\n');
  });
  test('`issue-doctor explain … | head -1` prints the first line and no stack trace', () => {
    const r = shell(`node "$BIN" explain --json "${SEED('003-admin-only-html.http')}" 2>&1 | head -1; echo "exit \${PIPESTATUS[0]}"`);
    expect(r.stdout).toBe('{\nexit 0\n');
  });
});
