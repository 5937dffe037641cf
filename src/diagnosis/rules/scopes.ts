import { assertNever, DOCS, FindingCode } from '../codes';
import { callLabel, productName, scopeList, statusEvidence, type Observation } from '../observation';
import type { Finding, Remedy } from '../types';
import { caller, throughGateway } from './remedies';
import type { Rule } from './rule';

const AS_APP_WARNING =
  'Do not switch the call to asApp to make the error go away: asApp reads with the app\'s own rights and bypasses the reader\'s Jira permissions, so readers could see issues they are not allowed to see.';

function groupsEvidence(o: Observation): string[] {
  const evidence = o.scopes.requiredGroups.map((g, i) => `accepted group ${i + 1} (${o.scopes.requiredSource}): [${g.join(', ')}]`);
  for (const layer of o.scopes.layers) {
    evidence.push(`${layer.layer}: ${layer.satisfied ? 'satisfies' : `lacks ${scopeList(layer.missing)}`}`);
  }
  return evidence;
}

/**
 * Scope names the message itself says are needed ("Scope required : read:sprint:jira-software", "required scopes:
 * read:jira-work", "requires 'write:jira-work' scope"). Bounded pattern, one pass over the capped message.
 */
const NAMED_SCOPE = /(?:scopes? required|required scopes?|requires?)\s{0,3}:?\s{0,3}["'`]?((?:read|write|delete|manage|admin|report|search|storage|offline)[a-z0-9:._-]{0,80})/gi;

function namedScopes(o: Observation): string[] {
  const names = new Set<string>();
  for (const match of o.messageText.matchAll(NAMED_SCOPE)) {
    if (match[1].includes(':') || match[1] === 'offline_access') names.add(match[1].replace(/[.:]+$/, ''));
    if (names.size >= 5) break;
  }
  return [...names];
}

function namedScopeEvidence(names: string[]): string[] {
  return names.length ? [`the response names the scope it needs: ${names.join(', ')}`] : [];
}

function grantEvidence(o: Observation): string[] {
  const grant = o.scopeGrant;
  if (!grant) return [];
  const lines = [`status ${o.status ?? '?'}: app was granted [${grant.granted.join(', ')}]`];
  if (grant.emptyEntries > 0) lines.push(`the message listed ${grant.emptyEntries} empty scope name(s)`);
  return lines;
}

const SCOPE_TEXT = /scope does not match|lack one or more required privilege scopes|scope mismatch|does not have the required scopes?|insufficient[_ ]scopes?|missing (?:required )?scopes?|missing scope grants|scopes? (?:is |are )?not (?:granted|authori[sz]ed)|required scopes?:|scopes? required ?:|OAuth 2\.0 is not enabled for|permission-scope-required|requires ["'][a-z:.-]+["'] scope/i;

function isScopeRejection(o: Observation): boolean {
  if (o.scopeGrant) return true;
  // A bare 403 to an OAuth app, or a bare 401 to a scoped token at the gateway: the grant is the usual cause.
  const bare = o.messageText.length < 40;
  if (o.auth === 'oauth2' && o.status === 403 && bare) return true;
  // Confluence v2 is documented with granular scopes only: an OAuth app holding classic ones gets a bare 401 there.
  if (o.auth === 'oauth2' && o.status === 401 && bare && /^\/wiki\/api\/v2\//.test(o.catalogPath)) return true;
  if (o.auth === 'basic-scoped-token' && o.status === 401 && bare && throughGateway(o)) return true;
  // Forge signs a product call itself and throws NEEDS_AUTHENTICATION_ERR for missing consent, so a bare 401 from
  // the product is its scope check with the body lost (platform-facts: "Scope failures seen from Forge").
  if (o.status === 401 && bare && o.isForge && o.auth !== 'forge-web-trigger') return true;
  if (o.headers.failureCategory === 'FAILURE_CLIENT_SCOPE_CHECK') return true;
  return (o.status === undefined || o.status === 401 || o.status === 403) && o.failed && SCOPE_TEXT.test(o.messageText);
}

function manifestMissing(o: Observation): Finding {
  const addition = o.scopes.smallestAddition;
  return {
    code: FindingCode.MANIFEST_MISSING_SCOPE,
    severity: 'error',
    title: addition.length
      ? `manifest.yml lacks ${scopeList(addition)} needed for ${callLabel(o)}`
      : `The app lacks a scope needed for ${callLabel(o)}${o.scopes.requiredGroups[0] ? ` (such as ${o.scopes.requiredGroups[0].join(', ')})` : ''}`,
    explanation: o.input.scopes?.declared
      ? `${productName(o.product)} accepts this call only with one of the scope groups it listed, and the manifest declares none of them in full. ` +
        `The smallest addition that would work is: ${scopeList(addition)}.`
      : `The app's scopes come from manifest.yml: ${productName(o.product)} refused the call for lack of a scope` +
        (o.scopes.requiredGroups.length ? ` (any one of ${o.scopes.requiredGroups.map((g) => `[${g.join(', ')}]`).join(' or ')} is accepted)` : '') +
        '. Either the manifest does not declare it, or it does and the installation was not upgraded after the change. Users do not grant Forge scopes one by one (simplified user consent).',
    remedies: [
      {
        actor: 'app-developer',
        action: addition.length
          ? `Add ${scopeList(addition)} under permissions.scopes in manifest.yml, then run \`forge deploy\`.`
          : 'Add the scopes the operation lists ("OAuth scopes required" in the REST reference) under permissions.scopes in manifest.yml, then run `forge deploy`.'
      },
      { actor: 'site-admin', action: 'After the new version is deployed, run `forge install --upgrade` (or accept the update under Manage apps) so the installation gets the new scopes.' }
    ],
    evidence: [...namedScopeEvidence(namedScopes(o)), ...grantEvidence(o), ...groupsEvidence(o)],
    docs: DOCS.jiraScopes
  };
}

function installationNotUpgraded(o: Observation, severity: Finding['severity']): Finding {
  const missing = o.scopes.layers.find((l) => l.layer === 'installation')?.missing ?? o.scopes.smallestAddition;
  return {
    code: FindingCode.INSTALLATION_NOT_UPGRADED,
    severity,
    title: `The installation has not been upgraded: it lacks ${scopeList(missing)}`,
    explanation:
      'manifest.yml declares the scopes this call needs, but the installed version of the app was granted an older set. ' +
      'Scope changes take effect only after the installation is upgraded.',
    remedies: [
      { actor: 'site-admin', action: 'Upgrade the app: `forge install --upgrade` for each product (Confluence and Jira), or accept the pending update under Manage apps.' },
      { actor: 'app-developer', action: 'After changing scopes, always run `forge deploy` and then `forge install --upgrade` on every site and product.' }
    ],
    evidence: [...grantEvidence(o), ...groupsEvidence(o)],
    docs: DOCS.permissions
  };
}

function viewerRemedies(o: Observation): Remedy[] {
  return [
    { actor: 'viewer', action: `Renew your consent: remove the app under Connected apps (${DOCS.connectedApps}), reload this page and click "Allow access".`, channel: 'macro' },
    {
      actor: 'viewer',
      action: `The affected user renews consent: remove the app under Connected apps (${DOCS.connectedApps}), open the app in ${productName(o.product)} again and allow access.`,
      channel: 'cli'
    },
    {
      actor: 'site-admin',
      action: `Check that the app is installed on ${productName(o.product)} of this same site and upgraded to the latest version (\`forge install --upgrade\`).`
    },
    {
      actor: 'app-developer',
      action: 'If renewing consent does not fill the grant, contact Atlassian developer support with the app id: a platform roll-out caused exactly this for cross-product apps.'
    },
    { actor: 'app-developer', action: AS_APP_WARNING }
  ];
}

function userGrantEmpty(o: Observation): Finding {
  const product = productName(o.product);
  const manifest = o.scopes.layers.find((l) => l.layer === 'manifest');
  const whyNotManifest = manifest
    ? `manifest.yml declares [${manifest.closestGroup?.join(', ') ?? ''}], one of the accepted groups, so this is a consent problem, not a manifest problem`
    : 'This points to consent, not to the manifest, provided manifest.yml declares one of the accepted groups (give the manifest to check)';
  return {
    code: FindingCode.USER_GRANT_EMPTY,
    severity: 'error',
    title: `Your grant for ${product} is empty: the app may not read ${product} as you`,
    explanation:
      `${product} said the app was granted no scopes at all for you ("granted the following scopes: []"). ` +
      `${whyNotManifest}: your "Allow access" consent covered the other product but not ${product}, or was recorded empty.`,
    remedies: viewerRemedies(o),
    evidence: [...grantEvidence(o), ...groupsEvidence(o), `auth: ${o.auth}`],
    docs: DOCS.crossProduct
  };
}

function userGrantMissing(o: Observation): Finding {
  const missing = o.scopes.layers.find((l) => l.layer === 'user-grant')?.missing ?? [];
  return {
    code: FindingCode.USER_GRANT_MISSING_SCOPES,
    severity: 'error',
    title: `Your consent predates the app's current scopes: it lacks ${scopeList(missing)}`,
    explanation:
      `The app's grant for you holds [${scopeList(o.scopeGrant?.granted ?? [])}], but ${callLabel(o)} needs one of the listed groups in full. ` +
      'The manifest and the installation have them, so your consent is out of date.',
    remedies: viewerRemedies(o),
    evidence: [...grantEvidence(o), ...groupsEvidence(o)],
    docs: DOCS.permissions
  };
}

function tokenScopeMissing(o: Observation): Finding {
  const groups = o.scopes.requiredGroups;
  return {
    code: FindingCode.TOKEN_SCOPE_MISSING,
    severity: 'error',
    title: `The API token's scopes do not cover ${callLabel(o)}`,
    explanation:
      'The API gateway checked the scopes of the scoped API token and none of the accepted groups is complete' +
      (groups.length ? `: any one of ${groups.map((g) => `[${g.join(', ')}]`).join(' or ')} is needed.` : '.') +
      ' A token\'s scopes are fixed when it is created.',
    remedies: [
      { actor: 'script-owner', action: 'Create a new scoped API token (id.atlassian.com → Security → API tokens) with one complete group of the scopes the operation lists.' },
      { actor: 'script-owner', action: `The scopes each call needs are listed in the REST API documentation (${DOCS.jiraAuth}).` }
    ],
    evidence: [`${statusEvidence(o)} (${o.auth})`, ...namedScopeEvidence(namedScopes(o)), ...grantEvidence(o), ...groupsEvidence(o), o.headers.failureCategory ? `x-failure-category: ${o.headers.failureCategory}` : ''].filter(Boolean),
    docs: DOCS.apiTokens
  };
}

function oauthScopeMissing(o: Observation): Finding {
  const groups = o.scopes.requiredGroups;
  const named = namedScopes(o);
  return {
    code: FindingCode.OAUTH_SCOPE_MISSING,
    severity: 'error',
    title: `The OAuth 2.0 grant lacks a scope ${callLabel(o)} needs`,
    explanation:
      'The access token was accepted, but the scopes the user granted to the app do not include a complete accepted group' +
      (groups.length ? ` (any one of ${groups.map((g) => `[${g.join(', ')}]`).join(' or ')}).` : '.') +
      ' A token carries only the scopes requested in the authorization URL and enabled for the app in the developer console' +
      (/^\/wiki\/api\/v2\//.test(o.catalogPath) ? '; Confluence v2 operations take granular scopes (read:page:confluence), not classic ones.' : '.') +
      ' Should the operation list no OAuth 2.0 scope at all, no grant can enable it: use another operation or auth method.',
    remedies: [
      {
        actor: caller(o),
        action: `Enable the missing scopes${named.length ? ` (${named.join(', ')})` : ''} for the app in the developer console (Permissions), add them to the scope parameter of the authorization URL, then have the user authorize again to get a new token.`
      },
      { actor: caller(o), action: 'Classic scopes (read:jira-work) and granular ones (read:issue:jira) are different groups: request one complete group, not a mix.' }
    ],
    evidence: [`${statusEvidence(o)} (${o.auth})`, ...namedScopeEvidence(named), ...grantEvidence(o), ...groupsEvidence(o), o.headers.failureCategory ? `x-failure-category: ${o.headers.failureCategory}` : ''].filter(Boolean),
    docs: DOCS.oauthScopes
  };
}

/** Per-user consent survives simplified user consent only for apps declaring read:me / read:account. */
function perUserConsent(o: Observation): boolean {
  return o.scopes.consentScreenScopes.length > 0;
}

/**
 * A scope check failed: decide, by caller kind, where the chain breaks. Forge: manifest, installation or
 * (seed 000) an empty user grant; never "your consent is old" unless per-user consent still exists.
 * OAuth 2.0: the user's grant to the app. Scoped API token: the token.
 */
export const scopeRejected: Rule = (o) => {
  if (!isScopeRejection(o)) return undefined;
  // forge lint, or a message about the app's manifest: a Forge app whatever the caller was given as.
  if (!o.isForge && /permission-scope-required|forge lint|app manifest|manifest\.yml|(?:module|Trigger event|Remote):? '[^'\n]{1,80}'(?: declares .{0,200})? requires/i.test(o.messageText)) return manifestMissing(o);
  if (!o.isForge) {
    switch (o.auth) {
      case 'oauth2':
        return oauthScopeMissing(o);
      case 'basic-scoped-token':
      case 'basic-token':
      case 'basic-classic-token':
      case 'basic-password':
      case 'data-center-pat':
        return tokenScopeMissing(o);
      case 'connect-jwt':
      case 'unknown':
        return o.scopeGrant ? manifestMissing(o) : oauthScopeMissing(o);
      case 'forge-as-user':
      case 'forge-as-app':
      case 'forge-bridge':
      case 'forge-web-trigger':
        return manifestMissing(o);
      default:
        return assertNever(o.auth);
    }
  }
  const breaksAt = o.scopes.breaksAt;
  if (breaksAt === 'manifest') return manifestMissing(o);
  if (breaksAt === 'installation') return installationNotUpgraded(o, 'error');
  const grant = o.scopeGrant?.granted;
  if (o.asViewer && grant && grant.length === 0) return userGrantEmpty(o);
  if (o.asViewer && grant && perUserConsent(o)) return userGrantMissing(o);
  const declared = o.input.scopes?.declared;
  if (declared) {
    const manifest = o.scopes.layers.find((l) => l.layer === 'manifest');
    return manifest && !manifest.satisfied ? manifestMissing(o) : installationNotUpgraded(o, 'error');
  }
  // Manifest unknown: the grant the gateway lists is the installation's (simplified consent), or it said "scope does not match".
  return manifestMissing(o);
};

/** The call worked, but the installation holds fewer scopes than manifest.yml declares. */
export const installationBehindManifest: Rule = (o) => {
  const declared = o.input.scopes?.declared;
  const installed = o.input.scopes?.installed;
  if (!declared || !installed) return undefined;
  const held = new Set(installed);
  const missing = declared.filter((s) => !held.has(s));
  if (missing.length === 0) return undefined;
  const finding = installationNotUpgraded(o, 'warning');
  return {
    ...finding,
    title: `The installation is behind manifest.yml: it lacks ${scopeList(missing)}`,
    evidence: [`declared: ${scopeList(declared)}`, `installed: ${scopeList(installed)}`]
  };
};
