import { DOCS, FindingCode } from '../codes';
import { statusEvidence } from '../observation';
import { caller, says } from './remedies';
import type { Rule } from './rule';

/**
 * The migration API's own answers, as its troubleshooting guide quotes them
 * (https://developer.atlassian.com/platform/migration-api/guides/troubleshooting/): "Exception in saving token." from
 * POST /rest/migration/latest/cloud/save/token, and a job that FAILED because "The cloud url is either not attached
 * through the cloud migration assistant or the Server ID ... is incorrect".
 */
const TOKEN_NOT_SAVED = /Exception in saving token/i;
const SITE_NOT_ATTACHED = /cloud url is either not attached through the cloud migration assistant|Server ID:? ?\S{1,40} used in the job definition is incorrect/i;

export const migrationApiRefused: Rule = (o) => {
  if (says(o, TOKEN_NOT_SAVED)) {
    return {
      code: FindingCode.INVALID_CREDENTIALS,
      severity: 'error',
      title: 'The migration assistant did not accept the cloud auth token',
      explanation:
        'The save-token call takes the token from the create-auth-token call, which is valid for 5 minutes, together with the URL of the cloud site it was made for. ' +
        'An expired token, or a token paired with another cloud URL, is refused with this message.',
      remedies: [
        { actor: caller(o), action: 'Create a new auth token and save it within 5 minutes, sending the same cloudUrl the token was created for.' }
      ],
      evidence: [statusEvidence(o), 'the response says the token could not be saved'],
      docs: DOCS.migrationTroubleshooting
    };
  }
  if (says(o, SITE_NOT_ATTACHED)) {
    return {
      code: FindingCode.INVALID_REQUEST,
      severity: 'error',
      title: 'The migration job names a cloud site that is not attached, or a wrong server ID',
      explanation: 'A migration runs only against a cloud site attached to this on-premises instance, and the job definition must carry this instance\'s server ID.',
      remedies: [
        { actor: caller(o), action: 'Attach the cloud site with the server attach API (or in the migration assistant), then check the server ID in the job definition and create the migration again.' }
      ],
      evidence: [statusEvidence(o), 'the job outcome says the cloud site is not attached or the server ID is incorrect'],
      docs: DOCS.migrationTroubleshooting
    };
  }
  return undefined;
};
