import { DOCS, FindingCode } from '../codes';
import { productName, statusEvidence, type Observation } from '../observation';
import type { Finding } from '../types';
import { caller, callerKind, says } from './remedies';
import type { Rule } from './rule';
import { authenticated401 } from './visibility';

/**
 * The product answered as to an anonymous user (fields "cannot be viewed by anonymous users", a client saying it is
 * "logged as guest") although credentials were configured: they were not sent or not accepted.
 */
function answeredAsAnonymous(o: Observation): boolean {
  return (
    o.failed &&
    says(o, /(?:viewed|seen|accessed) by anonymous users|as an anonymous user|anonymous users? (?:do not|don't|cannot)|logged (?:in )?as (?:a )?guest|logged in as anonymous/i) &&
    !says(o, /unlicensedAccess|anonymous access is (?:not )?enabled/i)
  );
}

/**
 * Jira names a rejected credential in X-Seraph-LoginReason and then serves the request as anonymous: a 404 for an
 * issue, a 200 with nothing, a 400 "Unbounded JQL" (measured on Cloud: https://github.com/brekkylab/backlot/issues/123).
 */
function credentialRejectedByHeader(o: Observation): boolean {
  return /AUTHENTICATED_FAILED|AUTHENTICATION_DENIED/i.test(o.headers.all['x-seraph-loginreason'] ?? '');
}

/** Credentials were configured, yet the product answered as to an anonymous user: whatever status came with it. */
export const anonymousAnswer: Rule = (o) => {
  if (o.isForge) return undefined;
  const rejectedByHeader = credentialRejectedByHeader(o) && (o.failed || o.status === 200);
  const configuredButAnonymous = o.auth !== 'unknown' && answeredAsAnonymous(o);
  return rejectedByHeader || configuredButAnonymous ? invalidCredentials(o) : undefined;
};

/**
 * Words of a refused login, the products' and clients' own. GitLab's Jira issues integration says "An error occurred
 * while requesting data from Jira" when its Jira authentication details are incorrect or incomplete (GitLab's
 * troubleshooting docs, https://gitlab.com/gitlab-org/gitlab/-/merge_requests/126099).
 */
const AUTH_FAILED =
  /An error occurred while requesting data from Jira\b(?! service)|Client must be authenticated|not authenticated|Authentication (?:failed|required|credentials)|AUTHENTICATED_FAILED|AUTHENTICATION_DENIED|invalid credentials|bad credentials|Unauthori[sz]ed|login failed|failed authentication|has FAILED|incorrect (?:username|e-?mail|password)|Basic authentication with passwords|401/i;

/** Seraph's refusal of an expired session cookie sent beside a token: a refused login in its own words. */
const STALE_COOKIE = /an invalid cookie was sent/i;

/** Opsgenie's answer (422) to an API key it cannot parse: a mistyped key, or a user token where an API key belongs. */
const KEY_FORMAT_INVALID = /Key format is not valid/i;

function keyFormatInvalid(o: Observation): Finding {
  return {
    code: FindingCode.INVALID_CREDENTIALS,
    severity: 'error',
    title: 'The API key was refused as malformed',
    explanation:
      'The service could not even parse the key: it is mistyped or cut, or it is another kind of credential (a user\'s personal token) where an integration API key belongs. ' +
      'Opsgenie answers that with 422 "Key format is not valid!" rather than 401 (https://github.com/falcosecurity/falcosidekick/issues/719).',
    remedies: [
      { actor: caller(o), action: 'Copy the key again from the integration or API key management page (not a token from the user profile), with no quotes or spaces around it.' },
      { actor: caller(o), action: 'Send it the way the API documents (for Opsgenie, the GenieKey scheme of the Authorization header), to the host of your account\'s region.' }
    ],
    evidence: [statusEvidence(o), 'the response says the key format is not valid'],
    docs: DOCS.apiTokens
  };
}

function staleCookie(o: Observation): Finding {
  return {
    code: FindingCode.INVALID_CREDENTIALS,
    severity: 'error',
    title: 'The call carried a session cookie the site no longer accepts',
    explanation:
      `${productName(o.product)} refused the call because of its cookie, not its token: the client re-sent the session cookie (JSESSIONID) of an earlier login, ` +
      'and once that session expired every call carrying it is refused, even with a valid token in the Authorization header.',
    remedies: [
      { actor: caller(o), action: 'Send no cookies with REST calls (a fresh HTTP session, or a client without a cookie jar): the Authorization header alone authenticates each call.' },
      { actor: caller(o), action: 'If the client logs in to a session on purpose, log in again when it expires instead of re-sending the old cookie.' }
    ],
    evidence: [statusEvidence(o), 'the response says an invalid cookie was sent'],
    docs: DOCS.dataCenterTokens
  };
}

export const invalidCredentials: Rule = (o) => {
  if (o.isForge || authenticated401(o)) return undefined;
  if (o.failed && says(o, KEY_FORMAT_INVALID)) return keyFormatInvalid(o);
  // Fields "cannot be viewed by anonymous users": the credentials were not sent or not accepted, so Jira answered anonymously.
  const anonymous = answeredAsAnonymous(o);
  const text = anonymous || (o.status === undefined && o.failed && (says(o, AUTH_FAILED) || says(o, STALE_COOKIE)));
  if (o.status !== 401 && !text && !credentialRejectedByHeader(o)) return undefined;
  // Seraph refuses a call that carries an expired session cookie even beside a valid token
  // (https://github.com/pycontribs/jira/issues/1904: Atlassian support advised sending no cookies with REST calls).
  if (says(o, STALE_COOKIE)) return staleCookie(o);
  const what = o.auth === 'unknown' ? 'e-mail and API token (or other credentials)' : callerKind(o.auth).credential;
  return {
    code: FindingCode.INVALID_CREDENTIALS,
    severity: 'error',
    title: 'The credentials were rejected: the token is wrong, revoked or expired',
    explanation:
      (o.status === 401 ? `${productName(o.product)} answered 401: it did not accept the ${what}. ` : `By the words of the answer, ${productName(o.product)} did not accept the ${what}. `) +
      'With basic auth the e-mail must be the account\'s own login e-mail and the token an API token of that same account, base64-encoded together as "email:token".',
    remedies: [
      { actor: 'script-owner', action: 'Check the email/token pair (basic auth is base64 of email:token, the e-mail of the account that created the token), or create a new API token.' },
      { actor: 'script-owner', action: 'Check the token was not revoked or expired (API tokens now expire; see id.atlassian.com → Security → API tokens).' }
    ],
    evidence: [`status ${o.status ?? '401 (from the text)'}`, ...o.body.messages.slice(0, 1)],
    docs: DOCS.apiTokens
  };
};
