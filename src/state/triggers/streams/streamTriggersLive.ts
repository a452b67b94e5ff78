import type { StreamEventSourceMapping } from '../../../core/sources/streamEventSourceMapping';
import { sourceById, useSources, type TriggerEntry } from '../../sourcesStore';
import { triggerKindLive } from '../triggerKindLive';
import { addStreamTrigger, restoreStreamTrigger } from './streamTriggers';

function captureStream(entry: TriggerEntry) {
  const v = sourceById<StreamEventSourceMapping>(entry.sourceId)?.view();
  if (!v) return null;
  return { function: v.functionName, shards: v.source.shards.length, startingPosition: v.startingPosition, settings: { ...v.settings }, source: v.source };
}

function stop(entry: TriggerEntry): void {
  const mapping = sourceById<StreamEventSourceMapping>(entry.sourceId);
  if (mapping) useSources.getState().act(entry.sourceId, (out) => mapping.stop(out));
}

/** A DynamoDB table's stream and its event source mapping. */
export const dynamodbTriggerLive = triggerKindLive({
  type: 'dynamodb',
  choices: [{ choice: 'dynamodb', label: 'DynamoDB stream', nameLabel: 'Table name', namePlaceholder: 'my-table', detailLabel: 'Shards', detailPlaceholder: '1', add: (fn, o) => addStreamTrigger('dynamodb', fn, o) }],
  capture(entry) {
    const c = captureStream(entry);
    if (!c || c.source.kind !== 'dynamodb') return null;
    const { source, ...common } = c;
    const { partitionKey, sortKey } = source.keySchema;
    return { type: 'dynamodb', table: source.tableName, partitionKey: { ...partitionKey }, ...(sortKey ? { sortKey: { ...sortKey } } : {}), streamViewType: source.streamViewType, ...common };
  },
  restore: (t) =>
    restoreStreamTrigger('dynamodb', t.table, t.function, t.shards, {
      keySchema: { partitionKey: t.partitionKey, ...(t.sortKey ? { sortKey: t.sortKey } : {}) },
      streamViewType: t.streamViewType,
      startingPosition: t.startingPosition,
      settings: t.settings,
    }),
  dispose: stop,
});

/** A Kinesis stream and its event source mapping. */
export const kinesisTriggerLive = triggerKindLive({
  type: 'kinesis',
  choices: [{ choice: 'kinesis', label: 'Kinesis stream', nameLabel: 'Stream name', namePlaceholder: 'my-stream', detailLabel: 'Shards', detailPlaceholder: '2', add: (fn, o) => addStreamTrigger('kinesis', fn, o) }],
  capture(entry) {
    const c = captureStream(entry);
    if (!c || c.source.kind !== 'kinesis') return null;
    const { source, ...common } = c;
    return { type: 'kinesis', stream: source.streamName, ...common };
  },
  restore: (t) => restoreStreamTrigger('kinesis', t.stream, t.function, t.shards, { startingPosition: t.startingPosition, settings: t.settings }),
  dispose: stop,
});
