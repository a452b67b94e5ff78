import { create } from 'zustand';
import { validateConfig } from '../core/functionConfig';
import { functionLayersProblemText } from './layersStore';
import { splitQualifiedName } from '../core/functionVersions';
import { createRandom } from '../core/random';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, type EventSource, type SourceCommand, type SourceContext } from '../core/sources/sourceTypes';
import type { TriggerType } from '../core/triggers/triggerKinds';
import { onSessionStart, session } from './currentSession';
import { usePlayground } from './playgroundStore';
import { countSent } from './sentCounter';
import { targetFor } from './versionsStore';
import type { InvokeTarget } from '../bridge/sourceHub';
import { awsServicePorts } from './awsServicePorts';

/** The kinds of trigger a function can have (src/core/triggers/triggerKinds.ts). */
export type TriggerKind = TriggerType;

export interface TriggerEntry {
  sourceId: string;
  kind: TriggerKind;
  /** The functions it invokes (an SNS topic or an EventBridge bus may have several). */
  functionNames: string[];
}

export interface SourceLogLine {
  sourceId: string;
  atMs: number;
  text: string;
}

const MAX_SOURCE_LOG = 500;
const PUBLISH_MS = 150;

export interface SourcesState {
  triggers: TriggerEntry[];
  /** Bumped (batched) when a source's view changed: source views re-read `sourceById()` then. */
  version: number;
  log: SourceLogLine[];
  register(entry: TriggerEntry, source: EventSource): void;
  addTarget(sourceId: string, functionName: string): void;
  removeTrigger(sourceId: string): void;
  /** A user action on a source. */
  act(sourceId: string, action: (out: SourceCommand[]) => void): void;
}

/** What every source is built with: platform time, a seeded generator, the platform-wait scale in force (for views). */
export const sourceContext: SourceContext = {
  clock: { now: () => session().now() },
  random: createRandom(Date.now() >>> 0),
  region: DEFAULT_REGION,
  accountId: DEFAULT_ACCOUNT,
  waitScale: () => session().currentSettings().waitScale,
};

/** How the logs name what a source's invocation came from: its kind, then its name ("SQS queue orders"). */
const KIND_LABELS: Record<TriggerKind, string> = {
  http: 'HTTP',
  s3: 'S3 bucket',
  sqs: 'SQS queue',
  sns: 'SNS topic',
  eventbridge: 'EventBridge',
  kinesis: 'Kinesis stream',
  dynamodb: 'DynamoDB stream',
};

function originLabel(sourceId: string): string {
  const entry = useSources.getState().triggers.find((t) => t.sourceId === sourceId);
  if (!entry) return sourceId;
  const name = sourceId.startsWith(`${entry.kind}-`) ? sourceId.slice(entry.kind.length + 1) : sourceId;
  return `${KIND_LABELS[entry.kind] ?? entry.kind} ${name}`;
}

let publishTimer: unknown = null;
let pendingLog: SourceLogLine[] = [];

function publishSoon(): void {
  if (publishTimer !== null) return;
  publishTimer = session().timers.setTimeout(() => {
    publishTimer = null;
    const lines = pendingLog;
    pendingLog = [];
    useSources.setState((s) => ({ version: s.version + 1, log: lines.length > 0 ? [...s.log, ...lines].slice(-MAX_SOURCE_LOG) : s.log }));
  }, PUBLISH_MS);
}

/**
 * The function a trigger or an SDK call names (`name`, or `name:qualifier`
 * for a version or an alias, as Lambda's FunctionName), ready to invoke
 * through its platform; null when there is no such function or it cannot
 * be deployed. `origin` names the cause in its logs.
 */
export function invokeTargetFor(functionName: string, origin: string): InvokeTarget | null {
  // A trigger may name a version or an alias (`name:live`); an alias picks a version per request.
  const { name, qualifier } = splitQualifiedName(functionName);
  const f = usePlayground.getState().functions.find((x) => x.config.name === name);
  if (!f || validateConfig(f.config).length > 0 || functionLayersProblemText(f.config) !== null || 'problem' in targetFor(f.id, f.config, qualifier)) return null;
  const target = () => {
    const t = targetFor(f.id, f.config, qualifier);
    if ('problem' in t) throw new Error(`${t.problem.errorType}: ${t.problem.message}`);
    return { driver: t.driver, options: { origin, ...(t.qualifier ? { qualifier: t.qualifier } : {}) } };
  };
  return {
    invoke: async (payload, traceHeader) => {
      const { driver, options } = target();
      countSent(f.id);
      return driver.invoke(payload, { ...options, ...(traceHeader ? { traceHeader } : {}) });
    },
    invokeAsync: async (payload, traceHeader) => {
      const { driver, options } = target();
      countSent(f.id);
      return driver.invokeAsync(payload, { ...options, ...(traceHeader ? { traceHeader } : {}) });
    },
  };
}

onSessionStart((s) => {
  // A publish pending on the last session's timers will not fire: this session starts its own.
  publishTimer = null;
  s.services.wire(awsServicePorts(s, invokeTargetFor));
  s.wireSources({
    resolve: (functionName, sourceId) => invokeTargetFor(functionName, originLabel(sourceId)),
    onChanged: () => publishSoon(),
    onLog: (sourceId, atMs, text) => {
      pendingLog.push({ sourceId, atMs, text });
      publishSoon();
    },
  });
});

/** A source of the workspace, for its view. */
export function sourceById<T extends EventSource>(id: string): T | undefined {
  return session().sources.get<T>(id);
}

export const useSources = create<SourcesState>()((set, get) => ({
  triggers: [],
  version: 0,
  log: [],

  register(entry, source) {
    session().sources.add(source);
    set((s) => ({ triggers: [...s.triggers, entry] }));
  },

  addTarget(sourceId, functionName) {
    set((s) => ({
      triggers: s.triggers.map((t) => (t.sourceId === sourceId && !t.functionNames.includes(functionName) ? { ...t, functionNames: [...t.functionNames, functionName] } : t)),
    }));
  },

  removeTrigger(sourceId) {
    session().sources.remove(sourceId);
    set((s) => ({ triggers: s.triggers.filter((t) => t.sourceId !== sourceId) }));
  },

  act(sourceId, action) {
    if (!get().triggers.some((t) => t.sourceId === sourceId)) return;
    session().sources.act(sourceId, action);
  },
}));
