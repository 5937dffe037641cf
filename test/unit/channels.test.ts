import { diagnose } from '../../src/diagnosis/diagnose';
import { explainText } from '../../src/diagnosis/explain';
import type { Channel, Finding } from '../../src/diagnosis/types';
import { loadCases } from '../../tools/corpus/corpus';
import { loadFindingFixtures } from '../helpers/finding-fixtures';

/** Words that only make sense on a Confluence page, and words that only make sense at a terminal. */
const PAGE_ONLY = /reload (?:this|the) page|this page|in the macro|click "Allow access"|the report below/i;
const TERMINAL_ONLY = /\bcurl\b|--as\b|--path\b|--method\b|\bterminal\b|command line|re-?run the script/i;

function say(findings: Finding[]): string {
  return findings.map((f) => [f.title, f.explanation, ...f.remedies.map((r) => r.action)].join('\n')).join('\n');
}

const fixtures = loadFindingFixtures();
const cases = loadCases();

describe('remedies speak to where the reader is', () => {
  test.each(['macro', 'cli'] as Channel[])('%s: every fixture and corpus case', (channel) => {
    const forbidden = channel === 'macro' ? TERMINAL_ONLY : PAGE_ONLY;
    const texts: [string, Finding[]][] = [
      ...fixtures.map((f) => [f.name, diagnose({ ...f.input, channel }).findings] as [string, Finding[]]),
      ...cases.map((c) => [c.id, explainText(c.input, { channel }).diagnosis.findings] as [string, Finding[]])
    ];
    const offending = texts.filter(([, findings]) => forbidden.test(say(findings))).map(([name, findings]) => `${name}: ${say(findings).match(forbidden)?.[0]}`);
    expect(offending).toEqual([]);
    for (const [, findings] of texts) for (const f of findings) expect(f.audience).toBe(channel);
  });

  test('the same finding keeps a remedy for each place: reload in the macro, retry from the terminal', () => {
    const input = { call: { method: 'GET', path: '/rest/api/3/issue/A-1', auth: 'forge-as-user' as const }, response: { status: 503, headers: {}, body: '' } };
    const macro = say(diagnose({ ...input, channel: 'macro' }).findings);
    const cli = say(diagnose({ ...input, channel: 'cli' }).findings);
    expect(macro).toMatch(/Reload the page/);
    expect(cli).toMatch(/Retry the call/);
    expect(cli).not.toMatch(/Reload/);
  });

  test('the engine\'s own words never trip the redaction (no "[redacted" without a secret in the input)', () => {
    for (const f of fixtures) {
      if (/Bearer|Basic|token|eyJ|@/.test(JSON.stringify(f.input))) continue;
      expect(JSON.stringify(diagnose(f.input).findings)).not.toContain('[redacted');
    }
  });
});
