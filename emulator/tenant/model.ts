import type { Product } from '../../src/diagnosis/types';

export type { Product };

export interface User {
  accountId: string;
  displayName: string;
  email: string;
  /** Products this user has a licence (product access) for. */
  products: Product[];
  /** Per product, the scopes the user's "Allow access" grant holds; absent = never consented. */
  consent: Partial<Record<Product, string[]>>;
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
