import { create } from 'zustand';
import { DEFAULT_CONFIG, validateConfig, type ConfigProblem, type FunctionConfig } from '../core/functionConfig';
import type { InvocationRecord, LogLine } from '../core/invocationRecord';
import type { InvokeResult } from '../bridge/liveDriver';
import { driverFor } from './driverHolder';
import { countSent } from './sentCounter';

export type { InvokeResult };
import { EXAMPLE_CODE, EXAMPLE_EVENT } from './exampleFunction';

const MAX_LOG_LINES = 5_000;
const MAX_HISTORY = 200;

export interface PlaygroundState {
  /** The function as edited; deployed to the platform on the next invoke. */
  config: FunctionConfig;
  /** Derived from `config`: what Lambda would reject. */
  problems: ConfigProblem[];
  eventText: string;
  inFlight: number;
  /** The most recent result, for the Response panel. */
  last: InvokeResult | null;
  /** The function's log stream, oldest first. */
  logs: LogLine[];
  history: InvocationRecord[];
  setConfig(patch: Partial<FunctionConfig>): void;
  setEventText(text: string): void;
  invoke(): Promise<void>;
  clearLogs(): void;
}

const initialConfig: FunctionConfig = { ...DEFAULT_CONFIG, code: EXAMPLE_CODE };

export const usePlayground = create<PlaygroundState>()((set, get) => ({
  config: initialConfig,
  problems: validateConfig(initialConfig),
  eventText: EXAMPLE_EVENT,
  inFlight: 0,
  last: null,
  logs: [],
  history: [],

  setConfig(patch) {
    const config = { ...get().config, ...patch };
    set({ config, problems: validateConfig(config) });
  },

  setEventText(eventText) {
    set({ eventText });
  },

  async invoke() {
    const { config, problems, eventText } = get();
    if (problems.length > 0) {
      const errorMessage = problems.map((p) => p.message).join('\n');
      set({ last: { kind: 'rejected', statusCode: 400, error: { errorType: 'ValidationException', errorMessage, trace: [] } } });
      return;
    }
    set((s) => ({ inFlight: s.inFlight + 1 }));
    countSent();
    const result = await driverFor(config).invoke(eventText);
    set((s) => ({
      inFlight: s.inFlight - 1,
      last: result,
      logs: result.kind === 'finished' ? [...s.logs, ...result.logs].slice(-MAX_LOG_LINES) : s.logs,
      history: result.kind === 'finished' ? [...s.history, result.record].slice(-MAX_HISTORY) : s.history,
    }));
  },

  clearLogs() {
    set({ logs: [] });
  },
}));
