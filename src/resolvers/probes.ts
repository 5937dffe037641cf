import api, { route } from '@forge/api';
import { CARD_FIELDS } from './issue-card';
import { timedCall, type CallOutcome } from './product-call';

/** One product call the macro may make, with why it is worth making. */
export interface ProbeSpec {
  id: 'jira-user-issue' | 'confluence-user-page' | 'jira-app-issue';
  product: 'jira' | 'confluence';
  as: 'user' | 'app';
  /** Method and path as shown to people (no query). */
  call: string;
  purpose: string;
  run(timeoutMs: number): Promise<CallOutcome>;
}

const ACCEPT_JSON = { Accept: 'application/json' };

/** GET /rest/api/3/issue/{key} with only the given fields, as the viewer or as the app. */
function readIssue(as: 'user' | 'app', key: string, fields: string) {
  const requester = as === 'user' ? api.asUser() : api.asApp();
  return (signal: AbortSignal) => requester.requestJira(route`/rest/api/3/issue/${key}?fields=${fields}`, { signal, headers: ACCEPT_JSON });
}

/** Reads the issue as the viewer: the only call whose content is ever shown. */
export function jiraUserIssue(key: string): ProbeSpec {
  return {
    id: 'jira-user-issue',
    product: 'jira',
    as: 'user',
    call: `GET /rest/api/3/issue/${key}`,
    purpose: 'Reads the issue as you. The only call whose content is shown.',
    run: (timeoutMs) => timedCall('Jira', timeoutMs, readIssue('user', key, CARD_FIELDS.join(',')), true)
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

/** Asks with the app's own rights whether the issue exists. Its body is never read: nothing of it reaches the reader. */
export function jiraAppIssue(key: string): ProbeSpec {
  return {
    id: 'jira-app-issue',
    product: 'jira',
    as: 'app',
    call: `GET /rest/api/3/issue/${key}`,
    purpose: 'Asks, with the app\'s rights, whether the issue exists (to tell "hidden from you" from "does not exist"). Its content is discarded.',
    run: (timeoutMs) => timedCall('Jira', timeoutMs, readIssue('app', key, 'issuetype'), false)
  };
}
