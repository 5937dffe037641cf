import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, type Observation } from '../observation';
import { caller, says, sendsApiToken } from './remedies';
import { assertNever } from '../codes';
import type { AuthMode, Finding } from '../types';
import type { Rule } from './rule';

const RESOURCE_NOT_FOUND =
  /no (?:jira |confluence )?(?:content|page|space|project|board|sprint|user|attachment|comment|group|filter|dashboard|component|version|request|customer|organi[sz]ation|field|workflow|blog ?post|label|template|request type|service ?desk|queue|worklog|object) (?:could be |was |is )?(?:found|exists)|(?:content|page|space|project|board|sprint|user|attachment|comment|group|filter|dashboard|component|version|request|customer|organi[sz]ation|field|workflow|blog ?post|template|service ?desk|queue|worklog|object|entity|resource)(?: with (?:id|key) [^\s]{1,80})? (?:was |is |could )?not (?:be )?found|(?:cannot|can't|could not|couldn't|unable to) find (?:content|page|space|project|board|sprint|user|attachment|comment|group|filter|dashboard|service ?desk|request)|does not exist or you do(?:n't| not) have (?:permission|access)|(?:space|project|board|page|user|filter|dashboard|request|service ?desk|attachment|comment|request type|organi[sz]ation|customer|queue|object) (?:[^.\n]{1,80} )?does not exist|You do not have (?:permission|access) to (?:view|see|browse) (?:this|the) (?:space|page|board|project|content)|NOT_FOUND|Specified user does not exist|(?:There is )?no (?:space|content|page|user|group|attachment|comment|blog ?post|label|template) with (?:the given |this |that )?(?:key|id|title|name)\b|(?:value|ID) .{0,60}does not exist for the field|(?:Wert|value) .{0,60}existiert nicht f(?:ü|ue)r das Feld/i;

/** A refusal that names the action whose permission is missing ("… do not have permission to create versions"). */
export const ACTION_PERMISSION_REFUSED = /do(?:n't| not) have (?:the )?permission to (?:create|edit|update|delete|add|remove|manage|administer|assign|transition|release|archive|move)\b/i;
const WRITE_PERMISSION_REFUSED = new RegExp(`does not exist or you ${ACTION_PERMISSION_REFUSED.source}`, 'i');

function kindOf(o: Observation): string {
  const path = o.catalogPath;
  const match = /\/(pages|blogposts|spaces|space|content|attachments|comments|project|board|sprint|user|users|group|filter|dashboard|servicedesk|request|customer|organization|field|workflow|component|version|worklog)s?\b/.exec(path);
  return match ? match[1].replace(/s$/, '') : 'resource';
}

/**
 * Cloud serves a rejected Basic pair as an anonymous request (404 for what anonymous users cannot see, empty
 * results), so "not found" for something that exists is often a credential that was never applied
 * (https://github.com/brekkylab/backlot/issues/123 measured it). A Data Center token that the site does not read
 * (sent as Basic, or with a trailing newline) leaves the call anonymous the same way.
 */
function anonymousHint(o: Observation, answer: string): Finding['remedies'] {
  const how = credentialCheck(o.auth);
  if (!how) return [];
  return [
    {
      actor: caller(o),
      action: `${sendsCredential(o) ? 'Check first' : 'If you are sure it exists, check'} that the credentials are applied at all: ${how}. A credential the site does not accept is answered as an anonymous user, with exactly this ${answer}.`,
      channel: 'cli'
    }
  ];
}

/** How a caller's credential must go out for the site to read it; undefined where the platform signs the call. */
function credentialCheck(auth: AuthMode): string | undefined {
  switch (auth) {
    case 'basic-token':
    case 'basic-classic-token':
    case 'basic-scoped-token':
      return 'Basic with base64 of "e-mail:API token" (the account e-mail, not a user name or account id), no stray newline in the token';
    case 'basic-password':
      return 'Basic with the user name and password (on Cloud, the e-mail and an API token instead), and the client option that carries the user name actually set';
    case 'data-center-pat':
      return 'the personal access token sent as a Bearer token, not as a Basic password, with no trailing newline';
    case 'unknown':
      return 'e-mail plus API token as Basic on Cloud, a personal access token as Bearer on Data Center, no stray newline in the token';
    case 'forge-as-user':
    case 'forge-as-app':
    case 'forge-bridge':
    case 'forge-web-trigger':
    case 'oauth2':
    case 'connect-jwt':
      return undefined;
    default:
      return assertNever(auth);
  }
}

/**
 * The caller said it sends a credential of its own. For such callers, public threads settled a plain "not found"
 * far more often as a credential the site never read (a token not sent as Basic, the wrong option key, an account
 * id for the e-mail, a token with its newline) than as a real permission gap, so the credential check comes first.
 */
/** The remedies of a "not found", with the credential check placed first or last as sendsCredential says. */
export function credentialFirst(o: Observation, remedies: Finding['remedies'], answer = '"not found"'): Finding['remedies'] {
  const hint = anonymousHint(o, answer);
  return sendsCredential(o) ? [...hint, ...remedies] : [...remedies, ...hint];
}

export function sendsCredential(o: Observation): boolean {
  return o.auth === 'data-center-pat' || o.auth === 'basic-password' || sendsApiToken(o.auth);
}

export const resourceNotFound: Rule = (o) => {
  if (!o.failed) return undefined;
  const status = o.status;
  if (status !== undefined && status !== 404 && !(status === 400 && says(o, RESOURCE_NOT_FOUND)) && !(status === 403 && says(o, /does not exist or you do(?:n't| not) have/i))) return undefined;
  // A JQL field that "does not exist or you do not have permission to view it" is a bad query, not a missing resource.
  // So is a CQL one: Confluence's BadRequestException "No field exists with the name: 'x'" (unquoted search text).
  if (says(o, /Field '[^'\n]{1,80}' does not exist|in the JQL|JQL query|No field exists with the name|BadRequestException/i)) return undefined;
  if (says(o, /null for uri|HTTP 404 Not Found|was not found on this server|dead link/i)) return undefined;
  // "either does not exist or you do not have permission to create versions in it": the action's permission is what
  // is refused (the vendor's article behind Aha!'s Jira integration says so); a view refusal stays a hidden resource.
  if (says(o, WRITE_PERMISSION_REFUSED)) return undefined;
  const text = says(o, RESOURCE_NOT_FOUND);
  const confluence404 = status === 404 && (o.body.kind === 'confluence' || o.body.code === 'NOT_FOUND');
  const knownOperation404 =
    status === 404 && !!o.operation && o.operation.template.includes('{') && o.body.kind !== 'html' && !/\/issue\/[^/]+$/.test(o.catalogPath);
  // A 404 on a path naming an id (digits in a segment) at a REST path is about that resource.
  const last = o.catalogPath.split('/').pop() ?? '';
  const idLike404 = status === 404 && o.body.kind !== 'html' && /^\/(?:wiki\/)?rest\/.+\/./.test(o.catalogPath) && /\d/.test(last) && !/^(?:v?\d+(?:\.\d+)+|\d)$/.test(last);
  if (!text && !confluence404 && !knownOperation404 && !idLike404) return undefined;
  if (status === undefined && !text) return undefined;
  const kind = kindOf(o);
  return {
    code: FindingCode.RESOURCE_NOT_FOUND_OR_HIDDEN,
    severity: 'warning',
    title: `The ${kind} does not exist, or the caller may not see it`,
    explanation:
      `${productName(o.product)} answers 404 both for a ${kind} that does not exist and for one the caller has no permission to view ` +
      `(${o.product === 'confluence' ? 'space permissions or page restrictions' : o.product === 'jira' ? 'project permissions, a board\'s filter not shared, a user hidden by privacy settings' : 'permissions or restrictions'}). It never says which, so that existence does not leak.`,
    remedies: credentialFirst(o, [
      { actor: caller(o), action: `Check the id or key in ${callLabel(o)}: Confluence ids are numeric (not titles), Jira projects use keys or ids, users use accountId.` },
      { actor: caller(o), action: 'Check that the account the call runs as can open it in the browser; a scoped token or OAuth app must also hold the read scope for it.' },
      { actor: 'site-admin', action: `If it exists, grant the caller view permission (space permissions, page restrictions or project role).` }
    ]),
    evidence: [`status ${status ?? '?'}`, `call: ${callLabel(o)} (${o.auth})`],
    docs: o.product === 'jira' ? DOCS.jiraRest : DOCS.confluenceV2
  };
};

/**
 * Confluence reports some references it cannot resolve (a space key that no longer exists, an empty parameter
 * derived from one) as a 500 carrying the Java IllegalArgumentException: the request names something that is not there.
 * Data Center 9.3 answers a CQL search naming a space that does not exist with a 400 "parameters should not be empty"
 * (9.2: a 500), a bug Atlassian fixed (https://jira.atlassian.com/browse/CONFSERVER-101465).
 */
export const confluenceRejectedReference: Rule = (o) => {
  if (!o.failed || !(o.product === 'confluence' || o.body.kind === 'confluence')) return undefined;
  const illegalArgument = o.status === 500 && says(o, /IllegalArgumentException/);
  const emptyParameters = (o.status === 400 || o.status === 500) && says(o, /parameters should not be empty/i);
  if (!illegalArgument && !emptyParameters) return undefined;
  return {
    code: FindingCode.RESOURCE_NOT_FOUND_OR_HIDDEN,
    severity: 'error',
    title: `Confluence could not resolve something the request names (${illegalArgument ? 'a 500 from bad input, not an outage' : `a ${o.status} for a value that names nothing, not a malformed request`})`,
    explanation:
      (illegalArgument
        ? 'The 500 carries a Java IllegalArgumentException: Confluence failed on the request\'s input rather than being down. '
        : 'Confluence says a parameter is empty when a CQL value it looked up (such as a space key) resolved to nothing, a bug Atlassian has fixed. ') +
      'It is most often a space key that does not exist (renamed, or mistyped) or a parent page that is gone, or a lookup that came back empty.',
    remedies: [
      { actor: caller(o), action: 'Check the space key (case-sensitive; it may have changed in a migration or upgrade), the parent page id and any CQL values the call sends.' },
      { actor: caller(o), action: 'Open the same space and page in the browser as the account the call runs as.' }
    ],
    evidence: [illegalArgument ? 'status 500 with a Java IllegalArgumentException' : `status ${o.status}: "parameters should not be empty"`, `call: ${callLabel(o)} (${o.auth})`],
    docs: DOCS.confluenceV2
  };
};
