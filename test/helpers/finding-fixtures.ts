import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRawResponse } from '../../src/diagnosis/parse/raw-response';
import type { DiagnosisInput } from '../../src/diagnosis/types';

export const FIXTURES = join(__dirname, '..', 'fixtures');

export interface FindingFixture {
  name: string;
  source: string;
  input: DiagnosisInput;
  responseFile?: string;
  expect: { code: string; mentions: string[]; absent?: string[] };
}

export function loadFindingFixtures(): FindingFixture[] {
  const dir = join(FIXTURES, 'findings');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const response = raw.responseFile ? parseRawResponse(readFileSync(join(FIXTURES, raw.responseFile), 'utf8')) : raw.response;
      return {
        name: raw.name,
        source: raw.source,
        responseFile: raw.responseFile,
        input: { call: raw.call, response, error: raw.error, scopes: raw.scopes, probes: raw.probes, now: new Date('2026-11-25T12:00:00Z') },
        expect: raw.expect
      };
    });
}

export function readSeed(prefix: string): string {
  const file = readdirSync(join(FIXTURES, 'seeds')).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no seed ${prefix}`);
  return readFileSync(join(FIXTURES, 'seeds', file), 'utf8');
}
