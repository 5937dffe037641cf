import type { Diagnosis } from './diagnose';
import { LAYER_LABELS } from './scope-analysis';
import { redact } from './redact';

export interface ReportContext {
  appId?: string;
  environment?: string;
  installationId?: string;
  /** Extra calls (probes) to list: label and status or error name. */
  probes?: { label: string; outcome: string }[];
  generatedAt?: Date;
}

function line(label: string, value: string | undefined): string {
  return `${`${label} `.padEnd(14)}${value && value.length ? value : '(unknown)'}`;
}

function list(scopes: string[] | undefined): string {
  if (!scopes) return '(unknown)';
  return scopes.length ? scopes.join(', ') : '(none)';
}

/**
 * A plain-text report for a support ticket. It names the call, status, finding codes and scope sets;
 * it never includes tokens, cookies, e-mail addresses, response bodies or issue content.
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
    line('findings', diagnosis.findings.map((f) => `${f.code} (${f.severity})`).join(', ') || 'none'),
    '',
    'Scopes',
    line('declared', list(layer('manifest'))),
    line('installed', list(layer('installation'))),
    line('user grant', list(layer('user-grant'))),
    line('accepts', scopes.requiredGroups.map((g) => `[${g.join(', ')}]`).join(' or ') || '(unknown)'),
    line('breaks at', scopes.breaksAt ? LAYER_LABELS[scopes.breaksAt] : 'nowhere'),
    ...(scopes.smallestAddition.length ? [line('add', scopes.smallestAddition.join(', '))] : [])
  ];
  if (context.probes?.length) {
    lines.push('', 'Probes', ...context.probes.map((p) => line(p.label, p.outcome)));
  }
  for (const finding of diagnosis.findings) {
    // Body excerpts stay out of reports: a response body may carry content the reader of a ticket must not see.
    const evidence = finding.evidence.filter((e) => !e.startsWith('body:'));
    lines.push('', `${finding.code}: ${finding.title}`, ...evidence.map((e) => `  - ${e}`));
  }
  return redact(lines.join('\n')) + '\n';
}
