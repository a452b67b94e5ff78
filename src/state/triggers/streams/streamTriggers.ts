import { DynamoTable, type KeySchema, type StreamViewType } from '../../../core/sources/dynamoTable';
import { KinesisStream } from '../../../core/sources/kinesisStream';
import { StreamEventSourceMapping } from '../../../core/sources/streamEventSourceMapping';
import type { SourceCommand } from '../../../core/sources/sourceTypes';
import type { StartingPosition, StreamMappingSettings } from '../../../core/sources/streamMappingSettings';
import { sourceById, sourceContext, useSources } from '../../sourcesStore';

export type StreamKind = 'dynamodb' | 'kinesis';

/** The table or stream behind each mapping, for the writes the view makes. */
const sources = new Map<string, DynamoTable | KinesisStream>();

/** What a saved workspace restores beyond the defaults of "Add trigger". */
export interface StreamTriggerOptions {
  keySchema?: KeySchema;
  streamViewType?: StreamViewType;
  startingPosition?: StartingPosition;
  settings?: Partial<StreamMappingSettings>;
}

function makeMapping(id: string, kind: StreamKind, name: string, functionName: string, shards: number, options: StreamTriggerOptions = {}): StreamEventSourceMapping {
  const source =
    kind === 'dynamodb'
      ? new DynamoTable(sourceContext, { name, keySchema: options.keySchema ?? { partitionKey: { name: 'id', type: 'S' } }, streamViewType: options.streamViewType, shardCount: shards })
      : new KinesisStream(sourceContext, { name, shardCount: shards });
  sources.set(id, source);
  return new StreamEventSourceMapping(sourceContext, { ...options.settings, id, kind, source, functionName, startingPosition: options.startingPosition ?? 'TRIM_HORIZON' });
}

/** A stream trigger with the settings a saved workspace holds (a table's keys and view type, a mapping's settings). */
export function restoreStreamTrigger(kind: StreamKind, name: string, functionName: string, shards: number, options: StreamTriggerOptions): string | null {
  const id = `${kind}-${name}`.replace(/[^A-Za-z0-9._-]/g, '-');
  if (useSources.getState().triggers.some((t) => t.sourceId === id)) return `${name} already has an event source mapping.`;
  const mapping = makeMapping(id, kind, name, functionName, shards, options);
  const store = useSources.getState();
  store.register({ sourceId: id, kind, functionNames: [functionName] }, mapping);
  store.act(id, (out) => mapping.start(out));
  return null;
}

/** A DynamoDB table's stream or a Kinesis stream, with an event source mapping that invokes `functionName`. */
export function addStreamTrigger(kind: StreamKind, functionName: string, options: { name: string; detail: string }): string | null {
  const name = options.name || (kind === 'dynamodb' ? `${functionName}-table` : `${functionName}-stream`);
  const id = `${kind}-${name}`.replace(/[^A-Za-z0-9._-]/g, '-');
  if (useSources.getState().triggers.some((t) => t.sourceId === id)) return `${name} already has an event source mapping.`;
  const shards = options.detail ? Number(options.detail) : kind === 'dynamodb' ? 1 : 2;
  const mapping = makeMapping(id, kind, name, functionName, shards);
  const store = useSources.getState();
  store.register({ sourceId: id, kind, functionNames: [functionName] }, mapping);
  store.act(id, (out) => mapping.start(out));
  return null;
}

/** Replace a mapping's source with one of the other kind (the view's switch), keeping the trigger. */
export function switchStreamKind(sourceId: string, kind: StreamKind): void {
  const store = useSources.getState();
  const trigger = store.triggers.find((t) => t.sourceId === sourceId);
  const old = sourceById<StreamEventSourceMapping>(sourceId);
  const functionName = trigger?.functionNames[0];
  if (!trigger || !old || !functionName || trigger.kind === kind) return;
  store.act(sourceId, (out) => old.stop(out));
  store.removeTrigger(sourceId);
  const name = sourceId.replace(/^(dynamodb|kinesis)-/, '');
  const mapping = makeMapping(sourceId, kind, name, functionName, kind === 'dynamodb' ? 1 : 2);
  store.register({ sourceId, kind, functionNames: [functionName] }, mapping);
  store.act(sourceId, (out) => mapping.start(out));
}

/**
 * A write to the table or stream, carried under the mapping's id: the
 * mapping hears of the new record through the same commands and arms its poll.
 */
export function writeToStream(sourceId: string, write: (source: DynamoTable | KinesisStream, out: SourceCommand[]) => { ok: boolean; error?: string }): string | null {
  const source = sources.get(sourceId);
  if (!source) return 'No such stream';
  let result: { ok: boolean; error?: string } = { ok: true };
  useSources.getState().act(sourceId, (out) => {
    result = write(source, out);
  });
  return result.ok ? null : (result.error ?? 'Refused');
}
