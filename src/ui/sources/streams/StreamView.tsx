import { useId, useState } from 'react';
import type { KeySchema } from '../../../core/sources/dynamoKeySchema';
import type { StreamMappingSettings } from '../../../core/sources/streamMappingSettings';
import type { DiscardedStreamBatch, StreamMappingView } from '../../../core/sources/streamMappingView';
import type { StreamKind } from '../../../core/sources/streamShardSource';
import { StreamSettingsForm } from './StreamSettingsForm';
import { StreamShardTable } from './StreamShardTable';
import '../sources.css';

/** What an action gave back: the refusal to show (DynamoDB's or Kinesis's ValidationException), or nothing. */
export type StreamActionResult = string | null | undefined | void;

export interface StreamViewProps {
  view: StreamMappingView;
  onPutItem(json: string): StreamActionResult;
  onDeleteItem(keyJson: string): StreamActionResult;
  onPutRecord(partitionKey: string, data: string): StreamActionResult;
  onSettingsChange(settings: StreamMappingSettings): void;
  onKindChange(kind: StreamKind): void;
}

const KINDS: readonly { kind: StreamKind; label: string }[] = [
  { kind: 'dynamodb', label: 'DynamoDB table' },
  { kind: 'kinesis', label: 'Kinesis stream' },
];
const count = (n: number): string => n.toLocaleString('en-US');
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 23);

/** A sample key for the schema: "1" for strings, 1 for numbers. */
function sampleKey(schema: KeySchema): Record<string, string | number> {
  const sample: Record<string, string | number> = {};
  for (const attribute of [schema.partitionKey, schema.sortKey]) if (attribute) sample[attribute.name] = attribute.type === 'N' ? 1 : '1';
  return sample;
}

function Refusal({ text }: { text: string | null }) {
  return text ? (
    <p className="stream-error" role="alert">
      {text}
    </p>
  ) : null;
}

const errorOf = (result: StreamActionResult): string | null => (typeof result === 'string' && result !== '' ? result : null);

function DynamoForm({ keySchema, onPutItem, onDeleteItem }: { keySchema: KeySchema; onPutItem: StreamViewProps['onPutItem']; onDeleteItem: StreamViewProps['onDeleteItem'] }) {
  const id = useId();
  const [item, setItem] = useState(() => JSON.stringify({ ...sampleKey(keySchema), status: 'new', total: 101 }, null, 2));
  const [key, setKey] = useState(() => JSON.stringify(sampleKey(keySchema)));
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="stream-put">
      <div className="field">
        <label htmlFor={`${id}-item`}>Item (JSON)</label>
        <textarea id={`${id}-item`} className="stream-textarea" rows={5} spellCheck={false} value={item} onChange={(e) => setItem(e.currentTarget.value)} />
      </div>
      <div className="stream-actions">
        <button type="button" className="primary" onClick={() => setError(errorOf(onPutItem(item)))}>
          Put item
        </button>
      </div>
      <div className="stream-delete">
        <div className="field">
          <label htmlFor={`${id}-key`}>Key (JSON)</label>
          <input id={`${id}-key`} className="stream-mono" spellCheck={false} value={key} onChange={(e) => setKey(e.currentTarget.value)} />
        </div>
        <button type="button" onClick={() => setError(errorOf(onDeleteItem(key)))}>
          Delete item
        </button>
      </div>
      <Refusal text={error} />
      <p className="hint stream-note">Plain JSON is typed as DynamoDB stores it: strings S, numbers N, true/false BOOL, null NULL, arrays L, objects M.</p>
    </div>
  );
}

function KinesisForm({ onPutRecord }: { onPutRecord: StreamViewProps['onPutRecord'] }) {
  const id = useId();
  const [partitionKey, setPartitionKey] = useState('user-1');
  const [data, setData] = useState('{"click": "buy"}');
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="stream-put">
      <div className="stream-record">
        <div className="field">
          <label htmlFor={`${id}-pk`}>Partition key</label>
          <input id={`${id}-pk`} className="stream-mono" spellCheck={false} value={partitionKey} onChange={(e) => setPartitionKey(e.currentTarget.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-data`}>Data</label>
          <input id={`${id}-data`} className="stream-mono" spellCheck={false} value={data} onChange={(e) => setData(e.currentTarget.value)} />
        </div>
        <button type="button" className="primary" onClick={() => setError(errorOf(onPutRecord(partitionKey, data)))}>
          Put record
        </button>
      </div>
      <Refusal text={error} />
      <p className="hint stream-note">The shard is the one whose hash key range holds the MD5 of the partition key; the function gets the data base64-encoded.</p>
    </div>
  );
}

function DiscardedList({ discarded }: { discarded: readonly DiscardedStreamBatch[] }) {
  if (discarded.length === 0) return <p className="empty">None: no batch has been given up on.</p>;
  return (
    <ol className="stream-discarded" aria-label="Discarded batches">
      {[...discarded].reverse().map((d) => (
        <li key={`${d.atMs}-${d.shardId}-${d.startSequenceNumber}`}>
          <time dateTime={new Date(d.atMs).toISOString()}>{clock(d.atMs)}</time> shard {d.shardIndex} · {count(d.batchSize)}{' '}
          {d.batchSize === 1 ? 'record' : 'records'} · <code className="stream-seq">{d.startSequenceNumber}</code>
          {d.endSequenceNumber !== d.startSequenceNumber && (
            <>
              {' – '}
              <code className="stream-seq">{d.endSequenceNumber}</code>
            </>
          )}
          <div className="stream-discard-reason">
            <strong>{d.condition}</strong>: {d.reason} · invoked {count(d.approximateInvokeCount)}×
          </div>
          <details>
            <summary>On-failure destination record</summary>
            <pre className="payload">{JSON.stringify(d.destinationRecord, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}

/** DynamoDB Streams or Kinesis, with the event source mapping that reads it: writes, shards, settings, discarded batches. */
export function StreamView({ view, onPutItem, onDeleteItem, onPutRecord, onSettingsChange, onKindChange }: StreamViewProps) {
  const id = useId();
  const source = view.source;
  const t = view.totals;
  const poll = view.kind === 'kinesis' ? 'once a second' : 'four times a second';
  return (
    <section className="panel stream-view" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Stream</h2>
      <fieldset className="stream-kind">
        <legend>Source</legend>
        {KINDS.map((k) => (
          <label key={k.kind}>
            <input type="radio" name={`${id}-kind`} value={k.kind} checked={view.kind === k.kind} onChange={() => onKindChange(k.kind)} />
            {k.label}
          </label>
        ))}
      </fieldset>
      <p className="hint stream-arn">
        <code>{view.eventSourceArn}</code> → {view.functionName}
      </p>
      {source.kind === 'dynamodb' ? (
        <>
          <p className="hint stream-note">
            Table <strong>{source.tableName}</strong> · key {source.keySchema.partitionKey.name} ({source.keySchema.partitionKey.type})
            {source.keySchema.sortKey && `, sort key ${source.keySchema.sortKey.name} (${source.keySchema.sortKey.type})`} · stream view{' '}
            {source.streamViewType} · {count(source.itemCount)} {source.itemCount === 1 ? 'item' : 'items'}
          </p>
          <DynamoForm key={source.streamArn} keySchema={source.keySchema} onPutItem={onPutItem} onDeleteItem={onDeleteItem} />
        </>
      ) : (
        <>
          <p className="hint stream-note">
            Stream <strong>{source.streamName}</strong> · {count(source.shards.length)} {source.shards.length === 1 ? 'shard' : 'shards'}
          </p>
          <KinesisForm key={source.streamArn} onPutRecord={onPutRecord} />
        </>
      )}
      <StreamShardTable shards={view.shards} caption={`Shards, polled ${poll} each (starting at ${view.startingPosition})`} />
      <ul className="stream-totals" aria-label="Mapping totals">
        <li>Invocations: {count(t.invocations)}</li>
        <li>Batches succeeded: {count(t.succeededBatches)}</li>
        <li>Function errors: {count(t.functionErrors)}</li>
        <li>Throttles: {count(t.throttles)}</li>
        <li>Partial failures: {count(t.partialFailures)}</li>
        <li>Records processed: {count(t.recordsProcessed)}</li>
        <li className={t.recordsDiscarded > 0 ? 'stream-warn' : undefined}>Records discarded: {count(t.recordsDiscarded)}</li>
      </ul>
      <StreamSettingsForm settings={view.settings} onChange={onSettingsChange} />
      <h3 id={`${id}-discarded`}>Discarded batches</h3>
      <DiscardedList discarded={view.discarded} />
    </section>
  );
}
