import api, { route } from '@forge/api';
import { CARD_FIELDS } from './issue-card';
import { timedCall, type CallOutcome } from './product-call';

/** One product call the macro may make, with why it is worth making. */
export interface ProbeSpec {
  id: 'jira-user-issue' | 'confluence-user-page' | 'jira-app-site';
  product: 'jira' | 'confluence';
  as: 'user' | 'app';
  /** Method and path as shown to people (no query). */
  call: string;
  purpose: string;
  run(timeoutMs: number): Promise<CallOutcome>;
}

const ACCEPT_JSON = { Accept: 'application/json' };

/**
 * GET /rest/api/3/issue/{key} with only the given fields, as the viewer. Never as the app: an app-rights read of a
 * key a reader chose would tell "hidden from you" from "does not exist", which Jira's single 404 is meant to hide.
 */
export function readIssueAsUser(key: string, fields: string) {
  return (signal: AbortSignal) => api.asUser().requestJira(route`/rest/api/3/issue/${key}?fields=${fields}`, { signal, headers: ACCEPT_JSON });
}

/** Reads the issue as the viewer: the only call whose content is ever shown. */
export function jiraUserIssue(key: string): ProbeSpec {
  return {
    id: 'jira-user-issue',
    product: 'jira',
    as: 'user',
    call: `GET /rest/api/3/issue/${key}`,
    purpose: 'Reads the issue as you. The only call whose content is shown.',
    run: (timeoutMs) => timedCall('Jira', timeoutMs, readIssueAsUser(key, CARD_FIELDS.join(',')), true)
  };
}

/** Reads the page (or blog post) hosting the macro as the viewer: tells a Jira-only grant problem from broken consent. */
export function confluenceUserContent(content: { id: string; type: 'page' | 'blogpost' }): ProbeSpec {
  const collection = content.type === 'blogpost' ? 'blogposts' : 'pages';
  const read = (signal: AbortSignal) =>
    content.type === 'blogpost'
      ? api.asUser().requestConfluence(route`/wiki/api/v2/blogposts/${content.id}`, { signal, headers: ACCEPT_JSON })
      : api.asUser().requestConfluence(route`/wiki/api/v2/pages/${content.id}`, { signal, headers: ACCEPT_JSON });
  return {
    id: 'confluence-user-page',
    product: 'confluence',
    as: 'user',
    call: `GET /wiki/api/v2/${collection}/${content.id}`,
    purpose: `Checks that the app may read Confluence as you (this ${content.type === 'blogpost' ? 'blog post' : 'page'}), to tell a Jira-only problem from broken consent.`,
    run: (timeoutMs) => timedCall('Confluence', timeoutMs, read, false)
  };
}

/**
 * Asks Jira, with the app's rights, for its base URL. Names no issue, so it reveals nothing about one; made only when
 * the invocation context gives no site URL and a configured link names a site that must be compared with this one.
 * `GET /rest/api/3/serverInfo` needs no scope (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-server-info/).
 */
export function jiraAppSite(): ProbeSpec {
  return {
    id: 'jira-app-site',
    product: 'jira',
    as: 'app',
    call: 'GET /rest/api/3/serverInfo',
    purpose: 'Reads this site\'s base URL (the context gave none) to tell whether the configured link is for this site. Names no issue.',
    run: (timeoutMs) =>
      timedCall('Jira', timeoutMs, (signal) => api.asApp().requestJira(route`/rest/api/3/serverInfo`, { signal, headers: ACCEPT_JSON }), true)
  };
}
