import { DOCS, FindingCode } from '../codes';
import { callLabel, statusEvidence } from '../observation';
import { credentialFirst } from './not-found';
import { caller, productErrorBody, says } from './remedies';
import type { Rule } from './rule';

/**
 * Create metadata lists only the projects and issue types the account may create issues in: "Projects will not be
 * returned if the user does not have permission to create issues in that project" (Jira's REST reference, quoted in
 * https://github.com/sdelements/sdetools/pull/476). The per-project operation needs Browse Projects and Create Issues,
 * and its reference documents no 403 or 404, only "400 Returned if the request is invalid" (the committed Jira
 * platform OpenAPI); its one input is the project, so a bare 400 there is a project the account cannot create in
 * (https://github.com/mattermost/mattermost-plugin-jira/issues/912: a stricter permission scheme). Clients report
 * the empty answer in their own words ("missing from create metadata. Do you have enough permissions?", jira-client).
 */
const CREATE_META_PATH = /^\/rest\/api\/(?:2|3|latest)\/issue\/createmeta\/[^/]+\/issuetypes(?:\/[^/]+)?$/;
const EMPTY_CREATE_META = /missing from create metadata|No projects were found for the given project|not (?:in|returned by) (?:the )?create ?meta(?:data)?/i;

export const createMetaWithheld: Rule = (o) => {
  if (!o.failed) return undefined;
  // A Jira error body that names some other problem (a bad paging parameter) is that problem's.
  const namesOtherProblem = productErrorBody(o) && !says(o, /project|permission/i);
  const perProject400 = o.status === 400 && CREATE_META_PATH.test(o.catalogPath) && !namesOtherProblem;
  const emptyAnswer = says(o, EMPTY_CREATE_META);
  if (!perProject400 && !emptyAnswer) return undefined;
  return {
    code: FindingCode.PERMISSION_DENIED,
    severity: 'error',
    title: 'Jira withholds create metadata for projects the account may not create issues in',
    explanation:
      'Create metadata lists only the projects and issue types in which the account the call runs as has Browse Projects and Create Issues. ' +
      (perProject400
        ? `For one project (${callLabel(o)}), Jira documents no "forbidden" or "not found": a project the account cannot create in, or that does not exist, comes back as a plain 400.`
        : 'A project missing from the answer is one the account cannot create in (or that does not exist), not a fault of the client.'),
    remedies: credentialFirst(
      o,
      [
        { actor: 'site-admin', action: "Grant the account Browse Projects and Create Issues in the project's permission scheme (a stricter scheme on some projects is the usual cause)." },
        { actor: caller(o), action: 'Check the project key or id, and skip projects the account cannot create in instead of failing on them.' }
      ],
      perProject400 ? 'bare 400' : 'empty answer'
    ),
    evidence: [statusEvidence(o), perProject400 ? 'the operation documents 400 as its only refusal besides 401' : 'the client found the project missing from create metadata'],
    docs: DOCS.jiraRest
  };
};
