import { demoLoginLines, DEMO_CREDENTIALS_FILE } from '../../emulator/banner';
import { SCENARIOS } from '../../emulator/scenarios';
import { sampleTenant } from '../../emulator/tenant/sample-tenant';

describe("the emulator banner's demo logins", () => {
  test('name every user, their role and their token kinds, and say where the credentials are', () => {
    const lines = demoLoginLines(sampleTenant());
    expect(lines[0]).toContain(DEMO_CREDENTIALS_FILE);
    expect(lines.join('\n')).toMatch(/Mia Krystof\s+user\s+API tokens: classic, scoped/);
    expect(lines.join('\n')).toMatch(/Ada Admin\s+site admin\s+no API token/);
    expect(lines).toHaveLength(sampleTenant().users.length + 1);
  });

  test.each(SCENARIOS.map((s) => [s.name, s] as const))('print no e-mail address and no token (%s)', (_name, scenario) => {
    const tenant = sampleTenant();
    scenario.apply?.(tenant);
    const text = demoLoginLines(tenant).join('\n');
    for (const user of tenant.users) expect(text).not.toContain(user.email);
    for (const token of tenant.apiTokens) expect(text).not.toContain(token.token);
    expect(text).not.toMatch(/@|ATATT/);
  });
});
