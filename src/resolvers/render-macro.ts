import { diagnose, type Diagnosis } from '../diagnosis/diagnose';
import { formatReport } from '../diagnosis/report';
import type { DiagnosisInput, Finding } from '../diagnosis/types';
import { parseIssueRef } from '../macro/issue-ref';
import type { CheckState, CheckedResult, ProbeRow, RenderResult } from '../macro/render-result';
import { readInstallation, type InstallationFacts } from './app-context';
import { toIssueCard } from './issue-card';
import { confluenceUserContent, jiraAppIssue, jiraUserIssue, type ProbeSpec } from './probes';
import type { CallOutcome } from './product-call';
import { buildScopeRows } from './scope-rows';

export interface RenderOptions {
  declaredScopes: readonly string[];
  /** Per product call; kept well inside Forge's 25 s invocation limit. */
  callTimeoutMs: number;
}

export interface RenderPayload {
  issueRef?: unknown;
  /** 'full' runs every probe at once (the "Check again" action). */
  mode?: unknown;
}

interface MacroContext {
  extension?: { content?: { id?: unknown; type?: unknown } };
}

const SAFETY_MARGIN_MS = 3000;
const SCOPE_CODES = new Set(['USER_GRANT_EMPTY', 'USER_GRANT_MISSING_SCOPES', 'MANIFEST_MISSING_SCOPE', 'INSTALLATION_NOT_UPGRADED', 'UNKNOWN_SCOPE_NAME']);

function isConsentError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'NEEDS_AUTHENTICATION_ERR';
}

/** The page or blog post hosting the macro; undefined where there is none (e.g. a space overview). */
function hostContentOf(context: unknown): { id: string; type: 'page' | 'blogpost' } | undefined {
  const content = (context as MacroContext | undefined)?.extension?.content;
  const id = typeof content?.id === 'number' ? String(content.id) : typeof content?.id === 'string' ? content.id : '';
  if (!/^\d{1,20}$/.test(id)) return undefined;
  if (content?.type === 'blogpost') return { id, type: 'blogpost' };
  return content?.type === undefined || content.type === 'page' ? { id, type: 'page' } : undefined;
}

interface ProbeRun {
  spec: ProbeSpec;
  outcome: CallOutcome;
}

async function runAll(specs: ProbeSpec[], timeoutMs: number): Promise<ProbeRun[]> {
  return Promise.all(specs.map(async (spec) => ({ spec, outcome: await spec.run(timeoutMs) })));
}

function toRow(run: ProbeRun): ProbeRow {
  const { outcome, spec } = run;
  const status = outcome.response?.status;
  const outcomeText =
    status !== undefined ? String(status) : (outcome.error as { name?: string } | undefined)?.name === 'TimeoutError' ? 'timeout' : 'error';
  return {
    id: spec.id,
    product: spec.product,
    as: spec.as,
    call: spec.call,
    outcome: outcomeText,
    verdict: state(run) === 'ok' ? 'ok' : 'failed',
    purpose: spec.purpose,
    durationMs: outcome.durationMs
  };
}

function diagnosisInput(run: ProbeRun, declared: readonly string[], facts: InstallationFacts, issueVisibleToApp?: boolean): DiagnosisInput {
  const [method, path] = run.spec.call.split(' ');
  return {
    call: { product: run.spec.product, method, path, auth: run.spec.as === 'user' ? 'forge-as-user' : 'forge-as-app' },
    response: run.outcome.response,
    error: run.outcome.error,
    scopes: { declared: [...declared], installed: facts.installedScopes },
    probes: issueVisibleToApp === undefined ? undefined : { issueVisibleToApp }
  };
}

function mergeFindings(issue: Diagnosis, page: Diagnosis | undefined, jiraOk: boolean): Finding[] {
  const findings = [...issue.findings];
  const seen = new Set(findings.map((f) => f.code));
  for (const finding of page?.findings ?? []) {
    if (seen.has(finding.code)) continue;
    seen.add(finding.code);
    // A Confluence problem matters less than the issue itself once the issue is shown.
    findings.push(jiraOk && finding.severity === 'error' ? { ...finding, severity: 'warning' } : finding);
  }
  return findings;
}

function state(run: ProbeRun | undefined): CheckState {
  if (!run) return 'not-checked';
  const status = run.outcome.response?.status;
  return status !== undefined && status >= 200 && status < 300 ? 'ok' : 'failed';
}

/** One render: the issue as the viewer may see it, plus the diagnosis. Throws only a consent requirement. */
export async function renderMacro(payload: RenderPayload | undefined, context: unknown, options: RenderOptions): Promise<RenderResult> {
  const rawRef = payload?.issueRef;
  if (rawRef === undefined || rawRef === null || (typeof rawRef === 'string' && rawRef.trim() === '')) return { state: 'unconfigured' };
  const ref = parseIssueRef(rawRef);
  if (!ref.ok) return { state: 'invalid-config', message: ref.message };

  const declared = options.declaredScopes;
  const facts = readInstallation(declared);
  const timeoutMs = Math.max(500, Math.min(options.callTimeoutMs, (facts.remainingMs ?? 25_000) - SAFETY_MARGIN_MS));
  const full = payload?.mode === 'full';
  const hostContent = hostContentOf(context);

  const userIssueSpec = jiraUserIssue(ref.key);
  const firstWave = [userIssueSpec, ...(hostContent ? [confluenceUserContent(hostContent)] : []), ...(full ? [jiraAppIssue(ref.key)] : [])];
  const runs = await runAll(firstWave, timeoutMs);
  const consent = runs.find((r) => r.spec.as === 'user' && isConsentError(r.outcome.error));
  if (consent) throw consent.outcome.error; // Confluence shows "Allow access" only if this propagates.

  const userIssue = runs[0];
  // Only a 404 leaves a question the app's own rights can answer: hidden from the viewer, or gone?
  if (!full && userIssue.outcome.response?.status === 404) runs.push(...(await runAll([jiraAppIssue(ref.key)], timeoutMs)));
  const appIssue = runs.find((r) => r.spec.id === 'jira-app-issue');
  const pageRun = runs.find((r) => r.spec.id === 'confluence-user-page');

  const card = userIssue.outcome.response?.status === 200 ? toIssueCard(userIssue.outcome.json, ref.key) : undefined;
  const issueAnswered = state(userIssue) === 'ok';
  // A 2xx that is not the issue JSON (truncated, an HTML login page) is a failure of its own kind.
  const malformed = issueAnswered && !card
    ? { name: 'MALFORMED_RESPONSE', message: `status ${userIssue.outcome.response?.status}, content-type ${userIssue.outcome.response?.headers['content-type'] ?? '(none)'}, body is not the issue JSON` }
    : undefined;
  const appStatus = appIssue?.outcome.response?.status;
  const issueVisibleToApp = appStatus === 200 ? true : appStatus === 404 ? false : undefined;
  const issueInput = diagnosisInput(userIssue, declared, facts, issueVisibleToApp);
  const issueDiagnosis = diagnose(malformed ? { ...issueInput, response: undefined, error: malformed } : issueInput);
  const pageDiagnosis = pageRun ? diagnose(diagnosisInput(pageRun, declared, facts)) : undefined;
  const findings = mergeFindings(issueDiagnosis, pageDiagnosis, !!card);

  const probes = runs.map(toRow);
  if (malformed) probes[0].verdict = 'failed';
  const scopesFailed = findings.some((f) => SCOPE_CODES.has(f.code)) || (facts.missingFromInstallation?.length ?? 0) > 0;
  const scopeCalls = [
    { diagnosis: issueDiagnosis, call: userIssueSpec.call, succeeded: !!card },
    ...(pageRun && pageDiagnosis ? [{ diagnosis: pageDiagnosis, call: pageRun.spec.call, succeeded: state(pageRun) === 'ok' }] : [])
  ];
  const result: CheckedResult = {
    state: 'checked',
    issueKey: ref.key,
    issue: card,
    status: { jira: card ? 'ok' : 'failed', confluence: state(pageRun), scopes: scopesFailed ? 'failed' : 'ok' },
    findings,
    probes,
    scopes: buildScopeRows({
      declared,
      facts,
      diagnoses: scopeCalls.map((c) => c.diagnosis),
      calls: scopeCalls.map((c) => c.call),
      succeeded: scopeCalls.map((c) => c.succeeded)
    }),
    report: formatReport(
      { ...issueDiagnosis, findings, primary: findings[0] },
      {
        appId: facts.appId,
        environment: facts.environment,
        installationId: facts.installationId,
        probes: probes.map((p) => ({ label: `${p.product} as ${p.as}`, outcome: `${p.call} → ${p.outcome}` }))
      }
    ),
    checkedAt: new Date().toISOString()
  };
  return result;
}
