import type { FindingCode } from './codes';

export type Product = 'jira' | 'confluence';

/** Where the reader of a diagnosis is: the macro on a page, or a terminal. Remedies speak to that place. */
export type Channel = 'macro' | 'cli';

/** How the failing call was authenticated. */
export type AuthMode =
  | 'forge-as-user'
  | 'forge-as-app'
  | 'forge-bridge'
  | 'forge-web-trigger'
  | 'basic-classic-token'
  | 'basic-scoped-token'
  | 'basic-token'
  | 'basic-password'
  | 'oauth2'
  | 'connect-jwt'
  | 'data-center-pat'
  | 'unknown';

export const AUTH_MODES: readonly AuthMode[] = [
  'forge-as-user',
  'forge-as-app',
  'forge-bridge',
  'forge-web-trigger',
  'basic-classic-token',
  'basic-scoped-token',
  'basic-token',
  'basic-password',
  'oauth2',
  'connect-jwt',
  'data-center-pat',
  'unknown'
];

export interface CallDescription {
  product?: Product;
  method: string;
  /** Path as called: `/rest/api/3/issue/PROJ-7?fields=summary`, or a full URL. */
  path: string;
  /** Base URL when called from outside Forge (`https://site.atlassian.net`, `https://api.atlassian.com/ex/jira/<cloudId>`). */
  baseUrl?: string;
  auth: AuthMode;
}

/** A product response as received: status, headers (any case), raw body text. */
export interface HttpExchange {
  /** HTTP status; 0 when the paste carried none (a body, a page or a message alone). */
  status: number;
  statusText?: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ScopeContext {
  /** Scopes in manifest.yml `permissions.scopes`. */
  declared?: string[];
  /** Scopes the installation holds (`getAppContext().permissions.scopes`). */
  installed?: string[];
}

/** What other calls (probes) established; lets one finding be more precise than a single response allows. */
export interface ProbeFacts {
  /** The app (asApp) can read the issue the viewer could not. */
  issueVisibleToApp?: boolean;
  /** The same product answered the viewer normally on another call. */
  productReachableAsUser?: boolean;
}

export interface DiagnosisInput {
  call: CallDescription;
  response?: HttpExchange;
  error?: unknown;
  scopes?: ScopeContext;
  probes?: ProbeFacts;
  /** For `Retry-After` HTTP dates; defaults to the current time. */
  now?: Date;
  /** Who reads the result; defaults to the macro. */
  channel?: Channel;
}

export type Severity = 'error' | 'warning' | 'info';
export type Actor = 'viewer' | 'page-author' | 'site-admin' | 'app-developer' | 'script-owner';

export interface Remedy {
  actor: Actor;
  action: string;
  /** Only shown in this channel (e.g. "reload this page" in the macro, a curl command in the CLI). */
  channel?: Channel;
}

export interface Finding {
  code: FindingCode;
  /** The channel the remedies were written for. */
  audience?: Channel;
  severity: Severity;
  title: string;
  explanation: string;
  remedies: Remedy[];
  evidence: string[];
  /** Where to read more. */
  docs?: string;
}
