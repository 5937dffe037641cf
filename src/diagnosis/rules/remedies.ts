import type { Observation } from '../observation';
import type { Remedy } from '../types';

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

/** Text of every message the response (or thrown error, or pasted text) carried. */
export function says(o: Observation, pattern: RegExp): boolean {
  return pattern.test(o.messageText);
}
