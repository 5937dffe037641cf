import { assertNever, DOCS, FindingCode } from '../codes';
import { latestDateIn } from '../parse/dates';
import type { Finding } from '../types';
import { callLabel, productName, statusEvidence, type Observation } from '../observation';
import { caller, productErrorBody, says, sendsApiToken } from './remedies';
import type { Rule } from './rule';
import { authenticated401, screenRefusesEverything } from './visibility';

/**
 * Data Center's answer when basic authentication is switched off (personal access tokens only): the built-in setting,
 * or the API Token Authentication app ("Basic Auth with password is disabled by the API Token Authentication app",
 * quoted in https://github.com/mindsdb/mindsdb/issues/12228).
 */
function basicAuthDisabled(o: Observation): boolean {
  return says(o, /Basic Auth(?:entication)? (?:with password )?(?:has been |is )?disabled (?:on this instance|by the API Token)/i);
}

/**
 * Data Center refused Basic credentials: Confluence DC's "Basic Authentication Failure - Reason : AUTHENTICATED_FAILED"
 * (https://github.com/pycontribs/jira/issues/1129 quotes it from Jira DC too), or basic auth switched off.
 */
function dataCenterRefusedBasic(o: Observation): boolean {
  return o.failed && ((says(o, /Basic Authentication Fail+ure - Reason/i) && !says(o, /Reason\s?: AUTHENTICATION_DENIED/i)) || basicAuthDisabled(o));
}

/**
 * Data Center asks for a CAPTCHA after repeated failed logins ("CAPTCHA_CHALLENGE; login-url=…" in
 * X-Authentication-Denied-Reason). A personal access token sent as a Bearer token is no login and never counts; sent
 * as a Basic password it fails as one, every call, until the CAPTCHA locks the account
 * (https://github.com/Nayjest/Gito/issues/295: a client that always built Basic auth).
 */
function captchaAfterFailedLogins(o: Observation): boolean {
  return o.failed && (says(o, /CAPTCHA_CHALLENGE/) || /CAPTCHA/i.test(o.headers.all['x-authentication-denied-reason'] ?? ''));
}

/** Seraph says the login was denied outright (the account must pass a CAPTCHA first), not that the credentials were wrong. */
function seraphDeniedLogin(o: Observation): boolean {
  return /AUTHENTICATION_DENIED/i.test(o.headers.all['x-seraph-loginreason'] ?? '');
}

/** Atlassian's answer to basic auth with an account password (Cloud removed it in 2019). */
const PASSWORD_DEPRECATED = /basic auth(?:entication)? with (?:a )?passwords? (?:is|are|has been) (?:deprecated|not allowed|no longer)|basic authentication with passwords|password[- ]based basic auth|deprecation-notice-basic-auth/i;

/**
 * "From June 3rd, 2019, we will be progressively disabling this authentication method"
 * (https://developer.atlassian.com/cloud/jira/platform/deprecation-notice-basic-auth-and-cookie-based-auth/).
 */
const PASSWORDS_DISABLED_FROM = Date.UTC(2019, 5, 3);

/** The paste is dated (Date header, log timestamp) before Cloud began refusing passwords. */
function datedBeforePasswordRemoval(o: Observation): boolean {
  const latest = latestDateIn(`${o.headers.all.date ?? ''}\n${o.messageText}`);
  return latest !== undefined && latest < PASSWORDS_DISABLED_FROM;
}

/**
 * Cloud signs in with the account e-mail; only Server and Data Center have user names. A paste telling the reader to
 * use the user name rather than the e-mail comes from a tool set up for a self-hosted site, where passwords still
 * work (https://github.com/Hygieia/Hygieia/issues/2709: a wrongly encoded user name and password).
 */
const SERVER_LOGIN_NAME = /user ?name,? (?:and )?not (?:your |the )?e-?mail/i;

export const basicAuthPassword: Rule = (o) => {
  const deprecated = says(o, PASSWORD_DEPRECATED);
  // Server logs ("FAILED authentication", "Failure count") come from Jira Server / Data Center, where passwords still work.
  // Confluence REST paths without /wiki and no Cloud host: a Data Center site, where passwords still work.
  const confluenceDc = o.product === 'confluence' && /^\/rest\//.test(o.pathAsCalled) && !o.cloudHost;
  const passwordRefused =
    o.auth === 'basic-password' &&
    (o.status === 401 || (o.status === undefined && o.failed)) &&
    !o.selfHostedHost &&
    !confluenceDc &&
    !authenticated401(o) &&
    !datedBeforePasswordRemoval(o) &&
    !seraphDeniedLogin(o) &&
    !says(o, /CAPTCHA|FAILED authentication|Failure count|remember me cookie/i) &&
    !says(o, SERVER_LOGIN_NAME);
  // Cookie-based login (POST /rest/auth/1/session with a password) went with basic auth with passwords on Cloud.
  const sessionLogin = /^\/rest\/auth\/1\/session$/.test(o.pathAsCalled) && o.cloudHost && (o.status === 401 || o.status === 403);
  const dcDisabled = o.failed && basicAuthDisabled(o) && o.auth !== 'data-center-pat';
  if (!deprecated && !passwordRefused && !sessionLogin && !dcDisabled) return undefined;
  if (sendsApiToken(o.auth)) {
    // The same text answers a wrong e-mail/token pair; the token case is the credential rule's.
    return undefined;
  }
  if (dcDisabled) return passwordOnDataCenterWithoutBasic(o);
  return {
    code: FindingCode.BASIC_AUTH_PASSWORD,
    severity: 'error',
    title: 'An account password was sent where Atlassian Cloud expects an API token',
    explanation:
      `${productName(o.product)} Cloud no longer accepts basic authentication with the account password${deprecated ? ' (the response says so)' : ''}. ` +
      'Basic auth still works with the e-mail address and an API token in place of the password.',
    remedies: [
      { actor: caller(o), action: 'Create an API token at https://id.atlassian.com/manage-profile/security/api-tokens and send base64(email:token) as Basic authorization.' },
      { actor: caller(o), action: 'For an app acting for other users, use OAuth 2.0 (3LO) or Forge instead of stored credentials.' }
    ],
    evidence: [statusEvidence(o), ...(deprecated ? ['the response says basic authentication with passwords is deprecated'] : []), `auth: ${o.auth}`],
    docs: DOCS.basicAuthDeprecation
  };
};

/**
 * Jira Cloud's answer (401 or 403) to a Bearer token that is neither a Connect session token nor an OAuth token,
 * e.g. {"error": "Failed to parse Connect Session Auth Token"} (https://github.com/lesstif/php-jira-rest-client/issues/528).
 */
export const BEARER_NOT_JWT = /Failed to parse Connect Session Auth Token|Bearer token (?:is )?(?:not supported|invalid)|API tokens? (?:must|should|can only) be used with basic auth/i;

type DeploymentMismatch = 'pat-as-basic' | 'pat-on-cloud' | 'pat-refused' | 'cloud-call-on-dc';

function deploymentMismatch(o: Observation): DeploymentMismatch | undefined {
  const pat = o.auth === 'data-center-pat';
  // A Data Center answer to Basic credentials, from a PAT caller or a caller that did not say (a Cloud-only client
  // sending a PAT as e-mail:token is the usual story behind it).
  if (dataCenterRefusedBasic(o) && (pat || o.auth === 'unknown')) return 'pat-as-basic';
  if (pat && captchaAfterFailedLogins(o)) return 'pat-as-basic';
  const refused = o.status === 401 || (o.status === undefined && o.failed && says(o, /401|Unauthori[sz]ed|authenticat|credential/i));
  if (pat && (says(o, BEARER_NOT_JWT) || (o.cloudHost && refused))) return 'pat-on-cloud';
  if (pat && refused) return o.selfHostedHost ? 'pat-as-basic' : 'pat-refused';
  // Cloud-style calls to a Data Center site (REST v3 and api.atlassian.com paths exist only in Cloud).
  const cloudPathOnDc =
    o.selfHostedHost &&
    o.failed &&
    (((/^\/rest\/api\/3\//.test(o.pathAsCalled) || /^\/ex\//.test(o.pathAsCalled)) && (o.status === 404 || o.status === undefined)) ||
      (/^\/(?:wiki\/)?api\/v2\//.test(o.pathAsCalled) && (o.status === 404 || o.status === 401 || o.status === undefined)));
  // Data Center does not know Cloud API tokens: it refuses them as a failed login (401), or with a bare or HTML 403.
  const cloudTokenRefusedByDc =
    o.selfHostedHost && sendsApiToken(o.auth) && !says(o, PASSWORD_DEPRECATED) && (o.status === 401 || (o.status === 403 && !productErrorBody(o)));
  const cloudTokenOnDc =
    cloudTokenRefusedByDc ||
    (dataCenterRefusedBasic(o) && sendsApiToken(o.auth));
  return cloudPathOnDc || cloudTokenOnDc ? 'cloud-call-on-dc' : undefined;
}

const SEND_PAT_AS_BEARER = 'Send the personal access token as `Authorization: Bearer <token>`, with no user name or e-mail. A client that only speaks the Cloud scheme (e-mail + API token) cannot use it: pick one with personal access token support.';

export const dataCenterTokenOnCloud: Rule = (o) => {
  const mismatch = deploymentMismatch(o);
  if (!mismatch) return undefined;
  const { title, explanation, remedies } = ((): Pick<Finding, 'title' | 'explanation' | 'remedies'> => {
    switch (mismatch) {
      case 'pat-as-basic':
        return {
          title: 'A Data Center personal access token was sent the Cloud way, as Basic credentials',
          explanation:
            'The site is Data Center / Server and refused the Basic credentials. Data Center takes personal access tokens only as a Bearer token; ' +
            'sent as the password of Basic auth (with a user name or e-mail, as Cloud API tokens are), the token is checked as a password and fails.' +
            (captchaAfterFailedLogins(o) ? ' Those failed logins are what made the site ask for a CAPTCHA: a Bearer token never counts as a login.' : ''),
          remedies: [
            { actor: caller(o), action: SEND_PAT_AS_BEARER },
            ...(captchaAfterFailedLogins(o) ? [{ actor: 'viewer' as const, action: 'Log in once in a browser as that account and answer the CAPTCHA, which clears the failed-login count.', channel: 'cli' as const }] : []),
            { actor: caller(o), action: 'Cloud API tokens (id.atlassian.com) do not work on Data Center either: create the token in your profile on the site (Profile → Personal Access Tokens).' }
          ]
        };
      case 'pat-on-cloud':
        return {
          title: 'A Data Center personal access token was sent to Atlassian Cloud',
          explanation: 'Personal access tokens (Bearer) exist only on Jira and Confluence Data Center. Cloud does not know them and treats the request as unauthenticated.',
          remedies: [{ actor: caller(o), action: 'On Cloud, use basic auth with your e-mail and an API token (id.atlassian.com), or OAuth 2.0 / Forge for apps.' }]
        };
      case 'pat-refused':
        return {
          title: 'The personal access token was refused: sent the Cloud way, or to Cloud',
          explanation:
            'Personal access tokens exist only on Data Center, which takes them only as a Bearer token. The usual causes of this refusal are a client that sends the token ' +
            'Cloud-style, as Basic credentials with a user name or e-mail, and a token used against an Atlassian Cloud site, which does not know it.',
          remedies: [
            { actor: caller(o), action: SEND_PAT_AS_BEARER },
            { actor: caller(o), action: 'If the site is *.atlassian.net (Cloud), use your e-mail and an API token (id.atlassian.com) as Basic credentials instead.' }
          ]
        };
      case 'cloud-call-on-dc':
        return {
          title: 'A Cloud-style call was sent to a Data Center / Server site',
          explanation: `${o.host ?? 'This site'} is not Atlassian Cloud: Data Center has REST v2 (no /rest/api/3), no api.atlassian.com gateway, and takes personal access tokens (Bearer) or passwords, not Cloud API tokens.`,
          remedies: [
            { actor: caller(o), action: 'On Data Center, call /rest/api/2/... and authenticate with a personal access token (sent as a Bearer token in the Authorization header).' },
            { actor: caller(o), action: 'Use Cloud API tokens only against *.atlassian.net or api.atlassian.com.' }
          ]
        };
      default:
        return assertNever(mismatch);
    }
  })();
  return {
    code: FindingCode.DATA_CENTER_TOKEN_ON_CLOUD,
    severity: 'error',
    title,
    explanation,
    remedies,
    evidence: [
      statusEvidence(o),
      `call: ${callLabel(o)}${o.host ? ` at ${o.host}` : ''} (${o.auth})`,
      ...(dataCenterRefusedBasic(o) ? ['the response is Data Center refusing Basic credentials'] : [])
    ],
    docs: DOCS.dataCenterTokens
  };
};

export const apiTokenWrongScheme: Rule = (o) => {
  const bearerNotJwt = says(o, BEARER_NOT_JWT);
  const tokenAsBearer = sendsApiToken(o.auth) && bearerNotJwt;
  const unknownBearer = (o.auth === 'unknown' || o.auth === 'oauth2') && bearerNotJwt;
  if (!tokenAsBearer && !unknownBearer) return undefined;
  return {
    code: FindingCode.API_TOKEN_WRONG_SCHEME,
    severity: 'error',
    title: 'An API token was sent with the wrong authentication scheme',
    explanation:
      'Atlassian Cloud API tokens go in Basic authorization, as base64 of "email:token". Sent as a Bearer token (or without the e-mail, or not base64-encoded), ' +
      `${productName(o.product)} tries to read it as a Connect session token and refuses it.`,
    remedies: [
      { actor: caller(o), action: 'Send the API token with Basic auth: base64 of "email:api_token" in the Authorization header, never as a Bearer token.' },
      { actor: caller(o), action: 'Bearer is for OAuth 2.0 access tokens, which go to https://api.atlassian.com/ex/{product}/{cloudId}.' }
    ],
    evidence: [statusEvidence(o), ...(bearerNotJwt ? ['the response says the Bearer token is not a Connect session token'] : [])],
    docs: DOCS.basicAuth
  };
};

/**
 * "Could not find authentication data on request" and "JWT claim did not contain the issuer" are
 * atlassian-connect-express's own refusals of a request that reached the app without a usable JWT
 * (lib/middleware/authentication.js; the same words in other Connect frameworks).
 */
const JWT_REJECTED =
  /could not find authentication data on request|JWT claim did not contain the issuer|validate (?:the )?JWT|(?:decode|verify|parse) (?:the )?JWT|JWT .{0,40}signature verification failed|used before issued|\bnbf\b|\bqsh\b|query (?:string )?hash|invalid jwt|jwt (?:token )?(?:is |has )?expired|expired jwt|jwt (?:signature|validation|verification)|unable to verify (?:the )?jwt|could not find (?:the )?installed client|installed client .{0,40}not found|authentication verification error|no jwt|jwt (?:is )?missing|JWT_.{0,20}(?:INVALID|EXPIRED)|(?:iat|exp) claim|clock skew/i;

/**
 * Jira Cloud stopped taking a Connect app's JWT as a `jwt` query parameter on REST calls; sent in the Authorization
 * header ("JWT <token>") the same call works (https://github.com/getsentry/sentry/issues/63821, fixed by moving it
 * there). The edge then refuses the call in its own words: "ASAP token from issuer 'micros/edge-authenticator' failed
 * authorization" (https://github.com/getsentry/sentry/issues/63818).
 */
function jwtInQuery(o: Observation): boolean {
  return o.auth === 'connect-jwt' && o.failed && says(o, /[?&]jwt=/i) && (o.status === 401 || o.status === 403 || o.status === undefined);
}
const EDGE_REFUSED_TOKEN = /ASAP token from issuer '[^'\n]{1,80}' failed authori[sz]ation/i;

export const connectJwtRejected: Rule = (o) => {
  if (jwtInQuery(o) || (o.auth === 'connect-jwt' && says(o, EDGE_REFUSED_TOKEN))) return jwtNotInHeader(o);
  const text = says(o, JWT_REJECTED);
  // A refused JWT leaves the request anonymous: 401, or every field "not on the appropriate screen".
  const connect401 = o.auth === 'connect-jwt' && (o.status === 401 || (o.status === undefined && o.failed && text) || screenRefusesEverything(o));
  if (!text && !connect401) return undefined;
  if (!text && o.auth !== 'connect-jwt') return undefined;
  return {
    code: FindingCode.CONNECT_JWT_REJECTED,
    severity: 'error',
    title: 'The Connect JWT was refused',
    explanation:
      'A Connect app signs each request with a JWT whose query string hash (qsh) must match the exact method, path and query sent, ' +
      'that is valid for a few minutes only (exp/iat, so clocks must agree), and that is signed with the shared secret of this installation.',
    remedies: [
      { actor: 'app-developer', action: 'Compute qsh from the canonical request actually sent (method, path without the context path, sorted query) and sign a fresh token per request.' },
      { actor: 'app-developer', action: 'Check the server clock (NTP) and that the shared secret is the one from the latest "installed" lifecycle callback for this site.' },
      { actor: 'app-developer', action: 'Some endpoints do not accept Connect JWTs at all: check the operation in the REST documentation.' }
    ],
    evidence: [statusEvidence(o), `auth: ${o.auth}`],
    docs: DOCS.connectJwt
  };
};

function jwtNotInHeader(o: Observation): Finding {
  const inQuery = jwtInQuery(o);
  return {
    code: FindingCode.CONNECT_JWT_REJECTED,
    severity: 'error',
    title: inQuery ? 'The Connect JWT went as a query parameter, which Jira Cloud no longer accepts on REST calls' : "Atlassian's edge refused the Connect app's token",
    explanation:
      (inQuery ? 'The call carried its JWT in the URL (?jwt=…). ' : 'The edge in front of the product did not authorize the token the call carried. ') +
      'Jira Cloud takes a Connect app\'s JWT for REST calls in the Authorization header, as "JWT <token>"; the query parameter now fails even when the token itself is valid.',
    remedies: [
      { actor: 'app-developer', action: 'Send the JWT in the Authorization header ("JWT <token>") and leave it out of the query string; update the integration if it is a packaged one (a newer release may already do this).' },
      { actor: 'app-developer', action: 'Compute qsh without the jwt parameter, from the method, path and the other query parameters sent.' }
    ],
    evidence: [statusEvidence(o), inQuery ? 'the URL carries a jwt query parameter' : 'the edge refused the token (ASAP authorization)', `auth: ${o.auth}`],
    docs: DOCS.connectJwt
  };
}

/** An HTML login or SSO page instead of the API's answer. */
const LOGIN_PAGE =
  /log ?in (?:to|with) (?:your )?(?:atlassian|jira|confluence|account)|log ?into (?:your )?(?:atlassian|jira|confluence|account)|\blog ?in - |sign in to (?:your account|continue)|id\.atlassian\.com\/login|atlassian account log ?in|\/login\.jsp|you (?:must|need to) log ?in|please log ?in|session (?:has )?(?:expired|timed out)|CAPTCHA_CHALLENGE|captcha|single sign-on|\bSAML\b|okta|microsoftonline|login\.microsoft/i;

export const loginRequired: Rule = (o) => {
  if (!o.failed && !(o.body.kind === 'html' && o.status !== undefined && o.status < 400)) return undefined;
  const redirectToLogin = o.status !== undefined && o.status >= 300 && o.status < 400 && /login|sso|saml|id\.atlassian\.com/i.test(o.headers.all.location ?? '');
  const page = (o.body.kind === 'html' || o.status === undefined || o.status === 401 || o.status === 403) && says(o, LOGIN_PAGE);
  // Jira Server/DC after too many failed logins: X-Authentication-Denied-Reason: CAPTCHA_CHALLENGE; login-url=…
  // Seraph's AUTHENTICATION_DENIED: the login was not even attempted because the account must pass a CAPTCHA (too
  // many failed logins), answered 401/403 (Confluence KB 966681459; "Basic Authentication Failure - Reason :
  // AUTHENTICATION_DENIED" in https://bitbucket.org/atlassianlabs/atlascode/issues/263). A 200 with that header was
  // served anonymously instead: the credential rule's.
  const deniedLogin =
    (o.status === undefined || o.status === 401 || o.status === 403) &&
    (seraphDeniedLogin(o) || says(o, /Fail+ure - Reason\s?: AUTHENTICATION_DENIED/i));
  const seraph = /CAPTCHA/i.test(`${o.headers.all['x-seraph-loginreason'] ?? ''} ${o.headers.all['x-authentication-denied-reason'] ?? ''}`) || says(o, /CAPTCHA_CHALLENGE/) || deniedLogin;
  if (!redirectToLogin && !page && !seraph) return undefined;
  return {
    code: FindingCode.LOGIN_REQUIRED,
    severity: 'error',
    title: 'A login page answered instead of the API',
    explanation:
      'The request was not accepted as authenticated, so the site (or an SSO proxy in front of it) sent its login page' +
      (seraph ? ' and asks for an interactive login (CAPTCHA after failed attempts)' : '') + '. A REST client cannot pass a login page.',
    remedies: [
      { actor: caller(o), action: 'Authenticate every REST call itself (API token, OAuth 2.0, PAT); do not rely on a browser session or cookies.' },
      ...(seraph ? [{ actor: caller(o), action: 'Log in once in a browser to clear the CAPTCHA, then fix the credentials the script sends.' } as const] : []),
      { actor: 'site-admin' as const, action: 'If an SSO proxy guards the site, allow API calls with tokens past it.' }
    ],
    evidence: [statusEvidence(o), ...(o.headers.all.location ? ['location: (a login page)'] : []), ...(seraph ? [`x-seraph-loginreason: ${o.headers.all['x-seraph-loginreason']}`] : [])],
    docs: DOCS.basicAuth
  };
};

function passwordOnDataCenterWithoutBasic(o: Observation) {
  return {
    code: FindingCode.BASIC_AUTH_PASSWORD,
    severity: 'error' as const,
    title: 'This Data Center site has basic authentication switched off: use a personal access token',
    explanation:
      `The administrators of this ${o.product ? `${productName(o.product)} ` : ''}Data Center site disabled basic authentication, so a user name and password are refused on every REST call. ` +
      'The site takes personal access tokens instead, sent as a Bearer token.',
    remedies: [
      { actor: caller(o), action: 'Create a personal access token in your profile on the site (Profile → Personal Access Tokens) and send `Authorization: Bearer <token>`.' },
      { actor: 'site-admin' as const, action: 'If scripts must keep basic auth, the administrators can allow it for them (Data Center: Authentication methods, basic auth exceptions).' }
    ],
    evidence: [statusEvidence(o), 'the response says basic authentication is disabled on this instance'],
    docs: DOCS.dataCenterTokens
  };
}

/**
 * A Bearer token sent to a site URL (*.atlassian.net): OAuth 2.0 (3LO) access tokens are accepted only through
 * https://api.atlassian.com/ex/{product}/{cloudId}, and API tokens only as Basic credentials, so whichever it was,
 * the site cannot take it. (Personal access tokens, also sent as Bearer, exist on Data Center only.)
 */
export const bearerAtSiteUrl: Rule = (o) => {
  if (o.auth !== 'oauth2' || !o.failed || !o.host || !/\.atlassian\.net$/.test(o.host)) return undefined;
  if (o.status !== undefined && o.status !== 401 && o.status !== 403 && o.status !== 404) return undefined;
  return {
    code: FindingCode.API_TOKEN_WRONG_SCHEME,
    severity: 'error',
    title: `A Bearer token was sent to ${o.host}, which takes neither kind of token that way`,
    explanation:
      'The site URL accepts API tokens only as Basic credentials (base64 of "email:api_token"). OAuth 2.0 access tokens are Bearer tokens, ' +
      'but they are accepted only through https://api.atlassian.com/ex/{product}/{cloudId}. Personal access tokens (Bearer) exist on Data Center only.',
    remedies: [
      { actor: caller(o), action: 'With an API token: send Basic authorization, base64 of "email:api_token", to the site URL.' },
      { actor: caller(o), action: `With an OAuth 2.0 access token: call https://api.atlassian.com/ex/${o.product ?? 'jira'}/{cloudId}${o.pathAsCalled.startsWith('/') ? o.pathAsCalled : ''} instead (the cloudId comes from /oauth/token/accessible-resources).` }
    ],
    evidence: [statusEvidence(o), `Bearer token sent to ${o.host}`],
    docs: DOCS.basicAuth
  };
};
