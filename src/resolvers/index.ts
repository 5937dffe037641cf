import Resolver from '@forge/resolver';
import { DECLARED_SCOPES } from './declared-scopes';
import { requestConsent } from './request-consent';
import { renderMacro, type RenderOptions, type RenderPayload } from './render-macro';

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { declaredScopes: DECLARED_SCOPES, callTimeoutMs: 4000 };

/** Builds the resolver; options exist so the emulated site can run it with another manifest's scopes or timeouts. */
export function createResolverHandler(options: Partial<RenderOptions> = {}) {
  const settings: RenderOptions = { ...DEFAULT_RENDER_OPTIONS, ...options };
  const resolver = new Resolver();
  resolver.define('render', ({ payload, context }) => renderMacro(payload as RenderPayload, context, settings) as unknown as Promise<Record<string, unknown>>);
  resolver.define('requestConsent', () => requestConsent());
  return resolver.getDefinitions();
}

export const handler = createResolverHandler();
