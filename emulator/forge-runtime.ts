/**
 * The Forge platform contract that the real @forge/api relies on (see node_modules/@forge/api/out/api/fetch.js
 * and runtime.js): `global.__forge_fetch__` carries product calls, `global.__forge_runtime__` the app context.
 * Here product calls go over real HTTP to an EmulatedSite.
 */
import { RequestProductNotAllowedError } from '@forge/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { EmulatedSite } from './site';
import type { Product } from './tenant/model';

export interface Invocation {
  invocationId: string;
  accountId?: string;
  moduleKey: string;
  deadline: number;
}

export interface MetricSample {
  kind: 'counter' | 'timing';
  name: string;
  tags?: Record<string, string>;
}

/** Forge's invocation limit for resolvers: 25 s (https://developer.atlassian.com/platform/forge/limits-invocation/). */
export const FORGE_INVOCATION_LIMIT_MS = 25_000;

const invocations = new AsyncLocalStorage<Invocation>();

interface ForgeFetchArgs {
  type: string;
  provider: 'user' | 'app' | 'none';
  remote?: string;
  accountId?: string;
}

type ForgeGlobals = typeof globalThis & { __forge_fetch__?: unknown; __forge_runtime__?: unknown };

export interface InstalledRuntime {
  metrics: MetricSample[];
  uninstall(): void;
}

/** Installs the globals; every product call made through @forge/api then reaches `site`. */
export function installForgeRuntime(site: EmulatedSite): InstalledRuntime {
  const g = globalThis as ForgeGlobals;
  const metrics: MetricSample[] = [];
  g.__forge_fetch__ = async (args: ForgeFetchArgs, path: string, init: RequestInit = {}) => {
    const invocation = invocations.getStore();
    const remote = args.remote ?? 'jira';
    const app = site.tenant.app;
    // @forge/api's own error class for a product the manifest's app.compatibility does not declare
    // (node_modules/@forge/api/out/api/errors.js; https://developer.atlassian.com/platform/forge/app-compatibility/ for the key);
    // that the runtime raises it from the fetch, before any request, is assumed ('request-product-not-allowed').
    if (isProduct(remote) && !app.compatibility.includes(remote)) throw new RequestProductNotAllowedError(remote, app.contextProduct);
    const headers = new Headers(init.headers);
    // provider 'none' is @forge/api's unauthenticated api.requestJira (out/api/fetch.js getFetchAPI): no identity at all
    // (https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestconfluence/: "Unauthenticated").
    const provider = args.provider === 'user' || args.provider === 'app' ? args.provider : 'none';
    headers.set('x-forge-provider', provider);
    const accountId = args.accountId ?? invocation?.accountId;
    if (provider === 'user' && accountId) headers.set('x-forge-account-id', accountId);
    return fetch(`${site.url}/__forge/${remote}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body,
      signal: init.signal ?? undefined,
      redirect: 'manual'
    });
  };
  g.__forge_runtime__ = {
    get appContext() {
      const app = site.tenant.app;
      const invocation = invocations.getStore();
      return {
        appId: app.appId,
        appVersion: '1.0.0',
        environmentId: app.environmentId,
        environmentType: app.environmentType,
        invocationId: invocation?.invocationId ?? 'outside-invocation',
        installationId: app.installationId,
        moduleKey: invocation?.moduleKey ?? 'issue-doctor-macro',
        permissions: { scopes: [...app.installedScopes], external: {} }
      };
    },
    get lambdaContext() {
      const invocation = invocations.getStore();
      return { getRemainingTimeInMillis: () => (invocation ? Math.max(0, invocation.deadline - Date.now()) : FORGE_INVOCATION_LIMIT_MS) };
    },
    metrics: {
      counter: (name: string, tags?: Record<string, string>) => ({ incr: () => void metrics.push({ kind: 'counter', name, tags }) }),
      timing: (name: string, tags?: Record<string, string>) => ({
        measure: () => ({ stop: () => void metrics.push({ kind: 'timing', name, tags }) })
      })
    },
    externalAuth: []
  };
  return {
    metrics,
    uninstall() {
      delete g.__forge_fetch__;
      delete g.__forge_runtime__;
    }
  };
}

function isProduct(remote: string): remote is Product {
  return remote === 'jira' || remote === 'confluence';
}

/** Runs `fn` as one Forge invocation by `accountId` (asUser calls act as this user). */
export function runInvocation<T>(options: { accountId?: string; moduleKey?: string }, fn: () => Promise<T>): Promise<T> {
  const invocation: Invocation = {
    invocationId: randomUUID(),
    accountId: options.accountId,
    moduleKey: options.moduleKey ?? 'issue-doctor-macro',
    deadline: Date.now() + FORGE_INVOCATION_LIMIT_MS
  };
  return invocations.run(invocation, fn);
}

export interface ResolverCall {
  functionKey: string;
  payload?: unknown;
  accountId?: string;
  /** The product context the frontend sends (extension, localId, ...). */
  context?: Record<string, unknown>;
}

type ResolverHandler = (request: { call: { functionKey: string; payload?: unknown }; context: unknown }, runtime: unknown) => Promise<unknown>;

/** Calls a @forge/resolver handler as the Forge platform does for a frontend `invoke`. */
export function invokeResolver(handler: ResolverHandler, call: ResolverCall): Promise<unknown> {
  return runInvocation({ accountId: call.accountId }, () =>
    handler(
      { call: { functionKey: call.functionKey, payload: call.payload }, context: call.context ?? {} },
      { principal: call.accountId ? { accountId: call.accountId } : undefined, installContext: 'ari:cloud:confluence::site/emulated' }
    )
  );
}
