/**
 * The scale simulation's worker: runs one scenario to its end, posting
 * progress about ten times a second. The page cancels a run by terminating
 * this worker. Chromium ends a worker only between tasks (a worker busy in
 * one long task is killed after a 2 s grace), so the run goes in short
 * slices, each its own task: a termination takes effect within a slice.
 */
import { Simulation } from '../core/sim/simulation';
import type { SimFromWorker, SimToWorker } from './simMessages';

interface WorkerScope {
  postMessage(message: SimFromWorker): void;
  onmessage: ((event: MessageEvent<SimToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
/** Events per slice: a few tens of milliseconds of work. */
const SLICE = 20_000;
const PROGRESS_EVERY_MS = 100;

/** A new task, without the 4 ms clamp nested timers get: what a termination waits for. */
const channel = new MessageChannel();
let resume: () => void = () => undefined;
channel.port1.onmessage = () => resume();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    resume = resolve;
    channel.port2.postMessage(null);
  });
}

async function run(message: SimToWorker): Promise<void> {
  const started = performance.now();
  const sim = new Simulation(message.scenario);
  let reported = started;
  scope.postMessage({ t: 'progress', progress: sim.progress() });
  while (!sim.run(SLICE)) {
    const now = performance.now();
    if (now - reported >= PROGRESS_EVERY_MS) {
      reported = now;
      scope.postMessage({ t: 'progress', progress: sim.progress() });
    }
    await nextTask();
  }
  scope.postMessage({ t: 'done', report: sim.report(), wallMs: performance.now() - started });
}

scope.onmessage = (event) => {
  if (event.data.t !== 'run') return;
  run(event.data).catch((err: unknown) => scope.postMessage({ t: 'error', message: err instanceof Error ? err.message : String(err) }));
};
