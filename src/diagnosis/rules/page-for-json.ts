import { DOCS, FindingCode } from '../codes';
import { callLabel } from '../observation';
import { caller, says, sendsApiToken } from './remedies';
import type { Rule } from './rule';

/**
 * SDKs that check the status before decoding (go-jira's CheckResponse, jira-python's raise_on_error) fail to
 * decode only a 2xx body: "invalid character '<'" there, or Python's "Expecting value" on a GET (which always
 * has a body), means a web page answered 200 where JSON was expected. With no status and no other sign, that
 * page is most often a sign-in page (SSO gateway, proxy, expired session) that a redirect led to.
 */
export const HTML_DECODED = /invalid character '(?:<|\\u003c)' looking for beginning of value/i;
const PYTHON_EMPTY_DECODE = /Expecting value: line 1 column 1 \(char 0\)/;

export const webPageInsteadOfJson: Rule = (o) => {
  if (o.status !== undefined || !o.failed || o.body.kind === 'html') return undefined;
  const declaredGet = /^GET$/i.test(o.input.call?.method ?? '');
  if (!says(o, HTML_DECODED) && !(declaredGet && says(o, PYTHON_EMPTY_DECODE))) return undefined;
  return {
    code: FindingCode.LOGIN_REQUIRED,
    severity: 'error',
    title: 'A web page answered instead of the API, most likely a sign-in page',
    explanation:
      'The client could not decode the answer as JSON because it was an HTML page that came with a success status. ' +
      'That is what a redirect to a sign-in page (an SSO or two-factor gateway, a proxy, an expired session) looks like; ' +
      'less often the base URL points at a page of the product instead of its API root.',
    remedies: [
      { actor: caller(o), action: 'Repeat the call with `curl -i` and the same credentials: a 302 to a login URL, or a login form in the body, confirms it.', channel: 'cli' },
      { actor: caller(o), action: 'Authenticate every REST call itself (API token, OAuth 2.0, personal access token) and use the bare site URL as the base.' },
      { actor: 'site-admin', action: 'If an SSO or two-factor gateway guards the site, let token-authenticated REST calls past it.' }
    ],
    evidence: ['the client failed to decode an HTML page as JSON', ...(declaredGet ? [`call: ${callLabel(o)}`] : [])],
    docs: DOCS.basicAuth
  };
};

/**
 * Python clients that hand back the body as text when it is not JSON (atlassian-python-api) fail one step later
 * with "'str' object has no attribute 'get'": the answer was a page or a plain-text refusal. With no status, the
 * usual page is the site's answer to credentials it did not accept; a base URL that is not the site root is next.
 */
const TEXT_FOR_JSON = /'str' object has no attribute '(?:get|keys|items)'|string indices must be integers/;

export const clientGotTextBody: Rule = (o) => {
  if (!o.failed || o.status !== undefined || !says(o, TEXT_FOR_JSON) || !(o.product || says(o, /atlassian|jira|confluence/i))) return undefined;
  return {
    code: FindingCode.INVALID_CREDENTIALS,
    severity: 'error',
    title: 'The client got a text or HTML page where JSON was expected: most likely the credentials were refused',
    explanation:
      'The library returned the body as a string because it was not JSON, and the code then read it as JSON. ' +
      'Without a status, the usual page is the site refusing the credentials (a 401 page or a login page); ' +
      'a base URL that is not the bare site root (a copied browser link with a path or #fragment) gives the same symptom.',
    remedies: [
      { actor: caller(o), action: 'Check the credentials: on Cloud, the account e-mail and an API token (not the password); on Data Center, a personal access token or the password.' },
      { actor: caller(o), action: 'Use the bare site URL as the base (https://<your-site>.atlassian.net, with /wiki for Confluence where the client expects it), then log the status and body of the failing call.' }
    ],
    evidence: ['the client received a string where it expected JSON', `call: ${callLabel(o)}`],
    docs: DOCS.apiTokens
  };
};

/**
 * Jira and Confluence pages carry the signed-in user in `<meta name="ajs-remote-user" content="...">` (empty when
 * anonymous). A page for a signed-in user where a REST answer was expected means the credentials worked and the site
 * does not serve that resource: e.g. Jira Software's agile API on a Service Management-only Data Center site
 * (https://github.com/b1ff/atlassian-dc-mcp/issues/79), whose login-titled page still named the user.
 */
const SIGNED_IN_PAGE = /<meta\s+name=["']ajs-remote-user["']\s+content=["'][^"'<>\s][^"'<>]{0,200}["']/i;

export const pageForSignedInUser: Rule = (o) => {
  if (!o.failed || !(o.body.kind === 'html' || o.headers.isHtml) || !/^\/(?:wiki\/)?rest\//.test(o.catalogPath)) return undefined;
  const body = typeof o.input.response?.body === 'string' ? o.input.response.body.slice(0, 50_000) : '';
  if (!SIGNED_IN_PAGE.test(body)) return undefined;
  return {
    code: FindingCode.ENDPOINT_NOT_FOUND,
    severity: 'error',
    title: `The site answered ${callLabel(o)} with a page for a signed-in user: it does not serve that REST resource`,
    explanation:
      'The page names the signed-in user, so the credentials were accepted. A page instead of JSON then means this site has no such REST resource: ' +
      'the product or app that provides it is not installed (for example Jira Software\'s /rest/agile on a Service Management-only site), or the path is wrong.',
    remedies: [
      { actor: caller(o), action: 'Use an API this site has (for issues, /rest/api/2/issue/{key} on Data Center or /rest/api/3/issue/{key} on Cloud), or check the path and the installed products.' }
    ],
    evidence: ['an HTML page that names the signed-in user (ajs-remote-user)', `call: ${callLabel(o)}`],
    docs: DOCS.jiraRest
  };
};

/**
 * JavaScript's JSON.parse, unlike the SDKs above, is handed whatever body came back, whatever its status: "Unexpected
 * token <" there is any HTML page, and Jira answers refused Basic credentials with an HTML 401 page, "regardless of the
 * request's Content-Type" (https://github.com/justeat/JustSupport/pull/1; a password one letter short in
 * https://github.com/rustedgrail/hubot-jira/issues/1). For a caller that sends Basic credentials, that page comes first.
 */
const JS_PARSED_PAGE = /SyntaxError: Unexpected token '?<'?|Unexpected token '?<'?,? (?:in JSON at position|"<)/;

export const refusalPageParsedAsJson: Rule = (o) => {
  if (!o.failed || o.status !== undefined || o.body.kind === 'html' || !says(o, JS_PARSED_PAGE)) return undefined;
  if (o.auth !== 'basic-password' && !sendsApiToken(o.auth)) return undefined;
  return {
    code: FindingCode.INVALID_CREDENTIALS,
    severity: 'error',
    title: 'JSON.parse choked on an HTML page: most likely the page Jira sends for refused credentials',
    explanation:
      'The client parsed the body without looking at the status, and the body was HTML. Jira answers Basic credentials it does not accept with an HTML 401 page, ' +
      'so with credentials in the call that is the likeliest page; a sign-in gateway or a base URL that is not the site root give the same symptom.',
    remedies: [
      { actor: caller(o), action: 'Check the credentials character for character: on Cloud, the account e-mail and an API token (a password no longer works); on Data Center, the user name and password or a personal access token.' },
      { actor: caller(o), action: 'Log the status before parsing the body: a 401 confirms it, a 200 or 302 points at a sign-in gateway or the base URL.', channel: 'cli' }
    ],
    evidence: ['a JavaScript JSON parse failed at "<" (an HTML body)', `call: ${callLabel(o)} (${o.auth})`],
    docs: DOCS.apiTokens
  };
};
