import { create } from 'zustand';
import { DEFAULT_CONFIG, validateConfig, type ConfigProblem, type FunctionConfig } from '../core/functionConfig';
import type { InvocationRecord, LogLine } from '../core/invocationRecord';
import type { PlatformCommand } from '../core/platformTypes';
import type { InvokeResult } from '../bridge/liveDriver';
import { InvokeAbortedError } from '../bridge/invokeWaiters';
import { onSessionStart, session } from './currentSession';
import { EXAMPLE_CODE, EXAMPLE_EVENT } from './exampleFunction';
import { appendLogs, type LogGap, type LogGroupMark } from './appendLogs';
import { LogFeed } from './logFeed';
import { countSent } from './sentCounter';
import { invokeTarget } from './versionsStore';
import { runtimeSwitch } from './runtimeSwitch';
import { feedTraces } from './traceFeed';
import { functionLayersProblemText, useLayers } from './layersStore';

export type { InvokeResult };

const MAX_HISTORY = 200;
/** Log lines of invocations arrive in batches, not one render per invocation. */
const LOG_FLUSH_MS = 200;

/** One function of the workspace, with what its panels show. */
export interface FunctionEntry {
  id: string;
  /** The function as edited; deployed to the platform on the next invoke. */
  config: FunctionConfig;
  eventText: string;
  inFlight: number;
  /** The most recent result of the Invoke button, for the Response panel. */
  last: InvokeResult | null;
  /** The function's log stream, oldest first: every invocation's lines, whatever invoked it. */
  logs: LogLine[];
  /** Where lines of a load run past the function's window are counted instead of shown. */
  logGaps: LogGap[];
  /** Where each invocation's lines begin in `logs`, with what the Logs panel says of it. */
  logGroups: LogGroupMark[];
  history: InvocationRecord[];
  /** Named test events kept beside the function (the workspace saves and shares them). */
  savedEvents?: { name: string; json: string }[];
}

/** A function as a saved or shared workspace gives it back. */
export interface FunctionSeed {
  config: FunctionConfig;
  eventText: string;
  savedEvents: { name: string; json: string }[];
}

export interface PlaygroundState {
  functions: FunctionEntry[];
  selectedId: string;
  /** The selected function's fields, for the editor, the form and the panels. */
  config: FunctionConfig;
  /** Derived from `config`: what Lambda would reject. */
  problems: ConfigProblem[];
  eventText: string;
  inFlight: number;
  last: InvokeResult | null;
  logs: LogLine[];
  logGaps: LogGap[];
  /** Where each invocation's lines begin in `logs`, with what the Logs panel says of it. */
  logGroups: LogGroupMark[];
  history: InvocationRecord[];
  setConfig(patch: Partial<FunctionConfig>): void;
  /** Change any function's configuration (the selected one's is `setConfig`). */
  setFunctionConfig(id: string, patch: Partial<FunctionConfig>): void;
  setEventText(text: string): void;
  invoke(): Promise<void>;
  clearLogs(): void;
  selectFunction(id: string): void;
  addFunction(): string;
  removeFunction(id: string): void;
  /** Replace the selected function's saved (named) test events. */
  setSavedEvents(savedEvents: { name: string; json: string }[]): void;
  /** Replace every function (opening a saved or shared workspace): their environments go, new ones start on the next invoke. */
  replaceFunctions(seeds: readonly FunctionSeed[], selectedIndex: number): void;
}

const initialConfig: FunctionConfig = { ...DEFAULT_CONFIG, code: EXAMPLE_CODE };
let nextFunctionNumber = 2;

function entry(id: string, config: FunctionConfig, eventText = EXAMPLE_EVENT): FunctionEntry {
  return { id, config, eventText, inFlight: 0, last: null, logs: [], logGaps: [], logGroups: [], history: [] };
}

/** What Lambda would reject, and a name another function of the workspace already has (Lambda's ResourceConflictException). */
export function problemsOf(f: FunctionEntry, functions: readonly FunctionEntry[]): ConfigProblem[] {
  const problems = validateConfig(f.config);
  const layers = functionLayersProblemText(f.config);
  if (layers) problems.push({ field: 'layers', message: layers });
  if (functions.some((other) => other.id !== f.id && other.config.name === f.config.name)) {
    problems.push({ field: 'name', message: `Function already exist: ${f.config.name}` });
  }
  return problems;
}

function mirror(f: FunctionEntry, functions: readonly FunctionEntry[]): Pick<PlaygroundState, 'config' | 'problems' | 'eventText' | 'inFlight' | 'last' | 'logs' | 'logGaps' | 'logGroups' | 'history'> {
  return { config: f.config, problems: problemsOf(f, functions), eventText: f.eventText, inFlight: f.inFlight, last: f.last, logs: f.logs, logGaps: f.logGaps, logGroups: f.logGroups, history: f.history };
}

/** A name not taken in the workspace: `my-function-2`, … */
function freeName(taken: readonly FunctionEntry[]): string {
  const names = new Set(taken.map((f) => f.config.name));
  for (let n = 2; ; n += 1) if (!names.has(`my-function-${n}`)) return `my-function-${n}`;
}

export const usePlayground = create<PlaygroundState>()((set, get) => {
  /** Change one function, wherever it is shown. */
  const update = (id: string, change: (f: FunctionEntry) => Partial<FunctionEntry>): void => {
    set((s) => {
      const functions = s.functions.map((f) => (f.id === id ? { ...f, ...change(f) } : f));
      const selected = functions.find((f) => f.id === s.selectedId);
      return selected ? { functions, ...mirror(selected, functions) } : { functions };
    });
  };

  return {
    functions: [entry('fn-1', initialConfig)],
    selectedId: 'fn-1',
    ...mirror(entry('fn-1', initialConfig), []),

    setConfig(patch) {
      const { selectedId } = get();
      update(selectedId, (f) => ({ config: { ...f.config, ...runtimeSwitch(f.config, patch) } }));
    },

    setFunctionConfig(id, patch) {
      update(id, (f) => ({ config: { ...f.config, ...runtimeSwitch(f.config, patch) } }));
    },

    setEventText(eventText) {
      update(get().selectedId, () => ({ eventText }));
    },

    async invoke() {
      const { config, problems, eventText, selectedId: id } = get();
      if (problems.length > 0) {
        const errorMessage = problems.map((p) => p.message).join('\n');
        update(id, () => ({ last: { kind: 'rejected', statusCode: 400, error: { errorType: 'ValidationException', errorMessage, trace: [] } } }));
        return;
      }
      // The version or alias chosen beside the button (an alias picks a version by its weights).
      const target = invokeTarget(id, config);
      if ('problem' in target) {
        update(id, () => ({ last: { kind: 'rejected', statusCode: 404, error: { errorType: target.problem.errorType, errorMessage: target.problem.message, trace: [] } } }));
        return;
      }
      update(id, (f) => ({ inFlight: f.inFlight + 1 }));
      countSent(id);
      let result: InvokeResult;
      try {
        result = await target.driver.invoke(eventText, { origin: 'Invoke button', ...(target.qualifier ? { qualifier: target.qualifier } : {}) });
      } catch (error) {
        // The function was removed (or the session ended) before the answer came: nothing is left to show it on.
        update(id, (f) => ({ inFlight: Math.max(0, f.inFlight - 1) }));
        if (error instanceof InvokeAbortedError) return;
        throw error;
      }
      // Asked for by the user: its lines are shown even during a load run.
      if (result.kind === 'finished') logFeed.pin(result.record.requestId);
      update(id, (f) => ({
        inFlight: f.inFlight - 1,
        last: result,
        history: result.kind === 'finished' ? [...f.history, result.record].slice(-MAX_HISTORY) : f.history,
      }));
    },

    clearLogs() {
      update(get().selectedId, () => ({ logs: [], logGaps: [], logGroups: [] }));
    },

    selectFunction(id) {
      const f = get().functions.find((x) => x.id === id);
      if (f) set((s) => ({ selectedId: id, ...mirror(f, s.functions) }));
    },

    addFunction() {
      const id = `fn-${nextFunctionNumber++}`;
      const config: FunctionConfig = { ...initialConfig, name: freeName(get().functions) };
      set((s) => ({ functions: [...s.functions, entry(id, config)] }));
      get().selectFunction(id);
      return id;
    },

    removeFunction(id) {
      const { functions, selectedId } = get();
      if (functions.length <= 1) return;
      session().disposeDriver(id);
      const rest = functions.filter((f) => f.id !== id);
      set({ functions: rest });
      if (selectedId === id && rest[0]) get().selectFunction(rest[0].id);
    },

    setSavedEvents(savedEvents) {
      update(get().selectedId, () => ({ savedEvents }));
    },

    replaceFunctions(seeds, selectedIndex) {
      for (const f of get().functions) session().disposeDriver(f.id);
      const functions = seeds.map((seed) => ({ ...entry(`fn-${nextFunctionNumber++}`, seed.config, seed.eventText), savedEvents: seed.savedEvents }));
      const selected = functions[selectedIndex] ?? functions[0];
      if (!selected) return;
      set({ functions, selectedId: selected.id, ...mirror(selected, functions) });
    },
  };
});

// A layer version published (or a workspace's layers restored) may make a function's layer list valid or not: the shown problems follow.
useLayers.subscribe((state, prev) => {
  if (state.layers === prev.layers) return;
  const { functions, selectedId } = usePlayground.getState();
  const selected = functions.find((f) => f.id === selectedId);
  if (selected) usePlayground.setState({ problems: problemsOf(selected, functions) });
});

/** Every invocation's log lines go to its function's log stream, in batches; during a load run, a bounded window of them. */
export const logFeed = new LogFeed((functionId, ticket) => session().originOf(functionId, ticket));
let logTimer: unknown = null;

/** The platform's commands of one function: their log lines are shown at the next flush. */
export function showInvocationLogs(functionId: string, commands: readonly PlatformCommand[]): void {
  if (!logFeed.receive(functionId, commands) || logTimer !== null) return;
  logTimer = session().timers.setTimeout(() => {
    logTimer = null;
    const batches = logFeed.take();
    const { functions, selectedId } = usePlayground.getState();
    const next = functions.map((f) => {
      const list = batches.get(f.id);
      if (!list) return f;
      // Each batch carries the window in force when it arrived.
      const view = appendLogs({ logs: f.logs, gaps: f.logGaps, groups: f.logGroups }, list, null);
      return { ...f, logs: view.logs, logGaps: view.gaps, logGroups: view.groups ?? [] };
    });
    const selected = next.find((f) => f.id === selectedId);
    usePlayground.setState(selected ? { functions: next, logs: selected.logs, logGaps: selected.logGaps, logGroups: selected.logGroups } : { functions: next });
  }, LOG_FLUSH_MS);
}

onSessionStart((s) => {
  // A flush pending on the last session's timers will not fire: this session starts its own.
  logTimer = null;
  s.onPlatformCommands(showInvocationLogs);
  s.onPlatformCommands((functionId, commands) =>
    feedTraces(commands, () => usePlayground.getState().functions.find((f) => f.id === functionId)?.config.name ?? functionId, (ticket) => s.refusedTraceOf(functionId, ticket)),
  );
});
