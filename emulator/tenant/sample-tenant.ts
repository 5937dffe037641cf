import type { Tenant } from './model';

export const SAMPLE_ISSUE_KEY = 'DOC-42';
export const VIEWER_ID = '5b10ac8d82e05b22cc7d4ef5';
export const OUTSIDER_ID = '5d53f3cbc6b9320d9ea5bdc2';
export const ADMIN_ID = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';

/** The scopes this app's manifest.yml declares; the healthy installation holds exactly these. */
export const APP_SCOPES: readonly string[] = ['read:jira-work', 'read:page:confluence'];

/** A healthy site: the app installed on Confluence and Jira, a realistic project. */
export function sampleTenant(): Tenant {
  return {
    site: 'acme.atlassian.net',
    cloudId: '3f1b0c1e-7a2d-4b9e-8c55-1d2e3f4a5b6c',
    app: {
      appId: '6f1c2a9e-4b1d-4c8e-9a57-0d3e1f2b7c44',
      environmentType: 'DEVELOPMENT',
      environmentId: 'a1b2c3d4-0000-4000-8000-000000000001',
      installationId: 'b7e3f1a2-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
      installedOn: ['confluence', 'jira'],
      compatibility: ['confluence', 'jira'],
      contextProduct: 'confluence',
      externalAuth: false,
      manifestScopes: [...APP_SCOPES],
      installedScopes: [...APP_SCOPES]
    },
    users: [
      { accountId: VIEWER_ID, displayName: 'Mia Krystof', email: 'mia@acme.example', products: ['confluence', 'jira'], consented: false, emptyGrant: [], admin: false },
      {
        accountId: OUTSIDER_ID,
        displayName: 'Oskar Lind',
        email: 'oskar@acme.example',
        products: ['confluence', 'jira'],
        consented: false,
        emptyGrant: [],
        admin: false
      },
      {
        accountId: ADMIN_ID,
        displayName: 'Ada Admin',
        email: 'ada@acme.example',
        products: ['confluence', 'jira'],
        consented: false,
        emptyGrant: [],
        admin: true
      }
    ],
    projects: [
      { key: 'DOC', name: 'Documentation', browsableBy: 'everyone' },
      { key: 'SEC', name: 'Security', browsableBy: [ADMIN_ID] }
    ],
    issues: [
      issue('10042', 'DOC-42', 'Publish the Forge macro troubleshooting guide', 'In Progress', 'indeterminate', 'Story', 'High', VIEWER_ID, '2026-11-24T16:05:12.000+0000'),
      issue('10043', 'DOC-43', 'Broken link in the consent FAQ', 'To Do', 'new', 'Bug', 'Medium', null, '2026-11-23T09:12:40.000+0000'),
      issue('10044', 'DOC-44', 'Screenshots for the scoped token how-to', 'Done', 'done', 'Task', 'Low', OUTSIDER_ID, '2026-11-20T11:47:03.000+0000'),
      issue('10045', 'DOC-45', 'Rate limit guidance for cross-product apps', 'In Review', 'indeterminate', 'Task', 'Medium', null, '2026-11-25T08:30:00.000+0000'),
      issue('10046', 'DOC-46', 'Macro renders blank after scope change', 'To Do', 'new', 'Bug', 'Highest', ADMIN_ID, '2026-11-25T10:02:19.000+0000'),
      issue('10101', 'SEC-7', 'Rotate the integration API tokens', 'To Do', 'new', 'Task', 'High', ADMIN_ID, '2026-11-22T14:00:00.000+0000')
    ],
    pages: [
      { id: '98305', type: 'page', title: 'Release notes: Issue Doctor', spaceKey: 'DOCS', viewableBy: 'everyone' },
      { id: '98306', type: 'page', title: 'Security review', spaceKey: 'SEC', viewableBy: [ADMIN_ID] },
      { id: '98400', type: 'blogpost', title: 'Issue Doctor is out', spaceKey: 'DOCS', viewableBy: 'everyone' }
    ],
    apiTokens: [
      { token: 'ATATT-classic-emulated-0001', accountId: VIEWER_ID, kind: 'classic', scopes: [] },
      { token: 'ATATT-scoped-emulated-0002', accountId: VIEWER_ID, kind: 'scoped', scopes: ['read:issue:jira', 'read:issue-details:jira', 'read:project:jira', 'read:user:jira', 'read:permission:jira'] }
    ],
    gatewayBlankScopeNames: ['read:issue.vote:jira']
  };
}

function issue(
  id: string,
  key: string,
  summary: string,
  statusName: string,
  category: 'new' | 'indeterminate' | 'done',
  issueType: string,
  priority: string,
  assigneeAccountId: string | null,
  updated: string
) {
  return { id, key, summary, status: { name: statusName, category }, issueType, priority, assigneeAccountId, updated };
}
