import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, type Observation, statusEvidence } from '../observation';
import { caller, callerKind, says, sendsApiToken } from './remedies';
import type { Rule } from './rule';

const NOT_FOR_CALLER =
  /OAuth 2\.0 is not enabled for this method|not (?:enabled|supported|available|allowed|accessible|permitted) (?:for|to|by|with) (?:this )?(?:oauth|forge|connect|apps?\b|app users?|api tokens?|scoped tokens?|the app)|(?:apps|connect apps|forge apps|oauth apps|app users) (?:are|is) not (?:allowed|permitted|supported)|(?:cannot|can't|may not) be (?:used|called|accessed) (?:by|with|from) (?:an? )?(?:app|apps|connect|forge|oauth)|only available (?:to|for) (?:users|connect apps|forge apps|site admins)|requires a user context|not supported for app|Unauthorized; this endpoint is not|Apps cannot access this REST resource|Only (?:Connect |Forge )?apps can (?:access|use|make|call)|not accessible (?:by|with|using|through) this authentication (?:mechanism|method)|Application failed to authenticate|(?:permission|not (?:allowed|permitted)) to connect (?:via|with|using) (?:an? )?(?:API tokens?|OAuth|apps?)|API tokens? (?:are |is )?(?:not allowed|blocked|disabled) (?:by|for|in) (?:your |this )?(?:organi[sz]ation|admin)|for (?:3LO|OAuth 2\.0|OAuth|Connect|Forge) apps (?:is|are) (?:currently )?(?:under development|not (?:yet )?(?:supported|available|enabled))/i;

/**
 * Operations whose reference says "Apps cannot access this REST resource - including when utilizing user
 * impersonation" (https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-space-permissions/):
 * Confluence v1 space permissions. The catalog holds Confluence v2 only, so they are listed here.
 */
const APPS_CANNOT_ACCESS = /^\/wiki\/rest\/api\/space\/[^/]+\/permission(?:\/custom-content|\/\d+)?$/;

/** The committed catalog says the operation accepts no OAuth/Forge scope at all. */
function noScopesForForgeOrOauth(o: Observation): boolean {
  return !!o.operation && o.operation.classic.length === 0 && o.operation.granular.length === 0;
}

function connectInaccessible(o: Observation): boolean {
  return o.auth === 'connect-jwt' && o.operation?.connectScope === 'INACCESSIBLE';
}

/** The caller kind cannot use this operation at all: no grant, scope or permission will unlock it. */
export const operationNotAllowedForCaller: Rule = (o) => {
  if (!o.failed) return undefined;
  // "OAuth 2.0 is not enabled" for an operation that has scopes means the app lacks them (e.g. JSM scopes not added).
  const text = says(o, NOT_FOR_CALLER) && !(says(o, /OAuth 2\.0 is not enabled for/i) && !noScopesForForgeOrOauth(o) && o.operation === undefined && o.auth === 'oauth2');
  const scopeCheck =
    (o.status === 401 && /scope does not match/i.test(o.messageText)) ||
    o.headers.failureCategory === 'FAILURE_CLIENT_SCOPE_CHECK' ||
    ((o.status === 401 || o.status === 403) && o.messageText.length < 40);
  // Cloud's cookie-session login (/rest/auth/1/session) takes no API token, scoped token or OAuth token: only a
  // password did, and passwords went with basic auth. The same token works per request on the REST API.
  const sessionLoginWithToken =
    /^\/rest\/auth\/1\/session$/.test(o.pathAsCalled) &&
    (sendsApiToken(o.auth) || o.auth === 'oauth2') &&
    (o.status === 401 || o.status === 403);
  // /rest/atlassian-connect/ APIs serve Connect apps only.
  const connectOnly = o.auth !== 'connect-jwt' && /^\/rest\/atlassian-connect\//.test(o.catalogPath);
  const appsCannot = (o.isForge || o.auth === 'oauth2' || o.auth === 'connect-jwt') && APPS_CANNOT_ACCESS.test(o.catalogPath) && (o.status === 401 || o.status === 403 || o.status === undefined);
  const byCatalog = sessionLoginWithToken || appsCannot || connectOnly || connectInaccessible(o) || ((o.isForge || o.auth === 'oauth2') && scopeCheck && noScopesForForgeOrOauth(o));
  if (!text && !byCatalog) return undefined;
  const { who } = callerKind(o.auth);
  // An organization setting, not the operation, turned this kind of credential away (e.g. Rovo MCP with API tokens).
  const orgPolicy = text && says(o, /connect (?:via|with|using) (?:an? )?(?:API tokens?|OAuth|apps?)|organi[sz]ation(?:'s)? admin/i);
  const evidence = [statusEvidence(o), `call: ${callLabel(o)} (${o.auth})`];
  if (sessionLoginWithToken) evidence.push('/rest/auth/1/session starts a cookie session from a password; tokens are sent on each REST call instead');
  else if (connectInaccessible(o)) evidence.push(`catalog: ${o.operation!.method} ${o.operation!.template} has Connect scope INACCESSIBLE`);
  else if (appsCannot) evidence.push('the REST reference says apps cannot access this resource, even with user impersonation');
  else if (connectOnly) evidence.push('the /rest/atlassian-connect/ APIs serve Connect apps only');
  else if (byCatalog && o.operation) evidence.push(`catalog: ${o.operation.method} ${o.operation.template} lists no OAuth 2.0 / Forge scopes`);
  if (text) evidence.push('the response says the operation is not available to this caller');
  if (o.body.htmlTitle) evidence.push(`HTML page "${o.body.htmlTitle}"`);
  return {
    code: FindingCode.OPERATION_NOT_ALLOWED_FOR_CALLER,
    severity: 'error',
    title: orgPolicy ? `The organization does not allow connecting with ${who}` : `${callLabel(o)} is not available to ${who}`,
    explanation:
      (orgPolicy ? '' : `${productName(o.product)} does not offer this operation to ${who} at all: `) +
      (orgPolicy
        ? 'An organization admin setting decides which kinds of credentials may connect, and this one is not allowed. Nothing in the request changes that.'
        : sessionLoginWithToken
        ? 'the cookie-session login accepts no token. Leave the session login out (in jira-python, `validate=False`) and send the token with every call.'
        : connectInaccessible(o)
        ? 'its Connect scope is INACCESSIBLE, so no Connect scope, header or admin right will unlock it.'
        : appsCannot
          ? 'its REST reference says apps cannot access it, even when acting as a user.'
          : connectOnly
          ? 'the /rest/atlassian-connect/ APIs exist for Connect apps only.'
          : byCatalog
          ? 'the REST documentation lists no OAuth 2.0 or Forge scope for it, so no manifest or grant can include one.'
          : 'the response says so. Adding scopes or permissions will not change that.'),
    remedies: orgPolicy
      ? [
          { actor: 'site-admin', action: `An organization admin allows connections with ${who} in Atlassian Administration (the security or app settings the message refers to); changes can take a while to apply.` },
          { actor: caller(o), action: 'Meanwhile, connect the way the organization allows (for example the OAuth sign-in flow instead of an API token).' }
        ]
      : [
          { actor: caller(o), action: 'Use another operation that offers the same data to this caller (check the operation\'s "Connect app scope" / "OAuth scopes required" in the REST reference).' },
          { actor: caller(o), action: 'Or make the call with a caller kind the operation accepts (a user\'s API token or session for user-only and admin operations).' },
          ...(o.operation?.adminOnly
            ? [{ actor: 'site-admin' as const, action: `Even for callers it accepts, ${o.operation.method} ${o.operation.template} needs the Administer ${productName(o.product)} global permission.` }]
            : []),
          ...(o.body.kind === 'html' || o.headers.isHtml
            ? [{ actor: caller(o), action: 'Send `Accept: application/json` to get a JSON error instead of an HTML page (it will not make the call succeed).' }]
            : [])
        ],
    evidence,
    docs: DOCS.oauthScopes
  };
};
