import type { Finding } from '../diagnosis/types';

/** What one render of the macro returns from the resolver to the frontend. */
export type RenderResult = UnconfiguredResult | InvalidConfigResult | CheckedResult;

export interface UnconfiguredResult {
  state: 'unconfigured';
}

export interface InvalidConfigResult {
  state: 'invalid-config';
  message: string;
}

export type CheckState = 'ok' | 'failed' | 'not-checked';

export interface IssueCard {
  key: string;
  url: string;
  summary: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' | 'unknown' };
  issueType: string;
  priority?: string;
  assignee?: { displayName: string; accountId: string };
  updated?: string;
}

export interface ProbeRow {
  id: string;
  product: 'jira' | 'confluence';
  as: 'user' | 'app';
  call: string;
  /** HTTP status, or what happened instead (timeout, consent, error). */
  outcome: string;
  verdict: 'ok' | 'failed' | 'skipped';
  purpose: string;
  durationMs?: number;
}

export interface ScopeRow {
  scope: string;
  declared: boolean;
  installed: boolean;
  /** null when the viewer's grant is not known (it is only revealed by a 403). */
  inGrant: boolean | null;
  requiredBy: string[];
}

export interface CheckedResult {
  state: 'checked';
  issueKey: string;
  issue?: IssueCard;
  status: { jira: CheckState; confluence: CheckState; scopes: CheckState };
  findings: Finding[];
  probes: ProbeRow[];
  scopes: ScopeRow[];
  report: string;
  checkedAt: string;
}
