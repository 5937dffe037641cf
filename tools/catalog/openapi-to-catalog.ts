import type { CatalogOperation, CatalogProduct } from '../../src/catalog/catalog-types';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

interface OAuthScopeEntry {
  scopes?: unknown;
  state?: unknown;
}

interface OpenApiOperation {
  description?: unknown;
  security?: unknown;
  'x-atlassian-oauth2-scopes'?: unknown;
  'x-atlassian-connect-scope'?: unknown;
}

export interface OpenApiDocument {
  servers?: { url?: string }[];
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

/** Which product a document describes, and the prefix a Forge app puts before its paths. */
export function detectProduct(doc: OpenApiDocument): { product: CatalogProduct; prefix: string } {
  const server = doc.servers?.[0]?.url ?? '';
  if (server.includes('/wiki/api/v2')) return { product: 'confluence', prefix: '/wiki/api/v2' };
  const paths = Object.keys(doc.paths ?? {});
  if (paths.some((p) => p.startsWith('/rest/api/'))) return { product: 'jira', prefix: '' };
  if (server.includes('/wiki')) return { product: 'confluence', prefix: '/wiki/api/v2' };
  throw new Error(`Cannot tell which product this OpenAPI document describes (server "${server}").`);
}

function scopeList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string' && s.length > 0) : [];
}

/** Groups from `x-atlassian-oauth2-scopes`, falling back to `security` OAuth entries as classic scopes. */
function scopeGroups(op: OpenApiOperation): { classic: string[][]; granular: string[][] } {
  const classic: string[][] = [];
  const granular: string[][] = [];
  const entries = op['x-atlassian-oauth2-scopes'];
  if (Array.isArray(entries)) {
    for (const entry of entries as OAuthScopeEntry[]) {
      const scopes = scopeList(entry?.scopes);
      if (scopes.length === 0) continue;
      (entry.state === 'Beta' ? granular : classic).push(scopes);
    }
  }
  if (classic.length === 0 && granular.length === 0 && Array.isArray(op.security)) {
    for (const requirement of op.security as Record<string, unknown>[]) {
      for (const [scheme, scopes] of Object.entries(requirement ?? {})) {
        if (/oauth/i.test(scheme)) {
          const list = scopeList(scopes);
          if (list.length > 0) classic.push(list);
        }
      }
    }
  }
  return { classic, granular };
}

const ADMIN_SCOPES = new Set(['manage:jira-configuration', 'manage:confluence-configuration']);

function permissionsText(op: OpenApiOperation): string {
  const description = typeof op.description === 'string' ? op.description : '';
  return description.split('**[Permissions](#permissions) required:**')[1] ?? '';
}

function isAdminOnly(op: OpenApiOperation, classic: string[][]): boolean {
  const needsAdministerJira = /^\s*\*Administer Jira\* \[global permission\]/.test(permissionsText(op));
  const onlyAdminScopes = classic.length > 0 && classic.every((g) => g.every((s) => ADMIN_SCOPES.has(s)));
  return needsAdministerJira || onlyAdminScopes;
}

/** The first permission the reference names is *Administer projects* for the project (or Administer Jira). */
function isProjectAdminOnly(op: OpenApiOperation): boolean {
  return /^\s*(?:\*\s+)?\*Administer projects\* \[project permission/i.test(permissionsText(op));
}

export function operationsFromDocument(doc: OpenApiDocument): CatalogOperation[] {
  const { product, prefix } = detectProduct(doc);
  const operations: CatalogOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item ?? {})) {
      if (!HTTP_METHODS.includes(method) || !op || typeof op !== 'object') continue;
      const { classic, granular } = scopeGroups(op);
      operations.push({
        product,
        method: method.toUpperCase(),
        template: prefix + path,
        classic,
        granular,
        adminOnly: isAdminOnly(op, classic),
        ...(isProjectAdminOnly(op) ? { projectAdminOnly: true } : {}),
        ...(typeof op['x-atlassian-connect-scope'] === 'string' ? { connectScope: op['x-atlassian-connect-scope'] } : {})
      });
    }
  }
  return operations.sort((a, b) => a.template.localeCompare(b.template) || a.method.localeCompare(b.method));
}
