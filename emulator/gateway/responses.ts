import type { Product } from '../tenant/model';
import type { GatewayResponse } from './types';

const JSON_TYPE = { 'content-type': 'application/json;charset=UTF-8' };

export function json(status: number, value: unknown, headers: Record<string, string> = {}): GatewayResponse {
  return { status, headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function jiraErrors(status: number, messages: string[]): GatewayResponse {
  return json(status, { errorMessages: messages, errors: {} });
}

export function confluenceError(status: number, code: string, title: string): GatewayResponse {
  return json(status, { errors: [{ status, code, title, detail: null }] });
}

export function productError(product: Product, status: number, message: string): GatewayResponse {
  return product === 'jira' ? jiraErrors(status, [message]) : confluenceError(status, status === 404 ? 'NOT_FOUND' : 'FORBIDDEN', message);
}

/** Jira's answer to an issue that does not exist or may not be browsed (quoted in seeds/002_2b44e0b806e6471d.txt). */
export const ISSUE_NOT_VISIBLE_MESSAGE = 'Issue does not exist or you do not have permission to see it.';

/** The gateway's scope rejection for scoped tokens (quoted in seeds/002_2b44e0b806e6471d.txt). */
export const SCOPE_MISMATCH = json(401, { code: 401, message: 'Unauthorized; scope does not match' });

/**
 * The gateway's missing-scope text, byte for byte as seeds/000_d129f04eb91bac1d.txt quotes it. Scope names the gateway
 * cannot render come out empty, which yields the doubled comma of the seed.
 */
export function missingScopeMessage(granted: string[], groups: string[][], blank: Set<string>): string {
  const renderGroup = (group: string[]) =>
    group.reduce((text, scope, i) => {
      if (blank.has(scope)) return `${text},`;
      return i === 0 ? scope : `${text}, ${scope}`;
    }, '');
  return (
    `Access to the resource was denied due to missing scope grants. Your app was granted the following scopes: [${granted.join(', ')}].\n` +
    'The resource can be accessed by having one of these groups of scopes:\n' +
    groups.map((g) => ` * [${renderGroup(g)}]\n`).join('')
  );
}

/** Jira's HTML 403 page for admin-only endpoints requested without Accept: application/json (seeds/003_6edb5cfc9b1db525.txt). */
export const JIRA_FORBIDDEN_HTML = `<section class="aui-page-panel-content">
                    <header class="aui-page-header"><div class="aui-page-header-inner">
                            <div class="aui-page-header-main">
                                    <h1>Forbidden (403)</h1>
                                </div><!-- .aui-page-header-main -->
                        </div><!-- .aui-page-header-inner --></header><!-- .aui-page-header -->
                    <div class="aui-message aui-message-warning warning">
                            <p>Encountered a <code>&quot;403 - Forbidden&quot;</code> error while loading this page.</p>
                            <p><a href="/secure/MyJiraHome.jspa">Go to JIRA home</a></p>
                </section><!-- .aui-page-panel-content -->`;
