import { useCallback, useEffect, useRef, useState } from 'react';
import { invoke } from '@forge/bridge';
import type { RenderResult } from '../macro/render-result';

export type RenderView =
  | { kind: 'loading' }
  | { kind: 'result'; result: RenderResult }
  /** The render needs the reader's consent: Confluence shows its own "Allow access" prompt in the macro's place. */
  | { kind: 'consent' }
  | { kind: 'failed'; error: { name: string; message: string } };

export interface MacroRender {
  view: RenderView;
  /** A "Check again" is running; the current view stays until its result arrives. */
  checking: boolean;
  checkAgain: () => void;
  /** Raises the platform's consent prompt again (seed 000: consent exists but Jira's grant is empty). */
  renewAccess: () => void;
}

/** Recognises a consent requirement by the error's stable name, as @forge/api defines it. */
export function isConsentError(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  return !!e && (e.name === 'NEEDS_AUTHENTICATION_ERR' || String(e.message ?? '').includes('NEEDS_AUTHENTICATION_ERR'));
}

function toView(outcome: { result: RenderResult } | { error: unknown }): RenderView {
  if ('result' in outcome) return { kind: 'result', result: outcome.result };
  if (isConsentError(outcome.error)) return { kind: 'consent' };
  const e = outcome.error as { name?: unknown; message?: unknown } | null;
  return { kind: 'failed', error: { name: String(e?.name ?? 'Error'), message: String(e?.message ?? e) } };
}

/**
 * One resolver invocation per render. The resolver reads which issue to show from the saved macro
 * configuration in the invocation context, never from the payload (which is empty); `issueRef` here
 * only re-runs the render when the configuration changes.
 */
export function useMacroRender(issueRef: string | undefined, ready: boolean): MacroRender {
  const [view, setView] = useState<RenderView>({ kind: 'loading' });
  const [checking, setChecking] = useState(false);
  const generation = useRef(0);
  const busy = useRef(false);

  const run = useCallback(() => {
    const mine = ++generation.current;
    invoke<RenderResult>('render', {})
      .then((result) => ({ result: result as RenderResult }), (error: unknown) => ({ error }))
      .then((outcome) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setView(toView(outcome));
        setChecking(false);
      });
  }, []);

  useEffect(() => {
    if (!ready) return;
    setView({ kind: 'loading' });
    busy.current = false;
    setChecking(false);
    run();
    return () => {
      generation.current++;
    };
  }, [issueRef, ready, run]);

  const checkAgain = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setChecking(true);
    run();
  }, [run]);

  const renewAccess = useCallback(() => {
    // The resolver raises NeedsAuthenticationError on purpose; Confluence answers it with its prompt.
    invoke('requestConsent').catch(() => undefined);
  }, []);

  return { view, checking, checkAgain, renewAccess };
}
