import scopeData from './forge-scopes.json';
import type { ForgeScopeList } from './catalog-types';

const scopes = scopeData as ForgeScopeList;
const validScopes = new Set(scopes.valid);
const consentScreenScopes = new Set(scopes.interactiveConsent);

/** True when `@forge/manifest` knows this scope name. */
export function isKnownScope(scope: string): boolean {
  return validScopes.has(scope);
}

/** Scopes that make Forge show its interactive consent screen (e.g. `read:me`, `read:account`). */
export function forcesConsentScreen(scope: string): boolean {
  return consentScreenScopes.has(scope);
}
