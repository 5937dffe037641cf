import type { LintResult } from './lint';
import type { LintFinding } from './types';

/** One finding per line: a newline inside app code or a path never splits one (the CLI's output strips control characters). */
function clean(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
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
        (result.kept.length ? `; kept (the linter cannot tell what needs them): ${result.kept.map((k) => k.scope).join(', ')}` : '')
    )
  );
  return lines.join('\n') + '\n';
}

export function jsonReport(result: LintResult): unknown {
  const { errors, warnings, infos } = counts(result);
  return {
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
  };
}
