import type { Diagnosis } from './diagnose';
import { LAYER_LABELS } from './scope-analysis';
import { redact } from './redact';

export interface ReportContext {
  appId?: string;
  environment?: string;
  installationId?: string;
  /** Extra calls (probes) to list: label and status or error name, and how long each took. */
  probes?: { label: string; outcome: string; ms?: number }[];
  generatedAt?: Date;
}

function line(label: string, value: string | undefined): string {
  return `${`${label} `.padEnd(14)}${value && value.length ? value : '(unknown)'}`;
}

/** Only strings shaped like scope names pass: a scope list read from a body must not smuggle body text. */
const SCOPE_NAME = /^[A-Za-z0-9:._-]{1,80}$/;

function list(scopes: string[] | undefined): string {
  if (!scopes) return '(unknown)';
  const names = scopes.filter((s) => SCOPE_NAME.test(s));
  return names.length ? names.join(', ') : '(none)';
}

/** Header names, never their values. */
function headerNames(names: readonly string[]): string {
  const safe = names.filter((n) => /^[A-Za-z0-9-]{1,60}$/.test(n));
  return safe.length ? safe.join(', ') : '(none)';
}

/**
 * A plain-text report for a support ticket: app, call, status, finding codes, header names, scope names
 * and timings. It carries no response body text at all (no messages, titles or evidence), so nothing a
 * product said about an issue, a page or a person can reach a ticket; tokens and e-mail addresses are
 * redacted from what remains.
 */
export function formatReport(diagnosis: Diagnosis, context: ReportContext = {}): string {
  const { call, scopes } = diagnosis;
  const layer = (name: 'manifest' | 'installation' | 'user-grant') => scopes.layers.find((l) => l.layer === name)?.scopes;
  const lines = [
    'Issue Doctor report',
    line('generated', (context.generatedAt ?? new Date()).toISOString()),
    line('app id', context.appId),
    line('environment', context.environment),
    line('installation', context.installationId),
    line('product', call.product),
    line('call', `${call.method} ${call.path}`),
    line('auth', call.auth),
    line('status', diagnosis.status !== undefined ? String(diagnosis.status) : diagnosis.primary ? 'no response' : undefined),
    line('headers', headerNames(diagnosis.headerNames ?? [])),
    line('findings', diagnosis.findings.map((f) => `${f.code} (${f.severity})`).join(', ') || 'none'),
    '',
    'Scopes',
    line('declared', list(layer('manifest'))),
    line('installed', list(layer('installation'))),
    line('user grant', list(layer('user-grant'))),
    line('accepts', scopes.requiredGroups.map((g) => `[${list(g)}]`).join(' or ') || '(unknown)'),
    line('breaks at', scopes.breaksAt ? LAYER_LABELS[scopes.breaksAt] : 'nowhere'),
    ...(scopes.smallestAddition.length ? [line('add', list(scopes.smallestAddition))] : [])
  ];
  if (context.probes?.length) {
    lines.push('', 'Probes', ...context.probes.map((p) => line(p.label, `${p.outcome}${p.ms !== undefined ? ` (${Math.round(p.ms)} ms)` : ''}`)));
  }
  return redact(lines.join('\n')) + '\n';
}
