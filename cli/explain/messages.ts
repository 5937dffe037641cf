export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export const USAGE = `usage: issue-doctor explain [FILE] [options]

Explains an Atlassian (Jira / Confluence) error response. Reads FILE, or standard input when no FILE is given.
The response may be raw HTTP as \`curl -i\` prints it, or JSON {"status", "headers", "body"}.

options:
  --path PATH         the path or URL that was called (e.g. /rest/api/3/issue/PROJ-7)
  --method METHOD     the HTTP method (default GET)
  --as MODE           how the call was authenticated: forge-as-user, forge-as-app, forge-bridge,
                      forge-web-trigger, basic-classic-token, basic-scoped-token, basic-token,
                      oauth2, connect-jwt
  --product NAME      jira or confluence (default: from the path)
  --manifest FILE     the app's manifest.yml, to compare the scopes it declares
  --installed LIST    comma-separated scopes the installation holds
  --json              print the diagnosis as JSON
  -h, --help          show this help

exit codes: 0 explained, 2 bad input or usage, 1 internal error`;

export const messages = {
  empty: 'The input is empty: paste an HTTP response (as `curl -i` prints it) or JSON {"status", "headers", "body"}.',
  binary: 'The input looks binary, not an HTTP response. Paste the text that `curl -i` prints.',
  tooLarge: `The input is larger than ${MAX_INPUT_BYTES} bytes (5 MiB), the most that is read. Paste only the response.`,
  ttyWithoutFile: 'No input: give a FILE, or pipe a response into standard input.',
  unknownOption: (option: string) => `Unknown option "${option}". Run \`issue-doctor explain --help\`.`,
  missingValue: (option: string) => `Option ${option} needs a value.`,
  badAuth: (value: string, modes: readonly string[]) => `--as "${value}" is not one of: ${modes.join(', ')}.`,
  badProduct: (value: string) => `--product "${value}" must be jira or confluence.`,
  badMethod: (value: string) => `--method "${value}" is not an HTTP method.`,
  unreadableStdin: 'Cannot read standard input.',
  unreadable: (file: string) => `Cannot read "${file}": no such file, or not readable.`,
  assumedAuth: (mode: string, why: string) => `assumed --as ${mode} (${why}); pass --as to change`,
  noPath: 'no --path given: pass the path (and --as) for a sharper diagnosis'
} as const;
