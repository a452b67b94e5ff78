import { create } from 'zustand';
import type { BillingGranularityMs } from '../core/billing';
import { validateConfig } from '../core/functionConfig';
import { functionLayersProblemText } from './layersStore';
import { arrivalTimes, DEFAULT_LOAD_PLAN, validateLoadPlan, type LoadPlan, type LoadProgress, type LoadRunState } from '../core/loadPattern';
import {
  DEFAULT_FUNCTION_SETTINGS,
  DEFAULT_SETTINGS,
  functionSettingsOf,
  reservationProblem,
  settingsFor,
  validateSettings,
  type FunctionSettings,
  type PlatformSettings,
  type SettingProblem,
} from '../core/platformSettings';
import type { PlatformCommand } from '../core/platformTypes';
import { LoadRunner } from '../bridge/loadRunner';

export { LIVE_ENVIRONMENT_CAP } from '../bridge/liveDriver';
export { platformNow } from './currentSession';
import { onSessionStart, platformNow, session } from './currentSession';
import { namespacedCommand } from './namespacedCommand';
import { logFeed, usePlayground } from './playgroundStore';
import { RunRecorder } from './runRecorder';
import { countSent, resetSent, sentSoFar } from './sentCounter';
import { invokeTarget, useVersions } from './versionsStore';
import { waitScaleChanged } from './triggers/eventbridge/eventBridgeId';
import { resetServiceBill } from './lazyServiceBill';

/** How often what the recorders saw is published to React: batched, never one render per invocation. */
const PUBLISH_MS = 250;
export const ALL_FUNCTIONS = '*';

export interface BillOptions {
  freeTier: boolean;
  granularityMs: BillingGranularityMs;
}

export interface RunState {
  /** The selected function's settings as the Concurrency form shows them: the account's, with the function's own. */
  settings: PlatformSettings;
  settingsProblems: SettingProblem[];
  /** The account's settings (and the playground's); their function-level fields are what a workspace from before per-function settings meant for every function. */
  accountSettings: PlatformSettings;
  /** Each function's own settings, by function id (absent: Lambda's defaults). */
  own: Record<string, FunctionSettings>;
  plan: LoadPlan;
  loadState: LoadRunState;
  progress: LoadProgress | null;
  /** Why the last Start was refused (invalid function, settings or plan). */
  startProblem: string | null;
  /** Bumped when the recorders have news: components re-read `runRecorder()` then. */
  version: number;
  billOptions: BillOptions;
  /** What the timeline, metrics and bill show: one function's id, or ALL_FUNCTIONS. */
  scope: string;
  /** Set the account's settings and the selected function's own (the form's fields), if Lambda would take them. */
  setSettings(settings: PlatformSettings): void;
  /** Change one function's own settings (the selected one's too), if Lambda would take them. */
  setOwnSettings(functionId: string, patch: Partial<FunctionSettings>): void;
  /** A workspace's settings: the account's, and each function's own by id (opening a saved or shared workspace). */
  restoreSettings(account: PlatformSettings, own: Record<string, FunctionSettings>): void;
  setPlan(plan: LoadPlan): void;
  setBillOptions(options: BillOptions): void;
  setScope(scope: string): void;
  startLoad(): void;
  pauseLoad(): void;
  resumeLoad(): void;
  stopLoad(): void;
  /** Forget the run so far (timeline, metrics, bill, summary); environments stay. */
  resetRun(): void;
}

let publishTimer: unknown = null;
/** The function whose load run has ended but whose requests are not all answered yet: its log window stays until they are. */
let windowToEnd: string | null = null;

/** End the log window of a run that ended once every request it sent has its answer (asynchronous ones delivered or given up). */
function endWindowWhenDrained(): void {
  if (windowToEnd === null) return;
  const a = runRecorder(windowToEnd).accounting(sentSoFar(windowToEnd));
  if (a.lost > 0 || a.async.stillQueued > 0) return;
  logFeed.setWindow(windowToEnd, false);
  windowToEnd = null;
}

/**
 * The recorder of one function, or of the whole workspace (ALL_FUNCTIONS).
 * One made here starts empty: it is made on the first command it must see,
 * when the platform's state already includes that command's effect.
 */
export function runRecorder(scope: string): RunRecorder {
  const { recorders } = session();
  let recorder = recorders.get(scope);
  if (!recorder) {
    recorder = new RunRecorder(platformNow());
    recorders.set(scope, recorder);
  }
  return recorder;
}

function functionIndex(id: string): { index: number; name: string } {
  const functions = usePlayground.getState().functions;
  const index = functions.findIndex((f) => f.id === id);
  return { index: Math.max(0, index), name: functions[index]?.config.name ?? id };
}

function observe(functionId: string, commands: readonly PlatformCommand[]): void {
  const own = runRecorder(functionId);
  const all = runRecorder(ALL_FUNCTIONS);
  const { index, name } = functionIndex(functionId);
  for (const c of commands) {
    own.observe(c);
    all.observe(namespacedCommand(index, name, c));
  }
  if (publishTimer === null) {
    publishTimer = session().timers.setTimeout(() => {
      publishTimer = null;
      endWindowWhenDrained();
      useRun.setState((s) => ({ version: s.version + 1 }));
    }, PUBLISH_MS);
  }
}

onSessionStart((s) => {
  // A publish pending on the last session's timers will not fire: this session starts its own.
  publishTimer = null;
  s.onPlatformCommands(observe);
});

function ownOf(own: Record<string, FunctionSettings>, functionId: string): FunctionSettings {
  return own[functionId] ?? DEFAULT_FUNCTION_SETTINGS;
}

/** The account's settings and every function's own, to the session (and the wait scale's news to the sources). */
function applyToSession(): void {
  const { accountSettings, own } = useRun.getState();
  const s = session();
  const before = s.currentSettings().waitScale;
  const { byFunction } = useVersions.getState();
  const functions = usePlayground.getState().functions.map((f) => ({
    id: f.id,
    config: f.config,
    settings: ownOf(own, f.id),
    deployable: validateConfig(f.config).length === 0 && functionLayersProblemText(f.config) === null,
    versions: byFunction[f.id],
  }));
  s.applySettings(accountSettings, functions);
  if (before !== accountSettings.waitScale) waitScaleChanged();
}

/** Another function selected: the form shows its own settings. Functions added or removed: the session hears of it. */
usePlayground.subscribe((next, prev) => {
  if (next.selectedId !== prev.selectedId) {
    const { accountSettings, own } = useRun.getState();
    useRun.setState({ settings: settingsFor(accountSettings, ownOf(own, next.selectedId)), settingsProblems: [] });
  }
  if (next.functions.length !== prev.functions.length) {
    const ids = new Set(next.functions.map((f) => f.id));
    const own = useRun.getState().own;
    if (Object.keys(own).some((id) => !ids.has(id))) useRun.setState({ own: Object.fromEntries(Object.entries(own).filter(([id]) => ids.has(id))) });
    applyToSession();
  }
});

/** A version published or an alias moved: provisioned concurrency follows the version or alias it is configured on. */
useVersions.subscribe((next, prev) => {
  if (next.byFunction !== prev.byFunction) applyToSession();
});

/** A fresh recorder that already knows the environments alive now (provisioned ones above all). */
function freshRecorder(scope: string): RunRecorder {
  const now = platformNow();
  const next = new RunRecorder(now);
  const { functions } = usePlayground.getState();
  functions.forEach((f, index) => {
    if (scope !== ALL_FUNCTIONS && scope !== f.id) return;
    const seed: PlatformCommand[] = [];
    // Provisioned concurrency is held by published versions (an alias's split by its weights); environments live in every driver of the function.
    const published = useVersions.getState().byFunction[f.id]?.versions ?? [];
    for (const [version, count] of session().provisionedOf(f.id)) {
      const config = published.find((v) => v.version === version)?.config;
      if (config && count > 0) seed.push({ type: 'notice', notice: { kind: 'provisioned', atMs: now, count, memoryMb: config.memoryMb, architecture: config.architecture, version: String(version) } });
    }
    for (const [, driver] of session().driversOf(f.id)) {
      for (const env of driver.environments()) {
        seed.push({ type: 'notice', notice: { kind: 'environment', atMs: now, envId: env.envId, state: env.state, provisioned: env.provisioned, memoryMb: env.memoryMb } });
      }
    }
    for (const c of seed) next.observe(scope === ALL_FUNCTIONS ? namespacedCommand(index, f.config.name, c) : c);
  });
  return next;
}

export const useRun = create<RunState>()((set, get) => ({
  settings: DEFAULT_SETTINGS,
  settingsProblems: [],
  accountSettings: DEFAULT_SETTINGS,
  own: {},
  plan: DEFAULT_LOAD_PLAN,
  loadState: 'idle',
  progress: null,
  startProblem: null,
  version: 0,
  billOptions: { freeTier: false, granularityMs: 1 },
  scope: ALL_FUNCTIONS,

  setSettings(settings) {
    const { functions, selectedId } = usePlayground.getState();
    const own = { ...get().own, [selectedId]: functionSettingsOf(settings) };
    const settingsProblems = validateSettings(settings);
    // The account-wide rule: all the functions' reservations together leave at least 100 unreserved.
    const shared = reservationProblem(settings.accountConcurrency, functions.map((f) => ({ name: f.config.name, reserved: ownOf(own, f.id).reservedConcurrency })));
    if (shared && !settingsProblems.some((p) => p.field === 'reservedConcurrency')) settingsProblems.push({ field: 'reservedConcurrency', message: shared.message });
    set({ settings, settingsProblems });
    if (settingsProblems.length > 0) return;
    set({ accountSettings: settings, own });
    applyToSession();
  },

  setOwnSettings(functionId, patch) {
    const { accountSettings, own } = get();
    const { functions, selectedId } = usePlayground.getState();
    if (functionId === selectedId) {
      get().setSettings({ ...get().settings, ...patch });
      return;
    }
    const next = { ...own, [functionId]: { ...ownOf(own, functionId), ...patch } };
    const refused = validateSettings(settingsFor(accountSettings, ownOf(next, functionId))).length > 0;
    if (refused || reservationProblem(accountSettings.accountConcurrency, functions.map((f) => ({ name: f.config.name, reserved: ownOf(next, f.id).reservedConcurrency })))) return;
    set({ own: next });
    applyToSession();
  },

  restoreSettings(account, own) {
    const { functions, selectedId } = usePlayground.getState();
    // Another function's settings Lambda would refuse (a tampered link) cannot run: it gets Lambda's defaults.
    const usable = Object.fromEntries(
      Object.entries(own).map(([id, o]) => [id, id === selectedId || validateSettings(settingsFor(account, o)).length === 0 ? o : DEFAULT_FUNCTION_SETTINGS]),
    );
    const settings = settingsFor(account, ownOf(usable, selectedId));
    const settingsProblems = validateSettings(settings);
    const shared = reservationProblem(account.accountConcurrency, functions.map((f) => ({ name: f.config.name, reserved: ownOf(usable, f.id).reservedConcurrency })));
    if (shared && !settingsProblems.some((p) => p.field === 'reservedConcurrency')) settingsProblems.push({ field: 'reservedConcurrency', message: shared.message });
    set({ settings, settingsProblems });
    if (settingsProblems.length > 0) return;
    set({ accountSettings: account, own: usable });
    applyToSession();
  },

  setPlan(plan) {
    set({ plan });
  },

  setBillOptions(billOptions) {
    set({ billOptions });
  },

  setScope(scope) {
    set({ scope });
  },

  startLoad() {
    const s = session();
    const running = s.loadRunner;
    if (running && (running.state === 'running' || running.state === 'paused')) return;
    const { plan, settingsProblems } = get();
    const { config, problems, eventText, selectedId } = usePlayground.getState();
    const refusal = [...problems, ...settingsProblems, ...validateLoadPlan(plan)].map((p) => p.message);
    if (refusal.length > 0) {
      set({ startProblem: refusal.join('\n') });
      return;
    }
    // The version or alias chosen beside Invoke: an alias picks a version per request, by its weights.
    const first = invokeTarget(selectedId, config);
    if ('problem' in first) {
      set({ startProblem: `${first.problem.errorType}: ${first.problem.message}` });
      return;
    }
    get().resetRun();
    // Answers are read from the recorders; a request left pending when its function or the session goes is simply dropped.
    const send = (): unknown => {
      const target = invokeTarget(selectedId, config);
      if ('problem' in target) return undefined;
      const options = target.qualifier ? { qualifier: target.qualifier } : {};
      return plan.invocationType === 'Event'
        ? target.driver.invokeAsync(eventText, { origin: 'Load test (asynchronous)', ...options }).catch(() => undefined)
        : target.driver.invoke(eventText, { origin: 'Load test', ...options }).catch(() => undefined);
    };
    // A load run's log lines would flood the Logs panel: a window of them is shown, the rest counted (the run's records keep them all).
    if (windowToEnd !== null) logFeed.setWindow(windowToEnd, false);
    windowToEnd = null;
    logFeed.setWindow(selectedId, true);
    const runner = new LoadRunner({
      now: () => s.wall.now(),
      schedule: (fire, ms) => s.timers.setTimeout(fire, ms),
      cancel: (handle) => s.timers.clearTimeout(handle),
      arrivals: arrivalTimes(plan),
      durationMs: plan.durationS * 1000,
      send: () => {
        countSent(selectedId);
        send();
      },
      onProgress: (progress) => {
        set({ progress, loadState: progress.state });
        if (progress.state === 'finished' || progress.state === 'stopped') {
          windowToEnd = selectedId;
          endWindowWhenDrained();
        }
      },
    });
    s.loadRunner = runner;
    set({ startProblem: null });
    runner.start();
  },

  pauseLoad() {
    session().loadRunner?.pause();
  },

  resumeLoad() {
    session().loadRunner?.resume();
  },

  stopLoad() {
    session().loadRunner?.stop();
  },

  resetRun() {
    const { recorders } = session();
    recorders.clear();
    // Between commands: the environments alive now are seeded into the new recorders.
    recorders.set(ALL_FUNCTIONS, freshRecorder(ALL_FUNCTIONS));
    for (const f of usePlayground.getState().functions) recorders.set(f.id, freshRecorder(f.id));
    resetSent();
    resetServiceBill();
    set((s) => ({ version: s.version + 1, progress: null }));
  },
}));
