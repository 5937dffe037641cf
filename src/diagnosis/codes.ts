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
  connectedApps: 'https://id.atlassian.com/manage-profile/apps'
} as const;
