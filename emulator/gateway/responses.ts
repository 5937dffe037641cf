/**
 * Every answer the emulated platform gives, each beside the public source that shows it. Answers no public source
 * shows are in ASSUMED_RESPONSES (and README's "Assumed responses" list); test/integration/emulator-responses.test.ts
 * pins every one of them byte for byte.
 */
import type { Product } from '../tenant/model';
import type { GatewayResponse } from './types';

/** Public sources quoted below. */
export const SOURCES = {
  seed000: 'https://community.developer.atlassian.com/t/access-to-the-resource-was-denied-due-to-missing-scope-grants/75654',
  seed001:
    'https://community.developer.atlassian.com/t/forge-app-401-unauthorized-failure-client-scope-check-when-calling-ex-jira-cloudid-rest-api-3-project-search-from-webtrigger/96127',
  seed002: 'https://community.atlassian.com/forums/Jira-questions/Jira-Token-With-Scopes/qaq-p/3089340',
  seed003: 'https://community.developer.atlassian.com/t/http-401-when-accessing-some-jira-rest-endpoints-using-jwt-bearer-token/3746',
  /** A Forge function (asUser and asApp) answered 401 "Unauthorized; scope does not match". */
  forgeBackendScopeMismatch: 'https://community.atlassian.com/forums/Jira-Service-Management/Forge-code-401-message-Unauthorized-scope-does-not-match/qaq-p/3255119',
  /** A Forge app's requestConfluence answered 401 "Unauthorized, scope does not match"; staff asked which scopes the token held. */
  forgeBridgeScopeMismatch: 'https://community.developer.atlassian.com/t/scope-does-not-match-when-creating-confluence-content-via-rest-api/58339',
  /** An OAuth 2.0 token lacking the scope: {"code":401,"message":"Unauthorized; scope does not match"} verbatim. */
  oauthScopeMismatch: 'https://community.atlassian.com/forums/Jira-Service-Management/Jira-Cloud-OAuth-2-0-JQL-API-works-but-granular-scopes-not/qaq-p/3106413',
  /** Jira Cloud's 401 to a caller it could not authenticate, verbatim. */
  jiraUnauthenticated: 'https://github.com/jira-node/node-jira-client/issues/255',
  /** Confluence v2's 404 body, verbatim; the maintainer: a 404 every time authentication or permission was lacking. */
  confluenceNotFound: 'https://github.com/hunyadi/md2conf/issues/113',
  /** `forge-proxy-error: NEEDS_AUTHENTICATION_ERR` → NeedsAuthenticationError (handleProxyResponseErrors). */
  forgeApiFetch: 'https://www.npmjs.com/package/@forge/api (out/api/fetch.js, 8.3.0)',
  /** The error classes the runtime raises, RequestProductNotAllowedError among them. */
  forgeApiErrors: 'https://www.npmjs.com/package/@forge/api (out/api/errors.js, 8.3.0)',
  /** asUser without the user's permission: "the request is made without a valid Authorization header"; a 401 then. */
  forgeFetchAsUser: 'https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestgraph/',
  /** `api.requestJira(...)` without asUser/asApp: "Unauthenticated (used for operations that do not support OAuth 2.0)". */
  forgeUnauthenticatedFetch: 'https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestconfluence/',
  simplifiedConsent: 'https://developer.atlassian.com/platform/forge/simplified-user-consent/',
  /** One installation shared by the required and optional Atlassian apps; the required app governs upgrades. */
  appCompatibility: 'https://developer.atlassian.com/platform/forge/app-compatibility/'
} as const;

/** A response no public source shows; kept few, and listed in README's "Assumed responses". */
export interface AssumedResponse {
  id: string;
  what: string;
}

export const ASSUMED_RESPONSES: readonly AssumedResponse[] = [
  { id: 'not-installed', what: '403 {"errorMessages":["The app is not installed on this instance."]}: seed 000 quotes only the message, not the status or body.' },
  { id: 'needs-authentication-body', what: 'the 401 carrying forge-proxy-error: NEEDS_AUTHENTICATION_ERR has an empty body (@forge/api throws before reading it).' },
  { id: 'ex-path-body', what: "seed 001's 401 has an empty body: the thread quotes only the status and x-failure-category." },
  { id: 'classic-token-at-gateway', what: '401 {"code":401,"message":"Unauthorized"} for an unscoped API token at api.atlassian.com.' },
  { id: 'confluence-empty-grant', what: '403 {"code":403,"message":<seed 000 text>} when Confluence meets the empty-grant fault (seed 000 shows Jira only).' },
  { id: 'confluence-unauthenticated', what: '401 {"code":401,"message":"Unauthorized"} from Confluence to an anonymous caller on a route other than a page.' },
  { id: 'no-product-access', what: 'a user without product access is answered as an anonymous caller (Jira: the 404 or 401 below).' },
  { id: 'site-not-found', what: '404 {"code":404,"message":"Site not found"} for /ex/{product}/{cloudId} with another cloud id.' },
  { id: 'request-product-not-allowed', what: 'the runtime raises RequestProductNotAllowedError from the fetch itself, before any request, for a product missing from app.compatibility.' },
  { id: 'json-content-type', what: 'content-type application/json;charset=UTF-8 on gateway JSON answers (the threads quote bodies, not this header).' },
  { id: 'faults', what: "injected faults' bodies: the empty 5xx body, the 429 body, the login page, malformed and truncated JSON, the 64 KiB adversarial body (stand-ins for any such answer)." }
];

const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' };

export function json(status: number, value: unknown, headers: Record<string, string> = {}): GatewayResponse {
  return { status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function jiraErrors(status: number, messages: string[]): GatewayResponse {
  return json(status, { errorMessages: messages, errors: {} });
}

/** Confluence v2's error body (SOURCES.confluenceNotFound). */
export function confluenceError(status: number, code: string, title: string): GatewayResponse {
  return json(status, { errors: [{ status, code, title, detail: null }] });
}

/** Jira's answer to an issue that does not exist or may not be browsed (SOURCES.seed002, verbatim). */
export const ISSUE_NOT_VISIBLE_MESSAGE = 'Issue does not exist or you do not have permission to see it.';
export const ISSUE_NOT_VISIBLE = jiraErrors(404, [ISSUE_NOT_VISIBLE_MESSAGE]);

/** Confluence's 404 (SOURCES.confluenceNotFound, verbatim). */
export const CONFLUENCE_NOT_FOUND = confluenceError(404, 'NOT_FOUND', 'Not Found');

/**
 * A Forge call (asUser or asApp) whose installation lacks the operation's scopes: SOURCES.forgeBackendScopeMismatch
 * (body verbatim), SOURCES.forgeBridgeScopeMismatch; the header as seed 001 (SOURCES.seed001) shows it on the
 * same gateway check. platform-facts.md: the two come together in public Forge app code.
 */
export const FORGE_SCOPE_CHECK_FAILED = json(401, { code: 401, message: 'Unauthorized; scope does not match' }, { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' });

/** A scoped API token or OAuth grant lacking the scopes: SOURCES.oauthScopeMismatch (verbatim), SOURCES.seed002 (answer listing the errors seen). */
export const TOKEN_SCOPE_MISMATCH = json(401, { code: 401, message: 'Unauthorized; scope does not match' });

/** Seed 001 (SOURCES.seed001): /ex/{product}/{cloudId} from a Forge invocation. Body: assumed 'ex-path-body'. */
export const EX_PATH_SCOPE_CHECK: GatewayResponse = { status: 401, headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' }, body: '' };

/** SOURCES.forgeApiFetch: the header the runtime turns into NeedsAuthenticationError; SOURCES.forgeFetchAsUser: a 401. Body: assumed. */
export const NEEDS_AUTHENTICATION: GatewayResponse = { status: 401, headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' }, body: '' };

/** Message from seed 000 (SOURCES.seed000); status and body assumed ('not-installed'). */
export const NOT_INSTALLED_MESSAGE = 'The app is not installed on this instance.';
export function notInstalled(product: Product): GatewayResponse {
  return product === 'jira' ? json(403, { errorMessages: [NOT_INSTALLED_MESSAGE] }) : json(403, { code: 403, message: NOT_INSTALLED_MESSAGE });
}

/** Jira Cloud's 401 to an unauthenticated caller (SOURCES.jiraUnauthenticated, verbatim). */
export const JIRA_UNAUTHENTICATED = json(401, { message: 'Client must be authenticated to access this resource.', 'status-code': 401 });

/** Assumed ('confluence-unauthenticated', 'classic-token-at-gateway'). */
export const GATEWAY_UNAUTHORIZED = json(401, { code: 401, message: 'Unauthorized' });

/** Assumed ('site-not-found'). */
export const SITE_NOT_FOUND = json(404, { code: 404, message: 'Site not found' });

/**
 * The gateway's missing-scope text, byte for byte as seed 000 (SOURCES.seed000) quotes it. Scope names the gateway
 * cannot render come out empty, which yields the doubled comma of the seed.
 */
export function missingScopeMessage(granted: string[], groups: string[][], blank: Set<string>): string {
  const renderGroup = (group: string[]) =>
    group.reduce((text, scope, i) => {
      if (blank.has(scope)) return `${text},`;
      return i === 0 ? scope : `${text}, ${scope}`;
    }, '');
  return (
    `Access to the resource was denied due to missing scope grants. Your app was granted the following scopes: [${granted.join(', ')}].\n` +
    'The resource can be accessed by having one of these groups of scopes:\n' +
    groups.map((g) => ` * [${renderGroup(g)}]\n`).join('')
  );
}

/** Seed 000's 403 (SOURCES.seed000: `data: {"errorMessages": [...]}`, no "errors" key); Confluence's shape assumed. */
export function emptyGrantResponse(product: Product, message: string): GatewayResponse {
  return product === 'jira' ? json(403, { errorMessages: [message] }) : json(403, { code: 403, message });
}

/** Jira's HTML 403 page for admin-only endpoints, whatever the Accept header (SOURCES.seed003: "Accept: application/json ... Same results"). */
export const JIRA_FORBIDDEN_HTML = `<section class="aui-page-panel-content">
                    <header class="aui-page-header"><div class="aui-page-header-inner">
                            <div class="aui-page-header-main">
                                    <h1>Forbidden (403)</h1>
                                </div><!-- .aui-page-header-main -->
                        </div><!-- .aui-page-header-inner --></header><!-- .aui-page-header -->
                    <div class="aui-message aui-message-warning warning">
                            <p>Encountered a <code>&quot;403 - Forbidden&quot;</code> error while loading this page.</p>
                            <p><a href="/secure/MyJiraHome.jspa">Go to JIRA home</a></p>
                </section><!-- .aui-page-panel-content -->`;
export const ADMIN_ONLY_FORBIDDEN: GatewayResponse = { status: 403, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: JIRA_FORBIDDEN_HTML };
