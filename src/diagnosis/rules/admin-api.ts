import { DOCS, FindingCode } from '../codes';
import { callLabel, statusEvidence } from '../observation';
import type { Rule } from './rule';

/**
 * Atlassian's organization Admin API (https://api.atlassian.com/admin/…) answers a call its API key's scopes do not
 * cover with a plain 404 "Not Found", not 401 or 403 (Atlassian's own report, https://jira.atlassian.com/browse/AX-1941:
 * a key without read:directories got 404 from /admin/v2/orgs/{orgId}/directories). The route exists, so "no such
 * endpoint" would send the reader the wrong way; an org id the key does not belong to is the other reading. Some
 * operations take no scope at all and need a key created without scopes (https://jira.atlassian.com/browse/AX-712).
 * GET /admin/v1/orgs is no way to check the org id: it answers an empty list (https://jira.atlassian.com/browse/ACCESS-966).
 */
const ORG_RESOURCE = /^\/(?:api\/)?admin\/v\d+\/orgs\/[^/]+\/[^/]/;

export const adminApiKeyScope: Rule = (o) => {
  if (!o.failed || o.status !== 404 || !ORG_RESOURCE.test(o.catalogPath)) return undefined;
  if (o.host !== undefined && o.host !== 'api.atlassian.com') return undefined;
  return {
    code: FindingCode.TOKEN_SCOPE_MISSING,
    severity: 'error',
    title: `The organization API key may lack the scope for ${callLabel(o)}: the Admin API answers that with 404`,
    explanation:
      'The Admin API does not say "forbidden" when an API key\'s scopes leave out an operation: it answers 404 Not Found, as if the route did not exist (Atlassian has confirmed this). ' +
      'The same 404 comes back for an organization id the key does not belong to.',
    remedies: [
      { actor: 'site-admin', action: 'In Atlassian Administration (Settings → API keys), create a key with the scopes this operation lists in the Admin API reference (a key\'s scopes cannot be changed afterwards); where the reference says scopes are not supported, create a key without scopes.' },
      { actor: 'script-owner', action: 'Check the organization id in the path against the one in the address of the organization\'s pages in Atlassian Administration, and that the key was created in that organization.' }
    ],
    evidence: [statusEvidence(o), `call: ${callLabel(o)} (Admin API, organization resource)`],
    docs: DOCS.adminApi
  };
};
