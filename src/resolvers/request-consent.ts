import api, { NeedsAuthenticationError, route } from '@forge/api';

/**
 * The explicit "Allow access" action. Without consent the asUser call itself throws
 * NeedsAuthenticationError; with consent that still leaves Jira's grant empty (seed 000), the
 * error is raised on purpose so that Confluence asks again.
 */
export async function requestConsent(): Promise<never> {
  await api.asUser().requestJira(route`/rest/api/3/serverInfo`, { headers: { Accept: 'application/json' } });
  throw new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key', { isExpectedError: true });
}
