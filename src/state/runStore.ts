import { create } from 'zustand';
import type { BillingGranularityMs } from '../core/billing';
import { arrivalTimes, DEFAULT_LOAD_PLAN, validateLoadPlan, type LoadPlan, type LoadProgress, type LoadRunState } from '../core/loadPattern';
import { DEFAULT_SETTINGS, validateSettings, type PlatformSettings, type SettingProblem } from '../core/platformSettings';
import type { PlatformCommand } from '../core/platformTypes';
import { LoadRunner } from '../bridge/loadRunner';
import { wallClock } from '../bridge/liveDriver';
import { applySettings, currentDriver, driverFor, onPlatformCommands } from './driverHolder';
import { usePlayground } from './playgroundStore';
import { RunRecorder } from './runRecorder';
import { countSent, resetSent } from './sentCounter';

/** How often what the recorder saw is published to React: batched, never one render per invocation. */
const PUBLISH_MS = 250;

export interface BillOptions {
  freeTier: boolean;
  granularityMs: BillingGranularityMs;
}

export interface RunState {
  settings: PlatformSettings;
  settingsProblems: SettingProblem[];
  plan: LoadPlan;
  loadState: LoadRunState;
  progress: LoadProgress | null;
  /** Why the last Start was refused (invalid function, settings or plan). */
  startProblem: string | null;
  /** Bumped when the recorder has news: components re-read `runRecorder()` then. */
  version: number;
  billOptions: BillOptions;
  setSettings(settings: PlatformSettings): void;
  setPlan(plan: LoadPlan): void;
  setBillOptions(options: BillOptions): void;
  startLoad(): void;
  pauseLoad(): void;
  resumeLoad(): void;
  stopLoad(): void;
  /** Forget the run so far (timeline, metrics, bill, summary); environments stay. */
  resetRun(): void;
}

let recorder = new RunRecorder(wallClock.now());
let runner: LoadRunner | null = null;
let publishTimer: ReturnType<typeof setTimeout> | null = null;

/** What the timeline, metrics, bill and summary read. Replaced by `resetRun`. */
export function runRecorder(): RunRecorder {
  return recorder;
}

function observe(commands: readonly PlatformCommand[]): void {
  for (const c of commands) recorder.observe(c);
  if (publishTimer === null) {
    publishTimer = setTimeout(() => {
      publishTimer = null;
      useRun.setState((s) => ({ version: s.version + 1 }));
    }, PUBLISH_MS);
  }
}

onPlatformCommands(observe);

/** A fresh recorder that already knows the environments alive now (provisioned ones above all). */
function freshRecorder(settings: PlatformSettings): RunRecorder {
  const now = wallClock.now();
  const next = new RunRecorder(now);
  const driver = currentDriver();
  if (!driver) return next;
  const { memoryMb, architecture } = usePlayground.getState().config;
  if (settings.provisionedConcurrency > 0) {
    next.observe({ type: 'notice', notice: { kind: 'provisioned', atMs: now, count: settings.provisionedConcurrency, memoryMb, architecture } });
  }
  for (const env of driver.environments()) {
    next.observe({ type: 'notice', notice: { kind: 'environment', atMs: now, envId: env.envId, state: env.state, provisioned: env.provisioned, memoryMb } });
  }
  return next;
}

export const useRun = create<RunState>()((set, get) => ({
  settings: DEFAULT_SETTINGS,
  settingsProblems: [],
  plan: DEFAULT_LOAD_PLAN,
  loadState: 'idle',
  progress: null,
  startProblem: null,
  version: 0,
  billOptions: { freeTier: false, granularityMs: 1 },

  setSettings(settings) {
    const settingsProblems = validateSettings(settings);
    set({ settings, settingsProblems });
    if (settingsProblems.length > 0) return;
    const { config, problems } = usePlayground.getState();
    applySettings(settings, problems.length === 0 ? config : null);
  },

  setPlan(plan) {
    set({ plan });
  },

  setBillOptions(billOptions) {
    set({ billOptions });
  },

  startLoad() {
    if (runner && (runner.state === 'running' || runner.state === 'paused')) return;
    const { plan, settings, settingsProblems } = get();
    const { config, problems, eventText } = usePlayground.getState();
    const refusal = [...problems, ...settingsProblems, ...validateLoadPlan(plan)].map((p) => p.message);
    if (refusal.length > 0) {
      set({ startProblem: refusal.join('\n') });
      return;
    }
    const driver = driverFor(config);
    get().resetRun();
    const send = plan.invocationType === 'Event' ? (): unknown => driver.invokeAsync(eventText) : (): unknown => driver.invoke(eventText);
    runner = new LoadRunner({
      arrivals: arrivalTimes(plan),
      durationMs: plan.durationS * 1000,
      send: () => {
        countSent();
        send();
      },
      onProgress: (progress) => set({ progress, loadState: progress.state }),
    });
    set({ startProblem: null, settings });
    runner.start();
  },

  pauseLoad() {
    runner?.pause();
  },

  resumeLoad() {
    runner?.resume();
  },

  stopLoad() {
    runner?.stop();
  },

  resetRun() {
    recorder = freshRecorder(get().settings);
    resetSent();
    set({ version: 0, progress: null });
  },
}));
