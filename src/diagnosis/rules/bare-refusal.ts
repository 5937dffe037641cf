import { DOCS, FindingCode } from '../codes';
import { productName, statusEvidence, type Observation } from '../observation';
import { caller, productErrorBody } from './remedies';
import type { Rule } from './rule';

/** Words that show the product itself explained a refusal (its permission, XSRF, CAPTCHA, scope or licence checks). */
const PRODUCT_REASON = /permission|not permitted|XSRF|CAPTCHA|scope|licen[cs]|administrator|admin\b|guest|anonymous|JWT|Connect|session|does not exist|not found|OAuth|browse|project|space|issue|page/i;

/**
 * Jira and Confluence Cloud give a reason with their own 403s; a 403 with nothing to say, to a call made with an
 * API token (or with credentials the paste does not name), is how Cloud refuses a token it cannot read as a Basic
 * credential: typically an API token sent as a Bearer token.
 */
function reasonless403(o: Observation): boolean {
  if (!o.failed || o.status !== 403 || o.body.kind === 'html') return false;
  const productBody = productErrorBody(o) || (o.body.kind === 'json' && o.body.messages.length > 0);
  // Word by word (linear): a word that is a URL or an API path names no reason.
  const withoutUrls = o.messageText
    .split(/\s+/)
    .filter((word) => !word.includes('://') && !word.includes('/rest/') && !word.includes('/wiki/'))
    .join(' ');
  return !productBody && Object.keys(o.body.fieldErrors).length === 0 && !PRODUCT_REASON.test(withoutUrls);
}

export const bareForbiddenToToken: Rule = (o) => {
  if (!reasonless403(o)) return undefined;
  // With a password, a reasonless 403 is the login layer refusing it (wrong pair, or a CAPTCHA after failed logins).
  if (o.auth === 'basic-password') return passwordRefusedWithoutReason(o);
  if (o.selfHostedHost || (o.auth !== 'unknown' && o.auth !== 'basic-token' && o.auth !== 'basic-classic-token')) return undefined;
  return {
    code: FindingCode.API_TOKEN_WRONG_SCHEME,
    severity: 'error',
    title: `${productName(o.product)} refused the call with a bare 403: the token was likely sent the wrong way`,
    explanation:
      `${productName(o.product)} explains its own permission refusals in the body; this 403 says nothing. ` +
      'Cloud answers like that when it cannot read the credential as Basic "email:api_token", most often because an API token went as a Bearer token (a "PAT" setting in a tool), or a token without the e-mail.',
    remedies: [
      { actor: caller(o), action: 'Send the API token with Basic auth: base64 of "email:api_token". Personal access tokens (Bearer) exist only on Data Center.' },
      { actor: caller(o), action: 'If the credential is right and sent as Basic, check the permission the operation needs: the account may lack it.' }
    ],
    evidence: [statusEvidence(o), 'no reason in the body', `auth: ${o.auth}`],
    docs: DOCS.basicAuth
  };
};

function passwordRefusedWithoutReason(o: Observation) {
  return {
    code: FindingCode.INVALID_CREDENTIALS,
    severity: 'error' as const,
    title: `${productName(o.product)} refused the login without a reason: the user name and password were not accepted`,
    explanation:
      `A 403 with nothing in the body, to a call with a password, comes from the login layer, not from a ${productName(o.product)} permission check: ` +
      'the credentials were wrong or badly encoded, or the account must answer a CAPTCHA after failed logins.',
    remedies: [
      { actor: caller(o), action: 'Check the user name and password (Basic is base64 of "user:password", encoded once); log in once in a browser to clear a CAPTCHA.' },
      { actor: caller(o), action: 'On Atlassian Cloud, use the account e-mail and an API token instead of the password.' }
    ],
    evidence: [statusEvidence(o), 'no reason in the body', `auth: ${o.auth}`],
    docs: DOCS.basicAuth
  };
}
