import type { CheckState, CheckedResult } from '../macro/render-result';

export interface CheckLine {
  label: string;
  state: CheckState;
}

/**
 * The three checks shown in the details. Scopes are only "ok" when Jira answered behind the gateway's
 * scope check (the issue, or Jira's own 404); an uninstalled app, an outage or a timeout never got there.
 */
export function checkLines(result: CheckedResult): CheckLine[] {
  const jiraAsUser = result.probes.find((p) => p.product === 'jira' && p.as === 'user');
  const passedScopeCheck = jiraAsUser !== undefined && /^(2\d\d|404)$/.test(jiraAsUser.outcome);
  const scopes: CheckState = result.status.scopes === 'failed' ? 'failed' : passedScopeCheck ? 'ok' : 'not-checked';
  return [
    { label: 'Jira as you', state: result.status.jira },
    { label: 'Confluence as you', state: result.status.confluence },
    { label: 'Scopes', state: scopes }
  ];
}
