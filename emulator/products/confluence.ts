import type { Tenant, User } from '../tenant/model';
import { CONFLUENCE_NOT_FOUND, confluenceError, json } from '../gateway/responses';
import type { GatewayRequest, GatewayResponse } from '../gateway/types';

export function handleConfluence(tenant: Tenant, request: GatewayRequest, user: User | undefined): GatewayResponse {
  const page = /^\/wiki\/api\/v2\/(pages|blogposts)\/(\d+)$/.exec(request.path);
  if (page && request.method === 'GET') {
    const type = page[1] === 'pages' ? 'page' : 'blogpost';
    const found = tenant.pages.find((p) => p.id === page[2] && p.type === type);
    const asApp = request.caller.kind === 'forge-app';
    const visible = found && (asApp || found.viewableBy === 'everyone' || (user && found.viewableBy.includes(user.accountId)));
    if (!found || !visible) return CONFLUENCE_NOT_FOUND; // hidden and absent look alike (SOURCES.confluenceNotFound)
    return json(200, { id: found.id, status: 'current', title: found.title, spaceId: found.spaceKey, version: { number: 3 } });
  }
  // The emulator's own notice, not an imitation of Confluence.
  return confluenceError(404, 'NOT_FOUND', `The emulated Confluence does not implement ${request.method} ${request.path}.`);
}
