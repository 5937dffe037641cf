import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCorpus } from '../../tools/corpus/corpus';

/**
 * The public corpus (test/corpus/cases): every case through `explain` in-process. The floor is the accuracy
 * reached so far; raise it as the engine improves, never lower it to make a change pass. It was set again when
 * the corpus grew by blind sets (126 cases gathered without running the engine, `f-` files): on the 196 cases
 * before them the engine went from 92.3% to 94.4%; the blind sets scored 50% before tuning and 82% after
 * (test/corpus/README.md), so the whole corpus stood at 288 of 322. Later: a context audit (how each call
 * authenticated, Cloud or self-hosted, wherever the case's own cause states it), three relabels to the written
 * vocabulary, a duplicate removed, and blind set g10 (16 cases, 11 right before tuning) took it to 312 of 337.
 * Blind set g11 (20 cases on authentication, Confluence, JSM and agile; 7 right before tuning, 14 after) then
 * brought harder cases in: 326 of 357 (91.3%). Blind set g13 (16 cases, 7 right before tuning) and rules for kinds
 * earlier sets had shown made it 341 of 373 (91.4%). Then one vocabulary rule written down (an answer that only says
 * "not found" or "not allowed" keeps its code when the thread traced it to unread credentials: 5 relabels to the 8
 * cases already labelled so), one relabel to match a twin case (mattermost 945 as 985), and rules for kinds (create
 * metadata withheld, the gateway's 401 for unknown routes, the Admin API's 404 for a key's scopes, GitLab's credential
 * message, a Connect app's impersonation assertion, JSON.parse choking on the HTML 401 page): 352 of 373 (94.4%).
 * Blind set g14 (35 cases, 25 right before tuning, 33 after): 385 of 408 (94.4%). Blind set g15 (32 cases, 21 right
 * before tuning, 31 after) and one relabel to a written rule: 416 of 440 (94.5%). Blind set g16 (27 cases, 18 right
 * before tuning, 26 after): 442 of 467 (94.6%); a 404 with no path and no reason read as the URL: 443 of 467 (94.9%).
 * Blind set g17 (13 cases, 10 right before tuning, 13 after): 456 of 480 (95.0%). The floor follows the corpus, never a change.
 */
const FLOOR = 0.95;

describe('public error corpus', () => {
  const summary = runCorpus();

  test('every case has an http(s) source, a known shape and an expected code', () => {
    for (const r of summary.results) {
      expect(r.case.source).toMatch(/^https?:\/\//);
      expect(typeof r.case.input).toBe('string');
    }
  });

  test('no error from a thread is in the corpus twice', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const r of summary.results) {
      const key = `${r.case.source}\n${r.case.input}`;
      const first = seen.get(key);
      if (first) twice.push(`${first} = ${r.case.id}`);
      else seen.set(key, r.case.id);
    }
    expect(twice).toEqual([]);
  });

  test('no case is refused', () => {
    expect(summary.results.filter((r) => r.refused).map((r) => r.case.id)).toEqual([]);
  });

  test(`accuracy stays at or above ${FLOOR * 100}%`, () => {
    expect(summary.total).toBeGreaterThan(0);
    expect(summary.accuracy).toBeGreaterThanOrEqual(FLOOR);
  });
});

describe('npm run corpus -- --dir (a held-out set in the same format)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const runner = join(__dirname, '..', '..', 'tools', 'corpus', 'run-corpus.ts');
  const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

  test('runs only the given folder and scores it', () => {
    mkdirSync(join(dir, 'availability'));
    const base = { kind: 'availability', source: 'https://example.org/t/1', shape: 'http-response', cause: 'c', settledBy: 's' };
    writeFileSync(join(dir, 'availability', 'a.json'), JSON.stringify({ ...base, id: 'a', input: 'HTTP/1.1 429 Too Many Requests\n\n', expected: 'RATE_LIMITED' }));
    writeFileSync(join(dir, 'availability', 'b.json'), JSON.stringify({ ...base, id: 'b', input: 'HTTP/1.1 429 Too Many Requests\n\n', expected: 'TIMEOUT' }));
    const out = execFileSync(tsx, [runner, '--dir', dir], { encoding: 'utf8' });
    expect(out).toContain('cases 2, correct 1, accuracy 50.0%, refused 0');
    expect(out).toContain('named as primary or "also possible": 1 of 2 (50.0%)');
  });

  test('a missing folder is one line and exit 2', () => {
    const run = spawnSync(tsx, [runner, '--dir', join(dir, 'absent')], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
