import type { Actor, Severity } from '../diagnosis/types';
import type { CheckState, IssueCard, ProbeRow } from '../macro/render-result';

export const ACTOR_LABEL: Record<Actor, string> = {
  viewer: 'You',
  'page-author': 'Page author',
  'site-admin': 'Site admin',
  'app-developer': 'App developer',
  'script-owner': 'Script owner'
};

/** The order in which the details address people: the reader first, the developer last. */
export const ACTOR_ORDER: readonly Actor[] = ['viewer', 'page-author', 'site-admin', 'app-developer', 'script-owner'];

export type LozengeAppearance = 'default' | 'inprogress' | 'success' | 'removed' | 'moved';

export const STATUS_APPEARANCE: Record<IssueCard['status']['category'], LozengeAppearance> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
  unknown: 'default'
};

export const CHECK_LABEL: Record<CheckState, string> = { ok: 'ok', failed: 'failed', 'not-checked': 'not checked' };
export const CHECK_APPEARANCE: Record<CheckState, LozengeAppearance> = { ok: 'success', failed: 'removed', 'not-checked': 'default' };

export const VERDICT_APPEARANCE: Record<ProbeRow['verdict'], LozengeAppearance> = { ok: 'success', failed: 'removed', skipped: 'default' };

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };
export const SEVERITY_APPEARANCE: Record<Severity, LozengeAppearance> = { error: 'removed', warning: 'moved', info: 'default' };

/** The scope table's and the report's word for a fact the platform did not reveal. */
export const UNKNOWN = 'unknown';

export function yesNo(value: boolean | null): string {
  return value === null ? UNKNOWN : value ? 'yes' : 'no';
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return UNKNOWN;
  const date = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
