import { DOCS, FindingCode } from '../codes';
import type { Finding } from '../types';

/** Findings decided from the macro's invocation context alone, before (and instead of) any product call. */

const UNLICENSED_ACCESS_DOCS = 'https://developer.atlassian.com/platform/forge/access-to-forge-apps-for-unlicensed-users/';

export interface OtherSiteFacts {
  key: string;
  /** Host named by the configured link. */
  linkHost: string;
  /** Host of the site the app runs on. */
  siteHost: string;
}

/**
 * A link to another site's issue. An app reaches only the site it is installed on
 * (https://developer.atlassian.com/platform/forge/app-compatibility/), and looking the key up here would show a
 * different issue that happens to share the key.
 */
export function issueOnOtherSite(facts: OtherSiteFacts): Finding {
  const link = `https://${facts.linkHost}/browse/${facts.key}`;
  return {
    code: FindingCode.ISSUE_ON_OTHER_SITE,
    severity: 'warning',
    title: `${facts.key} is on ${facts.linkHost}, not on this site`,
    explanation:
      `The configured link points to Jira on ${facts.linkHost}, but this app runs on ${facts.siteHost}. ` +
      `A Forge app can only reach the site it is installed on, so it cannot read that issue, and it does not look up ` +
      `${facts.key} on ${facts.siteHost}: that would be a different issue with the same key.`,
    remedies: [
      { actor: 'viewer', action: `Open the issue on its own site: ${link}` },
      { actor: 'page-author', action: `Link an issue of ${facts.siteHost}, or use a plain link instead of this macro for issues on other sites.` }
    ],
    evidence: [`configured link: ${link}`, `this site: ${facts.siteHost}`, 'no product call was made'],
    docs: DOCS.compatibility
  };
}

export type RestrictedAccountType = 'unlicensed' | 'customer' | 'anonymous';

const VIEWER_TEXT: Record<RestrictedAccountType, { title: string; who: string; remedy: string }> = {
  anonymous: {
    title: 'Log in to see this Jira issue',
    who: 'You are not logged in.',
    remedy: 'Log in with your Atlassian account and reload the page.'
  },
  unlicensed: {
    title: 'Guests cannot see Jira issues in this macro',
    who: 'You are a guest of this Confluence site.',
    remedy: 'If you need to see linked Jira issues, ask a site admin for Jira access.'
  },
  customer: {
    title: 'This macro cannot show Jira issues to service desk customers',
    who: 'You are signed in as a Jira Service Management customer.',
    remedy: 'Follow your requests in the help center, or ask the page author for what the issue says.'
  }
};

/**
 * Guests, anonymous readers and customers: Forge allows `asUser()` calls only for JSM customers, and this macro reads
 * Jira as the reader or not at all (reading as the app would show them what Jira hides from them), so no call is made.
 */
export function viewerCannotUseApp(accountType: RestrictedAccountType): Finding {
  const text = VIEWER_TEXT[accountType];
  return {
    code: FindingCode.VIEWER_CANNOT_USE_APP,
    severity: 'info',
    title: text.title,
    explanation: `${text.who} This macro shows a Jira issue only as Jira shows it to a signed-in user with Jira access, so it made no call for you.`,
    remedies: [{ actor: 'viewer', action: text.remedy }],
    evidence: [`account type: ${accountType}`, 'no product call was made'],
    docs: UNLICENSED_ACCESS_DOCS
  };
}

/** Codes built from the invocation context by the macro's resolver, never by diagnose() from a response. */
export const CONTEXT_ONLY_CODES: ReadonlySet<FindingCode> = new Set([FindingCode.ISSUE_ON_OTHER_SITE, FindingCode.VIEWER_CANNOT_USE_APP]);
