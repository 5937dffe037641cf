import { DOCS, FindingCode } from '../codes';
import { productName, type Observation, statusEvidence } from '../observation';
import { caller, says } from './remedies';
import type { Rule } from './rule';

/**
 * OAuth error codes (RFC 6749 §5.2) as auth.atlassian.com returns them, and their usual descriptions. First the
 * wordings of a refused refresh, which both refresh patterns accept.
 */
const REFRESH_REFUSED =
  'error refreshing (?:the |an? )?(?:access |oauth |refresh )?tokens?|(?:token|grant) was (?:globally )?revoked|\\bunknown_token\\b|invalid[_ ]refresh[_ ]token|' +
  'refresh[_ ]token (?:is |has )?(?:invalid|expired|revoked|not found|already (?:been )?used)|unknown or invalid refresh token|could not be refreshed|' +
  '(?:failed|unable) to refresh|Error while refreshing|needs_auth\\b';
/** Unmistakably a refresh problem, even beside words that sound like a client misconfiguration. */
const STRONG_REFRESH = new RegExp(`${REFRESH_REFUSED}|refresh(?:ing)? (?:the )?tokens? failed`, 'i');
const REFRESH_INVALID = new RegExp(`${REFRESH_REFUSED}|refresh token.{0,40}(?:reuse|rotat)|\\binvalid_grant\\b`, 'i');
const CLIENT_WRONG =
  /\binvalid_client\b|\bunauthorized_client\b|redirect_uri(?:_mismatch| mismatch| is not| does not| not registered)|\bredirect[_ ]uri\b.{0,40}(?:invalid|match|register)|client authentication failed|\binvalid_scope\b|invalid audience|invalid aud\b|audience (?:is )?(?:invalid|not)|\baud\b claim|offline_access|client_id.{0,30}(?:invalid|unknown|not found)|unknown client|\bunsupported_grant_type\b|invalid redirect_uri|integration is misconfigured|oauth_problem=(?:consumer_key_(?:unknown|rejected|refused)|signature_(?:invalid|method_rejected)|timestamp_refused|nonce_used|parameter_(?:absent|rejected))|callback ur[il]|scopes? that (?:have|has) not been added to the app|add the following scopes to the/i;
const ACCESS_EXPIRED = /\binvalid_token\b|\bexpired_token\b|access token (?:is |has )?(?:expired|invalid)|token (?:has )?expired|token is expired|the access token expired|jwt expired|exp claim/i;

function isOauthEndpoint(o: Observation): boolean {
  return /^\/oauth\/token|\/authorize/.test(o.pathAsCalled) || o.host === 'auth.atlassian.com';
}

/**
 * A Connect app acts as a user through the JWT bearer grant ("user impersonation for Connect apps", 2LOi): it signs
 * an assertion with its shared secret and trades it for an access token
 * (https://developer.atlassian.com/cloud/confluence/user-impersonation-for-connect-apps/). The assertion's audience
 * is https://oauth-2-authorization-server.services.atlassian.com (@atlassian/atlassian-oauth2's own test), its
 * subject urn:atlassian:connect:useraccountid:… since user keys went (golang/oauth2 PR 389). The Connect app is the
 * OAuth client here, so a refused assertion is the client's configuration, as for any client; the remedies are a
 * Connect app's, not a 3LO app's (no authorization URL, audience or consent is involved).
 */
const IMPERSONATION_REFUSED = /\binvalid_grant\b|invalid (?:aud|audience|iss|issuer|sub|subject|assertion|signature)\b|assertion|jwt-bearer|urn:atlassian:connect|auth\.atlassian\.io/i;

export const connectImpersonationRefused: Rule = (o) => {
  if (!o.failed || o.auth !== 'connect-jwt' || !says(o, IMPERSONATION_REFUSED)) return undefined;
  if (!says(o, /\b(?:invalid_grant|invalid_request|invalid_client|unauthorized_client|access_denied)\b|cannot fetch token|token endpoint|oauth2?\/token/i)) return undefined;
  const audience = says(o, /\baud(?:ience)?\b/i);
  return {
    code: FindingCode.OAUTH_CLIENT_MISCONFIGURED,
    severity: 'error',
    title: "The assertion a Connect app signs to act as a user was refused",
    explanation:
      'To act as a user, a Connect app trades a JWT it signs with the shared secret for an access token (the JWT bearer grant). ' +
      'The authorization server refused that assertion, because ' +
      (audience ? 'the audience it names is not the one the server accepts now.' : 'one of its claims or its signature is not what the server accepts.'),
    remedies: [
      { actor: 'app-developer', action: 'Build the assertion as the Connect user-impersonation guide says: aud https://oauth-2-authorization-server.services.atlassian.com, iss urn:atlassian:connect:clientid:{oauthClientId}, sub urn:atlassian:connect:useraccountid:{accountId}, a short exp, signed with the shared secret.' },
      { actor: 'app-developer', action: 'Take the oauthClientId and shared secret from the latest "installed" callback for this site, and check that the app descriptor requests the ACT_AS_USER scope.' },
      { actor: 'app-developer', action: 'Connect is being retired: user impersonation is what Forge\'s asUser() or an OAuth 2.0 (3LO) integration now provide.' }
    ],
    evidence: [statusEvidence(o), 'the token endpoint refused the assertion of a Connect app (auth: connect-jwt)'],
    docs: o.product === 'confluence' ? DOCS.connectImpersonationConfluence : DOCS.connectImpersonationJira
  };
};

export const oauthClientMisconfigured: Rule = (o) => {
  const tokenEndpointRefused = (isOauthEndpoint(o) || says(o, /auth\.atlassian\.com\/oauth\/token|token endpoint/i)) && says(o, /access_denied|Unauthorized|invalid_request/i);
  // The authorization page's own refusal of the request the client built ("Incorrect request parameters", an
  // explicit scope list sent on /authorize: https://github.com/endara-ai/endara-desktop/pull/109).
  const authorizePageRefused = o.auth === 'oauth2' && o.status === undefined && says(o, /Incorrect request parameters/i);
  // RFC 6749 §5.2: invalid_request is a token request "missing a required parameter ... or otherwise malformed": the
  // client built it wrong (https://github.com/pilcrowonpaper/arctic/issues/63: a refresh sent as a code exchange).
  const malformedTokenRequest = o.auth === 'oauth2' && says(o, /\binvalid_request\b/) && says(o, /token ?request|sendTokenRequest|oauth\/token|token endpoint|refresh(?:ing)? (?:the )?(?:access )?token/i);
  if (!o.failed || (!says(o, CLIENT_WRONG) && !tokenEndpointRefused && !authorizePageRefused && !malformedTokenRequest) || says(o, STRONG_REFRESH)) return undefined;
  if (o.isForge && !isOauthEndpoint(o)) return undefined;
  const redirect = says(o, /redirect|callback/i);
  const refresh = says(o, /offline_access/i);
  return {
    code: FindingCode.OAUTH_CLIENT_MISCONFIGURED,
    severity: 'error',
    title: 'The OAuth 2.0 client itself is misconfigured',
    explanation:
      'auth.atlassian.com refused the client, not the user: ' +
      (malformedTokenRequest && !says(o, CLIENT_WRONG)
        ? 'the token request itself was malformed (invalid_request): a parameter missing or wrong for its grant, such as a refresh sent without grant_type=refresh_token and the refresh_token, or a code exchange without the redirect_uri.'
        : redirect
        ? 'the redirect_uri sent does not match a callback URL registered for the app (character for character).'
        : refresh
          ? 'refresh tokens are only issued when the authorization request asks for the offline_access scope.'
          : 'the client id or secret is wrong, the grant type or scope is not enabled for this app, or the audience is not api.atlassian.com.'),
    remedies: [
      { actor: caller(o), action: 'In the developer console (https://developer.atlassian.com/console/myapps/), check the client id and secret, the callback URL and the APIs/scopes enabled for the app.' },
      { actor: caller(o), action: 'Authorize with audience=api.atlassian.com, prompt=consent, the exact registered redirect_uri, and offline_access when you need refresh tokens.' }
    ],
    evidence: [statusEvidence(o), 'the authorization server rejected the client'],
    docs: DOCS.oauth2
  };
};

export const oauthRefreshTokenInvalid: Rule = (o) => {
  if (!o.failed || !says(o, REFRESH_INVALID)) return undefined;
  if (says(o, /needs_auth\b/) && o.auth !== 'oauth2') return undefined;
  if (o.isForge && !isOauthEndpoint(o)) return undefined;
  return {
    code: FindingCode.OAUTH_REFRESH_TOKEN_INVALID,
    severity: 'error',
    title: 'The refresh token was rejected: the grant must be renewed',
    explanation:
      'Atlassian rotates refresh tokens: each refresh returns a new one and the old one stops working (reusing it, or two processes refreshing at once, fails). ' +
      'Refresh tokens also expire after 90 days without use, and stop working when the user revokes the app\'s access. Then the user must authorize again.',
    remedies: [
      { actor: caller(o), action: 'Store the new refresh_token returned by every refresh, atomically, and refresh from one place at a time.' },
      { actor: caller(o), action: 'When the refresh token is rejected, send the user through the authorization flow again (with offline_access).' }
    ],
    evidence: [statusEvidence(o), 'the token endpoint rejected the grant (invalid_grant / unknown_token)'],
    docs: DOCS.oauth2
  };
};

export const oauthAccessTokenExpired: Rule = (o) => {
  if (!o.failed) return undefined;
  const text = says(o, ACCESS_EXPIRED);
  // accessible-resources needs no scope, only a valid token: when it fails, the access token is what is wrong.
  const accessibleResources = o.auth === 'oauth2' && (says(o, /accessible[- ]?resources/i) || /\/oauth\/token\/accessible-resources/.test(o.pathAsCalled)) && (o.status === undefined || o.status === 401 || o.status === 403);
  const oauth401 = o.auth === 'oauth2' && (o.status === 401 || says(o, /app is not installed on this instance/i) || accessibleResources) && !says(o, /scope/i);
  if (!(text && (o.auth === 'oauth2' || o.auth === 'unknown' || o.auth === 'forge-as-user')) && !oauth401) return undefined;
  if (o.isForge) return undefined;
  return {
    code: FindingCode.OAUTH_ACCESS_TOKEN_EXPIRED,
    severity: 'error',
    title: 'The OAuth 2.0 access token is expired or invalid: refresh it',
    explanation:
      `${productName(o.product)} refused the Bearer token${o.status ? ` (${o.status})` : ''}. OAuth 2.0 (3LO) access tokens live one hour; after that every call is refused until the app refreshes the token. ` +
      'When refreshing does not help, the grant no longer reaches this site (revoked, or the site was removed from it): the user must authorize again.',
    remedies: [
      { actor: caller(o), action: 'Refresh the access token with the refresh token (grant_type=refresh_token) before it expires, and retry once on 401.' },
      { actor: caller(o), action: 'Send it as a Bearer token in the Authorization header to https://api.atlassian.com/ex/{product}/{cloudId}/..., not to the site URL.' }
    ],
    evidence: [statusEvidence(o), `auth: ${o.auth}`],
    docs: DOCS.oauth2
  };
};
