import React, { useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { macroContext } from '../../emulator/macro-context';
import type { ForgeDoc } from './forge-doc';
import { renderNode } from './render-forge-doc';
import { SEED_NOTES, seedCommands } from './seed-notes';

interface PreviewState {
  scenario: string;
  scenarios: { name: string; title: string; situation: string }[];
  faults: { kind: string; product?: string; ms?: number }[];
  config: Record<string, string> | null;
  inserted: boolean;
  accountId: string;
  contentId: string;
  site: string;
  installedScopes: string[];
  /** Where this preview's emulated site listens (for curl). */
  emulatorUrl: string;
}

type Listener = (payload: unknown) => void;

const store = {
  root: undefined as ForgeDoc | undefined,
  /** Counts reconciles: the reconciler sends the same (mutated) document object every time. */
  rootVersion: 0,
  macroConfig: undefined as ForgeDoc | undefined,
  /** Set when an invoke raised NEEDS_AUTHENTICATION_ERR: Confluence shows its prompt in the macro. */
  consent: undefined as { replacesMacro: boolean; takeFocus: boolean } | undefined,
  invokeError: undefined as string | undefined,
  listeners: new Map<string, Set<Listener>>(),
  subscribers: new Set<() => void>(),
  state: undefined as PreviewState | undefined,
  notify() {
    this.subscribers.forEach((s) => s());
  }
};

async function api<T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const response = await fetch(`/api/${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return response.json() as Promise<T>;
}

function currentContext() {
  const s = store.state!;
  const context = macroContext(s.config ?? undefined, { id: s.contentId, type: 'page' });
  return {
    ...context,
    accountId: s.accountId,
    cloudId: 'emulated',
    locale: 'en-US',
    extension: { ...context.extension, isEditing: false },
    permissions: { scopes: s.installedScopes, external: {} }
  };
}

/** Confluence's side of the UI Kit bridge. */
(window as unknown as { __bridge: unknown }).__bridge = {
  async callBridge(cmd: string, data: Record<string, unknown> = {}) {
    switch (cmd) {
      case 'invoke': {
        const answer = await api<{ ok: boolean; result?: unknown; error?: { name: string; message: string } }>('invoke', { functionKey: data.functionKey, payload: data.payload });
        if (answer.ok) return answer.result;
        if (answer.error?.name === 'NEEDS_AUTHENTICATION_ERR') {
          // A render that needs consent has nothing to show: the prompt takes the macro's place. An
          // action that asks again (seed 000's "Renew access") keeps the macro's diagnosis below it
          // and moves the focus to the prompt, since the reader just asked for it.
          const fromRender = data.functionKey === 'render';
          store.consent = { replacesMacro: fromRender, takeFocus: !fromRender };
          store.notify();
        }
        throw Object.assign(new Error(answer.error?.message ?? 'invoke failed'), { name: answer.error?.name ?? 'Error' });
      }
      case 'getContext':
        return currentContext();
      case 'reconcile': {
        const doc = data.forgeDoc as ForgeDoc;
        if (doc.type === 'MacroConfig') store.macroConfig = doc;
        else {
          store.root = doc;
          store.rootVersion++;
        }
        store.notify();
        return undefined;
      }
      case 'on': {
        const set = store.listeners.get(String(data.event)) ?? new Set<Listener>();
        set.add(data.callback as Listener);
        store.listeners.set(String(data.event), set);
        return { unsubscribe: () => set.delete(data.callback as Listener) };
      }
      case 'onError':
        store.invokeError = String((data.error as Error)?.message ?? data.error);
        store.notify();
        return undefined;
      default:
        return undefined;
    }
  }
};

let configTimer: ReturnType<typeof setTimeout> | undefined;
function changeConfigField(name: string, value: string) {
  const state = store.state!;
  state.config = { ...(state.config ?? {}), [name]: value };
  clearTimeout(configTimer);
  configTimer = setTimeout(() => {
    void api('config', { config: state.config }).then(() => {
      for (const listener of store.listeners.get('FORGE_CORE_MACRO_CONFIG_CHANGED') ?? []) listener({});
    });
  }, 300);
}

function useStore() {
  const [, setTick] = useState(0);
  useEffect(() => {
    const s = () => setTick((t) => t + 1);
    store.subscribers.add(s);
    return () => void store.subscribers.delete(s);
  }, []);
  return store;
}

const FAULT_TOGGLES: { label: string; fault: { kind: string; product: string; ms?: number; retryAfterSeconds?: number } }[] = [
  { label: 'Jira latency 1.5 s', fault: { kind: 'latency', product: 'jira', ms: 1500 } },
  { label: 'Jira hangs', fault: { kind: 'hang', product: 'jira' } },
  { label: 'Jira 429', fault: { kind: 'rate-limit', product: 'jira', retryAfterSeconds: 30 } },
  { label: 'Jira 503', fault: { kind: 'server-error', product: 'jira' } }
];

const FOCUS_KEY = 'issue-doctor-preview-focus';

/** Reloads the page (the app starts afresh, as after a Confluence page load) and puts the focus back on `testId`. */
const reload = (testId?: string) => {
  const target = testId ?? (document.activeElement as HTMLElement | null)?.closest('[data-testid]')?.getAttribute('data-testid');
  if (target) sessionStorage.setItem(FOCUS_KEY, target);
  window.location.reload();
};

function restoreFocus(): void {
  const target = sessionStorage.getItem(FOCUS_KEY);
  if (!target) return;
  const element = document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(target)}"]`);
  if (!element) return;
  sessionStorage.removeItem(FOCUS_KEY);
  element.focus();
}

/**
 * Confluence's own consent prompt, in the macro's place as Confluence renders it (an "Allow access"
 * panel where the app would be: https://docs.meta-inf.hu/advanced-content-navigator/cloud-users-guide/first-use-the-oauth-consent).
 */
const ConsentPrompt = ({ takeFocus }: { takeFocus: boolean }) => (
  <div className="consent-prompt" role="region" aria-labelledby="consent-title" data-testid="consent-prompt">
    <Heading size="xsmall" as="h2" id="consent-title">
      Issue Doctor needs your permission
    </Heading>
    <p>To show Jira content as you, allow this app to access Atlassian products on your behalf.</p>
    <Button appearance="primary" testId="host-allow-access" autoFocus={takeFocus} onClick={() => void api('consent', {}).then(() => reload('macro'))}>
      Allow access
    </Button>
  </div>
);

const SeedNoteView = ({ scenario, siteUrl }: { scenario: string; siteUrl: string }) => {
  const note = SEED_NOTES[scenario];
  if (!note) return null;
  return (
    <div className="seed-note" data-testid="seed-note">
      <p>{note.purpose}</p>
      {seedCommands(note, siteUrl).map((command) => (
        <pre key={command}>{command}</pre>
      ))}
    </div>
  );
};

const Sidebar = ({ state }: { state: PreviewState }) => {
  const current = state.scenarios.find((s) => s.name === state.scenario);
  const active = (kind: string) => state.faults.some((f) => f.kind === kind && (f.product ?? 'jira') === 'jira');
  return (
    <aside className="sidebar">
      <Heading size="xsmall">Emulated site</Heading>
      <label htmlFor="scenario">Scenario</label>
      <select id="scenario" data-testid="scenario" value={state.scenario} onChange={(e) => void api('scenario', { name: e.target.value }).then(() => reload('scenario'))}>
        {state.scenarios.map((s) => (
          <option key={s.name} value={s.name} title={s.situation}>
            {s.title}
          </option>
        ))}
      </select>
      <p className="situation">{current?.situation}</p>
      <SeedNoteView scenario={state.scenario} siteUrl={state.emulatorUrl} />
      <Heading size="xsmall">Faults</Heading>
      {FAULT_TOGGLES.map((toggle) => (
        <label key={toggle.label} className="fault">
          <input
            type="checkbox"
            data-testid={`fault-${toggle.fault.kind}`}
            checked={active(toggle.fault.kind)}
            onChange={(e) =>
              void (e.target.checked ? api('faults', toggle.fault) : api('faults', { kind: toggle.fault.kind }, 'DELETE')).then(() => reload(`fault-${toggle.fault.kind}`))
            }
          />
          {toggle.label}
        </label>
      ))}
      <p className="hint">Signed in as the scenario's reader. Site: {state.site}</p>
    </aside>
  );
};

/**
 * When an update removes the control that had the focus inside the macro (a "Check again" whose
 * answer is the card alone), the focus goes to the macro itself rather than to the page's body.
 */
function useMacroFocus(rootVersion: number) {
  const macroRef = useRef<HTMLElement>(null);
  const hadFocus = useRef(false);
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      hadFocus.current = !!macroRef.current?.contains(e.target as Node);
    };
    // A click elsewhere on the page also leaves the focus on <body>: that is the reader's choice.
    const onPointerDown = (e: PointerEvent) => {
      hadFocus.current = !!macroRef.current?.contains(e.target as Node);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointerDown);
    restoreFocus();
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, []);
  useEffect(() => {
    if (hadFocus.current && (document.activeElement === document.body || document.activeElement === null)) macroRef.current?.focus();
  }, [rootVersion]);
  return macroRef;
}

const Page = () => {
  const s = useStore();
  const state = s.state!;
  const [editing, setEditing] = useState(!state.config?.issue && state.inserted);
  const macroRef = useMacroFocus(s.rootVersion);
  return (
    <div className="layout">
      <header className="topbar">
        <span className="logo">Confluence</span>
        <span className="emulated">emulated locally: Issue Doctor preview</span>
      </header>
      <div className="content">
        <main className="page">
          <h1>Release notes: Issue Doctor</h1>
          <p className="byline">Owned by Mia Krystof · Last updated today</p>
          <p>The issue tracked for this release:</p>
          {state.inserted ? (
            <section className="macro" data-testid="macro" aria-label="Issue Doctor macro" tabIndex={-1} ref={macroRef}>
              <div className="macro-toolbar">
                <img src="/assets/icon.svg" alt="" width={16} height={16} />
                <span>Issue Doctor</span>
                <button type="button" data-testid="edit-macro" onClick={() => setEditing(!editing)}>
                  {editing ? 'Close' : 'Edit'}
                </button>
                <button type="button" data-testid="remove-macro" onClick={() => void api('macro', { inserted: false }).then(() => reload('insert-macro'))}>
                  Remove
                </button>
              </div>
              <div className="macro-body" data-testid="macro-body">
                {s.consent ? <ConsentPrompt takeFocus={s.consent.takeFocus} /> : null}
                {s.consent?.replacesMacro ? null : s.root ? renderNode(s.root) : <span>Loading app…</span>}
              </div>
            </section>
          ) : (
            <button type="button" className="insert" data-testid="insert-macro" onClick={() => void api('macro', { inserted: true }).then(() => reload('macro'))}>
              + Insert the Issue Doctor macro
            </button>
          )}
          <p>Everything else on this page is ordinary Confluence content.</p>
        </main>
        {state.inserted && editing ? (
          <aside className="config-panel" data-testid="config-panel">
            <Heading size="xsmall">Issue Doctor: configuration</Heading>
            {s.macroConfig ? renderNode(s.macroConfig, { onFieldChange: changeConfigField, fieldValue: (name) => state.config?.[name] }) : null}
          </aside>
        ) : null}
        <Sidebar state={state} />
      </div>
    </div>
  );
};

async function main() {
  store.state = await api<PreviewState>('state');
  createRoot(document.getElementById('root')!).render(<Page />);
  if (store.state.inserted) {
    const script = document.createElement('script');
    script.src = '/assets/app.js';
    document.body.appendChild(script);
  }
}

void main();
