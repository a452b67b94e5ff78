import { base64Encode, utf8Bytes } from '../codec';
import { md5Hex } from './md5';
import type { SourceCommand, SourceContext } from './sourceTypes';
import { ShardLog, type StreamAppendListener, type StreamShardRecord } from './shardLog';
import type { StreamShardSource } from './streamShardSource';

export interface KinesisStreamOptions {
  name: string;
  /** Open shards, 1–20 here (default 1). */
  shardCount?: number;
}

/** A shard and the range of 128-bit hash keys it owns (decimal, inclusive). */
export interface KinesisShardInfo {
  shardId: string;
  startingHashKey: string;
  endingHashKey: string;
}

export interface KinesisRecord extends StreamShardRecord {
  readonly shardId: string;
  /** The data, base64. */
  readonly data: string;
  /** Epoch seconds, fractional (milliseconds). */
  readonly approximateArrivalTimestamp: number;
}

/** A record of the function's event (lambda-model.md §7). */
export interface KinesisEventRecord {
  kinesis: { kinesisSchemaVersion: '1.0'; partitionKey: string; sequenceNumber: string; data: string; approximateArrivalTimestamp: number };
  eventSource: 'aws:kinesis';
  eventVersion: '1.0';
  eventID: string;
  eventName: 'aws:kinesis:record';
  invokeIdentityArn: string;
  awsRegion: string;
  eventSourceARN: string;
}

export type PutRecordResult =
  | { ok: true; shardId: string; sequenceNumber: string; record: KinesisRecord }
  | { ok: false; error: string };

export interface KinesisStreamView {
  kind: 'kinesis';
  streamName: string;
  streamArn: string;
  shards: (KinesisShardInfo & { records: number })[];
}

const HASH_SPACE = 1n << 128n;
/** Kinesis caps a record's data blob plus partition key at 1 MiB. */
export const MAX_RECORD_BYTES = 1024 * 1024;
const DAY_S = 86_400;

/** The hash key range of each of `shardCount` shards, split evenly as CreateStream does. */
export function hashKeyRanges(shardCount: number): { start: bigint; end: bigint }[] {
  const n = BigInt(shardCount);
  return Array.from({ length: shardCount }, (_, i) => ({
    start: (BigInt(i) * HASH_SPACE) / n,
    end: (BigInt(i + 1) * HASH_SPACE) / n - 1n,
  }));
}

/** The 128-bit hash key of a partition key: its MD5, read as a big-endian unsigned integer. */
export function partitionKeyHash(partitionKey: string): bigint {
  return BigInt(`0x${md5Hex(partitionKey)}`);
}

const lengthError = (value: string, bound: string, limit: number): string =>
  `ValidationException: 1 validation error detected: Value '${value}' at 'partitionKey' failed to satisfy constraint: Member must have length ${bound} ${limit}`;

/**
 * A Kinesis data stream: PutRecord sends a record to the shard whose hash
 * key range holds the MD5 of its partition key, with a sequence number that
 * increases (a 56-digit decimal, as Kinesis gives) and its arrival time.
 */
export class KinesisStream implements StreamShardSource<KinesisRecord, KinesisStreamView> {
  readonly kind = 'kinesis' as const;
  readonly name: string;
  readonly streamArn: string;
  readonly retentionS = DAY_S;
  /** Each shard's hash key range; its records are in `log`. */
  private readonly shards: { info: KinesisShardInfo; start: bigint; end: bigint }[];
  private readonly log: ShardLog<KinesisRecord>;
  private readonly sequenceBase: bigint;
  private written = 0;

  constructor(
    private readonly ctx: SourceContext,
    options: KinesisStreamOptions,
  ) {
    const shardCount = options.shardCount ?? 1;
    if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 20) throw new Error('A stream has 1 to 20 shards here');
    this.name = options.name;
    this.streamArn = `arn:aws:kinesis:${ctx.region}:${ctx.accountId}:stream/${options.name}`;
    this.shards = hashKeyRanges(shardCount).map(({ start, end }, i) => ({
      info: { shardId: `shardId-${String(i).padStart(12, '0')}`, startingHashKey: String(start), endingHashKey: String(end) },
      start,
      end,
    }));
    this.log = new ShardLog(this.shards.map((s) => s.info.shardId));
    const salt = BigInt(Math.floor(ctx.random.next() * 1e9)) * 10n ** 10n + BigInt(Math.floor(ctx.random.next() * 1e9));
    this.sequenceBase = 49n * 10n ** 54n + salt * 10n ** 34n;
  }

  shardCount(): number {
    return this.shards.length;
  }

  shardId(index: number): string {
    return this.shards[index]?.info.shardId ?? '';
  }

  shardRecords(index: number): readonly KinesisRecord[] {
    return this.log.records(index);
  }

  shardInfo(): KinesisShardInfo[] {
    return this.shards.map((s) => s.info);
  }

  /** Index of the shard that owns the partition key's hash. */
  shardFor(partitionKey: string): number {
    const hash = partitionKeyHash(partitionKey);
    const index = this.shards.findIndex((s) => hash >= s.start && hash <= s.end);
    return index < 0 ? this.shards.length - 1 : index;
  }

  subscribe(listener: StreamAppendListener): () => void {
    return this.log.subscribe(listener);
  }

  /** PutRecord: the data is text, sent as its UTF-8 bytes. */
  putRecord(partitionKey: string, data: string, out: SourceCommand[]): PutRecordResult {
    const keyLength = [...partitionKey].length;
    if (keyLength < 1) return { ok: false, error: lengthError(partitionKey, 'greater than or equal to', 1) };
    if (keyLength > 256) return { ok: false, error: lengthError(partitionKey, 'less than or equal to', 256) };
    const bytes = utf8Bytes(data);
    if (bytes.length + utf8Bytes(partitionKey).length > MAX_RECORD_BYTES) {
      return { ok: false, error: `ValidationException: 1 validation error detected: Value at 'data' failed to satisfy constraint: Member must have length less than or equal to ${MAX_RECORD_BYTES}` };
    }
    const now = this.ctx.clock.now();
    const index = this.shardFor(partitionKey);
    const shard = this.shards[index]!;
    const sequenceNumber = String(this.sequenceBase + BigInt(++this.written) * 10n ** 14n + BigInt(index));
    const record: KinesisRecord = {
      sequenceNumber,
      partitionKey,
      arrivalMs: now,
      shardId: shard.info.shardId,
      data: base64Encode(bytes),
      approximateArrivalTimestamp: Math.round(now) / 1000,
    };
    this.log.append(index, record, `${this.name}: record ${JSON.stringify(partitionKey)} → shard ${index} (seq ${sequenceNumber})`, out);
    return { ok: true, shardId: shard.info.shardId, sequenceNumber, record };
  }

  eventRecord(record: KinesisRecord, invokeIdentityArn: string): KinesisEventRecord {
    return {
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: record.partitionKey,
        sequenceNumber: record.sequenceNumber,
        data: record.data,
        approximateArrivalTimestamp: record.approximateArrivalTimestamp,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `${record.shardId}:${record.sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn,
      awsRegion: this.ctx.region,
      eventSourceARN: this.streamArn,
    };
  }

  view(): KinesisStreamView {
    return {
      kind: 'kinesis',
      streamName: this.name,
      streamArn: this.streamArn,
      shards: this.shards.map((s, i) => ({ ...s.info, records: this.log.records(i).length })),
    };
  }
}
