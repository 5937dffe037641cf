/**
 * What the seed presets are for. The macro never makes the calls of seeds 001–003 (an /ex/ path from
 * Forge, a scoped API token at the site URL, an admin-only endpoint from a script), so there the page
 * shows the healthy card. Seed 001's call is a Forge call, made by the emulator's `call` command; seeds
 * 002 and 003 are scripts with an API token, played by curl against this preview's emulated site
 * (`{site}`, while the scenario is selected). `issue-doctor explain` reads each answer.
 */
export interface SeedNote {
  purpose: string;
  commands: string[];
}

const CLOUD_ID = '3f1b0c1e-7a2d-4b9e-8c55-1d2e3f4a5b6c'; // emulator/tenant/sample-tenant.ts

export const SEED_NOTES: Record<string, SeedNote> = {
  'seed-001-ex-path': {
    purpose: 'For the emulator tests and the CLI: this macro never calls /ex/jira/{cloudId} from Forge, so the card shows as in Healthy. To see the failure:',
    commands: [
      `npm run -s emulator -- call --scenario seed-001-ex-path --as user GET /ex/jira/${CLOUD_ID}/rest/api/3/project/search \\\n  | npx issue-doctor explain --as forge-as-user --path /ex/jira/${CLOUD_ID}/rest/api/3/project/search`
    ]
  },
  'seed-002-scoped-token': {
    purpose: 'For the emulator tests and the CLI: this macro never uses an API token, so the card shows as in Healthy. To see the failure:',
    commands: [
      'curl -si -u mia@acme.example:ATATT-scoped-emulated-0003 {site}/rest/api/3/issue/DOC-42 \\\n  | npx issue-doctor explain --as basic-scoped-token --path https://acme.atlassian.net/rest/api/3/issue/DOC-42'
    ]
  },
  'seed-003-admin-only': {
    purpose: 'For the emulator tests and the CLI: this macro never calls an admin-only endpoint, so the card shows as in Healthy. To see the failure:',
    commands: [
      'curl -si -u mia@acme.example:ATATT-classic-emulated-0001 {site}/rest/api/2/settings/columns \\\n  | npx issue-doctor explain --as basic-classic-token --path https://acme.atlassian.net/rest/api/2/settings/columns'
    ]
  }
};

export function seedCommands(note: SeedNote, siteUrl: string): string[] {
  return note.commands.map((c) => c.split('{site}').join(siteUrl));
}
