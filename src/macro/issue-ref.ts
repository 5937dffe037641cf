/** Reads the macro's one configuration value: a Jira issue key or a link that names one. */
export type IssueRef = { ok: true; key: string; siteHost?: string } | { ok: false; message: string };

export const MAX_ISSUE_REF_LENGTH = 2048;

const KEY = /^([A-Za-z][A-Za-z0-9_]{0,49})-([1-9][0-9]{0,9})$/;
const ATLASSIAN_HOST = /^[a-z0-9][a-z0-9-]{0,62}\.(atlassian\.net|jira\.com|jira-dev\.com)$/;

/** A site host of Atlassian Cloud (`acme.atlassian.net`); custom domains are not compared against links. */
export function isAtlassianCloudHost(host: string): boolean {
  return ATLASSIAN_HOST.test(host);
}

function normalizeKey(candidate: string | null | undefined): string | undefined {
  if (!candidate) return undefined;
  const match = KEY.exec(candidate.trim());
  return match ? `${match[1].toUpperCase()}-${match[2]}` : undefined;
}

function shown(value: string): string {
  const oneLine = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine;
}

const EXPECTED = 'Enter a key such as PROJ-123, or paste a link like https://your-site.atlassian.net/browse/PROJ-123.';

export function parseIssueRef(raw: unknown): IssueRef {
  if (typeof raw !== 'string') return { ok: false, message: `No Jira issue is configured. ${EXPECTED}` };
  const value = raw.trim();
  if (value === '') return { ok: false, message: `No Jira issue is configured. ${EXPECTED}` };
  if (value.length > MAX_ISSUE_REF_LENGTH) return { ok: false, message: `The value is ${value.length} characters long; that is not an issue key or link. ${EXPECTED}` };
  const key = normalizeKey(value);
  if (key) return { ok: true, key };
  if (!/^https?:\/\//i.test(value)) return { ok: false, message: `"${shown(value)}" is not a Jira issue key. ${EXPECTED}` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: `"${shown(value)}" is not a valid link. ${EXPECTED}` };
  }
  if (url.protocol !== 'https:') return { ok: false, message: `Only https links are accepted. ${EXPECTED}` };
  if (url.username || url.password || url.port) return { ok: false, message: `The link must not carry a user name, password or port. ${EXPECTED}` };
  const host = url.hostname.toLowerCase();
  if (!ATLASSIAN_HOST.test(host)) return { ok: false, message: `"${shown(host)}" is not an Atlassian Cloud site (…atlassian.net). ${EXPECTED}` };
  const browse = /^\/browse\/([^/]+)\/?$/.exec(url.pathname);
  const fromPath = browse ? normalizeKey(decodeURIComponentSafe(browse[1])) : undefined;
  const fromQuery = normalizeKey(url.searchParams.get('selectedIssue'));
  const found = fromPath ?? fromQuery;
  if (!found) return { ok: false, message: `The link does not name an issue: use a /browse/PROJ-123 link, or a board or search link with selectedIssue=PROJ-123.` };
  return { ok: true, key: found, siteHost: host };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return '';
  }
}
