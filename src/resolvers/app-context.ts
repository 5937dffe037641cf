import { getAppContext, permissions } from '@forge/api';

export interface InstallationFacts {
  appId?: string;
  environment?: string;
  installationId?: string;
  /** Scopes the installation holds; undefined when the runtime does not say. */
  installedScopes?: string[];
  /** Declared scopes the installation lacks, per permissions.hasPermission. */
  missingFromInstallation?: string[];
  remainingMs?: number;
}

/** Manifest scopes come as a list or as an object keyed by scope name. */
function scopeNames(scopes: string[] | Record<string, unknown> | undefined): string[] | undefined {
  if (!scopes) return undefined;
  return Array.isArray(scopes) ? [...scopes] : Object.keys(scopes);
}

/** What the Forge runtime says about this installation; never throws. */
export function readInstallation(declared: readonly string[]): InstallationFacts {
  const facts: InstallationFacts = {};
  try {
    const context = getAppContext();
    facts.appId = context.appAri?.toString();
    facts.environment = context.environmentType;
    facts.installationId = context.installationAri?.toString();
    facts.installedScopes = scopeNames(context.permissions?.scopes);
    facts.remainingMs = context.invocationRemainingTimeInMillis();
  } catch {
    return facts;
  }
  try {
    const check = permissions.hasPermission({ scopes: [...declared] });
    facts.missingFromInstallation = check.granted ? [] : scopeNames(check.missing?.scopes) ?? [];
  } catch {
    facts.missingFromInstallation = undefined;
  }
  return facts;
}
