import type { Diagnosis } from '../../src/diagnosis/diagnose';
import { LAYER_LABELS } from '../../src/diagnosis/scope-analysis';
import type { Actor, Finding } from '../../src/diagnosis/types';

const ACTOR_LABELS: Record<Actor, string> = {
  viewer: 'viewer',
  'page-author': 'page author',
  'site-admin': 'site admin',
  'app-developer': 'app developer',
  'script-owner': 'script owner'
};

const SEVERITY_MARK = { error: '✖', warning: '!', info: 'i' } as const;

function formatFinding(finding: Finding): string[] {
  const lines = [`${SEVERITY_MARK[finding.severity]} ${finding.code}: ${finding.title}`, '', `  ${finding.explanation}`, '', '  What to do:'];
  finding.remedies.forEach((r, i) => lines.push(`    ${i + 1}. [${ACTOR_LABELS[r.actor]}] ${r.action}`));
  lines.push('', '  Evidence:', ...finding.evidence.map((e) => `    - ${e}`));
  if (finding.docs) lines.push('', `  Read more: ${finding.docs}`);
  return lines;
}

export function formatForPerson(diagnosis: Diagnosis, assumptions: string[]): string {
  const { call } = diagnosis;
  const lines = [`${call.method} ${call.path} as ${call.auth}${diagnosis.status !== undefined ? ` → ${diagnosis.status}` : ''}`];
  lines.push(...assumptions.map((a) => `(${a})`));
  lines.push('');
  if (diagnosis.findings.length === 0) lines.push('✔ No problem found: the call succeeded.');
  for (const finding of diagnosis.findings) lines.push(...formatFinding(finding), '');
  if (diagnosis.alsoPossible.length > 0) {
    lines.push('Also possible (the response fits these too; check them if the first does not hold):');
    for (const other of diagnosis.alsoPossible) lines.push(`  - ${other.code}: ${other.title}`);
    lines.push('');
  }
  if (diagnosis.scopes.layers.length > 0) {
    lines.push('Scopes:');
    for (const layer of diagnosis.scopes.layers) {
      lines.push(`  ${layer.satisfied ? '✔' : '✖'} ${LAYER_LABELS[layer.layer]}${layer.satisfied ? '' : `: lacks ${layer.missing.join(', ') || '(unknown)'}`}`);
    }
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
