import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { installForgeRuntime, invokeResolver, type InstalledRuntime } from '../emulator/forge-runtime';
import { listenOnLoopback, type LoopbackServer } from '../emulator/loopback-server';
import { HOST_PAGE_ID, macroContext } from '../emulator/macro-context';
import { EmulatedSite } from '../emulator/site';
import { createResolverHandler } from '../src/resolvers';
import { buildPreview, OUT_DIR, ROOT } from './build';
import { loopbackRefusal } from '../emulator/loopback-origin';

const MAX_BODY = 64 * 1024;

const ASSETS: Record<string, [string, string]> = {
  '/': [join(ROOT, 'static', 'preview', 'index.html'), 'text/html; charset=utf-8'],
  '/assets/preview.css': [join(ROOT, 'static', 'preview', 'preview.css'), 'text/css'],
  '/assets/icon.svg': [join(ROOT, 'static', 'icon', 'issue-doctor.svg'), 'image/svg+xml'],
  '/assets/host.js': [join(OUT_DIR, 'host.js'), 'text/javascript'],
  '/assets/host.css': [join(OUT_DIR, 'host.css'), 'text/css'],
  '/assets/app.js': [join(OUT_DIR, 'app.js'), 'text/javascript']
};

export interface PreviewOptions {
  port?: number;
  scenario?: string;
  /** Skip bundling (the bundles were built already). */
  skipBuild?: boolean;
  callTimeoutMs?: number;
}

/** The local Forge host: a Confluence-like page running the app's real frontend against the emulated site. */
export class PreviewServer {
  url = '';
  config: Record<string, string> | null = null;
  inserted = true;
  build: { ms: number; cached: boolean } = { ms: 0, cached: true };
  private server?: LoopbackServer;

  private constructor(
    readonly site: EmulatedSite,
    private readonly runtime: InstalledRuntime,
    private readonly options: PreviewOptions
  ) {}

  static async start(options: PreviewOptions = {}): Promise<PreviewServer> {
    const build = options.skipBuild ? { ms: 0, cached: true } : await buildPreview();
    const site = await EmulatedSite.start({ scenario: options.scenario ?? 'healthy' });
    const preview = new PreviewServer(site, installForgeRuntime(site), options);
    preview.build = build;
    preview.config = { issue: site.scenario.issueKey };
    await preview.listen(options.port ?? 0);
    return preview;
  }

  async stop(): Promise<void> {
    this.runtime.uninstall();
    const server = this.server;
    this.server = undefined;
    await server?.close();
    await this.site.stop();
  }

  private async listen(port: number): Promise<void> {
    this.server = await listenOnLoopback(port, (req, res) => this.handle(req, res), (res, error) => send(res, 500, { error: error.message }));
    this.url = this.server.url;
  }

  state() {
    const { site } = this;
    return {
      scenario: site.scenario.name,
      scenarios: site.scenarios().map(({ name, title, situation }) => ({ name, title, situation })),
      faults: site.faults,
      config: this.config,
      inserted: this.inserted,
      accountId: site.scenario.viewerAccountId,
      contentId: HOST_PAGE_ID,
      site: site.tenant.site,
      emulatorUrl: site.url,
      installedScopes: site.tenant.app.installedScopes
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const asset = ASSETS[url.pathname];
    if (req.method === 'GET' && asset) {
      try {
        const body = await readFile(asset[0]);
        res.writeHead(200, { 'content-type': asset[1], 'cache-control': 'no-store' });
        res.end(body);
      } catch {
        send(res, 404, { error: `${url.pathname} is missing; run npm start to build it.` });
      }
      return;
    }
    if (!url.pathname.startsWith('/api/')) return send(res, 404, { error: 'Not found' });
    const foreign = loopbackRefusal(req.headers, Number(new URL(this.url).port), 'preview control API');
    if (foreign) return send(res, 403, { error: `Refused: ${foreign}.` });
    const body = await readJson(req);
    if (body === undefined) return send(res, 400, { error: 'The body must be JSON of at most 64 KiB.' });
    const action = `${req.method} ${url.pathname.slice(5)}`;
    try {
      switch (action) {
        case 'GET state':
          return send(res, 200, this.state());
        case 'POST scenario':
          this.site.useScenario(String(body.name));
          this.config = { issue: this.site.scenario.issueKey };
          this.inserted = true;
          return send(res, 200, this.state());
        case 'POST config':
          this.config = validConfig(body.config);
          return send(res, 200, this.state());
        case 'POST macro':
          this.inserted = body.inserted === true;
          this.config = this.inserted ? {} : null;
          return send(res, 200, this.state());
        case 'POST faults':
          this.site.addFault(body as never);
          return send(res, 200, this.state());
        case 'DELETE faults':
          this.site.faults = this.site.faults.filter((f) => body.kind !== undefined && f.kind !== body.kind);
          return send(res, 200, this.state());
        case 'POST consent':
          this.site.grantConsent(this.site.scenario.viewerAccountId);
          return send(res, 200, this.state());
        case 'POST invoke':
          return send(res, 200, await this.invoke(String(body.functionKey), body.payload));
        default:
          return send(res, 404, { error: `Unknown action ${action}` });
      }
    } catch (error) {
      return send(res, 400, { error: (error as Error).message });
    }
  }

  /** Runs the app's resolver as Forge would for a frontend invoke, under the emulated site. */
  private async invoke(functionKey: string, payload: unknown) {
    const handler = createResolverHandler({
      declaredScopes: this.site.tenant.app.manifestScopes,
      ...(this.options.callTimeoutMs ? { callTimeoutMs: this.options.callTimeoutMs } : {})
    });
    try {
      const result = await invokeResolver(handler as never, {
        functionKey,
        payload,
        accountId: this.site.scenario.viewerAccountId,
        context: macroContext(this.config ?? undefined)
      });
      return { ok: true, result };
    } catch (error) {
      const e = error as { name?: string; message?: string };
      return { ok: false, error: { name: e?.name ?? 'Error', message: e?.message ?? String(error) } };
    }
  }
}

function validConfig(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('"config" must be an object.');
  const config: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw new Error(`config "${key}" must be a string.`);
    config[key] = v;
  }
  return config;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return {};
  try {
    const parsed = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}
