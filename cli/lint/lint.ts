import { join, relative, sep } from 'node:path';
import { isKnownScope } from '../../src/catalog/forge-scopes';
import { FindingCode } from '../../src/diagnosis/codes';
import { AsAppFlow } from './asapp-flow';
import { CallFinder, type FoundCall } from './find-calls';
import { moduleProducts, readManifest, type AppManifest } from './manifest';
import { displayPath, matchOperation } from './match-operation';
import { platformUsage, HOOK_SCOPES } from './platform-usage';
import { Project } from './project';
import { hasQueryBefore } from './resolve-path';
import { isConsentScope, leastPrivilege, manifestStyle, missingFor, scopeProduct, type Requirement } from './scope-plan';
import { appSourceFiles } from './source-files';
import { TRIGGER_EVENT_SCOPES } from './trigger-scopes';
import { tsconfigProblems } from './tsconfig-check';
import type { CallAuth, LintFinding, SourcePosition } from './types';

export interface ResolvedCall extends SourcePosition {
  product: string;
  method: string;
  auth: CallAuth[];
  path: string;
  operation?: string;
  via?: SourcePosition & { name: string };
  /** The request's path argument, where it is written. */
  request: SourcePosition;
  unresolved?: string;
}

export interface LintResult {
  appDir: string;
  manifest: string;
  findings: LintFinding[];
  declared: string[];
  style: 'classic' | 'granular' | 'mixed';
  /** Scopes to add (the union of every call's smallest addition). */
  additions: string[];
  /** Declared scopes no call needs and no unresolved call might need. */
  excess: string[];
  /** The least-privilege declaration: what the manifest should hold after the fix. */
  leastPrivilege: string[];
  /** Scopes kept because the linter cannot tell what needs them, and why. */
  kept: { scope: string; reason: string }[];
  calls: ResolvedCall[];
  files: number;
}

const AUTH_LABEL: Record<CallAuth, string> = { user: 'asUser', app: 'asApp', bridge: '@forge/bridge', plain: 'api', unknown: 'unknown caller' };

const LEVEL: Record<LintFinding['severity'], number> = { error: 0, warning: 1, info: 2 };

function list(scopes: string[]): string {
  return scopes.join(', ');
}

export function lintApp(appDir: string): LintResult {
  const manifestFile = join(appDir, 'manifest.yml');
  const manifest = readManifest(manifestFile);
  const rel = (abs: string) => relative(appDir, abs).split(sep).join('/') || abs;
  const project = new Project(appDir, appSourceFiles(appDir));
  const finder = new CallFinder(project);
  const { calls, opaque } = finder.find();
  const usage = platformUsage(project);
  const findings: LintFinding[] = [];
  const declaredNames = manifest.scopes.map((s) => s.name);
  const declared = new Set(declaredNames);
  const style = manifestStyle(declaredNames);
  const mfile = rel(manifestFile);

  // 1. Resolve each call to a catalog operation; check its scopes.
  const requirements: Requirement[] = [];
  const additions = new Set<string>();
  /** Records what a call, hook or trigger needs; returns the smallest addition when the manifest lacks it. */
  const missingScopes = (req: Requirement): string[] | undefined => {
    requirements.push(req);
    const missing = missingFor(req, declared, style);
    if (missing.satisfied) return undefined;
    for (const s of missing.addition) additions.add(s);
    return missing.addition;
  };
  const resolved: ResolvedCall[] = [];
  const unresolvedProducts = new Map<string, string>();
  for (const call of calls) {
    const request = requestPosition(project, call);
    const auth = call.auth.map((a) => AUTH_LABEL[a]).join('|');
    const where = call.via ? ` (through ${call.via.name} at ${call.via.file}:${call.via.line})` : '';
    if (call.unresolved || call.paths.length === 0) {
      const reason = call.unresolved ?? 'no path';
      resolved.push({ ...pos(call), product: call.product, method: call.method ?? '?', auth: call.auth, path: '?', via: call.via, request, unresolved: reason });
      unresolvedProducts.set(call.product, `${call.file}:${call.line}`);
      findings.push({
        rule: 'unresolved-call',
        severity: 'info',
        ...pos(call),
        message: `${call.product === 'jira' ? 'requestJira' : 'requestConfluence'}${where}: cannot tell which operation this calls (${reason}); no ${call.product === 'jira' ? 'Jira' : 'Confluence'} scope is reported as excess`,
        fix: 'build the path with route`/rest/...` where the call is made, or pass a route`` to the wrapper'
      });
      continue;
    }
    for (const alt of call.paths) {
      const method = call.method ?? 'GET';
      const match = matchOperation(call.product, method, alt);
      if (match.kind === 'unresolved') {
        resolved.push({ ...pos(call), product: call.product, method, auth: call.auth, path: match.path, via: call.via, request, unresolved: match.reason });
        unresolvedProducts.set(call.product, `${call.file}:${call.line}`);
        findings.push({
          rule: 'unresolved-call',
          severity: 'info',
          ...pos(call),
          message: `${method} ${match.path}${where}: ${match.reason}; no ${call.product === 'jira' ? 'Jira' : 'Confluence'} scope is reported as excess`
        });
        continue;
      }
      const op = match.op;
      resolved.push({ ...pos(call), product: call.product, method, auth: call.auth, path: match.path, operation: `${op.method} ${op.template}`, via: call.via, request });
      const req: Requirement = { groups: [...op.classic, ...op.granular], classic: op.classic, granular: op.granular };
      const addition = missingScopes(req);
      if (addition) {
        findings.push({
          rule: 'missing-scope',
          severity: 'error',
          code: FindingCode.MANIFEST_MISSING_SCOPE,
          ...pos(call),
          message: `${op.method} ${op.template} (${auth})${where} needs ${list(addition)}: manifest.yml declares none of its accepted scope groups`,
          fix: `add ${list(addition)} under permissions.scopes (issue-doctor lint --fix), then forge deploy and forge install --upgrade`,
          request
        });
      }
      if (match.exPath) {
        findings.push({
          rule: 'ex-path',
          severity: 'error',
          code: FindingCode.FORGE_EX_PATH,
          ...pos(call),
          message: `${method} ${match.path}: a Forge product call through /ex/{product}/{cloudId} is refused (401 FAILURE_CLIENT_SCOPE_CHECK); one invocation reaches only its own site`,
          fix: `call ${op.template} directly: requestJira/requestConfluence already target the site of this invocation`
        });
      }
      if (/\/myself$|\/user\/current$/.test(op.template) && (declared.has('read:me') || declared.has('read:account'))) {
        findings.push({
          rule: 'myself-read-me',
          severity: 'warning',
          ...pos(call),
          message: `${op.method} ${op.template} is granted by ${op.classic.map(list).join(' or ') || '-'}${op.granular.length ? ` (granular: ${op.granular.map(list).join(' or ')})` : ''}, not by ${['read:me', 'read:account'].filter((s) => declared.has(s)).join('/')}, which only sends every reader through consent again`,
          fix: 'declare the scopes the operation lists and drop read:me/read:account unless the app uses the identity API'
        });
      }
    }
    queryChecks(call, findings);
  }
  for (const note of finder.resolver.notes) {
    const at = project.position(note.unit, note.node);
    findings.push({ rule: note.rule, severity: note.rule === 'route-param-breaks-path' ? 'error' : 'warning', ...at, message: note.message, fix: note.fix });
  }

  // 2. Platform features that need scopes: storage, UI hooks.
  const fixedNeeds = new Set<string>();
  if (usage.storage.length > 0) {
    fixedNeeds.add('storage:app');
    if (!declared.has('storage:app')) {
      additions.add('storage:app');
      for (const s of usage.storage) {
        findings.push({ rule: 'missing-scope', severity: 'error', code: FindingCode.MANIFEST_MISSING_SCOPE, ...s, message: 'Forge storage is used here but manifest.yml lacks storage:app', fix: 'add storage:app under permissions.scopes' });
      }
    }
  }
  for (const h of usage.hooks) {
    const table = HOOK_SCOPES[h.hook];
    const req: Requirement = { groups: [table.classic, table.granular], classic: [table.classic], granular: [table.granular] };
    const addition = missingScopes(req);
    if (addition) {
      findings.push({ rule: 'missing-scope', severity: 'error', code: FindingCode.MANIFEST_MISSING_SCOPE, ...h, message: `${h.hook} needs ${list(addition)}`, fix: `add ${list(addition)} under permissions.scopes` });
    }
  }

  // Product events that trigger modules subscribe to need scopes as well.
  for (const e of manifest.triggerEvents) {
    const scopes = TRIGGER_EVENT_SCOPES[e.name];
    if (!scopes) continue;
    const req: Requirement = { groups: [[...scopes.current], [...scopes.beta]], classic: [[...scopes.current]], granular: [[...scopes.beta]] };
    const addition = missingScopes(req);
    if (addition) {
      findings.push({
        rule: 'missing-scope',
        severity: 'error',
        code: FindingCode.MANIFEST_MISSING_SCOPE,
        file: mfile,
        line: e.line,
        col: e.col,
        message: `trigger event ${e.name} needs ${list(addition)}: Forge refuses to deploy a trigger without its event's scopes`,
        fix: `add ${list(addition)} under permissions.scopes (issue-doctor lint --fix)`
      });
    }
  }

  // 3. Excess scopes and the least-privilege declaration.
  const kept: { scope: string; reason: string }[] = [];
  const protectedProducts = new Map<string, string>(unresolvedProducts);
  for (const o of opaque) {
    const products = o.api === 'requestBitbucket' ? ['bitbucket'] : ['jira', 'confluence', 'compass', 'bitbucket'];
    for (const p of products) if (!protectedProducts.has(p)) protectedProducts.set(p, `${o.api} at ${o.file}:${o.line}`);
  }
  for (const e of manifest.triggerEvents) {
    const p = /^avi:(jira|confluence|compass|bitbucket)/.exec(e.name)?.[1];
    if (p && !TRIGGER_EVENT_SCOPES[e.name] && !protectedProducts.has(p)) protectedProducts.set(p, `trigger event ${e.name}`);
  }
  const available = new Set([...declared, ...additions]);
  const least = leastPrivilege(requirements, available, fixedNeeds);
  const excess: string[] = [];
  for (const s of manifest.scopes) {
    if (least.has(s.name) || !isKnownScope(s.name) || excess.includes(s.name)) continue;
    const product = scopeProduct(s.name);
    const guard = protectedProducts.get(product);
    if (guard) {
      kept.push({ scope: s.name, reason: `may be needed by ${guard}, which the linter could not resolve` });
      continue;
    }
    if (product === 'bitbucket' || product === 'compass' || (product === 'platform' && s.name !== 'storage:app' && !isConsentScope(s.name))) {
      kept.push({ scope: s.name, reason: 'its use is outside what the linter checks' });
      continue;
    }
    excess.push(s.name);
  }
  const leastList = [...declaredNames.filter((s) => !excess.includes(s)), ...[...additions].filter((s) => !declared.has(s))];
  for (const s of manifest.scopes) {
    if (!excess.includes(s.name)) continue;
    findings.push({
      rule: 'excess-scope',
      severity: 'warning',
      file: mfile,
      line: s.line,
      col: s.col,
      message: `${s.name} is declared but no call needs it`,
      fix: `remove it (issue-doctor lint --fix); least-privilege scopes: ${list(leastList) || 'none'}`
    });
  }

  // 4. Scopes that force consent, unknown scope names.
  for (const s of manifest.scopes) {
    if (isConsentScope(s.name)) {
      const needed = least.has(s.name);
      findings.push({
        rule: 'consent-scope',
        severity: needed ? 'info' : 'warning',
        code: FindingCode.CONSENT_SCREEN_SCOPE,
        file: mfile,
        line: s.line,
        col: s.col,
        message: `${s.name} makes every reader go through the consent screen ("Allow access") again, although simplified user consent skips it otherwise; ${needed ? 'a call needs it' : 'no call needs it'}`,
        fix: needed ? undefined : `remove ${s.name}; read:jira-user / read:confluence-user cover user data without consent`
      });
    }
    if (!isKnownScope(s.name)) {
      findings.push({
        rule: 'unknown-scope',
        severity: 'error',
        code: FindingCode.UNKNOWN_SCOPE_NAME,
        file: mfile,
        line: s.line,
        col: s.col,
        message: `${s.name} is not a scope Forge knows: it grants nothing, and forge deploy rejects the manifest`,
        fix: 'correct the name (see the scopes pages for Jira and Confluence) or remove it'
      });
    }
  }

  // 5. Products the app calls but is not compatible with.
  productCoverage(manifest, calls, mfile, findings);

  // 6. asApp reads returned to the browser.
  for (const leak of new AsAppFlow(project, finder, calls).find()) {
    const at = project.position(leak.unit, leak.returnNode);
    findings.push({
      rule: 'asapp-read-returned',
      severity: 'warning',
      ...pos(leak.call),
      message: `this asApp read reaches the return value of resolver "${leak.resolverName}" (${at.file}:${at.line}) with no permission check: readers see content their own permissions hide`,
      fix: 'read it asUser(), or check the reader\'s permission (e.g. /rest/api/3/permissions/check) before returning anything from it'
    });
  }

  // 7. tsconfig settings that stop forge deploy.
  const hasTs = [...project.units.values()].some((u) => /^src\/.*\.tsx?$/.test(u.rel));
  if (hasTs) {
    for (const p of tsconfigProblems(appDir, rel)) {
      findings.push({
        rule: 'tsconfig-breaks-bundler',
        severity: 'error',
        file: p.file,
        line: p.line,
        col: p.col,
        message: `"${p.option}": true stops forge deploy: its bundler compiles src/ with ts-loader on this tsconfig and fails with "TypeScript emitted no output"`,
        fix: `remove "${p.option}" here and pass --noEmit to the type-check script instead (tsc --noEmit -p .)`
      });
    }
  }

  findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || LEVEL[a.severity] - LEVEL[b.severity]);
  return {
    appDir,
    manifest: mfile,
    findings: dedupe(findings),
    declared: declaredNames,
    style,
    additions: [...additions].filter((s) => !declared.has(s)),
    excess,
    leastPrivilege: leastList,
    kept,
    calls: resolved,
    files: project.units.size
  };
}

function requestPosition(project: Project, call: FoundCall): SourcePosition {
  return project.position(call.unit, call.node.arguments[0] ?? call.node);
}

function pos(p: SourcePosition): SourcePosition {
  return { file: p.file, line: p.line, col: p.col };
}

function dedupe(findings: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}:${f.line}:${f.col}:${f.rule}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function queryChecks(call: FoundCall, findings: LintFinding[]): void {
  for (const alt of call.parts) {
    const index = alt.findIndex((p, i) => p.kind === 'value' && !p.escaped && hasQueryBefore(alt, i));
    if (index < 0) continue;
    const part = alt[index];
    findings.push({
      rule: 'query-outside-route',
      severity: 'warning',
      ...pos(call),
      message: `${part.kind === 'value' ? part.source : 'a value'} is glued into the query string of ${displayPath(alt.map((p) => (p.kind === 'text' ? p : { kind: 'value', source: p.source })))} without escaping: a value holding & # or = changes the request`,
      fix: 'build the path with route`...?x=${value}` (it escapes query values) or wrap the value in encodeURIComponent()'
    });
    break;
  }
}


function productCoverage(manifest: AppManifest, calls: FoundCall[], mfile: string, findings: LintFinding[]): void {
  const declaredCompat = manifest.compatibility;
  const covered = declaredCompat ? new Set(declaredCompat) : moduleProducts(manifest.moduleTypes);
  if (covered.size === 0) return;
  const reported = new Set<string>();
  for (const call of calls) {
    if (covered.has(call.product) || reported.has(call.product)) continue;
    reported.add(call.product);
    const count = calls.filter((c) => c.product === call.product).length;
    const name = call.product === 'jira' ? 'Jira' : 'Confluence';
    findings.push({
      rule: 'product-not-declared',
      severity: declaredCompat ? 'error' : 'warning',
      code: FindingCode.PRODUCT_NOT_DECLARED,
      ...pos(call),
      message: declaredCompat
        ? `${count} call(s) to ${name}, but app.compatibility in ${mfile} lists only ${[...covered].join(', ')}: Forge refuses calls to a product the app is not compatible with`
        : `${count} call(s) to ${name}, but the app's modules are ${[...covered].join(', ')} only and ${mfile} has no app.compatibility: an app working with more than one product must declare it`,
      fix: `add app.compatibility.${call.product} (required: false) to ${mfile} and install the app on ${name} of the same site`
    });
  }
}
