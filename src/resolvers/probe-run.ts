import type { CheckState, ProbeRow } from '../macro/render-result';
import type { ProbeSpec } from './probes';
import type { CallOutcome } from './product-call';

/** A probe that was made, with what came back. */
export interface ProbeRun {
  spec: ProbeSpec;
  outcome: CallOutcome;
}

export async function runAll(specs: ProbeSpec[], timeoutMs: number): Promise<ProbeRun[]> {
  return Promise.all(specs.map(async (spec) => ({ spec, outcome: await spec.run(timeoutMs) })));
}

export function state(run: ProbeRun | undefined): CheckState {
  if (!run) return 'not-checked';
  const status = run.outcome.response?.status;
  return status !== undefined && status >= 200 && status < 300 ? 'ok' : 'failed';
}

export function toRow(run: ProbeRun, note?: string): ProbeRow {
  const { outcome, spec } = run;
  const status = outcome.response?.status;
  const outcomeText =
    status !== undefined ? String(status) : (outcome.error as { name?: string } | undefined)?.name === 'TimeoutError' ? 'timeout' : 'error';
  return {
    id: spec.id,
    product: spec.product,
    as: spec.as,
    call: spec.call,
    outcome: outcomeText,
    verdict: state(run) === 'ok' ? 'ok' : 'failed',
    purpose: note ? `${spec.purpose} ${note}` : spec.purpose,
    durationMs: outcome.durationMs
  };
}

/** A probe deliberately not made, and why: shown so the calls table stays honest about what was checked. */
export function skippedRow(spec: ProbeSpec, why: string): ProbeRow {
  return { id: spec.id, product: spec.product, as: spec.as, call: spec.call, outcome: 'not called', verdict: 'skipped', purpose: why };
}
