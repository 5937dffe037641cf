import { diagnose } from '../diagnosis/diagnose';
import { formatReport } from '../diagnosis/report';
import type { Finding } from '../diagnosis/types';
import type { CheckedResult, ProbeRow } from '../macro/render-result';
import type { InstallationFacts } from './app-context';

/**
 * A render decided from the invocation context alone (a guest reader, a link to another site): the finding, the
 * calls that were deliberately not made, and a report, with no product call at all.
 */
export function noCallResult(input: {
  key: string;
  finding: Finding;
  rows: ProbeRow[];
  issueCall: string;
  declared: readonly string[];
  facts: InstallationFacts;
}): CheckedResult {
  const [method, path] = input.issueCall.split(' ');
  // No response and no error: diagnose() only analyses the scope layers, which the report lists.
  const base = diagnose({
    call: { product: 'jira', method, path, auth: 'forge-as-user' },
    scopes: { declared: [...input.declared], installed: input.facts.installedScopes }
  });
  const findings = [input.finding];
  return {
    state: 'checked',
    issueKey: input.key,
    status: { jira: 'not-checked', confluence: 'not-checked', scopes: 'not-checked' },
    findings,
    probes: input.rows,
    scopes: [],
    report: formatReport(
      { ...base, ok: false, findings, primary: input.finding },
      {
        appId: input.facts.appId,
        environment: input.facts.environment,
        installationId: input.facts.installationId,
        probes: input.rows.map((p) => ({ label: `${p.product} as ${p.as}`, outcome: `${p.call} → ${p.outcome}` }))
      }
    ),
    checkedAt: new Date().toISOString()
  };
}
