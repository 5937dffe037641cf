import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, UNKNOWN_PATH, statusEvidence } from '../observation';
import { BEARER_NOT_JWT } from './auth-scheme';
import type { Rule } from './rule';

const EX_PREFIX = /^\/ex\/(jira|confluence)\/[^/]+/;

/** Seed 001: inside Forge, `/ex/jira/{cloudId}` paths are refused with 401 FAILURE_CLIENT_SCOPE_CHECK. */
export const forgeExPath: Rule = (o) => {
  if (o.host || !(o.isForge || o.auth === 'unknown')) return undefined;
  const prefix = EX_PREFIX.exec(o.pathAsCalled);
  const clientScopeCheck = o.status === 401 && o.headers.failureCategory === 'FAILURE_CLIENT_SCOPE_CHECK';
  // Without the path, this 401 is still the signature seed 001 established.
  const pathUnknown = o.pathAsCalled === UNKNOWN_PATH && clientScopeCheck;
  if (!prefix && !pathUnknown) return undefined;
  if (!prefix && o.auth === 'unknown' && !clientScopeCheck) return undefined;
  const product = prefix?.[1] ?? o.product ?? 'jira';
  const withoutPrefix = prefix ? o.pathAsCalled.slice(prefix[0].length) || '/' : undefined;
  return {
    code: FindingCode.FORGE_EX_PATH,
    severity: 'error',
    title: `Drop /ex/${product}/{cloudId} from the path: a Forge call reaches only its own site`,
    explanation:
      'Any one invocation of a Forge app can only access the site (tenant) it was invoked for. requestJira/requestConfluence already ' +
      `target that site, so an /ex/${product}/{cloudId} prefix is treated as a cross-tenant request and refused` +
      (o.headers.failureCategory ? ` (x-failure-category: ${o.headers.failureCategory}).` : '.') +
      (pathUnknown ? ' The path was not given: this 401 is the usual sign of such a prefix; if there is none, the app lacks a scope the call needs.' : ''),
    remedies: [
      {
        actor: 'app-developer',
        action: withoutPrefix ? `Call ${withoutPrefix} without the /ex/${product}/{cloudId} prefix.` : `Call the /rest/... path without the /ex/${product}/{cloudId} prefix.`
      },
      {
        actor: 'app-developer',
        action: "To work with several sites, handle each site in that site's own invocation (e.g. its web trigger); never reach another tenant's data from one invocation."
      }
    ],
    evidence: [`call: ${callLabel(o)} (${o.auth})`, statusEvidence(o), ...(o.headers.failureCategory ? [`x-failure-category: ${o.headers.failureCategory}`] : [])],
    docs: DOCS.invocationLimits
  };
};

/** Seed 002: scoped API tokens work only through https://api.atlassian.com/ex/{product}/{cloudId}. */
export const scopedTokenAtSiteUrl: Rule = (o) => {
  if (o.auth !== 'basic-scoped-token') return undefined;
  if (o.host === 'api.atlassian.com' || EX_PREFIX.test(o.pathAsCalled)) return undefined;
  if (o.status !== undefined && o.status < 400) return undefined;
  // "scope does not match" comes from the gateway: the call did go through api.atlassian.com.
  if (/scope does not match/i.test(o.messageText)) return undefined;
  // Cloud's answer to a Bearer token it cannot parse: the token went with the wrong scheme, whatever the URL.
  if (BEARER_NOT_JWT.test(o.messageText)) return undefined;
  // Without the URL, a refusal of a scoped token is most often this: the site URL answers it as anonymous.
  if (!o.host && !(o.failed && (o.status === undefined || o.status === 401 || o.status === 403 || o.status === 404))) return undefined;
  const product = o.product ?? 'jira';
  return {
    code: FindingCode.SCOPED_TOKEN_SITE_URL,
    severity: 'error',
    title: `Scoped API tokens must call https://api.atlassian.com/ex/${product}/{cloudId}, not the site URL`,
    explanation:
      `An API token with scopes is not accepted at ${o.host ?? 'the site URL (https://<your-site>.atlassian.net)'}: ${productName(o.product)} then answers as if you were anonymous ` +
      '(401, or 404 "Issue does not exist or you do not have permission to see it."). Basic authentication still works, through the API gateway.' +
      (o.host ? '' : ' The URL was not given: if the call already went to api.atlassian.com/ex/..., the token lacks a scope the operation needs instead.'),
    remedies: [
      {
        actor: 'script-owner',
        action: `Use https://api.atlassian.com/ex/${product}/{cloudId}${o.pathAsCalled} with the same basic authentication (email:token).`
      },
      { actor: 'script-owner', action: 'Find the cloudId at https://<your-site>.atlassian.net/_edge/tenant_info.' },
      { actor: 'script-owner', action: 'Check the token holds the scopes the call needs (listed per operation in the REST API documentation).' }
    ],
    evidence: [`call: ${callLabel(o)} at ${o.host ?? 'site URL'} with a scoped token`, `status ${o.status ?? '?'}: ${o.messageText.split('\n')[0]}`],
    docs: DOCS.apiTokens
  };
};
