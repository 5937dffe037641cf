import type { IssueCard } from '../macro/render-result';

/** The fields the card shows; the issue is requested with exactly these. */
export const CARD_FIELDS = ['summary', 'status', 'issuetype', 'priority', 'assignee', 'updated'];

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

const CATEGORIES = ['new', 'indeterminate', 'done'] as const;

/** The issue's page on the site: `{siteUrl}/browse/KEY`, or site-relative when the context gave no site URL. */
export function browseUrl(siteUrl: string | undefined, key: string): string {
  return `${siteUrl ?? ''}/browse/${encodeURIComponent(key)}`;
}

/**
 * Maps Jira's issue JSON to the card; undefined when the JSON is not an issue. The link is built from the site URL
 * of the invocation context, never from the issue's `self`, which on gateway responses is
 * https://api.atlassian.com/ex/jira/{cloudId}/... and no page a reader can open.
 */
export function toIssueCard(json: unknown, fallbackKey: string, siteUrl: string | undefined): IssueCard | undefined {
  const issue = record(json);
  const fields = record(issue.fields);
  const key = text(issue.key) ?? fallbackKey;
  const summary = text(fields.summary);
  if (!summary) return undefined;
  const status = record(fields.status);
  const category = text(record(status.statusCategory).key);
  const assignee = record(fields.assignee);
  return {
    key,
    url: browseUrl(siteUrl, key),
    summary,
    status: {
      name: text(status.name) ?? 'Unknown',
      category: (CATEGORIES as readonly string[]).includes(category ?? '') ? (category as IssueCard['status']['category']) : 'unknown'
    },
    issueType: text(record(fields.issuetype).name) ?? 'Issue',
    priority: text(record(fields.priority).name),
    assignee: text(assignee.displayName) ? { displayName: text(assignee.displayName)!, accountId: text(assignee.accountId) ?? '' } : undefined,
    updated: text(fields.updated)
  };
}
