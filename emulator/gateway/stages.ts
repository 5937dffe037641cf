/**
 * The gateway's checks. GATEWAY_STAGES at the end fixes the order every request meets them in; each stage cites where its behaviour comes from.
 */
import { findOperation } from '../../src/catalog/operation-lookup';
import type { Product, Tenant, User } from '../tenant/model';
import {
  ISSUE_NOT_VISIBLE_MESSAGE,
  JIRA_FORBIDDEN_HTML,
  SCOPE_MISMATCH,
  jiraErrors,
  json,
  missingScopeMessage,
  productError
} from './responses';
import type { GatewayRequest, GatewayResponse, GatewayStage } from './types';

/** Seed 001 (seeds/001_ae8b4048ce3fecd4.txt): a Forge invocation may only reach its own site; /ex/{product}/{cloudId} paths fail the client scope check. */
export const rejectExPathFromForge: GatewayStage = (_tenant, request) => {
  if (request.via !== 'forge' || !request.exPath) return undefined;
  return { status: 401, headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' }, body: '' };
};

/** Seed 000 (seeds/000_d129f04eb91bac1d.txt) and build-an-app-compatible-with-confluence-and-jira.md: the app must be installed on the product it calls, on the same site. */
export const requireInstallation: GatewayStage = (tenant, request) => {
  if (request.via !== 'forge' || tenant.app.installedOn.includes(request.product)) return undefined;
  return productError(request.product, 403, 'The app is not installed on this instance.');
};

/** node_modules/@forge/api/out/api/fetch.js (handleProxyResponseErrors): a user who never consented makes the proxy answer with forge-proxy-error: NEEDS_AUTHENTICATION_ERR. */
export const requireConsent: GatewayStage = (_tenant, request) => {
  if (request.caller.kind !== 'forge-user') return undefined;
  const user = request.caller.user;
  if (user && user.consent[request.product] !== undefined) return undefined;
  return { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' }, body: '' };
};

function grantedScopes(tenant: Tenant, request: GatewayRequest): string[] | undefined {
  const caller = request.caller;
  if (caller.kind === 'forge-user') return caller.user?.consent[request.product] ?? [];
  if (caller.kind === 'forge-app') return tenant.app.installedScopes;
  if (caller.kind === 'token' && caller.token === 'scoped' && request.via === 'api-gateway') return caller.scopes;
  return undefined;
}

function requiredGroups(request: GatewayRequest): string[][] {
  const operation = findOperation(request.method, request.path);
  return operation ? [...operation.classic, ...operation.granular] : [];
}

/** Seed 000 (seeds/000_d129f04eb91bac1d.txt, Forge) and seed 002 (seeds/002_2b44e0b806e6471d.txt, scoped tokens): the caller's grant must hold one complete scope group of the operation. */
export const requireScopes: GatewayStage = (tenant, request) => {
  const granted = grantedScopes(tenant, request);
  if (!granted) return undefined;
  const groups = requiredGroups(request);
  if (groups.length === 0 || groups.some((g) => g.every((s) => granted.includes(s)))) return undefined;
  if (request.caller.kind === 'token') return SCOPE_MISMATCH;
  const message = missingScopeMessage(granted, groups, new Set(tenant.gatewayBlankScopeNames));
  return request.product === 'jira' ? jiraErrors(403, [message]) : json(403, { code: 403, message });
};

/** Seed 002 (seeds/002_2b44e0b806e6471d.txt): at the site URL a scoped token is not accepted; Jira then answers as it does to anonymous callers. */
export const scopedTokenAtSite: GatewayStage = (_tenant, request) => {
  if (request.via !== 'site' || request.caller.kind !== 'token' || request.caller.token !== 'scoped') return undefined;
  return anonymousAnswer(request);
};

/** Classic API tokens only work at the site URL (the API token documentation quoted in seeds/002_2b44e0b806e6471d.txt). */
export const classicTokenAtGateway: GatewayStage = (_tenant, request) => {
  if (request.via !== 'api-gateway' || request.caller.kind !== 'token' || request.caller.token !== 'classic') return undefined;
  return json(401, { code: 401, message: 'Unauthorized' });
};

function anonymousAnswer(request: GatewayRequest): GatewayResponse {
  if (request.product === 'jira' && /^\/rest\/api\/3\/issue\/[^/]+$/.test(request.path)) return jiraErrors(404, [ISSUE_NOT_VISIBLE_MESSAGE]);
  return request.product === 'jira'
    ? jiraErrors(401, ['Client must be authenticated to access this resource.'])
    : json(401, { code: 401, message: 'Unauthorized' });
}

/** Callers without valid credentials outside Forge: Jira and the gateway answer 401 (the REST API intro on authentication). */
export const requireCredentials: GatewayStage = (_tenant, request) => {
  if (request.caller.kind !== 'anonymous') return undefined;
  if (request.caller.reason === 'bad-credentials') return request.product === 'jira' ? jiraErrors(401, ['Client must be authenticated to access this resource.']) : json(401, { code: 401, message: 'Unauthorized' });
  return anonymousAnswer(request);
};

export function actingUser(request: GatewayRequest): User | undefined {
  const caller = request.caller;
  return caller.kind === 'forge-user' || caller.kind === 'token' ? caller.user : undefined;
}

/** Product access (access-to-forge-apps-for-unlicensed-users.md): a user without a licence for the product is refused by it. */
export const requireProductAccess: GatewayStage = (_tenant, request) => {
  const user = actingUser(request);
  if (!user || user.products.includes(request.product)) return undefined;
  return productError(request.product, 403, `You do not have access to ${request.product === 'jira' ? 'Jira' : 'Confluence'}.`);
};

/** Seed 003 (seeds/003_6edb5cfc9b1db525.txt): admin-only endpoints refuse non-admins; without Accept: application/json Jira sends its HTML 403 page. */
export const requireAdminForAdminOnly: GatewayStage = (_tenant, request) => {
  const operation = findOperation(request.method, request.path);
  if (!operation?.adminOnly) return undefined;
  const user = actingUser(request);
  if (request.caller.kind === 'forge-app' || user?.admin) return undefined;
  if (!/application\/json/i.test(request.headers['accept'] ?? '')) {
    return { status: 403, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: JIRA_FORBIDDEN_HTML };
  }
  return jiraErrors(403, ['You are not authorized to perform this operation. Please contact your Jira administrators.']);
};

export const GATEWAY_STAGES: GatewayStage[] = [
  rejectExPathFromForge,
  requireInstallation,
  requireConsent,
  classicTokenAtGateway,
  requireScopes,
  scopedTokenAtSite,
  requireCredentials,
  requireProductAccess,
  requireAdminForAdminOnly
];

export type { Product };
