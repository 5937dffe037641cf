import { DOCS, FindingCode } from '../codes';
import { callLabel, productName } from '../observation';
import type { Rule } from './rule';

export const egressNotAllowed: Rule = (o) => {
  if (o.thrown?.kind !== 'egress-not-allowed') return undefined;
  return {
    code: FindingCode.EGRESS_NOT_ALLOWED,
    severity: 'error',
    title: 'Forge blocked the request: the URL is not in the app\'s permissions',
    explanation: `Forge refused to send the request: "${o.thrown.message}". Product calls must use requestJira/requestConfluence with a relative path; other hosts must be listed under permissions.external.fetch.`,
    remedies: [
      { actor: 'app-developer', action: 'Use requestJira/requestConfluence with a path starting with /rest or /wiki instead of a full URL.' },
      { actor: 'app-developer', action: 'For an external host, add it under permissions.external.fetch.backend in manifest.yml, deploy and upgrade the installation.' }
    ],
    evidence: [`${o.thrown.name}: ${o.thrown.message}`],
    docs: DOCS.egress
  };
};

export const rateLimited: Rule = (o) => {
  if (o.status !== 429) return undefined;
  const wait = o.headers.retryAfterSeconds;
  return {
    code: FindingCode.RATE_LIMITED,
    severity: 'warning',
    title: `${productName(o.product)} is rate limiting the app${wait !== undefined ? `: retry in ${wait} s` : ''}`,
    explanation:
      `${productName(o.product)} answered 429 Too Many Requests. ` +
      (wait !== undefined ? `It asked to wait ${wait} seconds (Retry-After) before the next call.` : 'It gave no Retry-After; wait a few seconds and back off exponentially.'),
    remedies: [
      { actor: 'viewer', action: `Reload the page ${wait !== undefined ? `after ${wait} seconds` : 'in a little while'}.` },
      { actor: 'app-developer', action: 'Honour Retry-After, back off with jitter and cut the number of calls per render.' }
    ],
    evidence: [`status 429`, ...(o.headers.all['retry-after'] ? [`retry-after: ${o.headers.all['retry-after']}`] : [])],
    docs: DOCS.rateLimits
  };
};

export const timedOut: Rule = (o) => {
  if (o.thrown?.kind !== 'timeout') return undefined;
  return {
    code: FindingCode.TIMEOUT,
    severity: 'error',
    title: `${productName(o.product)} did not answer in time`,
    explanation: `${callLabel(o)} got no answer before the time limit (${o.thrown.message || 'timeout'}). The product may be slow or down.`,
    remedies: [
      { actor: 'viewer', action: 'Reload the page in a minute; if it persists, check https://status.atlassian.com.' },
      { actor: 'app-developer', action: 'Keep a per-call timeout well inside Forge\'s 25 s invocation limit and render a diagnosis when it fires.' }
    ],
    evidence: [`${o.thrown.name}: ${o.thrown.message}`],
    docs: DOCS.invocationLimits
  };
};

export const productUnavailable: Rule = (o) => {
  const serverError = o.status !== undefined && o.status >= 500;
  const transportError = o.thrown !== undefined && ['network', 'fetch', 'proxy'].includes(o.thrown.kind);
  if (!serverError && !transportError) return undefined;
  const detail = serverError ? `status ${o.status}` : `${o.thrown?.name}: ${o.thrown?.message}`;
  return {
    code: FindingCode.PRODUCT_UNAVAILABLE,
    severity: 'error',
    title: `${productName(o.product)} is unavailable right now`,
    explanation: `${callLabel(o)} failed on the server side (${detail}). This is not a permission problem.`,
    remedies: [
      { actor: 'viewer', action: 'Reload the page in a minute; if it persists, check https://status.atlassian.com.' },
      { actor: 'app-developer', action: 'Retry idempotent reads once with back-off; report persistent 5xx to Atlassian support with the report below.' }
    ],
    evidence: [detail, ...o.body.messages.slice(0, 1)],
    docs: DOCS.invocationLimits
  };
};

export const invalidCredentials: Rule = (o) => {
  if (o.status !== 401 || o.isForge) return undefined;
  return {
    code: FindingCode.INVALID_CREDENTIALS,
    severity: 'error',
    title: 'The credentials were rejected: the token is wrong, revoked or expired',
    explanation: `${productName(o.product)} answered 401: it did not accept the ${o.auth === 'oauth2' ? 'access token' : o.auth === 'connect-jwt' ? 'JWT' : 'email and API token'}.`,
    remedies: [
      { actor: 'script-owner', action: 'Check the email/token pair (basic auth is base64 of email:token), or create a new API token.' },
      { actor: 'script-owner', action: 'OAuth 2.0 access tokens expire after an hour: refresh them.' }
    ],
    evidence: [`status 401`, ...o.body.messages.slice(0, 1)],
    docs: DOCS.apiTokens
  };
};

/** A 2xx whose body is not the JSON asked for: truncated, malformed, or an HTML page (login, proxy). */
export const malformedResponse: Rule = (o) => {
  if (o.thrown?.name !== 'MALFORMED_RESPONSE') return undefined;
  return {
    code: FindingCode.MALFORMED_RESPONSE,
    severity: 'error',
    title: `${productName(o.product)} answered, but not with the JSON asked for`,
    explanation: `${callLabel(o)} succeeded, yet its body could not be read (${o.thrown.message}). A proxy, a login page or a cut connection sits between the app and ${productName(o.product)}.`,
    remedies: [
      { actor: 'viewer', action: 'Reload the page; if it persists, report it with the report below.' },
      { actor: 'app-developer', action: 'Send Accept: application/json and check for proxies or redirects in front of the site.' }
    ],
    evidence: [`${o.thrown.name}: ${o.thrown.message}`],
    docs: DOCS.jiraAuth
  };
};
