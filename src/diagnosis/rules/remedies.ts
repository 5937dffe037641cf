import type { Observation } from '../observation';
import { assertNever } from '../codes';
import type { AuthMode, Remedy } from '../types';

/**
 * Remedies that depend on where the reader is. In the macro the reader is on a Confluence page (reload,
 * click); at a terminal the reader runs a script or an app (retry, re-run). Each variant carries its
 * channel; diagnose() keeps only the reader's.
 */
export function retryLater(when: string): Remedy[] {
  return [
    { actor: 'viewer', action: `Reload the page ${when}; if it persists, check ${'https://status.atlassian.com'}.`, channel: 'macro' },
    { actor: 'script-owner', action: `Retry the call ${when} with back-off; if it persists, check https://status.atlassian.com.`, channel: 'cli' }
  ];
}

/** Who runs the failing code: the app developer for Forge and Connect apps, the script owner otherwise. */
export function caller(o: Observation): 'app-developer' | 'script-owner' {
  return o.isForge || o.auth === 'connect-jwt' ? 'app-developer' : 'script-owner';
}

/** The caller sends an Atlassian API token (classic, scoped, or not said which) as a Basic credential. */
export function sendsApiToken(auth: AuthMode): boolean {
  return auth === 'basic-token' || auth === 'basic-classic-token' || auth === 'basic-scoped-token';
}

/** The body is one of the products' own error shapes (Jira, Confluence, the API gateway): the product gave its reason. */
export function productErrorBody(o: Observation): boolean {
  return o.body.kind === 'jira' || o.body.kind === 'confluence' || o.body.kind === 'gateway';
}

/** The call went through the api.atlassian.com gateway (its host, or the base URL it was given). */
export function throughGateway(o: Observation): boolean {
  return o.host === 'api.atlassian.com' || /api\.atlassian\.com/.test(o.input.call?.baseUrl ?? '');
}

/** Text of every message the response (or thrown error, or pasted text) carried. */
export function says(o: Observation, pattern: RegExp): boolean {
  return pattern.test(o.messageText);
}

/** The same, with the URLs a paste quotes left out: a word in a URL ("…/getSpacePermissionActors") is no answer. */
export function saysBesideUrls(o: Observation, pattern: RegExp): boolean {
  return pattern.test(o.messageText.replace(/\bhttps?:\/\/[^\s"'<>]{1,2000}/gi, ' '));
}

/** How each kind of caller is named to the reader, and what credential it sends. */
export function callerKind(auth: AuthMode): { who: string; credential: string } {
  switch (auth) {
    case 'forge-as-user':
    case 'forge-as-app':
    case 'forge-bridge':
    case 'forge-web-trigger':
      return { who: 'Forge apps', credential: "the app's Forge token" };
    case 'oauth2':
      return { who: 'OAuth 2.0 apps', credential: 'access token' };
    case 'connect-jwt':
      return { who: 'Connect apps', credential: 'JWT' };
    case 'basic-classic-token':
    case 'basic-scoped-token':
    case 'basic-token':
      return { who: 'API tokens', credential: 'e-mail and API token' };
    case 'basic-password':
      return { who: 'password logins', credential: 'e-mail and password' };
    case 'data-center-pat':
      return { who: 'personal access tokens', credential: 'personal access token' };
    case 'unknown':
      return { who: 'this kind of caller', credential: 'credentials' };
    default:
      return assertNever(auth);
  }
}
