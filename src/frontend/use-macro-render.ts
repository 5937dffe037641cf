import { useCallback, useEffect, useState } from 'react';
import { invoke } from '@forge/bridge';
import type { RenderResult } from '../macro/render-result';

export type RenderState =
  | { kind: 'loading' }
  | { kind: 'result'; result: RenderResult }
  | { kind: 'consent' }
  | { kind: 'failed'; error: { name: string; message: string } };

export function isConsentError(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | null;
  return !!e && (e.name === 'NEEDS_AUTHENTICATION_ERR' || String(e.message ?? '').includes('NEEDS_AUTHENTICATION_ERR'));
}

/** One resolver invocation per render; `checkAgain` re-runs it with every probe at once. */
export function useMacroRender(issueRef: string | undefined, ready: boolean) {
  const [state, setState] = useState<RenderState>({ kind: 'loading' });
  const [run, setRun] = useState({ count: 0, full: false });

  useEffect(() => {
    if (!ready) return;
    let current = true;
    setState({ kind: 'loading' });
    invoke<RenderResult>('render', { issueRef: issueRef ?? '', mode: run.full ? 'full' : 'normal' })
      .then((result) => current && setState({ kind: 'result', result: result as RenderResult }))
      .catch((error: unknown) => {
        if (!current) return;
        if (isConsentError(error)) setState({ kind: 'consent' });
        else setState({ kind: 'failed', error: { name: String((error as Error)?.name ?? 'Error'), message: String((error as Error)?.message ?? error) } });
      });
    return () => {
      current = false;
    };
  }, [issueRef, ready, run]);

  const checkAgain = useCallback(() => setRun((r) => ({ count: r.count + 1, full: true })), []);
  const allowAccess = useCallback(() => {
    invoke('requestConsent').catch((error: unknown) => {
      if (isConsentError(error)) setState({ kind: 'consent' });
    });
  }, []);
  return { state, checkAgain, allowAccess };
}
