import { readFileSync, statSync } from 'node:fs';
import { CliError } from '../errors';
import { MAX_INPUT_BYTES, messages } from './messages';

function checkText(buffer: Buffer): string {
  if (buffer.length === 0 || buffer.toString('utf8').trim() === '') throw new CliError(messages.empty);
  if (buffer.length > MAX_INPUT_BYTES) throw new CliError(messages.tooLarge(buffer.length));
  const sample = buffer.subarray(0, 64 * 1024);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) throw new CliError(messages.binary);
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13) control++;
  }
  if (control / sample.length > 0.1) throw new CliError(messages.binary);
  const text = buffer.toString('utf8');
  const replacements = (text.slice(0, 64 * 1024).match(/\uFFFD/g) ?? []).length;
  if (replacements / Math.min(text.length, 64 * 1024) > 0.1) throw new CliError(messages.binary);
  return text;
}

async function readStdin(stdin: NodeJS.ReadStream): Promise<Buffer> {
  if (stdin.isTTY) throw new CliError(messages.ttyWithoutFile);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size > MAX_INPUT_BYTES) throw new CliError(messages.tooLarge(size));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Reads the response text from a file or standard input, refusing empty, binary and huge input. */
export async function readInput(file: string | undefined, stdin: NodeJS.ReadStream): Promise<string> {
  if (file === undefined || file === '-') return checkText(await readStdin(stdin));
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliError(messages.unreadable(file));
  }
  if (size > MAX_INPUT_BYTES) throw new CliError(messages.tooLarge(size));
  try {
    return checkText(readFileSync(file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(messages.unreadable(file));
  }
}
