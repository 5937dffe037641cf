import type { Actor } from '../diagnosis/types';
import type { CheckState, IssueCard } from '../macro/render-result';

export const ACTOR_LABEL: Record<Actor, string> = {
  viewer: 'You',
  'page-author': 'Page author',
  'site-admin': 'Site admin',
  'app-developer': 'App developer',
  'script-owner': 'Script owner'
};

export const STATUS_APPEARANCE: Record<IssueCard['status']['category'], 'default' | 'inprogress' | 'success'> = {
  new: 'default',
  indeterminate: 'inprogress',
  done: 'success',
  unknown: 'default'
};

export const CHECK_LABEL: Record<CheckState, string> = { ok: 'ok', failed: 'failing', 'not-checked': 'not checked' };
export const CHECK_APPEARANCE: Record<CheckState, 'success' | 'removed' | 'default'> = { ok: 'success', failed: 'removed', 'not-checked': 'default' };

/** Codes whose fix starts with the viewer's consent, so the "Allow access" action is offered. */
export const CONSENT_CODES = new Set(['CONSENT_REQUIRED', 'USER_GRANT_EMPTY', 'USER_GRANT_MISSING_SCOPES']);

export function formatDate(iso: string | undefined): string {
  if (!iso) return 'unknown';
  const date = new Date(iso.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}
