import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, statusEvidence, type Observation, thrownLabel } from '../observation';
import { caller, retryLater, says } from './remedies';
import { HTML_DECODED } from './page-for-json';
import type { Rule } from './rule';

const CSP_BLOCK = /egress-permission-required|not included in the external permissions|violates the following Content Security Policy directive|Refused to connect to .{0,200}Content Security Policy|permissions\.external\.fetch/i;

export const egressNotAllowed: Rule = (o) => {
  if (o.thrown?.kind !== 'egress-not-allowed' && !(o.failed && says(o, CSP_BLOCK))) return undefined;
  const message = o.thrown?.kind === 'egress-not-allowed' ? o.thrown.message : 'the browser blocked the request (Content Security Policy)';
  return {
    code: FindingCode.EGRESS_NOT_ALLOWED,
    severity: 'error',
    title: 'Forge blocked the request: the URL is not in the app\'s permissions',
    explanation: `Forge refused to send the request: "${message}". Product calls must use requestJira/requestConfluence with a relative path; other hosts must be listed under permissions.external.fetch.`,
    remedies: [
      { actor: 'app-developer', action: 'Use requestJira/requestConfluence with a path starting with /rest or /wiki instead of a full URL.' },
      { actor: 'app-developer', action: 'For an external host, add it under permissions.external.fetch.backend (or .client for frontend fetches) in manifest.yml, deploy and upgrade the installation.' }
    ],
    evidence: [o.thrown ? `${o.thrown.name}: ${message}` : message],
    docs: DOCS.egress
  };
};

/**
 * A Python client that sleeps for the Retry-After it was sent and crashes because the value is absurd
 * ("OverflowError: timestamp too large to convert to C _PyTime_t"): a 429 with a huge Retry-After, as a Data Center
 * rate limit with a zero quota sends (https://github.com/atlassian-api/atlassian-python-api/issues/1593,
 * https://github.com/sooperset/mcp-atlassian/issues/1354).
 */
const RETRY_AFTER_OVERFLOW = /timestamp too large to convert to C _PyTime_t|sleep\(int\(response\.headers\["Retry-After"\]\)\)/;

export const rateLimited: Rule = (o) => {
  const overflow = o.status === undefined && o.failed && says(o, RETRY_AFTER_OVERFLOW) && (o.product !== undefined || says(o, /atlassian|jira|confluence/i));
  const text = overflow || (o.status === undefined && o.failed && says(o, /rate limit(?:ed|ing)? (?:exceeded|reached)|Too Many Requests|\b429\b|RATE_LIMIT|rate-limited|ThrottlingException|quota exceeded|refused stream|REFUSED_STREAM/i));
  if (o.status !== 429 && !text) return undefined;
  const wait = o.headers.retryAfterSeconds;
  return {
    code: FindingCode.RATE_LIMITED,
    severity: 'warning',
    title: `${productName(o.product)} is rate limiting the app${wait !== undefined ? `: retry in ${wait} s` : ''}`,
    explanation:
      `${productName(o.product)} answered 429 Too Many Requests. ` +
      (overflow
        ? 'The client then tried to sleep for the Retry-After it was sent and failed, because the value was absurdly large: on Data Center that is what a rate limit with a quota of 0 sends. '
        : '') +
      (wait !== undefined ? `It asked to wait ${wait} seconds (Retry-After) before the next call.` : 'It gave no Retry-After; wait a few seconds and back off exponentially.'),
    remedies: [
      { actor: 'viewer', action: `Reload the page ${wait !== undefined ? `after ${wait} seconds` : 'in a little while'}.`, channel: 'macro' },
      { actor: 'script-owner', action: `Wait ${wait !== undefined ? `${wait} seconds` : 'a little'} before the next call; run fewer calls in parallel.`, channel: 'cli' },
      { actor: 'app-developer', action: 'Honour Retry-After, back off with jitter and cut the number of calls (per render, per run).' },
      ...(overflow
        ? [
            { actor: 'script-owner' as const, action: 'Cap the wait the client takes from Retry-After (or update it: newer client versions cap it) so it fails with the 429 instead of crashing.', channel: 'cli' as const },
            { actor: 'site-admin' as const, action: "On Data Center, check the REST API rate limit set for this user or for everyone (Administration → Rate limiting): a quota of 0 blocks every call." }
          ]
        : [])
    ],
    evidence: [`status ${o.status ?? '429 (from the text)'}`, ...(overflow ? ['the client crashed sleeping for an absurd Retry-After'] : []), ...(o.headers.all['retry-after'] ? [`retry-after: ${o.headers.all['retry-after']}`] : [])],
    docs: DOCS.rateLimits
  };
};

export const timedOut: Rule = (o) => {
  const gatewayTimeout = o.status === undefined && o.failed && says(o, /\btimed out\b|ETIMEDOUT|ESOCKETTIMEDOUT|timeout exceeded|timeout of \d+ ?ms exceeded|Read timed out|time limit|ReadTimeout|ConnectTimeout|SocketTimeoutException|ConnectTimeoutException|TimeoutException|socket timeout|(?:context )?deadline exceeded|request timeout\b/i);
  if (o.thrown?.kind !== 'timeout' && !gatewayTimeout) return undefined;
  return {
    code: FindingCode.TIMEOUT,
    severity: 'error',
    title: `${productName(o.product)} did not answer in time`,
    explanation: `${callLabel(o)} got no answer before the time limit (${o.thrown?.message || (o.status ? `status ${o.status}` : 'timeout')}). The product may be slow or down, or the request asks for too much at once.`,
    remedies: [
      ...retryLater('in a minute'),
      { actor: 'app-developer', action: 'Keep a per-call timeout well inside Forge\'s 25 s invocation limit and render a diagnosis when it fires.' }
    ],
    evidence: [o.thrown ? thrownLabel(o.thrown) : statusEvidence(o)],
    docs: DOCS.invocationLimits
  };
};

export const productUnavailable: Rule = (o) => {
  // 424 Failed Dependency: the service failed on something of its own it depends on (Atlassian's Jenkins for Jira
  // backend could not read its secrets: https://github.com/jenkinsci/atlassian-jira-software-cloud-plugin/pull/94).
  const serverError = o.status !== undefined && (o.status >= 500 || o.status === 424);
  const text = o.status === undefined && o.failed && says(o, /Internal Server Error|Bad Gateway|Service Unavailable|\b50[0-3] Server Error|ECONNRESET|ECONNREFUSED|socket hang up|upstream connect error|Connection refused|Failed to establish a new connection|ENETUNREACH|EHOSTUNREACH|No route to host/i);
  const transportError = o.thrown !== undefined && ['network', 'fetch', 'proxy'].includes(o.thrown.kind);
  if (!serverError && !transportError && !text) return undefined;
  // A wrapper's 500 around "invalid character '<'": the product answered with an HTML page, not a server error.
  if (says(o, HTML_DECODED) && o.body.kind !== 'html') return undefined;
  const unresolvedHost = says(o, /ENOTFOUND|getaddrinfo|Name or service not known|nodename nor servname/i);
  const detail = serverError ? `status ${o.status}` : (o.thrown ? thrownLabel(o.thrown) : 'no response');
  return {
    code: FindingCode.PRODUCT_UNAVAILABLE,
    severity: 'error',
    title: unresolvedHost
      ? `${productName(o.product)} could not be reached: the host name did not resolve`
      : `${productName(o.product)} is unavailable right now`,
    explanation: unresolvedHost
      ? `${callLabel(o)} never reached a server: the host name did not resolve (${detail}). Check the site URL for a typo, and the machine's DNS or proxy settings.`
      : `${callLabel(o)} failed on the server side (${detail}). This is not a permission problem.`,
    remedies: [
      ...retryLater('in a minute'),
      { actor: 'app-developer', action: 'Retry idempotent reads once with back-off; report persistent 5xx to Atlassian support with the report.' }
    ],
    evidence: [detail, ...o.body.messages.slice(0, 1)],
    docs: DOCS.invocationLimits
  };
};

/** A 2xx whose body is not the JSON asked for: truncated, malformed, or an HTML page (login, proxy). */
const NOT_JSON = /json-readtable-error|JSON parse error|(?:failed|unable|cannot|could not) (?:to )?(?:parse|decode|read) (?:the )?JSON|Unexpected token '?<'?(?:.{0,40}JSON|\s{1,10}at (?:Object|JSON)\.parse)|Unexpected end of JSON input|invalid json response body|is not valid JSON|JSONDecodeError|Expecting value: line 1 column 1|Unexpected character \('<'|SyntaxError: JSON\.parse|Cannot read propert(?:y|ies) '?errorMessages'? of undefined|invalid character '<' looking for beginning of value|error decoding response body/i;

export const malformedResponse: Rule = (o) => {
  const pasted = !o.thrown && o.status === undefined && o.failed && says(o, NOT_JSON);
  if (pasted) return malformedPaste(o);
  if (o.thrown?.name !== 'MALFORMED_RESPONSE' && !(o.thrown && says(o, NOT_JSON) && (o.status === undefined || o.status < 400))) return undefined;
  if (!o.thrown) return undefined;
  return {
    code: FindingCode.MALFORMED_RESPONSE,
    severity: 'error',
    title: `${productName(o.product)} answered, but not with the JSON asked for`,
    explanation: `${callLabel(o)} succeeded, yet its body could not be read (${o.thrown.message}). A proxy, a login page or a cut connection sits between the app and ${productName(o.product)}.`,
    remedies: [
      { actor: 'viewer', action: 'Reload the page; if it persists, report it with the report below.', channel: 'macro' },
      { actor: 'app-developer', action: 'Send Accept: application/json, check for proxies, login pages or redirects in front of the site, and do not parse an empty (204) body as JSON.' }
    ],
    evidence: [thrownLabel(o.thrown)],
    docs: DOCS.jiraAuth
  };
};

/** A log or message saying the body could not be decoded, with no status: the same failure, told by a client. */
function malformedPaste(o: Observation) {
  return {
    code: FindingCode.MALFORMED_RESPONSE,
    severity: 'error' as const,
    title: `${productName(o.product)} answered, but the client could not read the answer as JSON`,
    explanation:
      'The client failed to decode the body. An HTML page (a redirect, login or proxy page: a parse error at "<", character 60) or an empty body (204 No Content, decoded anyway) is the usual content.',
    remedies: [
      { actor: caller(o), action: 'Log the status and the first bytes of the body: a redirect means the base URL should be the final one (https://<your-site>.atlassian.net); a 204 means there was no body to decode.', channel: 'cli' as const },
      { actor: 'app-developer' as const, action: 'Send Accept: application/json and decode only 2xx bodies that have content.' }
    ],
    evidence: ['the client could not decode the body as JSON', `call: ${callLabel(o)}`],
    docs: DOCS.jiraAuth
  };
}
