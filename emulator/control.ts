import type { EmulatedSite } from './site';
import type { GatewayResponse } from './gateway/types';

function ok(value: unknown): GatewayResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

function bad(message: string, status = 400): GatewayResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: message }) };
}

export function describeSite(site: EmulatedSite) {
  return {
    scenario: site.scenario.name,
    issueKey: site.scenario.issueKey,
    viewerAccountId: site.scenario.viewerAccountId,
    scenarios: site.scenarios().map(({ name, title, situation }) => ({ name, title, situation })),
    faults: site.faults,
    site: site.tenant.site,
    cloudId: site.tenant.cloudId,
    installedOn: site.tenant.app.installedOn,
    compatibility: site.tenant.app.compatibility,
    manifestScopes: site.tenant.app.manifestScopes,
    installedScopes: site.tenant.app.installedScopes
  };
}

/**
 * The emulator's control API (for people and the local preview), under /__emulator:
 * GET state | GET log | POST scenario {name} | POST consent {accountId} | POST upgrade | POST install {product}
 * | POST faults {fault} | DELETE faults
 */
export function handleControl(site: EmulatedSite, method: string, action: string, body: string): GatewayResponse {
  let input: Record<string, unknown> = {};
  if (body.trim()) {
    try {
      input = JSON.parse(body);
    } catch {
      return bad('The body must be JSON.');
    }
  }
  try {
    const key = `${method} ${action}`;
    switch (key) {
      case 'GET state':
        return ok(describeSite(site));
      case 'GET log':
        return ok(site.requestLog());
      case 'POST scenario':
        site.useScenario(String(input.name));
        return ok(describeSite(site));
      case 'POST consent':
        site.grantConsent(String(input.accountId ?? site.scenario.viewerAccountId));
        return ok(describeSite(site));
      case 'POST upgrade':
        site.upgradeInstallation();
        return ok(describeSite(site));
      case 'POST install':
        if (input.product !== 'jira' && input.product !== 'confluence') return bad('"product" must be jira or confluence.');
        site.installProduct(input.product);
        return ok(describeSite(site));
      case 'POST faults':
        site.addFault(input as never);
        return ok(describeSite(site));
      case 'DELETE faults':
        site.clearFaults();
        return ok(describeSite(site));
      default:
        return bad(`Unknown control action ${key}.`, 404);
    }
  } catch (error) {
    return bad((error as Error).message);
  }
}
