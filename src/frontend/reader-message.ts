import type { FindingCode } from '../diagnosis/codes';
import type { Actor, Finding } from '../diagnosis/types';

/** Who a reader can turn to. App developers and script owners are reached through a site admin. */
export type Contact = 'page-author' | 'site-admin';

/** The one short message a page reader sees: what happened, what they can do, whom to ask. */
export interface ReaderMessage {
  title: string;
  /** What happened, in plain words. */
  what: string;
  /** What the reader can do themselves, if anything. */
  youCan?: string;
  ask?: Contact;
  /** The reader's own consent is the fix: offer the platform's "Allow access" prompt again. */
  renewAccess?: boolean;
  /** Trying again later may help (a busy or unreachable product). */
  retry?: boolean;
  appearance: 'error' | 'warning' | 'information';
}

export const CONTACT_LABEL: Record<Contact, string> = {
  'page-author': 'the page author',
  'site-admin': 'a site admin'
};

type Copy = (key: string, finding: Finding) => Omit<ReaderMessage, 'appearance'>;

// Jira's own wording, whatever the finding: a reader must not learn whether a hidden issue exists.
const NOT_VISIBLE: Copy = (key) => ({
  title: `${key} does not exist or you do not have permission to see it`,
  what: 'Jira did not show this issue to you.',
  youCan: 'If you should see it, ask the page author which issue is meant, or ask a Jira admin for access.'
});

const APP_SETUP: Copy = () => ({
  title: 'This app is not set up to show Jira issues here',
  what: 'The app needs a change by the people who manage it before it can read Jira.',
  ask: 'site-admin'
});

const renew = (what: string): Copy => (key) => ({
  title: `Jira did not let this app read ${key} for you`,
  what,
  youCan: 'Renew access and allow it again.',
  ask: 'site-admin',
  renewAccess: true
});

/** For findings already written to the reader (decided from the macro's context): their own words. */
const OWN_WORDS: Copy = (_key, finding) => ({
  title: finding.title,
  what: /^[^.]*\./.exec(finding.explanation)?.[0] ?? finding.explanation,
  youCan: finding.remedies.find((r) => r.actor === 'viewer')?.action
});

/**
 * Plain-words copy for the codes a macro reader can meet; any other code (the CLI's token and OAuth
 * findings, codes added later) gets `fallback`, which asks whom the finding's remedies name.
 */
const COPY: Partial<Record<FindingCode, Copy>> = {
  CONSENT_REQUIRED: () => ({
    title: 'Allow access to show this Jira issue',
    what: 'This app reads Jira as you, so you only see what Jira lets you see. Confluence asks for your permission first.',
    renewAccess: true
  }),
  USER_GRANT_EMPTY: renew('Your permission for this app does not cover Jira.'),
  USER_GRANT_MISSING_SCOPES: renew('The app was updated since you allowed access, and your permission does not cover what it now needs.'),
  MANIFEST_MISSING_SCOPE: APP_SETUP,
  INSTALLATION_NOT_UPGRADED: () => ({
    title: 'This app needs an update before it can show Jira issues',
    what: 'A newer version of the app is waiting to be accepted on this site.',
    ask: 'site-admin'
  }),
  PRODUCT_NOT_INSTALLED: () => ({
    title: 'This app is not connected to Jira on this site',
    what: 'It is installed on Confluence only, so it cannot read Jira issues.',
    ask: 'site-admin'
  }),
  PRODUCT_NOT_DECLARED: APP_SETUP,
  EGRESS_NOT_ALLOWED: APP_SETUP,
  UNKNOWN_SCOPE_NAME: APP_SETUP,
  FORGE_EX_PATH: APP_SETUP,
  ISSUE_NOT_FOUND_OR_HIDDEN: NOT_VISIBLE,
  ISSUE_HIDDEN_FROM_VIEWER: NOT_VISIBLE,
  ISSUE_NOT_FOUND: NOT_VISIBLE,
  PERMISSION_DENIED: () => ({
    title: 'Jira did not give you permission for this',
    what: 'Your Jira permissions do not allow this app to show the issue to you.',
    youCan: 'Ask a Jira admin or the project lead for access.'
  }),
  RATE_LIMITED: () => ({ title: 'Jira is busy right now', what: 'Jira asked the app to wait before reading more issues.', youCan: 'Check again in a minute.', retry: true }),
  SITE_UNAVAILABLE: () => ({
    title: 'Jira is not answering right now',
    what: 'This is not a permission problem.',
    youCan: 'Check again in a minute.',
    ask: 'site-admin',
    retry: true
  }),
  UNLICENSED_USER: () => ({
    title: 'You do not have access to Jira on this site',
    what: 'This macro shows Jira issues only to people with Jira access.',
    youCan: 'Ask a site admin for Jira access.'
  }),
  LOGIN_REQUIRED: () => ({ title: 'Log in to see this Jira issue', what: 'Jira asked for a login before answering.', youCan: 'Log in and reload the page.' }),
  PRODUCT_UNAVAILABLE: () => ({
    title: 'Jira is not answering right now',
    what: 'This is not a permission problem.',
    youCan: 'Check again in a minute.',
    ask: 'site-admin',
    retry: true
  }),
  TIMEOUT: () => ({ title: 'Jira did not answer in time', what: 'This is not a permission problem.', youCan: 'Check again in a moment.', ask: 'site-admin', retry: true }),
  ISSUE_ON_OTHER_SITE: OWN_WORDS,
  VIEWER_CANNOT_USE_APP: OWN_WORDS,
  MALFORMED_RESPONSE: () => ({
    title: 'Jira sent an answer this app could not read',
    what: 'Something between Jira and this page changed the answer.',
    youCan: 'Check again in a moment.',
    ask: 'site-admin',
    retry: true
  })
};

const CONTACT_OF: Record<Actor, Contact | undefined> = {
  viewer: undefined,
  'page-author': 'page-author',
  'site-admin': 'site-admin',
  'app-developer': 'site-admin',
  'script-owner': 'site-admin'
};

/** For codes without their own copy: whom the finding's remedies name, the page author before a site admin. */
function fallback(key: string, finding: Finding): Omit<ReaderMessage, 'appearance'> {
  const contacts = finding.remedies.map((r) => CONTACT_OF[r.actor]).filter((c): c is Contact => c !== undefined);
  return {
    title: `This app could not show ${key}`,
    what: 'Something between this app and Jira needs attention.',
    ask: contacts.includes('page-author') ? 'page-author' : 'site-admin'
  };
}

const APPEARANCE = { error: 'error', warning: 'warning', info: 'information' } as const;

export function readerMessage(finding: Finding, issueKey: string): ReaderMessage {
  const copy = (COPY[finding.code] ?? fallback)(issueKey, finding);
  return { ...copy, appearance: APPEARANCE[finding.severity] };
}

/** The message as sentences: what happened, what you can do, whom to ask. */
export function readerSentences(message: ReaderMessage): string[] {
  const sentences = [message.what];
  if (message.youCan) sentences.push(message.youCan);
  if (message.ask) sentences.push(message.youCan ? `If that does not help, ask ${CONTACT_LABEL[message.ask]}.` : `Ask ${CONTACT_LABEL[message.ask]} to fix it.`);
  return sentences;
}
