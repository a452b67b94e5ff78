import { EventBridge } from '../core/sources/eventBridge';
import type { HttpTrigger } from '../core/sources/httpTrigger';
import type { HttpFormat } from '../core/sources/httpTypes';
import { S3Bucket } from '../core/sources/s3Bucket';
import { SnsTopic } from '../core/sources/snsTopic';
import { SqsEventSourceMapping } from '../core/sources/sqsEventSourceMapping';
import type { StreamEventSourceMapping } from '../core/sources/streamEventSourceMapping';
import type { WorkspaceTrigger } from '../core/workspace/workspaceTypes';
import { usePlayground } from './playgroundStore';
import { sourceById, sourceContext, useSources } from './sourcesStore';
import { restoreStreamTrigger } from './streamTriggers';
import { addTrigger, EVENTBRIDGE_ID } from './triggerFactories';

/**
 * The workspace keeps each trigger's settings, read from its source's view,
 * and rebuilds the sources from them; their contents (objects, messages,
 * records, deliveries) stay behind.
 */
export function captureTriggers(): WorkspaceTrigger[] {
  const specs: WorkspaceTrigger[] = [];
  for (const t of useSources.getState().triggers) {
    const fn = t.functionNames[0] ?? '';
    switch (t.kind) {
      case 'http': {
        const source = sourceById<HttpTrigger>(t.sourceId);
        if (source) specs.push({ type: 'http', function: fn, format: source.view().format });
        break;
      }
      case 's3': {
        const v = sourceById<S3Bucket>(t.sourceId)?.view();
        if (v) specs.push({ type: 's3', bucket: v.bucketName, notifications: v.notifications.map(({ functionName, ...n }) => ({ ...n, function: functionName, events: [...n.events] })) });
        break;
      }
      case 'sqs': {
        const v = sourceById<SqsEventSourceMapping>(t.sourceId)?.view();
        if (v) specs.push({ type: 'sqs', queue: v.queue.name, function: v.functionName, settings: { ...v.settings } });
        break;
      }
      case 'sns': {
        const v = sourceById<SnsTopic>(t.sourceId)?.view();
        if (v) specs.push({ type: 'sns', topic: v.topicName, subscriptions: v.subscriptions.map((s) => ({ function: s.functionName, filterPolicy: s.filterPolicy })) });
        break;
      }
      case 'eventbridge': {
        const v = sourceById<EventBridge>(t.sourceId)?.view();
        if (!v) break;
        specs.push({
          type: 'eventbridge',
          bus: v.busName,
          schedules: v.schedules.map((s) => ({ name: s.name, expression: s.expression, function: s.functionName, enabled: s.enabled })),
          rules: v.rules.map((r) => ({ name: r.name, pattern: r.patternText, function: r.functionName })),
        });
        break;
      }
      case 'dynamodb':
      case 'kinesis': {
        const v = sourceById<StreamEventSourceMapping>(t.sourceId)?.view();
        if (!v) break;
        const common = { function: v.functionName, shards: v.source.shards.length, startingPosition: v.startingPosition, settings: { ...v.settings } };
        if (v.source.kind === 'dynamodb') {
          const { partitionKey, sortKey } = v.source.keySchema;
          specs.push({ type: 'dynamodb', table: v.source.tableName, partitionKey: { ...partitionKey }, ...(sortKey ? { sortKey: { ...sortKey } } : {}), streamViewType: v.source.streamViewType, ...common });
        } else specs.push({ type: 'kinesis', stream: v.source.streamName, ...common });
        break;
      }
    }
  }
  return specs;
}

/** Every trigger and its source goes (timers cleared, polling stopped). */
export function removeAllTriggers(): void {
  const store = useSources.getState();
  for (const t of store.triggers) {
    const source = sourceById(t.sourceId);
    if (source instanceof SqsEventSourceMapping) store.act(t.sourceId, (out) => source.dispose(out));
    else if (t.kind === 'dynamodb' || t.kind === 'kinesis') store.act(t.sourceId, (out) => (source as StreamEventSourceMapping).stop(out));
    store.removeTrigger(t.sourceId);
  }
}

const HTTP_CHOICE: Record<HttpFormat, 'rest-api' | 'http-api' | 'function-url'> = { 'rest-v1': 'rest-api', 'http-v2': 'http-api', 'function-url': 'function-url' };
const refusal = (r: { ok: boolean; message?: string }): string | null => (r.ok ? null : (r.message ?? 'refused'));

function restoreOne(t: WorkspaceTrigger): string | null {
  const store = useSources.getState();
  const id = (prefix: string, name: string): string => `${prefix}-${name}`.replace(/[^A-Za-z0-9._-]/g, '-');
  switch (t.type) {
    case 'http':
      return addTrigger(HTTP_CHOICE[t.format], t.function, { name: '', detail: '' });
    case 's3': {
      const sourceId = id('s3', t.bucket);
      const bucket = new S3Bucket(sourceContext, { id: sourceId, bucketName: t.bucket });
      store.register({ sourceId, kind: 's3', functionNames: [...new Set(t.notifications.map((n) => n.function))] }, bucket);
      const problems = t.notifications.map((n) => {
        let result: string | null = null;
        store.act(sourceId, (out) => {
          result = refusal(bucket.addNotification({ id: n.id, functionName: n.function, events: n.events, prefix: n.prefix, suffix: n.suffix }, out));
        });
        return result;
      });
      return problems.find((p) => p !== null) ?? null;
    }
    case 'sqs': {
      const sourceId = id('sqs', t.queue);
      const fn = usePlayground.getState().functions.find((f) => f.config.name === t.function);
      const mapping = new SqsEventSourceMapping(sourceContext, { ...t.settings, id: sourceId, functionName: t.function, queueName: t.queue, functionTimeoutS: fn?.config.timeoutS ?? 3 });
      store.register({ sourceId, kind: 'sqs', functionNames: [t.function] }, mapping);
      return null;
    }
    case 'sns': {
      const sourceId = id('sns', t.topic);
      const topic = new SnsTopic(sourceContext, { id: sourceId, topicName: t.topic });
      store.register({ sourceId, kind: 'sns', functionNames: [...new Set(t.subscriptions.map((s) => s.function))] }, topic);
      let problem: string | null = null;
      for (const s of t.subscriptions) store.act(sourceId, (out) => (problem ??= refusal(topic.subscribe(s.function, s.filterPolicy ?? undefined, out))));
      return problem;
    }
    case 'eventbridge': {
      const functions = [...new Set([...t.schedules.map((s) => s.function), ...t.rules.map((r) => r.function)])];
      // The one bus of the workspace, the one the views and "Add trigger" use.
      if (sourceById(EVENTBRIDGE_ID)) for (const f of functions) store.addTarget(EVENTBRIDGE_ID, f);
      else store.register({ sourceId: EVENTBRIDGE_ID, kind: 'eventbridge', functionNames: functions }, new EventBridge(sourceContext, { id: EVENTBRIDGE_ID, busName: t.bus }));
      const bus = sourceById<EventBridge>(EVENTBRIDGE_ID)!;
      let problem: string | null = null;
      for (const s of t.schedules) store.act(EVENTBRIDGE_ID, (out) => (problem ??= refusal(bus.addSchedule({ name: s.name, expression: s.expression, functionName: s.function, enabled: s.enabled }, out))));
      for (const r of t.rules) store.act(EVENTBRIDGE_ID, (out) => (problem ??= refusal(bus.addRule({ name: r.name, pattern: r.pattern, functionName: r.function }, out))));
      return problem;
    }
    case 'dynamodb':
      return restoreStreamTrigger('dynamodb', t.table, t.function, t.shards, {
        keySchema: { partitionKey: t.partitionKey, ...(t.sortKey ? { sortKey: t.sortKey } : {}) },
        streamViewType: t.streamViewType,
        startingPosition: t.startingPosition,
        settings: t.settings,
      });
    case 'kinesis':
      return restoreStreamTrigger('kinesis', t.stream, t.function, t.shards, { startingPosition: t.startingPosition, settings: t.settings });
  }
}

/** Rebuild the triggers of a workspace; returns what could not be rebuilt, in words. */
export function restoreTriggers(triggers: readonly WorkspaceTrigger[]): string[] {
  const problems: string[] = [];
  for (const t of triggers) {
    try {
      const problem = restoreOne(t);
      if (problem) problems.push(`${t.type} trigger: ${problem}`);
    } catch (err) {
      problems.push(`${t.type} trigger: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}
