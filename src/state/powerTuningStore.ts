import { create } from 'zustand';
import { DEFAULT_SETTINGS } from '../core/platformSettings';
import { POWER_TUNING_LIMITS, POWER_TUNING_SIZES, summarize, type PowerResult, type PowerSample } from '../core/powerTuning';
import { InvokeAbortedError, LiveDriver } from '../bridge/liveDriver';
import { noteLessonEvent } from './lessons/lessonEvents';
import { usePlayground } from './playgroundStore';
import { session } from './currentSession';

export type PowerTuningStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A size whose invocations failed: it has no result, and says why. */
export interface PowerFailure {
  memoryMb: number;
  message: string;
}

export interface PowerTuningState {
  sizes: number[];
  /** Warm invocations measured at each size (after one cold invocation that is not counted). */
  runs: number;
  status: PowerTuningStatus;
  /** Invocations done and planned, for the progress bar. */
  done: number;
  total: number;
  results: PowerResult[];
  failures: PowerFailure[];
  /** What was tuned: the function's name and its memory when the run started. */
  tuned: { name: string; memoryMb: number } | null;
  error: string | null;
  setSizes(sizes: number[]): void;
  setRuns(runs: number): void;
  run(): Promise<void>;
  cancel(): void;
}

let current: { cancelled: boolean; driver: LiveDriver | null } | null = null;

/** Invoke at one size: one cold start first (not counted), then `runs` warm invocations, one after another so none competes for the CPU. */
async function measureSize(driver: LiveDriver, payload: string, runs: number, tick: () => void, token: { cancelled: boolean }): Promise<PowerSample[] | string> {
  const samples: PowerSample[] = [];
  for (let i = 0; i <= runs; i += 1) {
    if (token.cancelled) return samples;
    const result = await driver.invoke(payload);
    tick();
    if (result.kind === 'rejected') return `${result.error.errorType}: ${result.error.errorMessage}`;
    const { record } = result;
    if (record.outcome !== 'success') return `${record.errorType ?? 'Error'} (${record.outcome}) at ${record.memorySizeMb} MB`;
    if (i > 0) samples.push({ durationMs: record.durationMs, computeUsd: record.cost.computeUsd });
  }
  return samples;
}

export const usePowerTuning = create<PowerTuningState>()((set, get) => ({
  sizes: [...POWER_TUNING_SIZES],
  runs: 5,
  status: 'idle',
  done: 0,
  total: 0,
  results: [],
  failures: [],
  tuned: null,
  error: null,

  setSizes(sizes) {
    set({ sizes });
  },

  setRuns(runs) {
    set({ runs: Math.max(POWER_TUNING_LIMITS.runs.min, Math.min(POWER_TUNING_LIMITS.runs.max, Math.round(runs))) });
  },

  async run() {
    if (get().status === 'running') return;
    const { config, eventText, problems } = usePlayground.getState();
    if (problems.length > 0) {
      set({ status: 'error', error: problems.map((p) => p.message).join('\n') });
      return;
    }
    const { sizes, runs } = get();
    const token: { cancelled: boolean; driver: LiveDriver | null } = { cancelled: false, driver: null };
    current = token;
    set({ status: 'running', done: 0, total: sizes.length * (runs + 1), results: [], failures: [], error: null, tuned: { name: config.name, memoryMb: config.memoryMb } });
    const tick = (): void => set((s) => ({ done: s.done + 1 }));
    try {
      for (const [index, memoryMb] of sizes.entries()) {
        // Each size is its own deployment (as Lambda Power Tuning publishes a version per size), apart from the workspace's functions.
        const driver = new LiveDriver({ ...config, memoryMb }, { settings: DEFAULT_SETTINGS, timers: session().timers });
        token.driver = driver;
        try {
          const measured = await measureSize(driver, eventText, runs, tick, token);
          if (token.cancelled) break;
          const done = (index + 1) * (runs + 1);
          if (typeof measured === 'string') set((s) => ({ failures: [...s.failures, { memoryMb, message: measured }], done }));
          else set((s) => ({ results: [...s.results, summarize(memoryMb, measured)], done }));
        } finally {
          driver.dispose('Power tuning was cancelled.');
          token.driver = null;
        }
      }
    } catch (err) {
      if (!(err instanceof InvokeAbortedError)) {
        set({ status: 'error', error: err instanceof Error ? err.message : String(err) });
        return;
      }
    } finally {
      if (current === token) current = null;
    }
    if (token.cancelled) {
      set({ status: 'cancelled' });
      return;
    }
    set({ status: 'done' });
    if (get().results.length > 0) noteLessonEvent('power-tuning');
  },

  cancel() {
    if (!current) return;
    current.cancelled = true;
    current.driver?.dispose('Power tuning was cancelled.');
  },
}));
