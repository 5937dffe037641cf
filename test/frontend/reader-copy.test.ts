import { FindingCode } from '../../src/diagnosis/codes';
import type { Finding } from '../../src/diagnosis/types';
import type { CheckedResult, ProbeRow } from '../../src/macro/render-result';
import { checkLines } from '../../src/frontend/checks';
import { invokeFailureMessage } from '../../src/frontend/invoke-failure';
import { readerMessage, readerSentences } from '../../src/frontend/reader-message';
import { segments } from '../../src/frontend/rich-text';

const finding = (code: FindingCode | string, remedies: Finding['remedies'] = [], severity: Finding['severity'] = 'error'): Finding => ({
  code: code as FindingCode,
  severity,
  title: `${code} title`,
  explanation: 'First sentence. Second sentence.',
  remedies,
  evidence: []
});

describe('segments: commands and links out of remedy text', () => {
  test('backticks become code, links become links without their closing punctuation', () => {
    expect(segments('Run `forge install --upgrade` (see https://id.atlassian.com/manage-profile/apps), then reload.')).toEqual([
      { kind: 'text', text: 'Run ' },
      { kind: 'code', text: 'forge install --upgrade' },
      { kind: 'text', text: ' (see ' },
      { kind: 'link', text: 'https://id.atlassian.com/manage-profile/apps' },
      { kind: 'text', text: '), then reload.' }
    ]);
    expect(segments('Check https://status.atlassian.com.')).toEqual([
      { kind: 'text', text: 'Check ' },
      { kind: 'link', text: 'https://status.atlassian.com' },
      { kind: 'text', text: '.' }
    ]);
  });

  test('plain text stays one segment; an unclosed backtick stays text', () => {
    expect(segments('no commands here')).toEqual([{ kind: 'text', text: 'no commands here' }]);
    expect(segments('a ` alone')).toEqual([{ kind: 'text', text: 'a ` alone' }]);
  });

  test('linear time on hostile text (long runs of each token prefix)', () => {
    for (const hostile of ['`'.repeat(200_000), 'https://'.repeat(50_000), '`a'.repeat(100_000), 'https://a.'.repeat(30_000)]) {
      const started = Date.now();
      const out = segments(hostile);
      expect(out.map((s) => s.text).join('').length).toBeLessThanOrEqual(hostile.length);
      expect(Date.now() - started).toBeLessThan(500);
    }
  });
});

describe('readerMessage: what happened, what to do, whom to ask', () => {
  test('every finding code gets a title and at least one sentence', () => {
    for (const code of Object.values(FindingCode)) {
      const message = readerMessage(finding(code, [{ actor: 'site-admin', action: 'x' }]), 'DOC-1');
      expect(message.title.length).toBeGreaterThan(5);
      expect(readerSentences(message).join(' ')).toMatch(/\.$/);
    }
  });

  test('hidden, missing, and "not found or hidden" read the same (Jira\'s single answer)', () => {
    const texts = ['ISSUE_NOT_FOUND_OR_HIDDEN', 'ISSUE_HIDDEN_FROM_VIEWER', 'ISSUE_NOT_FOUND'].map((code) => {
      const { appearance, ...rest } = readerMessage(finding(code, [], 'warning'), 'SEC-7');
      return JSON.stringify({ appearance, ...rest });
    });
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toContain('SEC-7 does not exist or you do not have permission to see it');
  });

  test('only a grant problem of the reader offers to renew access', () => {
    expect(readerMessage(finding('USER_GRANT_EMPTY'), 'DOC-1').renewAccess).toBe(true);
    expect(readerMessage(finding('USER_GRANT_MISSING_SCOPES'), 'DOC-1').renewAccess).toBe(true);
    for (const code of ['PRODUCT_NOT_INSTALLED', 'MANIFEST_MISSING_SCOPE', 'ISSUE_NOT_FOUND_OR_HIDDEN', 'RATE_LIMITED']) expect(readerMessage(finding(code), 'DOC-1').renewAccess).toBeFalsy();
  });

  test('a code without copy of its own asks whom its remedies name: the page author before a site admin', () => {
    expect(readerSentences(readerMessage(finding('SOMETHING_NEW', [{ actor: 'page-author', action: 'x' }]), 'DOC-1')).join(' ')).toContain('Ask the page author');
    expect(readerSentences(readerMessage(finding('SOMETHING_NEW', [{ actor: 'app-developer', action: 'x' }]), 'DOC-1')).join(' ')).toContain('Ask a site admin');
  });

  test('findings written for the reader keep their own words and the reader\'s remedy', () => {
    const message = readerMessage({ ...finding('VIEWER_CANNOT_USE_APP', [{ actor: 'viewer', action: 'Log in and reload the page.' }], 'info'), title: 'Log in to see this Jira issue' }, 'DOC-1');
    expect(message.title).toBe('Log in to see this Jira issue');
    expect(readerSentences(message)).toEqual(['First sentence.', 'Log in and reload the page.']);
  });

  test('no reader message carries a command, a REST path or backticks', () => {
    for (const code of Object.values(FindingCode)) {
      const text = readerSentences(readerMessage(finding(code), 'DOC-1')).join(' ');
      expect(text).not.toMatch(/`|\/rest\/|forge |asApp|manifest/);
    }
  });
});

describe('invokeFailureMessage: a failed invoke without the engine', () => {
  test.each([
    [{ name: 'FUNCTION_ERR', message: 'The function timed out after 25 seconds' }, 'Confluence did not answer in time'],
    [{ name: 'Error', message: 'Too many requests' }, 'Confluence is busy right now'],
    [{ name: 'Error', message: 'socket hang up' }, 'This app could not load the issue']
  ])('%j → %s', (error, title) => {
    const message = invokeFailureMessage(error);
    expect(message.title).toBe(title);
    expect(message.retry).toBe(true);
  });
});

describe('checkLines', () => {
  const probe = (outcome: string): ProbeRow => ({ id: 'jira-user-issue', product: 'jira', as: 'user', call: 'GET /rest/api/3/issue/DOC-1', outcome, verdict: 'failed', purpose: '' });
  const result = (outcome: string, scopes: 'ok' | 'failed' = 'ok'): CheckedResult => ({
    state: 'checked',
    issueKey: 'DOC-1',
    status: { jira: 'failed', confluence: 'ok', scopes },
    findings: [],
    probes: [probe(outcome)],
    scopes: [],
    report: '',
    checkedAt: ''
  });
  const scopes = (r: CheckedResult) => checkLines(r).find((l) => l.label === 'Scopes')!.state;

  test('scopes are "ok" only when Jira itself answered behind the gateway', () => {
    expect(scopes(result('200'))).toBe('ok');
    expect(scopes(result('404'))).toBe('ok');
    expect(scopes(result('403'))).toBe('not-checked');
    expect(scopes(result('503'))).toBe('not-checked');
    expect(scopes(result('timeout'))).toBe('not-checked');
    expect(scopes(result('403', 'failed'))).toBe('failed');
  });
});
