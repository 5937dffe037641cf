import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/main';
import { createOutput } from '../../cli/output';
import { lintApp, type LintResult } from '../../cli/lint/lint';
import type { LintFinding, RuleId } from '../../cli/lint/types';

const FIXTURES = join(__dirname, 'fixtures');
const REPO = join(__dirname, '..', '..');

function lint(name: string): LintResult {
  return lintApp(join(FIXTURES, name));
}

function at(result: LintResult, rule: RuleId, where?: string): LintFinding[] {
  return result.findings.filter((f) => f.rule === rule && (!where || `${f.file}:${f.line}` === where));
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { stdin: { fd: 0, isTTY: false }, out: createOutput((t) => (out += t), (t) => (err += t)) };
  const code = await run(args, io);
  return { code, out, err };
}

describe('missing scopes per product call', () => {
  const result = lint('missing-classic');

  it('resolves route templates with parameters and a query, and accepts the declared classic scope', () => {
    const call = result.calls.find((c) => c.line === 7 && c.file === 'src/index.js');
    expect(call?.operation).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(at(result, 'missing-scope', 'src/index.js:7')).toHaveLength(0);
  });

  it('reads the method from the options and names the smallest classic addition (asApp)', () => {
    const [f] = at(result, 'missing-scope', 'src/index.js:8');
    expect(f.message).toContain('POST /rest/api/3/issue (asApp)');
    expect(f.message).toContain('needs write:jira-work');
    expect(f.code).toBe('MANIFEST_MISSING_SCOPE');
    expect(f.severity).toBe('error');
  });

  it('follows a re-exported wrapper to the caller that passes the route', () => {
    const [f] = at(result, 'missing-scope', 'src/index.js:9');
    expect(f.message).toContain('GET /rest/api/3/myself');
    expect(f.message).toContain('through jiraGet at src/lib/jira.js:5');
    expect(f.message).toContain('needs read:jira-user');
  });

  it('resolves a helper function that builds the route', () => {
    const [f] = at(result, 'missing-scope', 'src/index.js:10');
    expect(f.message).toContain('DELETE /rest/api/3/issue/{issueIdOrKey}');
  });

  it('checks requestConfluence and @forge/bridge calls in Custom UI sources, and constant template expressions', () => {
    expect(at(result, 'missing-scope', 'src/index.js:12')[0].message).toContain('GET /wiki/api/v2/pages/{id} (asUser) needs read:page:confluence');
    expect(at(result, 'missing-scope', 'static/panel/src/App.js:4')[0].message).toContain('POST /rest/api/3/issue/{issueIdOrKey}/comment (@forge/bridge)');
    const constant = result.calls.find((c) => c.file === 'static/panel/src/App.js' && c.line === 11);
    expect(constant?.operation).toBe('GET /rest/api/3/project/search');
  });

  it('adds exactly the union of the smallest additions', () => {
    expect([...result.additions].sort()).toEqual(['read:jira-user', 'read:page:confluence', 'write:jira-work']);
  });

  it('follows a granular manifest with granular additions', () => {
    const granular = lint('granular');
    const [f] = at(granular, 'missing-scope', 'src/index.js:5');
    expect(f.message).toContain('read:user:jira');
    expect(f.message).not.toContain('read:jira-user');
    expect(granular.style).toBe('granular');
  });
});

describe('trigger events', () => {
  it('requires the scopes of each product event a trigger subscribes to, and counts them as needed', () => {
    const result = lint('trigger');
    const [f] = at(result, 'missing-scope', 'manifest.yml:6');
    expect(f.message).toContain('trigger event avi:jira:created:issue needs read:jira-work');
    expect(result.leastPrivilege).toEqual(['read:jira-work']);
    expect(result.excess).toEqual(['storage:app']);
  });
});

describe('excess scopes and the least-privilege declaration', () => {
  it('names each declared scope no call needs, keeping scopes of unknown purpose', () => {
    const result = lint('excess');
    expect(result.excess).toEqual(['write:jira-work', 'manage:jira-configuration', 'read:confluence-content.all', 'storage:app']);
    expect(at(result, 'excess-scope', 'manifest.yml:19')[0].message).toContain('manage:jira-configuration');
    expect(result.leastPrivilege).toEqual(['read:jira-work', 'report:personal-data']);
    expect(result.kept.map((k) => k.scope)).toEqual(['report:personal-data']);
  });

  it('keeps the smaller of two declared groups that grant the same call (REST v2 maps onto v3)', () => {
    const result = lint('mixed');
    expect(result.style).toBe('mixed');
    expect(result.calls[0].operation).toBe('GET /rest/api/3/issue/{issueIdOrKey}');
    expect(result.leastPrivilege).toEqual(['read:jira-work']);
    expect(result.excess).toHaveLength(9);
    expect(result.excess).toContain('read:issue:jira');
  });

  it('never suggests removing a scope an unresolved call might need, and says which call it was', () => {
    const result = lint('excess-unresolved');
    expect(result.excess).toEqual(['read:confluence-content.all', 'storage:app']);
    expect(result.kept.map((k) => k.scope)).toEqual(['write:jira-work', 'manage:jira-configuration', 'report:personal-data']);
    const [note] = at(result, 'unresolved-call', 'src/index.js:6');
    expect(note.message).toContain('parameter "next" of handler');
    expect(note.severity).toBe('info');
  });
});

describe('consent-forcing scopes and /myself', () => {
  const result = lint('consent');

  it('warns about read:me and read:account with their cost and that no call needs them', () => {
    const findings = at(result, 'consent-scope');
    expect(findings.map((f) => f.line)).toEqual([18, 19]);
    expect(findings[0].message).toContain('consent screen');
    expect(findings[0].message).toContain('no call needs it');
    expect(findings[0].code).toBe('CONSENT_SCREEN_SCOPE');
  });

  it('tells code calling /myself that read:me is not what grants it', () => {
    const [f] = at(result, 'myself-read-me', 'src/index.js:4');
    expect(f.message).toContain('granted by read:jira-user');
    expect(at(result, 'missing-scope', 'src/index.js:4')[0].message).toContain('needs read:jira-user');
  });
});

describe('platform pitfalls', () => {
  const result = lint('pitfalls');

  it('flags /ex/{product}/{cloudId} inside a Forge call (seed 001)', () => {
    const [f] = at(result, 'ex-path', 'src/index.js:7');
    expect(f.code).toBe('FORGE_EX_PATH');
    expect(f.fix).toContain('/rest/api/3/project/search');
  });

  it('flags a Route joined to a query string with +', () => {
    expect(at(result, 'query-outside-route', 'src/index.js:12')[0].message).toContain('joined to a string');
  });

  it('flags route`` receiving a "?" in the path, which it throws on', () => {
    const [f] = at(result, 'route-param-breaks-path', 'src/index.js:18');
    expect(f.message).toContain('?jql=project%3DABC');
    expect(f.severity).toBe('error');
  });

  it('flags an unescaped value in a bridge query string but not an encoded one', () => {
    expect(at(result, 'query-outside-route', 'static/page/src/search.js:4')).toHaveLength(1);
    expect(at(result, 'query-outside-route', 'static/page/src/search.js:5')).toHaveLength(0);
  });

  it('flags Jira calls from a Confluence-only app without app.compatibility', () => {
    const findings = at(result, 'product-not-declared');
    expect(findings).toHaveLength(1);
    expect(findings[0].code).toBe('PRODUCT_NOT_DECLARED');
    expect(findings[0].fix).toContain('app.compatibility.jira');
    expect(at(lint('missing-classic'), 'product-not-declared')).toHaveLength(0);
  });

  it('flags an asApp read returned by a resolver, not a status-only read nor one after a permission check', () => {
    const leaks = at(result, 'asapp-read-returned');
    expect(leaks.map((f) => f.line)).toEqual([23]);
    expect(leaks[0].message).toContain('resolver "leak"');
  });

  it('flags noEmit and emitDeclarationOnly through tsconfig extends', () => {
    const ts = lint('tsconfig-noemit');
    const findings = at(ts, 'tsconfig-breaks-bundler');
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(['tsconfig.base.json:4', 'tsconfig.json:6']);
    expect(findings[1].message).toContain('TypeScript emitted no output');
  });

  it('flags unknown scope names and storage without storage:app', () => {
    const result2 = lint('unknown-storage');
    expect(at(result2, 'unknown-scope', 'manifest.yml:7')[0].message).toContain('read:jira-wrok');
    expect(at(result2, 'missing-scope', 'src/index.js:1')[0].message).toContain('storage:app');
  });
});

describe('the command', () => {
  it('prints file:line:col rule-id with the fix, one line each, and exits 1 on errors', async () => {
    const { code, out } = await cli(['lint', join(FIXTURES, 'missing-classic')]);
    expect(code).toBe(1);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^src\/index\.js:8:9 missing-scope error: .* \(fix: add write:jira-work/);
    expect(lines.at(-1)).toContain('6 error(s)');
  });

  it('exits 0 on a clean app and prints only the summary', async () => {
    const { code, out } = await cli(['lint', join(FIXTURES, 'clean')]);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
  });

  it('gives JSON for tools', async () => {
    const { code, out } = await cli(['lint', join(FIXTURES, 'excess'), '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.scopes.remove).toContain('write:jira-work');
    expect(json.findings[0]).toMatchObject({ rule: 'excess-scope', file: 'manifest.yml', line: 18, col: 7 });
  });

  it('answers bad usage with one line and exit 2', async () => {
    expect((await cli(['lint', '--frobnicate'])).code).toBe(2);
    const missing = await cli(['lint', join(FIXTURES, 'no-such-app')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^issue-doctor: lint: .* is not a directory\.\n$/);
  });

  it('answers an app without manifest.yml, or with invalid YAML, with one line and exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lint-bad-'));
    try {
      const none = await cli(['lint', dir]);
      expect(none.code).toBe(2);
      expect(none.err).toContain('no manifest.yml in this directory');
      writeFileSync(join(dir, 'manifest.yml'), 'permissions:\n  scopes: [read:jira-work\n');
      const bad = await cli(['lint', dir]);
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/^issue-doctor: .*is not valid YAML/);
      expect(bad.err.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lints this app with 0 errors', () => {
    const result = lintApp(REPO);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.calls.every((c) => !c.unresolved)).toBe(true);
    expect(result.calls.map((c) => c.operation)).toEqual(
      expect.arrayContaining(['GET /rest/api/3/issue/{issueIdOrKey}', 'GET /wiki/api/v2/pages/{id}', 'GET /wiki/api/v2/blogposts/{id}'])
    );
  });
});

describe('--fix', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lint-fix-'));
    cpSync(join(FIXTURES, 'fix-commented'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds missing and removes excess scopes, keeping comments, quoting and the rest of the file', async () => {
    const before = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    const { code, out } = await cli(['lint', dir, '--fix']);
    expect(code).toBe(0);
    expect(out).toContain('added write:jira-work; removed manage:jira-configuration');
    const after = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    for (const comment of ['# Issue panel app: keep this header comment.', '# the only panel', '# Reading issues for the panel.', '# issue fields', '# Left over from an old feature.', '# settings', "# Forge's current runtime"]) {
      expect(after).toContain(comment);
    }
    expect(after).toContain("title: 'Panel: quoted title'");
    expect(after).toContain("- 'storage:app' # settings");
    expect(after).not.toContain('manage:jira-configuration');
    expect(after).toMatch(/- 'storage:app' # settings\n {4}- write:jira-work\napp:/);
    // Everything outside permissions.scopes is unchanged, line for line.
    const outside = (text: string) => text.split('\n').filter((l, i, all) => i < all.indexOf('permissions:') || i > all.findIndex((x) => x.startsWith('app:')) - 1);
    expect(outside(after)).toEqual(outside(before));
  });

  it('is idempotent and leaves a manifest that needs nothing byte for byte', async () => {
    await cli(['lint', dir, '--fix']);
    const once = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    const second = await cli(['lint', dir, '--fix']);
    expect(second.out).not.toContain('fixed manifest.yml');
    expect(readFileSync(join(dir, 'manifest.yml'), 'utf8')).toBe(once);
  });

  it('creates permissions.scopes when the manifest has none', async () => {
    const manifest = readFileSync(join(dir, 'manifest.yml'), 'utf8').replace(/permissions:\n(?: {2}.*\n| {4}.*\n)*/, '');
    writeFileSync(join(dir, 'manifest.yml'), manifest);
    await cli(['lint', dir, '--fix']);
    const after = readFileSync(join(dir, 'manifest.yml'), 'utf8');
    expect(after).toMatch(/permissions:\n {2}scopes:\n(?: {4}- .*\n){3}/);
    expect(after).toContain('# Issue panel app: keep this header comment.');
    expect(lintApp(dir).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
