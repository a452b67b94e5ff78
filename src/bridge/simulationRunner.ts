import type { Scenario } from '../core/sim/scenario';
import type { SimProgress } from '../core/sim/simulation';
import type { SimReport } from '../core/sim/simReport';
import type { SimFromWorker, SimToWorker } from './simMessages';

export type SimOutcome = { kind: 'done'; report: SimReport; wallMs: number } | { kind: 'cancelled' } | { kind: 'error'; message: string };

export interface SimulationRun {
  /** Settles once: the report, a cancellation, or an error. */
  readonly outcome: Promise<SimOutcome>;
  /** Stop now: the worker is terminated, mid-run if need be. */
  cancel(): void;
}

/** Run a scenario in its own Web Worker, reporting progress; one worker per run, gone when the run ends. */
export function startSimulation(scenario: Scenario, onProgress: (progress: SimProgress) => void): SimulationRun {
  const worker = new Worker(new URL('./simWorker.ts', import.meta.url), { type: 'module', name: 'scale-simulation' });
  let settle: (outcome: SimOutcome) => void = () => undefined;
  let settled = false;
  const outcome = new Promise<SimOutcome>((resolve) => {
    settle = (o) => {
      if (settled) return;
      settled = true;
      worker.terminate();
      resolve(o);
    };
  });
  worker.onmessage = (event: MessageEvent<SimFromWorker>) => {
    const m = event.data;
    if (settled) return;
    if (m.t === 'progress') onProgress(m.progress);
    else if (m.t === 'done') settle({ kind: 'done', report: m.report, wallMs: m.wallMs });
    else settle({ kind: 'error', message: m.message });
  };
  worker.onerror = (event) => {
    event.preventDefault();
    settle({ kind: 'error', message: event.message || 'The simulation worker failed.' });
  };
  const start: SimToWorker = { t: 'run', scenario };
  worker.postMessage(start);
  return { outcome, cancel: () => settle({ kind: 'cancelled' }) };
}
