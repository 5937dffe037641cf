/**
 * What the seed presets are for. The macro never makes the calls of seeds 001–003 (an /ex/ path from
 * Forge, a scoped token at the site URL, an admin-only endpoint), so there the page shows the healthy
 * card; the emulator's `call` command makes the seed's call and `issue-doctor explain` reads the answer.
 */
export interface SeedNote {
  purpose: string;
  commands: string[];
}

export const SEED_NOTES: Record<string, SeedNote> = {
  'seed-001-ex-path': {
    purpose: 'For the emulator tests and the CLI: this macro never calls /ex/jira/{cloudId} from Forge, so the card shows as in Healthy. To see the failure:',
    commands: [
      'npm run -s emulator -- call --scenario seed-001-ex-path --as user GET /ex/jira/{cloudId}/rest/api/3/project/search \\\n  | npx issue-doctor explain --as forge-as-user --path /ex/jira/{cloudId}/rest/api/3/project/search'
    ]
  },
  'seed-002-scoped-token': {
    purpose: 'For the emulator tests and the CLI: this macro never uses an API token, so the card shows as in Healthy. To see the failure:',
    commands: [
      'npm run -s emulator -- call --scenario seed-002-scoped-token --as scoped-token GET /rest/api/3/issue/DOC-42 \\\n  | npx issue-doctor explain --as basic-scoped-token --path /rest/api/3/issue/DOC-42'
    ]
  },
  'seed-003-admin-only': {
    purpose: 'For the emulator tests and the CLI: this macro never calls an admin-only endpoint, so the card shows as in Healthy. To see the failure:',
    commands: [
      'npm run -s emulator -- call --scenario seed-003-admin-only --as user GET /rest/api/2/settings/columns \\\n  | npx issue-doctor explain --as forge-as-user --path /rest/api/2/settings/columns'
    ]
  }
};
