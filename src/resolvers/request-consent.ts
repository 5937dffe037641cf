import api, { NeedsAuthenticationError, route } from '@forge/api';
import { readInvocationContext } from '../macro/invocation-context';

/**
 * The explicit "Allow access" action. Without consent the asUser call itself throws
 * NeedsAuthenticationError; with consent that still leaves Jira's grant empty (seed 000), the
 * error is raised on purpose so that Confluence asks again. Guests and anonymous readers cannot
 * consent (asUser is not allowed for them): nothing is called and nothing is raised.
 */
export async function requestConsent(context: unknown): Promise<{ consent: 'not-applicable' }> {
  if (readInvocationContext(context).accountType !== 'licensed') return { consent: 'not-applicable' };
  await api.asUser().requestJira(route`/rest/api/3/serverInfo`, { headers: { Accept: 'application/json' } });
  throw new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key', { isExpectedError: true });
}
