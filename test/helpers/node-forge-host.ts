import { invokeResolver } from '../../emulator/forge-runtime';
import type { EmulatedSite } from '../../emulator/site';
import type { ForgeDoc } from './forge-doc';
import type { MacroContextOptions } from '../../emulator/macro-context';
import { HOST_PAGE_ID, macroContext } from './macro-context';

type Handler = Parameters<typeof invokeResolver>[0];
type Listener = (payload: unknown) => void;

/**
 * Plays Confluence's side of the UI Kit bridge in Node (`self.__bridge.callBridge`): `invoke` goes to the
 * resolver handler under the emulated site, `getContext` gives the macro context, `reconcile` keeps the ForgeDoc.
 */
export class NodeForgeHost {
  root?: ForgeDoc;
  macroConfig?: ForgeDoc;
  invocations: { functionKey: string; payload: unknown }[] = [];
  /** Set when the macro was inserted by pasting a link (Confluence's autoConvert). */
  autoConvertLink?: string;
  /** More of the product context: the reader's account type, the site URL, the editor state. */
  contextOptions: Omit<MacroContextOptions, 'autoConvertLink'> = {};
  errors: unknown[] = [];
  private listeners = new Map<string, Set<Listener>>();
  private waiters: (() => void)[] = [];

  constructor(
    private readonly site: EmulatedSite,
    private readonly handler: Handler,
    public config: { issue?: string } | undefined,
    private readonly contentId: string = HOST_PAGE_ID
  ) {}

  callBridge = async (cmd: string, data: Record<string, unknown> = {}): Promise<unknown> => {
    switch (cmd) {
      case 'invoke':
        return this.invoke(String(data.functionKey), data.payload);
      case 'getContext':
        return { accountId: this.site.scenario.viewerAccountId, locale: 'en-US', ...this.context() };
      case 'reconcile': {
        const doc = data.forgeDoc as ForgeDoc;
        if (doc.type === 'MacroConfig') this.macroConfig = doc;
        else this.root = doc;
        this.waiters.splice(0).forEach((w) => w());
        return undefined;
      }
      case 'on': {
        const event = String(data.event);
        const set = this.listeners.get(event) ?? new Set();
        set.add(data.callback as Listener);
        this.listeners.set(event, set);
        return { unsubscribe: () => set.delete(data.callback as Listener) };
      }
      case 'onError':
        this.errors.push(data.error);
        return undefined;
      default:
        return undefined;
    }
  };

  private async invoke(functionKey: string, payload: unknown): Promise<unknown> {
    this.invocations.push({ functionKey, payload });
    try {
      return await invokeResolver(this.handler, { functionKey, payload, accountId: this.site.scenario.viewerAccountId, context: this.context() });
    } catch (error) {
      // Across the bridge an error keeps its name and message only.
      const e = error as Error;
      throw Object.assign(new Error(e.message), { name: e.name });
    }
  }

  /** The same product context for getContext and for every invoke, as Confluence sends it. */
  private context() {
    return macroContext(this.config?.issue, this.contentId, 'page', { ...this.contextOptions, autoConvertLink: this.autoConvertLink });
  }

  /** What Confluence does when the macro's config is saved. */
  setConfig(config: { issue?: string } | undefined): void {
    this.config = config;
    for (const listener of this.listeners.get('FORGE_CORE_MACRO_CONFIG_CHANGED') ?? []) listener({});
  }

  /** Waits until the rendered macro satisfies `predicate`. */
  async waitFor(predicate: (root: ForgeDoc | undefined) => boolean, timeoutMs = 8000): Promise<ForgeDoc> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.root)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`The macro never reached the expected state. Last render: ${JSON.stringify(this.root)?.slice(0, 2000)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.root!;
  }
}

/** Loads the real frontend bundle entry with this host as its bridge. */
export function mountFrontend(host: NodeForgeHost): void {
  const g = globalThis as unknown as { __bridge?: unknown; self?: unknown };
  g.__bridge = { callBridge: host.callBridge };
  g.self = globalThis;
  jest.isolateModules(() => {
    require('../../src/frontend/index.tsx');
  });
}
