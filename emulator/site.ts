import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleControl } from './control';
import { loopbackRefusal } from './loopback-origin';
import { listenOnLoopback, type LoopbackServer } from './loopback-server';
import { adversarialBody, faultMatches, validateFault, type Fault } from './faults';
import { GATEWAY_STAGES, actingUser } from './gateway/stages';
import { SITE_NOT_FOUND } from './gateway/responses';
import type { Caller, GatewayRequest, GatewayResponse } from './gateway/types';
import { handleConfluence } from './products/confluence';
import { handleJira } from './products/jira';
import { RequestLog, loggedUrl, type RequestLogEntry } from './request-log';
import { findScenario, SCENARIOS, type Scenario } from './scenarios';
import type { Product, Tenant } from './tenant/model';
import { sampleTenant } from './tenant/sample-tenant';

export interface EmulatedSiteOptions {
  scenario?: string;
  port?: number;
}

const MAX_BODY = 1024 * 1024;
/** Control requests carry a scenario name or one fault. */
const MAX_CONTROL_BODY = 64 * 1024;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** An emulated Atlassian site (gateway, Jira, Confluence) on a real HTTP server on 127.0.0.1. */
export class EmulatedSite {
  tenant: Tenant = sampleTenant();
  scenario: Scenario = findScenario('healthy');
  faults: Fault[] = [];
  private readonly log = new RequestLog();
  private seq = 0;
  private server: LoopbackServer | undefined;
  url = '';

  static async start(options: EmulatedSiteOptions = {}): Promise<EmulatedSite> {
    const site = new EmulatedSite();
    site.useScenario(options.scenario ?? 'healthy');
    await site.listen(options.port ?? 0);
    return site;
  }

  private async listen(port: number): Promise<void> {
    this.server = await listenOnLoopback(
      port,
      (req, res) => this.handle(req, res),
      (res, error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`emulator error: ${error.message}`);
      }
    );
    this.url = this.server.url;
  }

  /** Stops listening and drops every open connection, hanging ones included. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
  }

  // ---- scenarios, mutations, faults, log

  useScenario(name: string): Scenario {
    const scenario = findScenario(name);
    const tenant = sampleTenant();
    tenant.app.manifestScopes = [...scenario.manifestScopes];
    tenant.app.installedScopes = [...scenario.manifestScopes];
    scenario.apply?.(tenant);
    this.tenant = tenant;
    this.scenario = scenario;
    this.faults = clone(scenario.faults ?? []);
    return scenario;
  }

  scenarios(): Scenario[] {
    return SCENARIOS;
  }

  /** The "Allow access" click. It matters only for apps that still ask each user (see requiresUserConsent). */
  grantConsent(accountId: string): void {
    this.requireUser(accountId).consented = true;
  }

  revokeConsent(accountId: string): void {
    this.requireUser(accountId).consented = false;
  }

  /** `forge install --upgrade`: the installation gets the deployed manifest's scopes. */
  upgradeInstallation(): void {
    this.tenant.app.installedScopes = [...this.tenant.app.manifestScopes];
  }

  /** Sets the products the deployed manifest's `app.compatibility` declares; calls to others fail in the runtime shim. */
  declareCompatibility(products: Product[]): void {
    this.tenant.app.compatibility = [...products];
  }

  installProduct(product: Product): void {
    if (!this.tenant.app.installedOn.includes(product)) this.tenant.app.installedOn.push(product);
  }

  /** Lets the user browse (or stops them browsing) a project. */
  setProjectAccess(accountId: string, projectKey: string, canBrowse: boolean): void {
    this.requireUser(accountId);
    const project = this.tenant.projects.find((p) => p.key === projectKey);
    if (!project) throw new Error(`No project ${projectKey}.`);
    const current = project.browsableBy === 'everyone' ? this.tenant.users.map((u) => u.accountId) : project.browsableBy;
    project.browsableBy = canBrowse ? [...new Set([...current, accountId])] : current.filter((id) => id !== accountId);
  }

  setAdmin(accountId: string, admin: boolean): void {
    this.requireUser(accountId).admin = admin;
  }

  addFault(fault: Fault): void {
    this.faults.push(validateFault(fault));
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** The newest LOG_LIMIT requests (request-log.ts). */
  requestLog(): readonly RequestLogEntry[] {
    return this.log.newest();
  }

  clearLog(): void {
    this.log.clear();
  }

  private requireUser(accountId: string) {
    const user = this.tenant.users.find((u) => u.accountId === accountId);
    if (!user) throw new Error(`No user ${accountId}.`);
    return user;
  }

  // ---- request handling

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const entry: RequestLogEntry = { seq: ++this.seq, at: new Date().toISOString(), via: 'other', as: 'anonymous', method: (req.method ?? 'GET').slice(0, 16), url: loggedUrl(req.url ?? '/') };
    const request = this.toGatewayRequest(req, url, entry);
    this.log.add(entry);
    const send = (response: GatewayResponse) => {
      entry.status = response.status;
      entry.durationMs = Date.now() - started;
      res.writeHead(response.status, response.headers);
      res.end(response.body);
    };
    if (url.pathname.startsWith('/__emulator/')) {
      entry.via = 'control';
      // Refused before its body is read: a foreign page or host gets nothing but the one line.
      const refusal = loopbackRefusal(req.headers, Number(new URL(this.url).port), 'control API');
      if (refusal) return send({ status: 403, headers: { 'content-type': 'text/plain;charset=UTF-8', connection: 'close' }, body: `Refused: ${refusal}.\n` });
      const body = await readBody(req, MAX_CONTROL_BODY);
      if (body === undefined) return send({ status: 413, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: `Control bodies are at most ${MAX_CONTROL_BODY} bytes.` }) });
      const control = /^\/__emulator\/([a-z]+)$/.exec(url.pathname);
      if (!control) return send({ status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error: 'Unknown control action.' }) });
      return send(handleControl(this, entry.method.toUpperCase(), control[1], body));
    }
    await readBody(req, MAX_BODY);
    if (url.pathname === '/_edge/tenant_info') return send({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cloudId: this.tenant.cloudId }) });
    if (!request) return send({ status: 404, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 404, message: 'Not Found' }) });
    if ('status' in request) return send(request);

    const faults = this.faults.filter((f) => faultMatches(f, { product: request.product, path: request.path, provider: entry.as }));
    for (const fault of faults.filter((f) => f.kind === 'latency')) await delay(fault.ms ?? 0);
    const fault = faults.find((f) => f.kind !== 'latency');
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'hang') return; // never answered; stop() destroys the socket
    if (fault?.kind === 'reset') {
      entry.durationMs = Date.now() - started;
      req.socket.destroy();
      return;
    }
    // A transient 5xx of one call (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/: "a 503 response may be
    // returned when a resource limit has been reached"); its empty body is assumed ('faults'). An HTML "Service Unavailable"
    // page would read as the whole site being down, which this fault does not mean.
    if (fault?.kind === 'server-error') return send({ status: fault.status ?? 503, headers: {}, body: '' });
    // 429 with Retry-After: the same rate-limiting page; the body is assumed ('faults').
    if (fault?.kind === 'rate-limit') {
      return send({ status: 429, headers: { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSeconds ?? 30) }, body: JSON.stringify({ errorMessages: ['Rate limit exceeded.'] }) });
    }
    if (fault?.kind === 'adversarial-body') return send({ status: fault.status ?? 403, headers: { 'content-type': 'application/json' }, body: adversarialBody(request.product) });
    if (fault?.kind === 'html') {
      return send({ status: fault.status ?? 200, headers: { 'content-type': 'text/html;charset=UTF-8' }, body: '<!DOCTYPE html><html><head><title>Log in with Atlassian account</title></head><body><h1>Log in to continue</h1></body></html>' });
    }
    const response = this.answer(request);
    if (fault?.kind === 'malformed-json') return send({ ...response, headers: { ...response.headers, 'content-type': 'application/json' }, body: "{'key': DOC-42, fields: }" });
    if (fault?.kind === 'truncated-json') return send({ ...response, body: response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2))) });
    send(response);
  }

  /** Applies the gateway stages in order, then the product. */
  answer(request: GatewayRequest): GatewayResponse {
    for (const stage of GATEWAY_STAGES) {
      const response = stage(this.tenant, request);
      if (response) return response;
    }
    const user = actingUser(request);
    return request.product === 'jira' ? handleJira(this.tenant, request, user) : handleConfluence(this.tenant, request, user);
  }

  private toGatewayRequest(req: IncomingMessage, url: URL, entry: RequestLogEntry): GatewayRequest | GatewayResponse | undefined {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v ?? '']));
    const method = (req.method ?? 'GET').toUpperCase();
    const forge = /^\/__forge\/([a-z]+)(\/.*)?$/.exec(url.pathname);
    if (forge) {
      entry.via = 'forge';
      const declared = headers['x-forge-provider'];
      const provider = declared === 'user' || declared === 'app' ? declared : 'none';
      entry.as = provider;
      const accountId = provider === 'user' ? headers['x-forge-account-id'] || undefined : undefined;
      entry.accountId = accountId;
      entry.url = loggedUrl(`${forge[2] ?? '/'}${url.search}`);
      const product = forge[1] === 'jira' || forge[1] === 'confluence' ? (forge[1] as Product) : undefined;
      if (!product) return { status: 501, headers: { 'content-type': 'text/plain' }, body: `The emulator does not serve ${forge[1]}.` };
      entry.product = product;
      let path = forge[2] ?? '/';
      const ex = /^\/ex\/(jira|confluence)\/[^/]+(\/.*)?$/.exec(path);
      if (ex) path = ex[2] ?? '/';
      const caller: Caller =
        provider === 'user'
          ? { kind: 'forge-user', user: this.tenant.users.find((u) => u.accountId === accountId) }
          : provider === 'app'
            ? { kind: 'forge-app' }
            : { kind: 'anonymous', reason: 'no-credentials' };
      return { via: 'forge', caller, product, method, path: normalizeJiraVersion(path), query: url.searchParams, headers, exPath: !!ex };
    }
    const ex = /^\/ex\/(jira|confluence)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const isGateway = !!ex || headers['host'] === 'api.atlassian.com';
    const path = ex ? ex[3] ?? '/' : url.pathname;
    const product: Product | undefined = ex ? (ex[1] as Product) : path.startsWith('/wiki/') ? 'confluence' : path.startsWith('/rest/') ? 'jira' : undefined;
    if (!product) return undefined;
    entry.via = isGateway ? 'api-gateway' : 'site';
    entry.product = product;
    if (ex && ex[2] !== this.tenant.cloudId) return SITE_NOT_FOUND;
    const caller = this.externalCaller(headers['authorization']);
    entry.as = caller.kind === 'token' ? 'token' : 'anonymous';
    entry.accountId = caller.kind === 'token' ? caller.user.accountId : undefined;
    return { via: isGateway ? 'api-gateway' : 'site', caller, product, method, path: normalizeJiraVersion(path), query: url.searchParams, headers, exPath: false };
  }

  private externalCaller(authorization: string | undefined): Caller {
    if (!authorization) return { kind: 'anonymous', reason: 'no-credentials' };
    const basic = /^Basic\s+(.+)$/i.exec(authorization.trim());
    if (!basic) return { kind: 'anonymous', reason: 'bad-credentials' };
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const email = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const token = this.tenant.apiTokens.find((t) => t.token === secret);
    const user = token && this.tenant.users.find((u) => u.accountId === token.accountId && u.email === email);
    if (!token || !user) return { kind: 'anonymous', reason: 'bad-credentials' };
    return { kind: 'token', token: token.kind, user, scopes: token.scopes };
  }
}

/** Jira serves /rest/api/2 and /latest like /rest/api/3 for the endpoints emulated here. */
function normalizeJiraVersion(path: string): string {
  return path.replace(/^\/rest\/api\/(2|latest)(\/|$)/, '/rest/api/3$2');
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Reads the body, keeping at most `cap` bytes; undefined when it was longer (the rest is drained, not kept). */
async function readBody(req: IncomingMessage, cap: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= cap) chunks.push(chunk as Buffer);
  }
  return size <= cap ? Buffer.concat(chunks).toString('utf8') : undefined;
}
