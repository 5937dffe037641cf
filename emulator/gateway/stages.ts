/**
 * The gateway's checks. GATEWAY_STAGES at the end fixes the order every request meets them in; each stage cites
 * where its behaviour comes from; the answers themselves are in ./responses (assumed ones in ASSUMED_RESPONSES).
 */
import { findOperation } from '../../src/catalog/operation-lookup';
import { forcesConsentScreen } from '../../src/catalog/forge-scopes';
import type { AppInstallation, Product, Tenant, User } from '../tenant/model';
import {
  ADMIN_ONLY_FORBIDDEN,
  CONFLUENCE_NOT_FOUND,
  EX_PATH_SCOPE_CHECK,
  FORGE_SCOPE_CHECK_FAILED,
  GATEWAY_UNAUTHORIZED,
  ISSUE_NOT_VISIBLE,
  JIRA_UNAUTHENTICATED,
  NEEDS_AUTHENTICATION,
  TOKEN_SCOPE_MISMATCH,
  emptyGrantResponse,
  missingScopeMessage,
  notInstalled
} from './responses';
import type { GatewayRequest, GatewayResponse, GatewayStage } from './types';

/**
 * Seed 001, https://community.developer.atlassian.com/t/forge-app-401-unauthorized-failure-client-scope-check-when-calling-ex-jira-cloudid-rest-api-3-project-search-from-webtrigger/96127 :
 * a Forge invocation may only reach its own site; /ex/{product}/{cloudId} paths fail the client scope check. */
export const rejectExPathFromForge: GatewayStage = (_tenant, request) => {
  if (request.via !== 'forge' || !request.exPath) return undefined;
  return EX_PATH_SCOPE_CHECK;
};

/**
 * Seed 000, https://community.developer.atlassian.com/t/access-to-the-resource-was-denied-due-to-missing-scope-grants/75654
 * ("The app is not installed on this instance."): the app must be installed on the product it calls.
 */
export const requireInstallation: GatewayStage = (tenant, request) => {
  if (request.via !== 'forge' || tenant.app.installedOn.includes(request.product)) return undefined;
  return notInstalled(request.product);
};

/**
 * Simplified user consent, https://developer.atlassian.com/platform/forge/simplified-user-consent/ : a user is asked only when the app declares read:me or
 * read:account, or uses external authentication. Product scopes alone never ask a user.
 */
export function requiresUserConsent(app: AppInstallation): boolean {
  return app.externalAuth || app.installedScopes.some(forcesConsentScreen);
}

/**
 * asUser for a user who has not consented → 401 forge-proxy-error: NEEDS_AUTHENTICATION_ERR: node_modules/@forge/api/out/api/fetch.js
 * (handleProxyResponseErrors) and https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestgraph/
 */
export const requireConsent: GatewayStage = (tenant, request) => {
  if (request.caller.kind !== 'forge-user' || !requiresUserConsent(tenant.app)) return undefined;
  if (request.caller.user?.consented) return undefined;
  return NEEDS_AUTHENTICATION;
};

function requiredGroups(request: GatewayRequest): string[][] {
  const operation = findOperation(request.method, request.path);
  return operation ? [...operation.classic, ...operation.granular] : [];
}

function holdsAGroup(granted: readonly string[], groups: string[][]): boolean {
  return groups.length === 0 || groups.some((g) => g.every((s) => granted.includes(s)));
}

/**
 * The caller's grant must hold one complete scope group of the operation (from the committed catalog).
 * - Forge, asUser and asApp: the installation's scopes. Missing → FORGE_SCOPE_CHECK_FAILED,
 *   https://community.atlassian.com/forums/Jira-Service-Management/Forge-code-401-message-Unauthorized-scope-does-not-match/qaq-p/3255119
 * - Forge asUser under seed 000's platform fault (the user's grant recorded empty): seed 000's 403 text,
 *   https://community.developer.atlassian.com/t/access-to-the-resource-was-denied-due-to-missing-scope-grants/75654
 * - Scoped API tokens at api.atlassian.com: their scopes → TOKEN_SCOPE_MISMATCH,
 *   https://community.atlassian.com/forums/Jira-Service-Management/Jira-Cloud-OAuth-2-0-JQL-API-works-but-granular-scopes-not/qaq-p/3106413
 */
export const requireScopes: GatewayStage = (tenant, request) => {
  const caller = request.caller;
  const groups = requiredGroups(request);
  if (caller.kind === 'forge-user' && caller.user?.emptyGrant.includes(request.product) && groups.length > 0) {
    return emptyGrantResponse(request.product, missingScopeMessage([], groups, new Set(tenant.gatewayBlankScopeNames)));
  }
  if (caller.kind === 'forge-user' || caller.kind === 'forge-app') {
    return holdsAGroup(tenant.app.installedScopes, groups) ? undefined : FORGE_SCOPE_CHECK_FAILED;
  }
  if (caller.kind === 'token' && caller.token === 'scoped' && request.via === 'api-gateway') {
    return holdsAGroup(caller.scopes, groups) ? undefined : TOKEN_SCOPE_MISMATCH;
  }
  return undefined;
};

/** Seed 002, https://community.atlassian.com/forums/Jira-questions/Jira-Token-With-Scopes/qaq-p/3089340 : at the site URL a scoped token is not accepted; Jira then answers as it does to anonymous callers. */
export const scopedTokenAtSite: GatewayStage = (_tenant, request) => {
  if (request.via !== 'site' || request.caller.kind !== 'token' || request.caller.token !== 'scoped') return undefined;
  return anonymousAnswer(request);
};

/** Unscoped ("classic") API tokens belong at the site URL (https://community.atlassian.com/forums/Jira-questions/Jira-Token-With-Scopes/qaq-p/3089340); the gateway's answer to one is assumed ('classic-token-at-gateway'). */
export const classicTokenAtGateway: GatewayStage = (_tenant, request) => {
  if (request.via !== 'api-gateway' || request.caller.kind !== 'token' || request.caller.token !== 'classic') return undefined;
  return GATEWAY_UNAUTHORIZED;
};

/**
 * What a product answers a caller it does not know: Jira's issue 404
 * (https://community.atlassian.com/forums/Jira-questions/Jira-Token-With-Scopes/qaq-p/3089340), Jira's 401 elsewhere
 * (https://github.com/jira-node/node-jira-client/issues/255), Confluence's page 404 (https://github.com/hunyadi/md2conf/issues/113),
 * Confluence's 401 elsewhere (assumed 'confluence-unauthenticated').
 */
export function anonymousAnswer(request: GatewayRequest): GatewayResponse {
  if (request.product === 'jira') return /^\/rest\/api\/3\/issue\/[^/]+$/.test(request.path) ? ISSUE_NOT_VISIBLE : JIRA_UNAUTHENTICATED;
  return /^\/wiki\/api\/v2\/(pages|blogposts)\/[^/]+$/.test(request.path) ? CONFLUENCE_NOT_FOUND : GATEWAY_UNAUTHORIZED;
}

/**
 * Callers without valid credentials: a bad token gets Jira's 401 (https://github.com/jira-node/node-jira-client/issues/255); no
 * credentials at all, which includes Forge's unauthenticated `api.requestJira`
 * (https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestconfluence/: "Unauthenticated"), the anonymous answer.
 */
export const requireCredentials: GatewayStage = (_tenant, request) => {
  if (request.caller.kind !== 'anonymous') return undefined;
  if (request.caller.reason === 'bad-credentials') return request.product === 'jira' ? JIRA_UNAUTHENTICATED : GATEWAY_UNAUTHORIZED;
  return anonymousAnswer(request);
};

export function actingUser(request: GatewayRequest): User | undefined {
  const caller = request.caller;
  return caller.kind === 'forge-user' || caller.kind === 'token' ? caller.user : undefined;
}

/** A user without a licence for the product (https://developer.atlassian.com/platform/forge/access-to-forge-apps-for-unlicensed-jsm-users/) is answered as an anonymous caller (assumed 'no-product-access'). */
export const requireProductAccess: GatewayStage = (_tenant, request) => {
  const user = actingUser(request);
  if (!user || user.products.includes(request.product)) return undefined;
  return anonymousAnswer(request);
};

/** Seed 003, https://community.developer.atlassian.com/t/http-401-when-accessing-some-jira-rest-endpoints-using-jwt-bearer-token/3746 : admin-only endpoints refuse non-admins with Jira's HTML 403 page, whatever the Accept header. */
export const requireAdminForAdminOnly: GatewayStage = (_tenant, request) => {
  const operation = findOperation(request.method, request.path);
  if (!operation?.adminOnly) return undefined;
  const user = actingUser(request);
  if (request.caller.kind === 'forge-app' || user?.admin) return undefined;
  return ADMIN_ONLY_FORBIDDEN;
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

export type { Product, Tenant };
