import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, type Observation, statusEvidence } from '../observation';
import type { Finding } from '../types';
import { ACTION_PERMISSION_REFUSED, credentialFirst } from './not-found';
import { HTML_DECODED } from './page-for-json';
import { caller } from './remedies';
import type { Rule } from './rule';

// Jira's one answer for a missing or hidden issue, in its wordings (the watchers resource says "Issue is not found or
// the user does not have permission to view it": https://github.com/airbytehq/airbyte/pull/30108).
const ISSUE_NOT_VISIBLE = /Issue does not exist or you do not have permission to see it|Issue is not found or the user does not have permission to view it|permission to see the specified issue|\bIssue Does Not Exist\b/i;

function issueKey(o: Observation): string {
  const match = /\/issue\/([^/]+)/.exec(o.pathAsCalled);
  return match ? decodeURIComponent(match[1]) : 'the issue';
}

function scopedTokenHint(o: Observation): Finding['remedies'] {
  if (o.auth !== 'basic-token' && o.auth !== 'basic-classic-token' && o.auth !== 'unknown') return [];
  return [
    {
      actor: 'script-owner',
      action: 'If your API token has scopes, call https://api.atlassian.com/ex/jira/{cloudId} instead of the site URL: scoped tokens are not accepted there.'
    }
  ];
}

export const issueNotVisible: Rule = (o) => {
  // A bare 404 on an issue path is Jira's single answer too.
  const bareIssue404 = o.status === 404 && /^\/rest\/api\/3\/issue\/[^/]+$/.test(o.catalogPath) && !/null for uri|dead link|Not Found$/im.test(o.messageText);
  if ((o.status !== 404 && o.status !== undefined) || !o.failed || !(ISSUE_NOT_VISIBLE.test(o.messageText) || bareIssue404)) return undefined;
  const key = issueKey(o);
  const visibleToApp = o.input.probes?.issueVisibleToApp;
  const said = ISSUE_NOT_VISIBLE.exec(o.messageText)?.[0];
  const evidence = [`${o.status === 404 ? 'status 404' : 'status: not in the paste'}: ${said ?? 'no body'}`, `call: ${callLabel(o)} (${o.auth})`];
  if (visibleToApp === true) {
    return {
      code: FindingCode.ISSUE_HIDDEN_FROM_VIEWER,
      severity: 'warning',
      title: `You do not have permission to see ${key}`,
      explanation: `${key} exists, but Jira's permissions (project browse permission or issue security level) hide it from you. Nothing is wrong with the app.`,
      remedies: [
        { actor: 'viewer', action: `Ask a Jira administrator or the project lead for access to the project of ${key}.` },
        { actor: 'page-author', action: 'If readers of this page should not need access, link an issue they can all see.', channel: 'macro' }
      ],
      evidence: [...evidence, 'probe: the app itself can see the issue'],
      docs: DOCS.jiraAuth
    };
  }
  if (visibleToApp === false) {
    return {
      code: FindingCode.ISSUE_NOT_FOUND,
      severity: 'warning',
      title: `${key} does not exist`,
      explanation: `Jira has no issue ${key}: it was deleted, moved to another project (its key changed), or the key is mistyped.`,
      remedies: [
        { actor: 'page-author', action: 'Edit the macro and enter the current key or link of the issue.', channel: 'macro' },
        { actor: 'script-owner', action: 'Use the current key (issues change key when moved) or the issue id.', channel: 'cli' }
      ],
      evidence: [...evidence, 'probe: the app cannot find the issue either'],
      docs: DOCS.jiraAuth
    };
  }
  return {
    code: FindingCode.ISSUE_NOT_FOUND_OR_HIDDEN,
    severity: 'warning',
    title: `${key}: Issue does not exist or you do not have permission to see it.`,
    explanation: 'This is Jira\'s own answer. Jira gives it both for an issue that does not exist and for one you may not browse, and does not say which.',
    remedies: credentialFirst(o, [
      { actor: 'viewer', action: `Ask the page author which issue is meant, or a Jira administrator or the project lead for browse permission on the project of ${key}.` },
      { actor: 'page-author', action: `Check that ${key} is the current key (issues change key when moved) and that readers of this page may browse its project.`, channel: 'macro' },
      { actor: 'script-owner', action: `Check that ${key} is the current key (issues change key when moved) and that the account the call runs as may browse its project.`, channel: 'cli' },
      ...scopedTokenHint(o)
    ]),
    evidence,
    docs: DOCS.jiraAuth
  };
};

const ADMIN_PERMISSION = /administer|admin/i;
const ADMIN_TEXT =
  /only (?:jira |confluence |site |system |global )?administrators|(?:need|have) to be an? (?:jira |confluence |site |system )?admin(?:istrator)?|(?:jira |confluence |global )?administrator permission|project admin(?:istrator)?s? (?:permission|only|rights)|must be (?:a |an )?(?:jira |confluence |site |system )?admin(?:istrator)?|requires? (?:the )?(?:'?administer (?:jira|confluence|projects)'?|admin(?:istrat(?:ive|or))? (?:permission|privileges|rights|access))|Administer Jira|(?:global|system) admin(?:istrator)? permission|not an? (?:jira |site )?admin|permission to (?:create|register|update|delete|manage) (?:a |the )?web ?hooks?|(?:jira|confluence) administrators'? global permission (?:is )?required/i;

export const adminOnlyEndpoint: Rule = (o) => {
  const byText = o.failed && (o.status === undefined || o.status === 401 || o.status === 403) && ADMIN_TEXT.test(o.messageText);
  if (byText && (!o.operation?.adminOnly || o.status === undefined)) return adminByText(o);
  if (o.status !== 401 && o.status !== 403) return undefined;
  if (!o.operation?.adminOnly || o.scopeGrant) return undefined;
  const html = o.body.kind === 'html' || o.headers.isHtml;
  const connectInaccessible = o.auth === 'connect-jwt' && o.operation.connectScope === 'INACCESSIBLE';
  const remedies: Finding['remedies'] = [
    {
      actor: 'site-admin',
      action: `${callLabel(o)} needs the Administer ${productName(o.product)} global permission: run it as a user (or app user) in the administrators group.`
    }
  ];
  if (connectInaccessible) {
    remedies.push({ actor: 'app-developer', action: `This operation is not available to Connect apps at all (Connect scope INACCESSIBLE); no app permission will unlock it.` });
  }
  if (html) {
    remedies.push({ actor: 'app-developer', action: 'Send `Accept: application/json` so the product answers with a JSON error instead of an HTML page.' });
  }
  return {
    code: FindingCode.ADMIN_ONLY_ENDPOINT,
    severity: 'error',
    title: `${callLabel(o)} is admin-only`,
    explanation:
      `${productName(o.product)} allows ${o.operation.method} ${o.operation.template} only for administrators` +
      (html ? ', and answered with an HTML error page instead of JSON.' : '.') +
      (ADMIN_PERMISSION.test(o.messageText) ? '' : ' Other endpoints work with the same credentials because they need less.'),
    remedies,
    evidence: [
      `status ${o.status}${o.body.htmlTitle ? `: HTML page "${o.body.htmlTitle}"` : ''}`,
      `catalog: ${o.operation.method} ${o.operation.template} needs [${o.operation.classic.map((g) => g.join(', ')).join('] or [')}]` +
        (o.operation.connectScope ? `; Connect scope ${o.operation.connectScope}` : '')
    ],
    docs: DOCS.jiraScopes
  };
};

function adminByText(o: Observation): Finding {
  return {
    code: FindingCode.ADMIN_ONLY_ENDPOINT,
    severity: 'error',
    title: `${callLabel(o)} needs administrator rights`,
    explanation: `${productName(o.product)} says this operation is for administrators only; the account the call ran as is not one.`,
    remedies: [
      { actor: 'site-admin', action: `Run it as an account with the ${productName(o.product)} administrator global permission, or grant that permission to the account.` },
      { actor: o.isForge ? 'app-developer' : 'script-owner', action: 'For apps: asApp runs as the app user, which has admin rights only where the app\'s scopes grant them (manage:jira-configuration).' }
    ],
    evidence: [statusEvidence(o), 'the response says administrators only'],
    docs: DOCS.jiraScopes
  };
}

export const htmlErrorPage: Rule = (o) => {
  const htmlInText =
    (o.body.kind === 'text' && /<(?:!DOCTYPE|html|body|head|title|br)\b/i.test(o.messageText)) ||
    HTML_DECODED.test(o.messageText) ||
    /Unexpected token '?<'? in JSON/i.test(o.messageText);
  if (!o.failed || (o.status !== undefined && o.status < 400) || (o.body.kind !== 'html' && !htmlInText)) return undefined;
  return {
    code: FindingCode.HTML_ERROR_PAGE,
    severity: 'error',
    title: `${productName(o.product)} answered ${o.status ?? ''}${o.status ? ' ' : ''}with an HTML page${o.body.htmlTitle ? ` ("${o.body.htmlTitle}")` : ''}`,
    explanation: 'An HTML error page carries no machine-readable reason. It usually comes from a path the REST API does not serve, or a request without `Accept: application/json`.',
    remedies: [
      { actor: 'app-developer', action: 'Send `Accept: application/json` and check the path against the REST API documentation.' },
      { actor: 'app-developer', action: 'Check the permission the endpoint requires; admin-only endpoints answer non-admins this way.' }
    ],
    evidence: [statusEvidence(o), `content-type: ${o.headers.contentType ?? '(none)'}`, ...o.body.messages.slice(0, 2)],
    docs: DOCS.jiraAuth
  };
};

/** Words of a permission refusal that say nothing about credentials. */
const PERMISSION_REFUSAL = /cannot edit the configuration of this project|do(?:es)? not have (?:the )?(?:required )?permissions?|don't have (?:the )?permission|permission is required|must have (?:the )?.{0,40}permission|not enough permissions?|insufficient permissions?|lacks? (?:the )?.{0,40}permission|no permission to|permission denied/i;
const CREDENTIAL_WORDS = /authenticat|log ?in|credential|token|password|anonymous/i;

/**
 * A 401 that is a permission answer: Jira Server names the user (X-Seraph-LoginReason: OK), or the body refuses a
 * permission without a word about credentials (Jira answers some project-admin operations with 401 that way).
 */
export function authenticated401(o: Observation): boolean {
  if (o.status !== 401) return false;
  if (/^OK$/i.test(o.headers.all['x-seraph-loginreason']?.trim() ?? '') && !!o.headers.all['x-ausername']) return true;
  return o.failed && PERMISSION_REFUSAL.test(o.messageText) && !CREDENTIAL_WORDS.test(o.messageText);
}

/**
 * Jira refuses every field with "cannot be set. It is not on the appropriate screen, or unknown" when the
 * user lacks Create/Edit Issues permission: when two or more fields are all refused that way, it is permission.
 */
export function screenRefusesEverything(o: Observation): boolean {
  const errors = Object.values(o.body.fieldErrors);
  return o.failed && errors.length >= 2 && errors.every((e) => /cannot be set/i.test(e));
}

const NO_PERMISSION_WORDS = /do(?:es)? not have (?:the )?'[^'\n]{1,60}' (?:global |project |space )?permission|do(?:es)? not have (?:view|edit|read|create|delete|browse|administer) permissions? (?:on|to|for)\b|PermissionException|Access denied: the user|permission is required|permission required|cannot edit the configuration of this project|must have (?:the )?.{0,40}perm|enough permissions?|do(?:es)? not have (?:the )?(?:required )?permissions?|don't have (?:the )?permission|not (?:have )?permitted|no permission|permission denied|not authori[sz]ed to|insufficient permissions?|Forbidden|lacks? (?:the )?.{0,40}permission|you are not allowed/i;
const NO_PERMISSION = new RegExp(`${ACTION_PERMISSION_REFUSED.source}|${NO_PERMISSION_WORDS.source}`, 'i');

export const permissionDenied: Rule = (o) => {
  const byText = (o.status === undefined || authenticated401(o)) && o.failed && NO_PERMISSION.test(o.messageText);
  if (o.status !== 403 && !byText && !screenRefusesEverything(o) && !authenticated401(o)) return undefined;
  if (o.operation?.projectAdminOnly && !o.scopeGrant) return projectAdminRefused(o);
  if (o.status !== 403 && screenRefusesEverything(o)) return everyFieldRefused(o);
  return {
    code: FindingCode.PERMISSION_DENIED,
    severity: 'error',
    title: `${productName(o.product)} refused ${callLabel(o)} for lack of permission`,
    explanation: `The request was authenticated, but ${o.asViewer ? 'you lack' : 'the caller lacks'} a ${productName(o.product)} permission this operation needs.`,
    remedies: [
      { actor: 'site-admin', action: `Grant the needed ${productName(o.product)} permission (product access, project role or global permission).` },
      { actor: 'app-developer', action: 'Check the "Permissions required" section of the operation in the REST API documentation.' }
    ],
    evidence: [`status ${o.status ?? '403 (from the text)'}`, ...o.body.messages.slice(0, 2)],
    docs: DOCS.jiraAuth
  };
};

/**
 * Every field refused as "not on the appropriate screen" is how Jira answers a caller that may not create or edit
 * issues in the project (JRASERVER threads in the corpus), and so also a call it served as anonymous because the
 * credentials were never read (OPSGENIE-129: a user name where the e-mail belonged). The 400 says nothing of either.
 */
function everyFieldRefused(o: Observation): Finding {
  const fields = Object.keys(o.body.fieldErrors);
  return {
    code: FindingCode.PERMISSION_DENIED,
    severity: 'error',
    title: 'Jira refused every field: the account may not create or edit issues in this project',
    explanation:
      'When the account a call runs as lacks the Create Issues (or Edit Issues) permission in the project, Jira does not say so: it refuses every field as "not on the appropriate screen". ' +
      'An anonymous call gets the same answer, so credentials the site did not read look exactly like this.',
    remedies: credentialFirst(o, [
      { actor: 'site-admin', action: "Grant the account Browse Projects and Create Issues (Edit Issues for an edit) in the project's permission scheme." },
      { actor: caller(o), action: 'Open the project as that account and create an issue by hand: if the browser offers no Create, the permission is what is missing.' }
    ], 'refusal of every field'),
    evidence: [statusEvidence(o), `every field refused as not on the screen: ${fields.slice(0, 4).join(', ')}`],
    docs: DOCS.jiraAuth
  };
}

/** The reference names *Administer projects* as the operation's permission: that project permission is what is missing. */
function projectAdminRefused(o: Observation): Finding {
  const template = o.operation ? `${o.operation.method} ${o.operation.template}` : callLabel(o);
  return {
    code: FindingCode.PERMISSION_DENIED,
    severity: 'error',
    title: `${callLabel(o)} needs the Administer Projects permission`,
    explanation:
      `${productName(o.product)} allows ${template} only to administrators of the project (Administer Projects) or of ${productName(o.product)}. ` +
      `The call was authenticated; the account it ran as is not one of them, so reading issues in the same project can still work${o.status === 401 ? ' (Jira answers this refusal with 401, not 403)' : ''}.`,
    remedies: [
      { actor: 'site-admin', action: "Give the account the Administer Projects permission in the project's permission scheme, or run the call as a project administrator." },
      { actor: o.isForge ? 'app-developer' : 'script-owner', action: 'If the account should not administer the project, use an operation that needs less (e.g. read the project without its roles).' }
    ],
    evidence: [statusEvidence(o), `catalog: ${template} needs the Administer Projects project permission`, ...o.body.messages.slice(0, 1)],
    docs: DOCS.jiraAuth
  };
}
