import { diagnose, type Diagnosis } from '../diagnosis/diagnose';
import { formatReport } from '../diagnosis/report';
import { issueOnOtherSite, viewerCannotUseApp } from '../diagnosis/rules/macro-context';
import type { FindingCode } from '../diagnosis/codes';
import type { DiagnosisInput, Finding } from '../diagnosis/types';
import { readInvocationContext, type InvocationFacts } from '../macro/invocation-context';
import { isAtlassianCloudHost, parseIssueRef } from '../macro/issue-ref';
import type { CheckedResult, ProbeRow, RenderResult } from '../macro/render-result';
import { readInstallation, type InstallationFacts } from './app-context';
import { toIssueCard } from './issue-card';
import { noCallResult } from './no-call-result';
import { runAll, skippedRow, state, toRow, type ProbeRun } from './probe-run';
import { confluenceUserContent, jiraAppSite, jiraUserIssue, type ProbeSpec } from './probes';
import { buildScopeRows } from './scope-rows';

export interface RenderOptions {
  declaredScopes: readonly string[];
  /** Per product call; kept well inside Forge's 25 s invocation limit. */
  callTimeoutMs: number;
}

const SAFETY_MARGIN_MS = 3000;
const SCOPE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>(['USER_GRANT_EMPTY', 'USER_GRANT_MISSING_SCOPES', 'MANIFEST_MISSING_SCOPE', 'INSTALLATION_NOT_UPGRADED', 'UNKNOWN_SCOPE_NAME']);

const NOT_CALLED = {
  viewer: 'Not called: Forge lets an app read Jira or Confluence as a guest or anonymous reader only for service desk customers, and this macro reads as the reader or not at all.',
  otherSite: 'Not called: the link names another site, and an app reaches only the site it is installed on; the same key here would be a different issue.',
  editing:
    'Not called: the macro is open in the editor, where the page may be a draft that was never published; the pages API answers 404 for those, which would read as a Confluence problem that is not there.'
};
const HOST_PAGE_404 =
  'A 404 for the page you are reading means the pages API does not serve it yet (a draft never published), not an access problem; it is not counted against Confluence.';

function isConsentError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'NEEDS_AUTHENTICATION_ERR';
}

function diagnosisInput(run: ProbeRun, declared: readonly string[], facts: InstallationFacts): DiagnosisInput {
  const [method, path] = run.spec.call.split(' ');
  return {
    call: { product: run.spec.product, method, path, auth: run.spec.as === 'user' ? 'forge-as-user' : 'forge-as-app' },
    response: run.outcome.response,
    error: run.outcome.error,
    scopes: { declared: [...declared], installed: facts.installedScopes }
  };
}

export function mergeFindings(issue: Diagnosis, page: Diagnosis | undefined, jiraOk: boolean): Finding[] {
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

/** The site this app runs on: from the context, else (only when a link must be compared with it) from Jira. */
async function siteOf(context: InvocationFacts, needed: boolean, timeoutMs: number): Promise<{ url?: string; host?: string; run?: ProbeRun }> {
  if (context.siteUrl || !needed) return { url: context.siteUrl, host: context.siteHost };
  const [run] = await runAll([jiraAppSite()], timeoutMs);
  const baseUrl = (run.outcome.json as { baseUrl?: unknown } | undefined)?.baseUrl;
  const site = readInvocationContext({ siteUrl: baseUrl });
  return { url: site.siteUrl, host: site.siteHost, run };
}

/**
 * One render: the issue as the viewer may see it, plus the diagnosis. Everything it reads comes from the platform's
 * invocation context (the saved macro configuration, the site, the reader's account type); the client payload is
 * ignored. Throws only a consent requirement.
 */
export async function renderMacro(context: unknown, options: RenderOptions): Promise<RenderResult> {
  const invocation = readInvocationContext(context);
  const rawRef = invocation.configuredRef;
  if (rawRef === undefined || rawRef === null || (typeof rawRef === 'string' && rawRef.trim() === '')) return { state: 'unconfigured' };
  const ref = parseIssueRef(rawRef);
  if (!ref.ok) return { state: 'invalid-config', message: ref.message };

  const declared = options.declaredScopes;
  const facts = readInstallation(declared);
  const timeoutMs = Math.max(500, Math.min(options.callTimeoutMs, (facts.remainingMs ?? 25_000) - SAFETY_MARGIN_MS));
  const userIssueSpec = jiraUserIssue(ref.key);
  const pageSpec = invocation.hostContent ? confluenceUserContent(invocation.hostContent) : undefined;
  const notCalled = (why: string) => [userIssueSpec, ...(pageSpec ? [pageSpec] : [])].map((spec) => skippedRow(spec, why));

  if (invocation.accountType !== 'licensed') {
    return noCallResult({ key: ref.key, finding: viewerCannotUseApp(invocation.accountType), rows: notCalled(NOT_CALLED.viewer), issueCall: userIssueSpec.call, declared, facts });
  }

  const site = await siteOf(invocation, ref.siteHost !== undefined, timeoutMs);
  const siteRows = site.run ? [toRow(site.run)] : [];
  if (ref.siteHost && site.host && isAtlassianCloudHost(site.host) && ref.siteHost !== site.host) {
    const finding = issueOnOtherSite({ key: ref.key, linkHost: ref.siteHost, siteHost: site.host });
    return noCallResult({ key: ref.key, finding, rows: [...siteRows, ...notCalled(NOT_CALLED.otherSite)], issueCall: userIssueSpec.call, declared, facts });
  }

  const specs: ProbeSpec[] = [userIssueSpec, ...(pageSpec && !invocation.isEditing ? [pageSpec] : [])];
  const [userIssue, pageRun] = await runAll(specs, timeoutMs);
  const consent = [userIssue, pageRun].find((r) => r && isConsentError(r.outcome.error));
  if (consent) throw consent.outcome.error; // Confluence shows "Allow access" only if this propagates.

  const card = userIssue.outcome.response?.status === 200 ? toIssueCard(userIssue.outcome.json, ref.key, site.url) : undefined;
  const issueAnswered = state(userIssue) === 'ok';
  // A 2xx that is not the issue JSON (truncated, an HTML login page) is a failure of its own kind.
  const malformed = issueAnswered && !card
    ? { name: 'MALFORMED_RESPONSE', message: `status ${userIssue.outcome.response?.status}, content-type ${userIssue.outcome.response?.headers['content-type'] ?? '(none)'}, body is not the issue JSON` }
    : undefined;
  const issueInput = diagnosisInput(userIssue, declared, facts);
  const issueDiagnosis = diagnose(malformed ? { ...issueInput, response: undefined, error: malformed } : issueInput);
  const pageUnpublished = pageRun?.outcome.response?.status === 404;
  const pageDiagnosis = pageRun && !pageUnpublished ? diagnose(diagnosisInput(pageRun, declared, facts)) : undefined;
  const findings = mergeFindings(issueDiagnosis, pageDiagnosis, !!card);

  const userIssueRow = toRow(userIssue);
  const probes: ProbeRow[] = [
    ...siteRows,
    malformed ? { ...userIssueRow, verdict: 'failed' } : userIssueRow,
    ...(pageRun ? [toRow(pageRun, pageUnpublished ? HOST_PAGE_404 : undefined)] : pageSpec ? [skippedRow(pageSpec, NOT_CALLED.editing)] : [])
  ];
  const scopesFailed = findings.some((f) => SCOPE_CODES.has(f.code)) || (facts.missingFromInstallation?.length ?? 0) > 0;
  const scopeCalls = [
    { diagnosis: issueDiagnosis, call: userIssueSpec.call, succeeded: !!card },
    ...(pageRun && pageDiagnosis ? [{ diagnosis: pageDiagnosis, call: pageRun.spec.call, succeeded: state(pageRun) === 'ok' }] : [])
  ];
  const result: CheckedResult = {
    state: 'checked',
    issueKey: ref.key,
    issue: card,
    status: { jira: card ? 'ok' : 'failed', confluence: pageUnpublished ? 'not-checked' : state(pageRun), scopes: scopesFailed ? 'failed' : 'ok' },
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
