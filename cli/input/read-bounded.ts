import { close, open, read } from 'node:fs';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

const openFile = promisify(open);
const closeFile = promisify(close);
const readInto = promisify(read);

/** Standard input as a file descriptor: read with the same bounded loop as any file. */
export interface InputSource {
  fd: number;
  isTTY: boolean;
}

/** What a bounded read found: at most `limit` bytes, and whether the source had more. */
export interface BoundedRead {
  bytes: Buffer;
  truncated: boolean;
}

/** A non-blocking descriptor (a pipe some parents hand over) says EAGAIN until data arrives: wait and retry. */
async function readSome(fd: number, buffer: Buffer, offset: number, length: number): Promise<number> {
  for (;;) {
    try {
      return (await readInto(fd, buffer, offset, length, null)).bytesRead;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await sleep(10);
    }
  }
}

/**
 * Reads at most `limit + 1` bytes from a file, device, FIFO or pipe, whatever its size claims to be
 * (`/dev/zero` and pipes report 0), so a source with more than `limit` bytes is detected without
 * reading it whole.
 */
export async function readBounded(fd: number, limit: number): Promise<BoundedRead> {
  // Starts small and doubles, so a 2 KB response does not cost a 5 MiB allocation; the total asked of the
  // source never exceeds limit + 1.
  let buffer = Buffer.allocUnsafe(Math.min(limit + 1, 64 * 1024));
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) {
      if (buffer.length === limit + 1) break;
      const larger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
      buffer.copy(larger, 0, 0, filled);
      buffer = larger;
    }
    const count = await readSome(fd, buffer, filled, buffer.length - filled);
    if (count === 0) break;
    filled += count;
  }
  return { bytes: buffer.subarray(0, Math.min(filled, limit)), truncated: filled > limit };
}

/** Opens `file` and reads it with `readBounded`; the descriptor is closed whatever happens. */
export async function readFileBounded(file: string, limit: number): Promise<BoundedRead> {
  const fd = await openFile(file, 'r');
  try {
    return await readBounded(fd, limit);
  } finally {
    await closeFile(fd).catch(() => undefined);
  }
}
