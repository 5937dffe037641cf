/** Stable finding codes. Never rename one: tests, reports and users' tickets refer to them. */
export const FindingCode = {
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  USER_GRANT_EMPTY: 'USER_GRANT_EMPTY',
  USER_GRANT_MISSING_SCOPES: 'USER_GRANT_MISSING_SCOPES',
  MANIFEST_MISSING_SCOPE: 'MANIFEST_MISSING_SCOPE',
  INSTALLATION_NOT_UPGRADED: 'INSTALLATION_NOT_UPGRADED',
  TOKEN_SCOPE_MISSING: 'TOKEN_SCOPE_MISSING',
  PRODUCT_NOT_INSTALLED: 'PRODUCT_NOT_INSTALLED',
  PRODUCT_NOT_DECLARED: 'PRODUCT_NOT_DECLARED',
  FORGE_EX_PATH: 'FORGE_EX_PATH',
  SCOPED_TOKEN_SITE_URL: 'SCOPED_TOKEN_SITE_URL',
  ISSUE_NOT_FOUND_OR_HIDDEN: 'ISSUE_NOT_FOUND_OR_HIDDEN',
  ISSUE_HIDDEN_FROM_VIEWER: 'ISSUE_HIDDEN_FROM_VIEWER',
  ISSUE_NOT_FOUND: 'ISSUE_NOT_FOUND',
  ADMIN_ONLY_ENDPOINT: 'ADMIN_ONLY_ENDPOINT',
  HTML_ERROR_PAGE: 'HTML_ERROR_PAGE',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  RATE_LIMITED: 'RATE_LIMITED',
  PRODUCT_UNAVAILABLE: 'PRODUCT_UNAVAILABLE',
  TIMEOUT: 'TIMEOUT',
  EGRESS_NOT_ALLOWED: 'EGRESS_NOT_ALLOWED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  MALFORMED_RESPONSE: 'MALFORMED_RESPONSE',
  UNKNOWN_SCOPE_NAME: 'UNKNOWN_SCOPE_NAME',
  CONSENT_SCREEN_SCOPE: 'CONSENT_SCREEN_SCOPE',
  OAUTH_SCOPE_MISSING: 'OAUTH_SCOPE_MISSING',
  OPERATION_NOT_ALLOWED_FOR_CALLER: 'OPERATION_NOT_ALLOWED_FOR_CALLER',
  BASIC_AUTH_PASSWORD: 'BASIC_AUTH_PASSWORD',
  API_TOKEN_WRONG_SCHEME: 'API_TOKEN_WRONG_SCHEME',
  DATA_CENTER_TOKEN_ON_CLOUD: 'DATA_CENTER_TOKEN_ON_CLOUD',
  CONNECT_JWT_REJECTED: 'CONNECT_JWT_REJECTED',
  OAUTH_ACCESS_TOKEN_EXPIRED: 'OAUTH_ACCESS_TOKEN_EXPIRED',
  OAUTH_REFRESH_TOKEN_INVALID: 'OAUTH_REFRESH_TOKEN_INVALID',
  OAUTH_CLIENT_MISCONFIGURED: 'OAUTH_CLIENT_MISCONFIGURED',
  RESOURCE_NOT_FOUND_OR_HIDDEN: 'RESOURCE_NOT_FOUND_OR_HIDDEN',
  ENDPOINT_NOT_FOUND: 'ENDPOINT_NOT_FOUND',
  API_REMOVED: 'API_REMOVED',
  XSRF_CHECK_FAILED: 'XSRF_CHECK_FAILED',
  QUERY_STRING_IN_PATH: 'QUERY_STRING_IN_PATH',
  WRONG_PRODUCT_URL: 'WRONG_PRODUCT_URL',
  UNLICENSED_USER: 'UNLICENSED_USER',
  LOGIN_REQUIRED: 'LOGIN_REQUIRED',
  SITE_UNAVAILABLE: 'SITE_UNAVAILABLE',
  INVALID_REQUEST: 'INVALID_REQUEST',
  UNKNOWN: 'UNKNOWN',
  // The macro's own context (src/diagnosis/rules/macro-context.ts).
  ISSUE_ON_OTHER_SITE: 'ISSUE_ON_OTHER_SITE',
  VIEWER_CANNOT_USE_APP: 'VIEWER_CANNOT_USE_APP'
} as const;

export type FindingCode = (typeof FindingCode)[keyof typeof FindingCode];

export const DOCS = {
  permissions: 'https://developer.atlassian.com/platform/forge/manifest-reference/permissions/',
  jiraScopes: 'https://developer.atlassian.com/platform/forge/manifest-reference/scopes-product-jira/',
  crossProduct: 'https://developer.atlassian.com/platform/forge/build-an-app-compatible-with-confluence-and-jira/',
  compatibility: 'https://developer.atlassian.com/platform/forge/app-compatibility/',
  apiTokens: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
  jiraAuth: 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/#authentication',
  egress: 'https://developer.atlassian.com/platform/forge/runtime-egress-permissions/',
  rateLimits: 'https://developer.atlassian.com/cloud/jira/platform/rate-limiting/',
  invocationLimits: 'https://developer.atlassian.com/platform/forge/limits-invocation/',
  connectedApps: 'https://id.atlassian.com/manage-profile/apps',
  basicAuth: 'https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/',
  basicAuthDeprecation: 'https://developer.atlassian.com/cloud/jira/platform/deprecation-notice-basic-auth-and-cookie-based-auth/',
  dataCenterTokens: 'https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html',
  connectJwt: 'https://developer.atlassian.com/cloud/jira/platform/understanding-jwt-for-connect-apps/',
  oauth2: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
  oauthScopes: 'https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/',
  confluenceV2: 'https://developer.atlassian.com/cloud/confluence/rest/v2/intro/',
  jiraRest: 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/intro/',
  changelog: 'https://developer.atlassian.com/changelog/',
  xsrf: 'https://confluence.atlassian.com/jirakb/rest-api-calls-with-a-browser-user-agent-header-may-fail-csrf-checks-802591455.html',
  route: 'https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestjira/',
  unlicensed: 'https://developer.atlassian.com/platform/forge/access-to-forge-apps-for-unlicensed-users/',
  status: 'https://status.atlassian.com/',
  migrationTroubleshooting: 'https://developer.atlassian.com/platform/migration-api/guides/troubleshooting/'
} as const;

/** For exhaustive switches: the compiler proves this is never reached. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${String(value)}`);
}
