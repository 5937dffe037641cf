import { DOCS, FindingCode } from '../codes';
import { callLabel, productName, scopeList, type Observation } from '../observation';
import type { Finding, Remedy } from '../types';
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

function grantEvidence(o: Observation): string[] {
  const grant = o.scopeGrant;
  if (!grant) return [];
  const lines = [`status ${o.status ?? '?'}: app was granted [${grant.granted.join(', ')}]`];
  if (grant.emptyEntries > 0) lines.push(`the message listed ${grant.emptyEntries} empty scope name(s)`);
  return lines;
}

function isScopeRejection(o: Observation): boolean {
  if (o.scopeGrant) return true;
  if (o.headers.failureCategory === 'FAILURE_CLIENT_SCOPE_CHECK') return true;
  return o.status === 401 && /scope does not match/i.test(o.messageText);
}

function manifestMissing(o: Observation): Finding {
  const addition = o.scopes.smallestAddition;
  return {
    code: FindingCode.MANIFEST_MISSING_SCOPE,
    severity: 'error',
    title: `manifest.yml lacks ${scopeList(addition)} needed for ${callLabel(o)}`,
    explanation:
      `${productName(o.product)} accepts this call only with one of the scope groups it listed, and the manifest declares none of them in full. ` +
      `The smallest addition that would work is: ${scopeList(addition)}.`,
    remedies: [
      { actor: 'app-developer', action: `Add ${scopeList(addition)} under permissions.scopes in manifest.yml, then run \`forge deploy\`.` },
      { actor: 'site-admin', action: 'After the new version is deployed, run `forge install --upgrade` (or accept the update under Manage apps) so the installation gets the new scopes.' }
    ],
    evidence: [...grantEvidence(o), ...groupsEvidence(o)],
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
    { actor: 'viewer', action: `Renew your consent: remove the app under Connected apps (${DOCS.connectedApps}), reload this page and click "Allow access".` },
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
    title: `The token's scopes do not cover ${callLabel(o)}`,
    explanation:
      'The API gateway checked the scopes of the token and none of the accepted groups is complete' +
      (groups.length ? `: any one of ${groups.map((g) => `[${g.join(', ')}]`).join(' or ')} is needed.` : '.'),
    remedies: [
      { actor: 'script-owner', action: 'Create a token (or request an OAuth 2.0 grant) with one complete group of the listed scopes.' },
      { actor: 'script-owner', action: `The scopes each call needs are listed in the REST API documentation (${DOCS.jiraAuth}).` }
    ],
    evidence: [...grantEvidence(o), ...groupsEvidence(o), o.headers.failureCategory ? `x-failure-category: ${o.headers.failureCategory}` : ''].filter(Boolean),
    docs: DOCS.apiTokens
  };
}

/** A scope check failed: decide at which layer (manifest, installation, viewer's grant, token) the chain breaks. */
export const scopeRejected: Rule = (o) => {
  if (!isScopeRejection(o)) return undefined;
  if (!o.isForge) return tokenScopeMissing(o);
  const breaksAt = o.scopes.breaksAt;
  if (breaksAt === 'manifest') return manifestMissing(o);
  if (breaksAt === 'installation') return installationNotUpgraded(o, 'error');
  const grant = o.scopeGrant?.granted;
  if (o.asViewer && grant) return grant.length === 0 ? userGrantEmpty(o) : userGrantMissing(o);
  if (!o.asViewer && grant && o.input.scopes?.declared) {
    // asApp: the grant the gateway lists is the installation's own.
    return installationNotUpgraded(o, 'error');
  }
  if (o.asViewer && !grant) return userGrantMissing(o);
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
