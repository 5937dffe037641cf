import type { Tenant } from './tenant/model';

/** Where the demo credentials live, for people who want to call the emulated site with curl. */
export const DEMO_CREDENTIALS_FILE = 'emulator/tenant/sample-tenant.ts';

/**
 * The banner's "Demo logins" block: who can log in, as what, with which kinds of API token. The e-mail addresses and
 * tokens themselves are fake (they open only this emulated site) but are still never printed: the project prints no
 * token or e-mail address anywhere, and a banner pasted into a ticket or a chat should not teach anyone otherwise.
 * The preview's sidebar gives ready-made commands for the seeds that need a login.
 */
export function demoLoginLines(tenant: Pick<Tenant, 'users' | 'apiTokens'>): string[] {
  const lines = [`Demo logins (basic auth at the site URL or the gateway; fake e-mail and API token of each in ${DEMO_CREDENTIALS_FILE}):`];
  for (const user of tenant.users) {
    const kinds = tenant.apiTokens.filter((t) => t.accountId === user.accountId).map((t) => t.kind);
    const tokens = kinds.length ? `API tokens: ${kinds.join(', ')}` : 'no API token';
    lines.push(`  ${user.displayName.padEnd(14)}${(user.admin ? 'site admin' : 'user').padEnd(12)}${tokens}`);
  }
  return lines;
}
