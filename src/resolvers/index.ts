import Resolver from '@forge/resolver';
import { DECLARED_SCOPES } from './declared-scopes';
import { requestConsent } from './request-consent';
import type { RenderResult } from '../macro/render-result';
import { renderMacro, type RenderOptions } from './render-macro';

export const DEFAULT_RENDER_OPTIONS: RenderOptions = { declaredScopes: DECLARED_SCOPES, callTimeoutMs: 4000 };

/** Builds the resolver; options exist so the emulated site can run it with another manifest's scopes or timeouts. */
export function createResolverHandler(options: Partial<RenderOptions> = {}) {
  const settings: RenderOptions = { ...DEFAULT_RENDER_OPTIONS, ...options };
  const resolver = new Resolver();
  // The payload is never read: which issue to show, and for whom, comes from the platform's context only.
  resolver.define<unknown, RenderResult>('render', ({ context }) => renderMacro(context, settings));
  resolver.define('requestConsent', ({ context }) => requestConsent(context));
  return resolver.getDefinitions();
}

export const handler = createResolverHandler();
