import { CliError } from '../errors';
import { readBounded, readFileBounded, type BoundedRead, type InputSource } from '../input/read-bounded';
import { MAX_INPUT_BYTES, messages } from './messages';

function checkText(input: BoundedRead): string {
  if (input.truncated) throw new CliError(messages.tooLarge);
  const buffer = input.bytes;
  if (buffer.length === 0 || buffer.toString('utf8').trim() === '') throw new CliError(messages.empty);
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

async function readStdin(stdin: InputSource): Promise<BoundedRead> {
  if (stdin.isTTY) throw new CliError(messages.ttyWithoutFile);
  try {
    return await readBounded(stdin.fd, MAX_INPUT_BYTES);
  } catch {
    throw new CliError(messages.unreadableStdin);
  }
}

async function readFile(file: string): Promise<BoundedRead> {
  try {
    return await readFileBounded(file, MAX_INPUT_BYTES);
  } catch {
    throw new CliError(messages.unreadable(file));
  }
}

/** Reads the response text from a file or standard input (at most the cap plus one byte), refusing empty, binary and huge input. */
export async function readInput(file: string | undefined, stdin: InputSource): Promise<string> {
  return checkText(file === undefined || file === '-' ? await readStdin(stdin) : await readFile(file));
}
