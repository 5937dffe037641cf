import type { InputSource } from './input/read-bounded';
import type { Output } from './output';

/** What a command gets: its arguments' input source and the only way to write (safe by construction). */
export interface CliIo {
  stdin: InputSource;
  out: Output;
}

/** A command returns its exit code; it throws CliError for bad input, and main.ts turns that into one line. */
export type Command = (argv: string[], io: CliIo) => Promise<number>;

/** A row of the command table: loaded only when it is the command being run. */
export interface CommandEntry {
  usage: string;
  summary: string;
  load: () => Promise<Command>;
}
