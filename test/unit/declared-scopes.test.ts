import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DECLARED_SCOPES } from '../../src/resolvers/declared-scopes';
import { APP_SCOPES } from '../../emulator/tenant/sample-tenant';

describe('declared scopes', () => {
  const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as { permissions: { scopes: string[] } };
  test('the resolver declares exactly what manifest.yml declares (fails on drift)', () => {
    expect([...DECLARED_SCOPES].sort()).toEqual([...manifest.permissions.scopes].sort());
  });
  test("the emulated site's healthy installation holds the manifest's scopes", () => {
    expect([...APP_SCOPES].sort()).toEqual([...manifest.permissions.scopes].sort());
  });
});
