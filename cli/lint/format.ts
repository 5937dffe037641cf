import type { LintResult } from './lint';
import type { LintFinding } from './types';

/** Control characters (but not the tab) never reach a terminal: paths and code come from the app. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

export function formatFinding(f: LintFinding): string {
  const fix = f.fix ? ` (fix: ${f.fix})` : '';
  return clean(`${f.file}:${f.line}:${f.col} ${f.rule} ${f.severity}: ${f.message}${fix}`);
}

export function counts(result: LintResult): { errors: number; warnings: number; infos: number } {
  const n = (s: LintFinding['severity']) => result.findings.filter((f) => f.severity === s).length;
  return { errors: n('error'), warnings: n('warning'), infos: n('info') };
}

export function formatText(result: LintResult): string {
  const lines = result.findings.map(formatFinding);
  const { errors, warnings, infos } = counts(result);
  const resolved = result.calls.filter((c) => !c.unresolved).length;
  lines.push(
    clean(
      `issue-doctor lint: ${errors} error(s), ${warnings} warning(s), ${infos} note(s); ${result.calls.length} product call(s) (${resolved} resolved) in ${result.files} file(s); ` +
        `least-privilege scopes (${result.style}): ${result.leastPrivilege.join(', ') || 'none'}` +
        (result.kept.length ? `; kept because unresolved calls may need them: ${result.kept.map((k) => k.scope).join(', ')}` : '')
    )
  );
  return lines.join('\n') + '\n';
}

export function formatJson(result: LintResult): string {
  const { errors, warnings, infos } = counts(result);
  return (
    JSON.stringify(
      {
        manifest: result.manifest,
        summary: { errors, warnings, infos, files: result.files, calls: result.calls.length },
        findings: result.findings,
        scopes: {
          declared: result.declared,
          style: result.style,
          add: result.additions,
          remove: result.excess,
          leastPrivilege: result.leastPrivilege,
          kept: result.kept
        },
        calls: result.calls
      },
      null,
      2
    ) + '\n'
  );
}
