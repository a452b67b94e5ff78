/**
 * A small source hub for the stream tests: keeps the timers the mapping asks
 * for and fires them as a ManualClock moves on, records invokes, and lets the
 * test answer each one. Pure, like the rest of src/core.
 */
import { TestPlatformClock } from '../testPlatformClock.test-support';
import { createRandom } from '../random';
import { DynamoTable } from './dynamoTable';
import { KinesisStream } from './kinesisStream';
import type { EventSource, SourceCommand, SourceContext, SourceInvokeResult } from './sourceTypes';
import { StreamEventSourceMapping, type StreamEventSourceMappingOptions } from './streamEventSourceMapping';

type MappingOptions = Partial<Omit<StreamEventSourceMappingOptions, 'kind' | 'source'>>;

/** 2025-09-01T12:00:00.000Z. */
export const STREAM_T0 = Date.UTC(2025, 8, 1, 12, 0, 0);

export interface StreamInvoke {
  invocationId: string;
  functionName: string;
  invocationType: string;
  atMs: number;
  /** The event's Records, parsed. */
  records: Record<string, unknown>[];
  /** Each record's sequence number (Kinesis `kinesis.sequenceNumber`, DynamoDB `dynamodb.SequenceNumber`). */
  sequenceNumbers: string[];
  payload: string;
}

export class StreamTestHub {
  /** Platform time over a manual real clock; pending invokes count as executing (see PlatformClock). */
  readonly clock = new TestPlatformClock(STREAM_T0);
  readonly ctx: SourceContext;
  readonly timers = new Map<string, number>();
  readonly pending: StreamInvoke[] = [];
  readonly invokes: StreamInvoke[] = [];
  readonly logs: string[] = [];
  private source: EventSource | null = null;

  constructor(seed = 11) {
    this.ctx = { clock: this.clock, random: createRandom(seed), region: 'us-east-1', accountId: '123456789012', waitScale: () => this.clock.waitScale() };
  }

  attach(source: EventSource): void {
    this.source = source;
  }

  /** Run an action (a put, a start) and carry out the commands it gave. */
  act(action: (out: SourceCommand[]) => void): void {
    const out: SourceCommand[] = [];
    action(out);
    for (const c of out) {
      if (c.type === 'setTimer') this.timers.set(c.timerId, c.atMs);
      else if (c.type === 'clearTimer') this.timers.delete(c.timerId);
      else if (c.type === 'log') this.logs.push(c.text);
      else if (c.type === 'invoke') {
        const event = JSON.parse(c.payload) as { Records: Record<string, unknown>[] };
        const invoke: StreamInvoke = {
          invocationId: c.invocationId,
          functionName: c.functionName,
          invocationType: c.invocationType,
          atMs: this.clock.now(),
          records: event.Records,
          sequenceNumbers: event.Records.map(sequenceNumberOf),
          payload: c.payload,
        };
        this.invokes.push(invoke);
        this.pending.push(invoke);
        this.clock.begin();
      }
    }
  }

  /** Move real time on by `ms`, firing every timer that falls due (platform time), in order; stops early at the first invoke when `untilInvoke`. */
  advance(ms: number, untilInvoke = false): void {
    this.clock.advanceTimers(ms, this.timers, (timerId) => this.act((out) => this.must().onTimer(timerId, out)), untilInvoke ? () => this.pending.length > 0 : undefined);
  }

  /** The compression of platform waits (applies while no invoke is pending). */
  get scale(): number {
    return this.clock.waitScale();
  }

  set scale(k: number) {
    this.clock.setScale(k);
  }


  /** Answer a pending invoke (the oldest by default). */
  answer(result: SourceInvokeResult, invocationId = this.pending[0]?.invocationId): StreamInvoke {
    const i = this.pending.findIndex((p) => p.invocationId === invocationId);
    if (i < 0) throw new Error(`no pending invoke ${String(invocationId)}`);
    const [invoke] = this.pending.splice(i, 1);
    this.clock.end();
    this.act((out) => this.must().onResult(invoke!.invocationId, result, out));
    return invoke!;
  }

  private must(): EventSource {
    if (!this.source) throw new Error('attach a source first');
    return this.source;
  }
}

export function sequenceNumberOf(record: Record<string, unknown>): string {
  const kinesis = record.kinesis as { sequenceNumber?: string } | undefined;
  const dynamodb = record.dynamodb as { SequenceNumber?: string } | undefined;
  return kinesis?.sequenceNumber ?? dynamodb?.SequenceNumber ?? '';
}

export const ok = (payload: unknown = null): SourceInvokeResult => ({ kind: 'success', payload: JSON.stringify(payload) });

export const boom = (message = 'boom'): SourceInvokeResult => ({
  kind: 'functionError',
  error: { errorType: 'Error', errorMessage: message, trace: [] },
});

export const throttled: SourceInvokeResult = {
  kind: 'rejected',
  statusCode: 429,
  error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [] },
};

/** Compare decimal strings of any length as numbers. */
export const decimalLess = (a: string, b: string): boolean => BigInt(a) < BigInt(b);

/** A Kinesis stream with a mapping reading it from TRIM_HORIZON, started. */
export function kinesisSetup(options: MappingOptions & { shardCount?: number } = {}) {
  const { shardCount = 1, ...rest } = options;
  const hub = new StreamTestHub();
  const stream = new KinesisStream(hub.ctx, { name: 'clicks', shardCount });
  const mapping = new StreamEventSourceMapping(hub.ctx, { id: 'esm', kind: 'kinesis', source: stream, functionName: 'consumer', startingPosition: 'TRIM_HORIZON', ...rest });
  hub.attach(mapping);
  hub.act((out) => mapping.start(out));
  const put = (partitionKey: string, data = partitionKey): void => hub.act((out) => void stream.putRecord(partitionKey, data, out));
  /** `count` partition keys that land on `shard`. */
  const keysFor = (shard: number, count: number, prefix = 'k'): string[] => {
    const keys: string[] = [];
    for (let i = 0; keys.length < count; i += 1) if (stream.shardFor(`${prefix}${i}`) === shard) keys.push(`${prefix}${i}`);
    return keys;
  };
  return { hub, stream, mapping, put, keysFor };
}

/** A DynamoDB table (partition key `id`) with a mapping reading its stream from TRIM_HORIZON, started. */
export function dynamoSetup(options: MappingOptions & { shardCount?: number } = {}) {
  const { shardCount = 1, ...rest } = options;
  const hub = new StreamTestHub();
  const table = new DynamoTable(hub.ctx, { name: 'orders', keySchema: { partitionKey: { name: 'id', type: 'S' } }, shardCount });
  const mapping = new StreamEventSourceMapping(hub.ctx, { id: 'esm', kind: 'dynamodb', source: table, functionName: 'consumer', startingPosition: 'TRIM_HORIZON', ...rest });
  hub.attach(mapping);
  hub.act((out) => mapping.start(out));
  const put = (item: Record<string, unknown>): void => hub.act((out) => void table.putItem(item, out));
  return { hub, table, mapping, put };
}
