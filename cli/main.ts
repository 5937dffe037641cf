import { CliError, EXIT } from './errors';
import { explainCommand, type CliIo } from './explain/command';

const COMMANDS: Record<string, (argv: string[], io: CliIo) => Promise<number>> = {
  explain: explainCommand,
  lint: (argv, io) => (require('./lint/command') as typeof import('./lint/command')).lintCommand(argv, io) // loaded only when used: it brings TypeScript
};

const HELP = `usage: issue-doctor <command> [options]

commands:
  explain [FILE]   explain a Jira/Confluence error response (see: issue-doctor explain --help)
  lint [APP_DIR]   check a Forge app's scopes and platform pitfalls before deploy (see: issue-doctor lint --help)`;

/** The one place errors become messages and exit codes. */
export async function run(argv: string[], io: CliIo, stderr: (text: string) => void): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === '-h' || command === '--help') {
      io.stdout(HELP + '\n');
      return command ? EXIT.ok : EXIT.badInput;
    }
    const handler = COMMANDS[command];
    if (!handler) throw new CliError(`Unknown command "${command}".\n${HELP}`);
    return await handler(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      stderr(`issue-doctor: ${error.message}\n`);
      return error.exitCode;
    }
    stderr(`issue-doctor: internal error: ${(error as Error)?.message ?? String(error)}\nPlease report it with the input that caused it.\n`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  run(process.argv.slice(2), { stdin: process.stdin, stdout: (t) => process.stdout.write(t) }, (t) => process.stderr.write(t)).then((code) => {
    process.exitCode = code;
  });
}
