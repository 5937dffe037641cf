import type { Product } from '../../src/diagnosis/types';

export type { Product };

export interface User {
  accountId: string;
  displayName: string;
  email: string;
  /** Products this user has a licence (product access) for. */
  products: Product[];
  /**
   * Has clicked "Allow access". Only consulted for apps that still ask each user (simplified user consent:
   * https://developer.atlassian.com/platform/forge/simplified-user-consent/ — apps declaring read:me/read:account or
   * using external auth).
   */
  consented: boolean;
  /**
   * Products whose calls as this user carry an empty grant: the platform fault of seed 000
   * (https://community.developer.atlassian.com/t/access-to-the-resource-was-denied-due-to-missing-scope-grants/75654).
   */
  emptyGrant: Product[];
  /** Holds the Administer Jira global permission. */
  admin: boolean;
}

export interface Project {
  key: string;
  name: string;
  /** Account ids that may browse the project, or everyone with Jira access. */
  browsableBy: 'everyone' | string[];
}

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface Issue {
  id: string;
  key: string;
  summary: string;
  status: { name: string; category: StatusCategory };
  issueType: string;
  priority: string;
  assigneeAccountId: string | null;
  updated: string;
}

export interface Page {
  id: string;
  /** Confluence serves pages and blog posts under different paths. */
  type: 'page' | 'blogpost';
  title: string;
  spaceKey: string;
  viewableBy: 'everyone' | string[];
}

export interface ApiToken {
  token: string;
  accountId: string;
  kind: 'classic' | 'scoped';
  scopes: string[];
}

export interface AppInstallation {
  appId: string;
  environmentType: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
  environmentId: string;
  installationId: string;
  /** Products the app is installed on, on this site. */
  installedOn: Product[];
  /** Products the manifest's `app.compatibility` declares (app-compatibility.md); calls to others fail in the runtime. */
  compatibility: Product[];
  /** The product whose module runs the invocation (a Confluence macro: confluence). */
  contextProduct: Product;
  /** The manifest declares an external auth provider (`providers.auth`), which also asks each user to consent. */
  externalAuth: boolean;
  /** Scopes of the deployed manifest. */
  manifestScopes: string[];
  /** Scopes the installation was granted (lags the manifest until upgraded). */
  installedScopes: string[];
}

export interface Tenant {
  site: string;
  cloudId: string;
  app: AppInstallation;
  users: User[];
  projects: Project[];
  issues: Issue[];
  pages: Page[];
  apiTokens: ApiToken[];
  /** Scope names the gateway's 403 message renders empty (reproduces the doubled comma of seed 000). */
  gatewayBlankScopeNames: string[];
}

export const STATUS_CATEGORY = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' }
} as const;
