export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export const USAGE = `usage: issue-doctor explain [FILE] [options]

Explains what went wrong with an Atlassian (Jira / Confluence) API call, and who must do what. Reads FILE, or
standard input when no FILE is given. Paste whatever you have; what it does not say (status, path, caller) is
inferred where the text allows, and the output lists each such assumption. (⏎ below: a line break.)

input shapes (detected; examples):
  http-response   curl -i output            HTTP/1.1 401 Unauthorized⏎content-type: application/json⏎⏎{"code":401,...}
  curl-v          curl -v output            > GET /rest/api/3/myself HTTP/1.1⏎> Host: …⏎< HTTP/1.1 401
                  (method, URL and auth scheme are read from the "> " lines; the credential itself is never kept)
  json-envelope   {"status","headers","body"}  {"status":429,"headers":{"Retry-After":"30"},"body":""}
  har             a HAR file from the browser's dev tools (Network → Save all as HAR); the last failing entry
                                            {"log":{"entries":[{"request":{...},"response":{"status":403,...}}]}}
  json-body       a JSON error body alone   {"errorMessages":["Issue does not exist or you do not have permission to see it."]}
  html-page       an HTML page alone        <html><title>Forbidden (403)</title>…
  sdk-error       an exception line         requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://…
                                            Error: Request failed with status code 403   |   NEEDS_AUTHENTICATION_ERR: …
  log-line        a log line                2026-01-01T10:00:00Z ERROR Jira returned 429 Too Many Requests
  message         any other message         Unauthorized; scope does not match

options:
  --path PATH         the path or URL that was called (e.g. /rest/api/3/issue/PROJ-7)
  --base-url URL      the site or gateway the call went to, when --path is only a path; it tells Cloud from
                      Data Center (e.g. https://your-site.atlassian.net, https://jira.example.com,
                      https://api.atlassian.com/ex/jira/<cloudId>)
  --method METHOD     the HTTP method (default: read from the paste, else GET)
  --as MODE           how the call was authenticated (default: inferred, else unknown):
      forge-as-user        Forge backend, api.asUser().requestJira(route\`…\`)
      forge-as-app         Forge backend, api.asApp().requestJira(route\`…\`)
      forge-bridge         Forge frontend, requestJira() from @forge/bridge
      forge-web-trigger    a Forge web trigger handling an external request
      basic-classic-token  curl -u <email>:<classic API token> https://your-site.atlassian.net/rest/api/3/…
      basic-scoped-token   curl -u <email>:<scoped API token> https://api.atlassian.com/ex/jira/<cloudId>/…
      basic-token          an API token whose kind you do not know (classic or scoped)
      basic-password       curl -u <email>:<account password> (not accepted by Atlassian Cloud)
      oauth2               a Bearer <OAuth 2.0 (3LO) access token> sent to api.atlassian.com/ex/…
      connect-jwt          a JWT <Connect token> sent by a Connect app
      data-center-pat      a Bearer <Data Center / Server personal access token>
      unknown              not known (the default when nothing in the paste says)
  --product NAME      jira or confluence (default: from the path)
  --manifest FILE     the app's manifest.yml, to compare the scopes it declares
  --installed LIST    comma-separated scopes the installation holds
  --json              print the diagnosis as JSON
  -h, --help          show this help

examples:
  curl -si https://your-site.atlassian.net/rest/api/3/issue/PROJ-7 -u "$EMAIL:$TOKEN" | issue-doctor explain
  issue-doctor explain response.http --as forge-as-user --path /rest/api/3/issue/PROJ-7 --manifest manifest.yml
  issue-doctor explain network.har --json
  echo 'Unauthorized; scope does not match' | issue-doctor explain --as oauth2 --path /rest/api/3/myself
  echo '401 Unauthorized' | issue-doctor explain --as basic-password --base-url https://your-site.atlassian.net

exit codes: 0 explained, 2 bad input or usage (empty, binary, over 5 MiB), 1 internal error`;

export const messages = {
  empty: 'The input is empty: paste a response, an error message, a log line or a HAR file.',
  binary: 'The input looks binary, not text. Paste the response, message or log line as text.',
  tooLarge: `The input is larger than ${MAX_INPUT_BYTES} bytes (5 MiB), the most that is read. Paste only the response.`,
  ttyWithoutFile: 'No input: give a FILE, or pipe a response into standard input.',
  unknownOption: (option: string) => `Unknown option "${option}". Run \`issue-doctor explain --help\`.`,
  missingValue: (option: string) => `Option ${option} needs a value.`,
  badAuth: (value: string, modes: readonly string[]) => `--as "${value}" is not one of: ${modes.join(', ')}.`,
  badProduct: (value: string) => `--product "${value}" must be jira or confluence.`,
  badBaseUrl: '--base-url must be an http(s) URL, e.g. https://your-site.atlassian.net.',
  badMethod: (value: string) => `--method "${value}" is not an HTTP method.`,
  unreadableStdin: 'Cannot read standard input.',
  unreadable: (file: string) => `Cannot read "${file}": no such file, or not readable.`,
  assumedAuth: (mode: string, why: string) => `assumed --as ${mode} (${why}); pass --as to change`,
  noPath: 'no --path given: pass the path (and --as) for a sharper diagnosis'
} as const;
