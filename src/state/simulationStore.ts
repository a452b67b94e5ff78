import { create } from 'zustand';
import { DEFAULT_SCENARIO, type Scenario } from '../core/sim/scenario';
import { readScenario, validateScenario } from '../core/sim/scenarioFile';
import type { SimProgress } from '../core/sim/simulation';
import type { SimReport } from '../core/sim/simReport';
import { startSimulation, type SimulationRun } from '../bridge/simulationRunner';
import { noteLessonEvent } from './lessons/lessonEvents';
import { ALL_FUNCTIONS, runRecorder } from './runStore';

export type SlotName = 'A' | 'B';
export type SimStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** One configuration of the comparison, and its latest run. */
export interface SimSlot {
  scenario: Scenario;
  problems: string[];
  status: SimStatus;
  progress: SimProgress | null;
  report: SimReport | null;
  wallMs: number | null;
  error: string | null;
}

export interface SimulationState {
  slots: Record<SlotName, SimSlot>;
  /** Run B beside A and show them side by side. */
  compare: boolean;
  /** The configuration the form edits. */
  editing: SlotName;
  /** Why the last "Profile from live runs" or file load did not work. */
  notice: string | null;
  setScenario(slot: SlotName, scenario: Scenario): void;
  setCompare(on: boolean): void;
  setEditing(slot: SlotName): void;
  run(): void;
  cancel(): void;
  /** Use the durations (and inits) live runs measured at the scenario's memory size. */
  profileFromLiveRuns(slot: SlotName): void;
  loadScenarioText(slot: SlotName, text: string): void;
}

const DEFAULT_B: Scenario = { ...DEFAULT_SCENARIO, name: 'Keep-alive 20 minutes', keepAlive: { policy: 'fixed', minutes: 20 } };

function slot(scenario: Scenario): SimSlot {
  return { scenario, problems: validateScenario(scenario), status: 'idle', progress: null, report: null, wallMs: null, error: null };
}

/** Progress reaches React at most this often per run, whatever the worker sends. */
const PROGRESS_MS = 100;
const runs: Partial<Record<SlotName, SimulationRun>> = {};

/** Durations (and Init Durations) of the live invocations that succeeded at this memory size, as the run recorder holds them. */
export function liveSamples(memoryMb: number): { durationsMs: number[]; initsMs: number[]; memorySizes: number[]; cpuFraction: number } {
  const records = runRecorder(ALL_FUNCTIONS).records();
  const durationsMs: number[] = [];
  const initsMs: number[] = [];
  const memorySizes = new Set<number>();
  let cpuPart = 0;
  let total = 0;
  for (const r of records) {
    memorySizes.add(r.memorySizeMb);
    if (r.memorySizeMb !== memoryMb || r.outcome !== 'success') continue;
    durationsMs.push(r.durationMs);
    // The CPU-bound part of this Duration, after the CPU-share stretch: what scales with memory.
    cpuPart += r.cpuMs * r.cpuFactor;
    total += r.durationMs;
    if (r.initDurationMs !== undefined) initsMs.push(r.initDurationMs);
  }
  const cpuFraction = total > 0 ? Math.min(1, Math.max(0, cpuPart / total)) : 0;
  return { durationsMs, initsMs, memorySizes: [...memorySizes].sort((a, b) => a - b), cpuFraction };
}

export const useSimulation = create<SimulationState>()((set, get) => {
  const patch = (name: SlotName, p: Partial<SimSlot>): void => set((s) => ({ slots: { ...s.slots, [name]: { ...s.slots[name], ...p } } }));

  const runSlot = (name: SlotName): void => {
    const { scenario } = get().slots[name];
    runs[name]?.cancel();
    let lastShown = 0;
    const run = startSimulation(scenario, (progress) => {
      const now = performance.now();
      if (now - lastShown < PROGRESS_MS && progress.fraction < 1) return;
      lastShown = now;
      patch(name, { progress });
    });
    runs[name] = run;
    patch(name, { status: 'running', progress: { fraction: 0, simulatedMs: 0, invocations: 0, events: 0 }, report: null, wallMs: null, error: null });
    void run.outcome.then((outcome) => {
      if (runs[name] !== run) return;
      delete runs[name];
      if (outcome.kind === 'done') {
        patch(name, { status: 'done', report: outcome.report, wallMs: outcome.wallMs, progress: null });
        const { compare, slots } = get();
        noteLessonEvent('simulation-run');
        if (compare && slots.A.status === 'done' && slots.B.status === 'done') noteLessonEvent('simulation-compared');
      } else if (outcome.kind === 'cancelled') patch(name, { status: 'cancelled' });
      else patch(name, { status: 'error', error: outcome.message, progress: null });
    });
  };

  return {
    slots: { A: slot(DEFAULT_SCENARIO), B: slot(DEFAULT_B) },
    compare: false,
    editing: 'A',
    notice: null,

    setScenario(name, scenario) {
      patch(name, { scenario, problems: validateScenario(scenario) });
    },

    setCompare(compare) {
      set({ compare, ...(compare ? {} : { editing: 'A' as const }) });
    },

    setEditing(editing) {
      set({ editing });
    },

    run() {
      const { compare, slots } = get();
      const names: SlotName[] = compare ? ['A', 'B'] : ['A'];
      if (names.some((n) => slots[n].problems.length > 0)) return;
      set({ notice: null });
      for (const n of names) runSlot(n);
    },

    cancel() {
      for (const name of ['A', 'B'] as const) {
        const run = runs[name];
        if (!run) continue;
        delete runs[name];
        run.cancel();
        patch(name, { status: 'cancelled' });
      }
    },

    profileFromLiveRuns(name) {
      const { scenario } = get().slots[name];
      const memoryMb = scenario.function.memoryMb;
      const { durationsMs, initsMs, memorySizes, cpuFraction } = liveSamples(memoryMb);
      if (durationsMs.length === 0) {
        const seen = memorySizes.length > 0 ? ` Live runs so far used ${memorySizes.map((m) => `${m} MB`).join(', ')}.` : ' There are no live runs yet.';
        set({ notice: `No successful live invocation at ${memoryMb} MB to profile: invoke the function (or run a load) at ${memoryMb} MB first.${seen}` });
        return;
      }
      const next: Scenario = {
        ...scenario,
        duration: { model: 'profiled', samplesMs: durationsMs, memoryMb },
        // What share of those durations was CPU: a B at another memory size then scales them as live mode would.
        cpu: { memoryMb, cpuFraction: Math.round(cpuFraction * 1000) / 1000 },
        ...(initsMs.length > 0 ? { initDuration: { model: 'profiled' as const, samplesMs: initsMs, memoryMb } } : {}),
      };
      get().setScenario(name, next);
      set({ notice: `Profiled from ${durationsMs.length.toLocaleString('en-US')} live invocations at ${memoryMb} MB (${initsMs.length} cold starts).` });
    },

    loadScenarioText(name, text) {
      const { scenario, problems } = readScenario(text);
      if (problems.length > 0 && problems[0]?.startsWith('Not JSON')) {
        set({ notice: problems[0] ?? null });
        return;
      }
      patch(name, { scenario, problems });
      set({ notice: problems.length > 0 ? 'Loaded, with problems to fix before it can run.' : 'Scenario loaded.' });
    },
  };
});
