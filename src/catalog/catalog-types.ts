export type CatalogProduct = 'jira' | 'confluence';

/** One REST operation and the OAuth scope groups that grant it. Any one group, in full, suffices. */
export interface CatalogOperation {
  product: CatalogProduct;
  method: string;
  /** Path template as a Forge app calls it, e.g. `/rest/api/3/issue/{issueIdOrKey}` or `/wiki/api/v2/pages/{id}`. */
  template: string;
  /** Classic scope groups (`state: Current` in the OpenAPI document). */
  classic: string[][];
  /** Granular scope groups (`state: Beta`). */
  granular: string[][];
  /** The operation needs the Administer Jira (or Confluence admin) global permission. */
  adminOnly: boolean;
  /** The operation needs the Administer Projects permission for the project (or Administer Jira). */
  projectAdminOnly?: true;
  /** Connect app scope (`READ`, `ADMIN`, `INACCESSIBLE`, ...), when the document gives one. */
  connectScope?: string;
}

export interface ScopeCatalog {
  generatedFrom: string[];
  operations: CatalogOperation[];
}

export interface ForgeScopeList {
  /** Every scope name `@forge/manifest` accepts. */
  valid: string[];
  /** Scopes that force Forge's interactive consent screen. */
  interactiveConsent: string[];
}
