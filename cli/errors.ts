/** An error the CLI turns into a plain message and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.badInput
  ) {
    super(message);
    this.name = 'CLI_ERR';
  }
}

export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What the single top-level catch does with an error: a one-line message (or none) and an exit code. */
export interface Failure {
  message?: string;
  exitCode: number;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The reader closed the pipe (`issue-doctor … | head -1`): nothing is wrong, and nothing more to say. */
export function isBrokenPipe(error: unknown): boolean {
  return errorCode(error) === 'EPIPE' || errorCode(error) === 'ERR_STREAM_DESTROYED';
}

/**
 * Maps any error to what the user sees. Known errors are bad input (exit 2); anything else is an internal
 * error (exit 1), still on one line. Input that exhausts the stack or the string limit is bad input too:
 * it can only come from what was pasted, however the parser got there.
 */
export function toFailure(error: unknown): Failure {
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  if (isBrokenPipe(error)) return { exitCode: EXIT.ok };
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return { message: 'The input is nested too deeply to read. Paste the response itself.', exitCode: EXIT.badInput };
  }
  if (error instanceof RangeError && /string length/i.test(error.message)) {
    return { message: 'The input is too large to read. Paste only the response.', exitCode: EXIT.badInput };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `internal error: ${detail} (please report it with the input that caused it)`, exitCode: EXIT.internal };
}
