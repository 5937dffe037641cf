import { isatty } from 'node:tty';
import type { CliIo, CommandEntry } from './command';
import { CliError, EXIT, isBrokenPipe, toFailure } from './errors';
import { createOutput, safeMessageLine } from './output';

/** The commands. Each is loaded when run, so one command's dependencies never slow another's start. */
const COMMANDS: Record<string, CommandEntry> = {
  explain: {
    usage: 'explain [FILE]',
    summary: 'explain a Jira/Confluence error response (see: issue-doctor explain --help)',
    load: async () => (await import('./explain/command')).explainCommand
  },
  lint: {
    usage: 'lint [APP_DIR]',
    summary: "check a Forge app's scopes and platform pitfalls before deploy (see: issue-doctor lint --help)",
    load: async () => (await import('./lint/command')).lintCommand
  }
};

function help(): string {
  const rows = Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(17)}${c.summary}`);
  return ['usage: issue-doctor <command> [options]', '', 'commands:', ...rows].join('\n') + '\n';
}

/** The one place errors become messages and exit codes. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '-h' || command === '--help') {
      io.out.text(help());
      return EXIT.ok;
    }
    if (!command) throw new CliError('No command given. Run `issue-doctor --help`.');
    const entry = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!entry) throw new CliError(`Unknown command "${command}". Run \`issue-doctor --help\`.`);
    return await (await entry.load())(rest, io);
  } catch (error) {
    const failure = toFailure(error);
    if (failure.message) io.out.message(failure.message);
    return failure.exitCode;
  }
}

/** Runs the CLI as a process: real stdin/stdout/stderr, a closed pipe ends it quietly, nothing escapes as a stack trace. */
export function main(argv: string[] = process.argv.slice(2)): void {
  let finished = false;
  const stop = (error: unknown) => {
    if (finished) return;
    finished = true;
    const failure = toFailure(error);
    if (failure.message && !isBrokenPipe(error)) {
      try {
        process.stderr.write(`issue-doctor: ${safeMessageLine(failure.message)}\n`);
      } catch {
        // stderr is gone as well: the exit code is all that is left.
      }
    }
    process.exit(failure.exitCode);
  };
  // Writing failed for another reason than a closed reader (a full disk, /dev/full): say so, not "internal error".
  process.stdout.on('error', (error: NodeJS.ErrnoException) =>
    stop(isBrokenPipe(error) ? error : new CliError(`Cannot write the output${error.code ? ` (${error.code})` : ''}.`))
  );
  process.stderr.on('error', (error) => (isBrokenPipe(error) ? undefined : stop(error)));
  process.on('uncaughtException', stop);
  process.on('unhandledRejection', stop);
  const out = createOutput(
    (text) => void process.stdout.write(text),
    (text) => void process.stderr.write(text)
  );
  // Node prints process warnings (a library's, e.g. yaml's) to stderr itself: route them through the same safe line.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => out.message(`warning: ${warning.message}`));
  // Standard input is read through its descriptor (bounded), never through process.stdin's unbounded stream.
  run(argv, { stdin: { fd: 0, isTTY: isatty(0) }, out }).then((code) => {
    if (!finished) process.exitCode = code;
  }, stop);
}

if (require.main === module) main();
