import { STATUS_CATEGORY, type Issue, type Tenant, type User } from '../tenant/model';
import { ISSUE_NOT_VISIBLE, JIRA_UNAUTHENTICATED, jiraErrors, json } from '../gateway/responses';
import type { GatewayRequest, GatewayResponse } from '../gateway/types';

type JiraHandler = (tenant: Tenant, request: GatewayRequest, user: User | undefined, match: RegExpExecArray) => GatewayResponse;

function siteUrl(tenant: Tenant): string {
  return `https://${tenant.site}`;
}

function canBrowse(tenant: Tenant, user: User | undefined, projectKey: string, asApp: boolean): boolean {
  const project = tenant.projects.find((p) => p.key === projectKey);
  if (!project) return false;
  if (asApp) return true;
  if (!user) return false;
  return project.browsableBy === 'everyone' || project.browsableBy.includes(user.accountId);
}

function userJson(tenant: Tenant, user: User) {
  return {
    self: `${siteUrl(tenant)}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    accountType: 'atlassian',
    displayName: user.displayName,
    active: true,
    timeZone: 'Europe/Berlin',
    avatarUrls: { '48x48': `${siteUrl(tenant)}/avatar/${user.accountId}/48` }
  };
}

function issueJson(tenant: Tenant, issue: Issue, fields: string[] | undefined) {
  const assignee = issue.assigneeAccountId ? tenant.users.find((u) => u.accountId === issue.assigneeAccountId) : undefined;
  const all: Record<string, unknown> = {
    summary: issue.summary,
    status: { name: issue.status.name, statusCategory: STATUS_CATEGORY[issue.status.category] },
    issuetype: { name: issue.issueType, iconUrl: `${siteUrl(tenant)}/images/icons/issuetypes/${issue.issueType.toLowerCase()}.svg` },
    priority: { name: issue.priority },
    assignee: assignee ? userJson(tenant, assignee) : null,
    updated: issue.updated,
    project: { key: issue.key.split('-')[0] }
  };
  const wanted = fields && fields.length && !fields.includes('*all') ? fields : Object.keys(all);
  return {
    expand: 'renderedFields,names,schema',
    id: issue.id,
    self: `${siteUrl(tenant)}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: Object.fromEntries(wanted.filter((f) => f in all).map((f) => [f, all[f]]))
  };
}

const getIssue: JiraHandler = (tenant, request, user, match) => {
  const idOrKey = decodeURIComponent(match[1]);
  const issue = tenant.issues.find((i) => i.key === idOrKey.toUpperCase() || i.id === idOrKey);
  const asApp = request.caller.kind === 'forge-app';
  if (!issue || !canBrowse(tenant, user, issue.key.split('-')[0], asApp)) return ISSUE_NOT_VISIBLE;
  const fields = request.query.get('fields')?.split(',').map((f) => f.trim()).filter(Boolean);
  return json(200, issueJson(tenant, issue, fields));
};

const myself: JiraHandler = (tenant, request, user) => {
  if (!user) return JIRA_UNAUTHENTICATED;
  return json(200, { ...userJson(tenant, user), emailAddress: user.email, locale: 'en_US' });
};

const projectSearch: JiraHandler = (tenant, request, user) => {
  const asApp = request.caller.kind === 'forge-app';
  const values = tenant.projects.filter((p) => canBrowse(tenant, user, p.key, asApp)).map((p) => ({ key: p.key, name: p.name }));
  return json(200, { startAt: 0, maxResults: 50, total: values.length, isLast: true, values });
};

const serverInfo: JiraHandler = (tenant) => json(200, { baseUrl: siteUrl(tenant), deploymentType: 'Cloud', version: '1001.0.0-SNAPSHOT' });

const columns: JiraHandler = () => json(200, [{ label: 'Key', value: 'issuekey' }, { label: 'Summary', value: 'summary' }]);

const permissions: JiraHandler = () => json(200, { permissions: { BROWSE_PROJECTS: { key: 'BROWSE_PROJECTS', name: 'Browse Projects', type: 'PROJECT' } } });

const ROUTES: [string, RegExp, JiraHandler][] = [
  ['GET', /^\/rest\/api\/3\/issue\/([^/]+)$/, getIssue],
  ['GET', /^\/rest\/api\/3\/myself$/, myself],
  ['GET', /^\/rest\/api\/3\/project\/search$/, projectSearch],
  ['GET', /^\/rest\/api\/3\/serverInfo$/, serverInfo],
  ['GET', /^\/rest\/api\/3\/settings\/columns$/, columns],
  ['GET', /^\/rest\/api\/3\/permissions$/, permissions]
];

export function handleJira(tenant: Tenant, request: GatewayRequest, user: User | undefined): GatewayResponse {
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(request.path);
    if (match && method === request.method) return handler(tenant, request, user, match);
  }
  // The emulator's own notice, not an imitation of Jira.
  return jiraErrors(404, [`The emulated Jira does not implement ${request.method} ${request.path}.`]);
}
