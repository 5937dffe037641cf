import { DOCS, FindingCode } from '../codes';
import { callLabel, productName } from '../observation';
import { caller, says } from './remedies';
import type { Rule } from './rule';
import { screenRefusesEverything } from './visibility';

const BAD_REQUEST_TEXT =
  /Error in the JQL Query|JQL|is not on the appropriate screen|cannot be set|Field '[^']{1,80}'|field .{0,60} (?:is )?required|is required|invalid (?:input|value|request|json|format|field|parameter|issue ?type)|INVALID_INPUT|Unexpected character|Unrecognized field|Can not deserialize|Cannot deserialize|malformed|Operation value must be|must be an? |is not valid|not a valid|Bad Request|unsupported media type|Content-Type|Specify (?:a|an) valid|Could not parse|parse error|could not be parsed|This operation (?:can'?t|cannot|does not|doesn't)|The request contains a|Missing '[^'\n]{1,60}'|missing (?:required )?(?:field|parameter|identifier|property)|must set the header|X-ExperimentalApi|not processable|Unprocessable|should be one of|must be one of|Please (?:provide|specify|enter|select|supply) (?:a |an |the |at least one )?[A-Z]|Version must be incremented|(?:key|id|field|value|parent)\b[^.\n]{0,40} not specified|Invalid UTF-8/i;

export const invalidRequest: Rule = (o) => {
  if (!o.failed || o.body.kind === 'html' || screenRefusesEverything(o)) return undefined;
  if (says(o, /permission (?:is )?required|you do not have (?:the )?permission/i) && !says(o, /Field '[^'\n]{1,80}' does not exist/i)) return undefined;
  const status = o.status;
  const bodyNamesProblem = o.body.messages.length > 0 || Object.keys(o.body.fieldErrors).length > 0;
  // Workflow conditions, validators and form apps refuse a transition with a reason: the request, not the rights.
  const workflowRefusal = says(o, /transition (?:is )?(?:not allowed|prevented|not valid|failed)|Transition prevented|workflow operation .{0,80}not valid for the current state|validator failed|There are open forms/i);
  const fits = workflowRefusal || status === 400 || status === 413 || status === 415 || status === 422 || status === 409 || (status === undefined && says(o, BAD_REQUEST_TEXT) && says(o, /JQL|field|invalid|valid|must be|required|parse|deserialize|Bad Request|This operation|missing|identifier|header|processable|one of|Please (?:provide|specify|enter|select|supply)|Version must be incremented|not specified|UTF-8/i)) || (status === undefined && o.body.kind === 'jira' && Object.keys(o.body.fieldErrors).length > 0);
  if (!fits) return undefined;
  if ((status === 400 || status === 409) && !bodyNamesProblem && !says(o, BAD_REQUEST_TEXT)) return undefined;
  const fields = Object.entries(o.body.fieldErrors).slice(0, 3);
  return {
    code: FindingCode.INVALID_REQUEST,
    severity: 'error',
    title: `${productName(o.product)} rejected the request itself (${status ?? 'bad request'}): it names what is wrong`,
    explanation:
      'The credentials and permissions were fine; the request body, query or JQL is not what the operation accepts. ' +
      'The product says which field or clause: fix that and send again.',
    remedies: [
      { actor: caller(o), action: 'Read the error and field messages below and fix that part of the request (JQL syntax and quoting, field ids, required fields, the value format, Atlassian Document Format for rich text in v3).' },
      { actor: caller(o), action: 'A field "not on the appropriate screen, or unknown" must be added to the create/edit screen of that project and issue type, or left out.' }
    ],
    evidence: [`status ${status ?? '?'}`, `call: ${callLabel(o)}`, ...fields.map(([f]) => `field: ${f}`)],
    docs: DOCS.jiraRest
  };
};
