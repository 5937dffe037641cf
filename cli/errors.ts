/** An error the CLI turns into a plain message and an exit code, never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2
  ) {
    super(message);
    this.name = 'CLI_ERR';
  }
}

export const EXIT = { ok: 0, internal: 1, badInput: 2 } as const;
