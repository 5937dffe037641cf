/** The scopes manifest.yml declares. A test fails when the two drift apart. */
export const DECLARED_SCOPES: readonly string[] = ['read:jira-work', 'read:page:confluence'];
