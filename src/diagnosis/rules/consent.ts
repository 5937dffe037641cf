import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, type Observation, thrownLabel } from '../observation';
import type { Finding } from '../types';
import type { Rule } from './rule';

function needsConsent(o: Observation): boolean {
  return (
    o.thrown?.kind === 'needs-authentication' ||
    o.headers.forgeProxyError === 'NEEDS_AUTHENTICATION_ERR' ||
    (o.failed && /NEEDS_AUTHENTICATION_ERR|NeedsAuthenticationError|needs? (?:user )?consent|requires? (?:user )?consent|Allow access|consent (?:is )?required/i.test(o.messageText))
  );
}

export const consentRequired: Rule = (o) => {
  if (!needsConsent(o)) return undefined;
  return {
    code: FindingCode.CONSENT_REQUIRED,
    severity: 'error',
    title: `You have not yet allowed this app to use ${productName(o.product)} on your behalf`,
    explanation:
      'Forge needs your consent ("Allow access") before the app may call Atlassian products as you. ' +
      'Until you allow it, every call made as you is refused before it reaches the product.',
    remedies: [
      { actor: 'viewer', action: 'Click "Allow access" in the macro and accept the consent screen, then reload the page.', channel: 'macro' },
      {
        actor: 'viewer',
        action: `If the prompt never appears, remove the app under Connected apps (${DOCS.connectedApps}) and reload the page to be asked again.`,
        channel: 'macro'
      },
      { actor: 'viewer', action: 'The user the call runs as must open the app in the product once and allow access when asked (asUser calls need that consent).', channel: 'cli' },
      {
        actor: 'app-developer',
        action: 'Let NeedsAuthenticationError propagate from the resolver (do not catch it): Confluence shows the "Allow access" prompt only then.'
      }
    ],
    evidence: [
      o.thrown ? thrownLabel(o.thrown) : 'forge-proxy-error: NEEDS_AUTHENTICATION_ERR',
      `call: ${callLabel(o)} (${o.auth})`
    ],
    docs: DOCS.permissions
  };
};

/** Scope names in the manifest that Forge does not know: they are ignored, or fail the deploy. */
export const unknownScopeNames: Rule = (o) => {
  const unknown = o.scopes.unknownScopes;
  if (unknown.length === 0) return undefined;
  return {
    code: FindingCode.UNKNOWN_SCOPE_NAME,
    severity: 'warning',
    title: `manifest.yml declares ${unknown.length === 1 ? 'a scope that does' : `${unknown.length} scopes that do`} not exist`,
    explanation: `Forge does not know ${unknown.join(', ')}. Such a scope grants nothing; a renamed scope must be replaced by its new name.`,
    remedies: [{ actor: 'app-developer', action: `Remove or rename ${unknown.join(', ')} in manifest.yml, then deploy and upgrade the installation.` }],
    evidence: unknown.map((s) => `unknown scope: ${s}`),
    docs: DOCS.jiraScopes
  };
};

export const consentScreenScopes: Rule = (o): Finding | undefined => {
  const scopes = o.scopes.consentScreenScopes;
  if (scopes.length === 0) return undefined;
  return {
    code: FindingCode.CONSENT_SCREEN_SCOPE,
    severity: 'info',
    title: `${scopes.join(' and ')} always asks every user for consent`,
    explanation:
      `Scopes such as ${scopes.join(', ')} make Forge show its interactive consent screen to each user. ` +
      'Keep them only if the app really reads the user\'s Atlassian account.',
    remedies: [{ actor: 'app-developer', action: `Remove ${scopes.join(', ')} from manifest.yml unless the code needs it.` }],
    evidence: scopes.map((s) => `declared: ${s}`),
    docs: DOCS.permissions
  };
};

/** @forge/manifest's wording for deprecated or unknown scopes (out/text/errors.js), pasted from `forge deploy` or `forge lint`. */
const SCOPE_NAME_REFUSED = /deprecated scopes? .{0,120}in the manifest|is not a valid scope|invalid scope(?: name| '| "|:)|unknown scope(?: name| '| "|:)|scope .{0,60} does not exist|scopes? (?:defined )?(?:are|is) not supported|unsupported scopes?/i;

export const unknownScopeInText: Rule = (o) => {
  if (!o.failed || o.auth === 'oauth2' || !SCOPE_NAME_REFUSED.test(o.messageText)) return undefined;
  return {
    code: FindingCode.UNKNOWN_SCOPE_NAME,
    severity: 'error',
    title: 'manifest.yml names a scope Forge does not accept',
    explanation: 'Forge refused a scope name in the manifest: it was renamed, deprecated or never existed. Such a scope grants nothing until it is replaced by its current name.',
    remedies: [{ actor: 'app-developer', action: 'Replace the scope with its current name (the scopes page of the product lists them; `forge lint --fix` adds missing ones), then deploy and upgrade the installation.' }],
    evidence: ['the message names a scope Forge does not accept'],
    docs: DOCS.jiraScopes
  };
};
