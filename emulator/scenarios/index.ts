import type { Fault } from '../faults';
import { ADMIN_ID, APP_SCOPES, OUTSIDER_ID, SAMPLE_ISSUE_KEY, VIEWER_ID } from '../tenant/sample-tenant';
import type { Tenant } from '../tenant/model';

/** A named tenant state reproducing one real situation. */
export interface Scenario {
  name: string;
  title: string;
  /** The real situation it reproduces, and where it comes from. */
  situation: string;
  /** The issue the macro on the sample page is configured with. */
  issueKey: string;
  /** Who reads the page. */
  viewerAccountId: string;
  /**
   * The scopes of the manifest this scenario deploys (the installation starts with them; `apply` may make it lag).
   * A resolver run against the scenario is configured with these: `createResolverHandler({ declaredScopes })`.
   */
  manifestScopes: readonly string[];
  /** Changes to the healthy sample tenant. */
  apply?: (tenant: Tenant) => void;
  faults?: Fault[];
}

const base = { issueKey: SAMPLE_ISSUE_KEY, viewerAccountId: VIEWER_ID, manifestScopes: APP_SCOPES };

/** This app's manifest plus read:me: an app that still asks each user to consent (simplified user consent). */
export const CONSENT_APP_SCOPES: readonly string[] = [...APP_SCOPES, 'read:me'];

function viewer(tenant: Tenant) {
  return tenant.users.find((u) => u.accountId === VIEWER_ID)!;
}

export const SCENARIOS: Scenario[] = [
  { ...base, name: 'healthy', title: 'Healthy', situation: 'Installed on Confluence and Jira with the scopes this manifest declares; no reader is asked for consent; the issue is visible.' },
  {
    ...base,
    name: 'consent-needed',
    title: 'Consent needed',
    situation:
      'An app whose manifest declares read:me (so each user must consent, per simplified user consent); the reader has not clicked "Allow access": @forge/api throws NeedsAuthenticationError.',
    manifestScopes: CONSENT_APP_SCOPES
  },
  {
    ...base,
    name: 'seed-000-empty-user-grant',
    title: 'Empty Jira grant (seed 000)',
    situation:
      'Seed 000, a platform fault: asUser to Jira gets 403 "granted the following scopes: []" although manifest and installation hold read:jira-work; asApp works; Confluence is fine.',
    apply: (t) => {
      viewer(t).emptyGrant = ['jira'];
    }
  },
  {
    ...base,
    name: 'jira-not-installed',
    title: 'Jira not installed',
    situation: 'Seed 000: "The app is not installed on this instance": installed on Confluence only.',
    apply: (t) => {
      t.app.installedOn = ['confluence'];
    }
  },
  {
    ...base,
    name: 'manifest-missing-scope',
    title: 'Manifest lacks read:jira-work',
    situation: 'The deployed manifest forgot read:jira-work: every Forge call to Jira gets 401 "Unauthorized; scope does not match" (FAILURE_CLIENT_SCOPE_CHECK).',
    manifestScopes: APP_SCOPES.filter((s) => s !== 'read:jira-work')
  },
  {
    ...base,
    name: 'installation-not-upgraded',
    title: 'Installation not upgraded',
    situation:
      'read:jira-work was added to the manifest and deployed, but nobody ran `forge install --upgrade`: Forge calls to Jira get 401 "Unauthorized; scope does not match".',
    apply: (t) => {
      t.app.installedScopes = t.app.installedScopes.filter((s) => s !== 'read:jira-work');
    }
  },
  {
    ...base,
    name: 'reader-cannot-see-issue',
    title: 'Reader cannot see the issue',
    situation: "The issue is in a project the reader may not browse: Jira answers 404 \"Issue does not exist or you do not have permission to see it.\"",
    issueKey: 'SEC-7'
  },
  { ...base, name: 'issue-does-not-exist', title: 'Issue does not exist', situation: 'The macro points at an issue that was deleted.', issueKey: 'DOC-999' },
  {
    ...base,
    name: 'seed-001-ex-path',
    title: '/ex/jira/{cloudId} from Forge (seed 001)',
    situation: 'Seed 001: a Forge function calls /ex/jira/{cloudId}/rest/api/3/project/search and gets 401 x-failure-category: FAILURE_CLIENT_SCOPE_CHECK.'
  },
  {
    ...base,
    name: 'seed-002-scoped-token',
    title: 'Scoped API token at the site URL (seed 002)',
    situation: 'Seed 002: a scoped API token works only through https://api.atlassian.com/ex/jira/{cloudId}; at the site URL Jira answers 404.',
    apply: (t) => {
      t.apiTokens.push({
        token: 'ATATT-scoped-emulated-0003',
        accountId: VIEWER_ID,
        kind: 'scoped',
        scopes: ['read:jira-work']
      });
    }
  },
  {
    ...base,
    name: 'seed-003-admin-only',
    title: 'Admin-only endpoint (seed 003)',
    situation: 'Seed 003: /rest/api/2/settings/columns needs Administer Jira; Jira sends an HTML 403 page, with or without Accept: application/json.',
    viewerAccountId: OUTSIDER_ID
  },
  {
    ...base,
    name: 'rate-limited',
    title: 'Rate limited',
    situation: 'Jira answers 429 Too Many Requests with Retry-After: 30.',
    faults: [{ kind: 'rate-limit', product: 'jira', retryAfterSeconds: 30 }]
  },
  { ...base, name: 'jira-down', title: 'Jira down', situation: 'Jira answers 503 Service Unavailable.', faults: [{ kind: 'server-error', product: 'jira', status: 503 }] },
  { ...base, name: 'jira-hanging', title: 'Jira hanging', situation: 'Jira accepts the connection and never answers.', faults: [{ kind: 'hang', product: 'jira' }] }
];

export const SCENARIO_NAMES = SCENARIOS.map((s) => s.name);

export function findScenario(name: string): Scenario {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) throw new Error(`Unknown scenario "${name}". Known scenarios: ${SCENARIO_NAMES.join(', ')}.`);
  return scenario;
}

export { ADMIN_ID, OUTSIDER_ID, VIEWER_ID };
