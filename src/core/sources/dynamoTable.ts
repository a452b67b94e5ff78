import { itemSize, MAX_ITEM_BYTES, type AttributeMap } from '../services/dynamodb/attributeValue';
import { invalidParameter } from '../services/dynamodb/dynamoDbError';
import type { ItemWrite } from '../services/dynamodb/itemWrite';
import { streamChange, type DynamoDbStreamChange } from '../services/dynamodb/streamChange';
import type { LiveTable } from '../services/dynamodb/tableResolver';
import { keyAttributes, keyNamesOf, tableIdOf, type DynamoDbTable, type StreamViewType } from '../services/dynamodb/tableStore';
import { toAttributeMap } from './dynamoAttributeValue';
import { checkedKey, keyOf, parseJsonObject, parseKey, refusalText, type CheckedKey, type JsonObjectInput, type KeySchema } from './dynamoKeySchema';
import { md5Hex } from './md5';
import type { SourceCommand, SourceContext } from './sourceTypes';
import { ShardLog, type StreamAppendListener, type StreamShardRecord } from './shardLog';
import type { StreamShardSource } from './streamShardSource';

export type { KeyAttribute, KeySchema } from './dynamoKeySchema';
export type { StreamViewType } from '../services/dynamodb/tableStore';
export { STREAM_VIEW_TYPES } from '../services/dynamodb/tableStore';

export interface DynamoTableOptions {
  name: string;
  keySchema: KeySchema;
  /** Default NEW_AND_OLD_IMAGES. */
  streamViewType?: StreamViewType;
  /** Shards of the stream, 1–10 (default 1). Items hash to a shard by partition key. */
  shardCount?: number;
}

/** The `dynamodb` member of a stream record (lambda-model.md §7). */
export interface DynamoStreamData {
  ApproximateCreationDateTime: number;
  Keys: AttributeMap;
  NewImage?: AttributeMap;
  OldImage?: AttributeMap;
  SequenceNumber: string;
  SizeBytes: number;
  StreamViewType: StreamViewType;
}

export interface DynamoStreamRecord extends StreamShardRecord {
  readonly eventID: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly dynamodb: DynamoStreamData;
}

/** A record of the function's event (lambda-model.md §7). */
export interface DynamoEventRecord {
  eventID: string;
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  eventVersion: '1.1';
  eventSource: 'aws:dynamodb';
  awsRegion: string;
  dynamodb: DynamoStreamData;
  eventSourceARN: string;
}

/** A write's outcome: the stream record it made (null when the item did not change), or DynamoDB's refusal. */
export type TableWriteResult = { ok: true; record: DynamoStreamRecord | null } | { ok: false; error: string };

export interface DynamoTableView {
  kind: 'dynamodb';
  tableName: string;
  keySchema: KeySchema;
  streamViewType: StreamViewType;
  streamArn: string;
  itemCount: number;
  shards: { shardId: string; records: number }[];
}

const DAY_S = 86_400;

/**
 * A DynamoDB table with a stream: PutItem, UpdateItem and DeleteItem write
 * INSERT / MODIFY / REMOVE stream records, with Keys and images per the
 * StreamViewType. A write that changes nothing writes no record, as on
 * DynamoDB. Items hash to a shard by their partition key.
 *
 * It is also the one store of its table for the DynamoDB service model
 * (services/dynamodb): `asServiceTable()` lets the model read the items in
 * place, and `applyServiceWrites` commits the writes the model checked,
 * through the same path (and so the same stream records) as the UI's.
 */
export class DynamoTable implements StreamShardSource<DynamoStreamRecord, DynamoTableView> {
  readonly kind = 'dynamodb' as const;
  readonly name: string;
  readonly streamArn: string;
  readonly retentionS = DAY_S;
  readonly keySchema: KeySchema;
  readonly streamViewType: StreamViewType;
  /** Items by the service model's `keyId`. */
  private readonly items = new Map<string, AttributeMap>();
  private readonly serviceView: DynamoDbTable;
  private readonly shards: ShardLog<DynamoStreamRecord>;
  private readonly sequenceBase: bigint;
  private written = 0;

  constructor(
    private readonly ctx: SourceContext,
    options: DynamoTableOptions,
  ) {
    const shardCount = options.shardCount ?? 1;
    if (!Number.isInteger(shardCount) || shardCount < 1 || shardCount > 10) throw new Error('A table stream has 1 to 10 shards here');
    this.name = options.name;
    this.keySchema = options.keySchema;
    this.streamViewType = options.streamViewType ?? 'NEW_AND_OLD_IMAGES';
    const now = ctx.clock.now();
    const label = new Date(now).toISOString().slice(0, 23);
    const arn = `arn:aws:dynamodb:${ctx.region}:${ctx.accountId}:table/${options.name}`;
    this.streamArn = `${arn}/stream/${label}`;
    this.serviceView = {
      name: options.name,
      arn,
      tableId: tableIdOf(options.name, now),
      createdAtMs: now,
      keySchema: this.keySchema,
      billingMode: 'PAY_PER_REQUEST',
      provisioned: { readCapacityUnits: 0, writeCapacityUnits: 0 },
      stream: { viewType: this.streamViewType, label },
      items: this.items,
      managedBy: 'its DynamoDB stream trigger',
    };
    const created = String(Math.floor(now)).padStart(20, '0');
    this.shards = new ShardLog(Array.from({ length: shardCount }, () => `shardId-${created}-${ctx.random.hex(8)}`));
    this.sequenceBase = BigInt(1 + Math.floor(ctx.random.next() * 8)) * 10n ** 20n + BigInt(Math.floor(ctx.random.next() * 1e6)) * 10n ** 12n;
  }

  shardCount(): number {
    return this.shards.count;
  }

  shardId(index: number): string {
    return this.shards.id(index);
  }

  shardRecords(index: number): readonly DynamoStreamRecord[] {
    return this.shards.records(index);
  }

  subscribe(listener: StreamAppendListener): () => void {
    return this.shards.subscribe(listener);
  }

  /** The item's typed attributes (undefined when absent or the key is not valid); `fromAttributeMap` gives plain JSON. */
  getItem(key: JsonObjectInput): AttributeMap | undefined {
    const parsed = parseKey(this.keySchema, key);
    return typeof parsed === 'string' ? undefined : this.items.get(parsed.id);
  }

  /** PutItem: create or replace the whole item. */
  putItem(item: JsonObjectInput, out: SourceCommand[]): TableWriteResult {
    const object = parseJsonObject(item, 'item');
    if (typeof object === 'string') return { ok: false, error: object };
    let image: AttributeMap;
    try {
      image = toAttributeMap(object);
    } catch (e) {
      return { ok: false, error: refusalText(e) };
    }
    const key = keyOf(this.keySchema, image);
    if (typeof key === 'string') return { ok: false, error: key };
    if (itemSize(image) > MAX_ITEM_BYTES) return { ok: false, error: 'ValidationException: Item size has exceeded the maximum allowed size' };
    return { ok: true, record: this.commit(key, this.items.get(key.id), image, out) };
  }

  /** UpdateItem: SET each attribute of `changes` (undefined removes it); creates the item when absent. */
  updateItem(key: JsonObjectInput, changes: Record<string, unknown>, out: SourceCommand[]): TableWriteResult {
    const parsed = parseKey(this.keySchema, key);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    const named = Object.keys(changes).find((name) => keyNamesOf(this.keySchema).includes(name));
    if (named !== undefined) return { ok: false, error: refusalText(invalidParameter(`Cannot update attribute ${named}. This attribute is part of the key`)) };
    const old = this.items.get(parsed.id);
    let image: AttributeMap;
    try {
      image = { ...(old ?? parsed.keys), ...toAttributeMap(changes) };
    } catch (e) {
      return { ok: false, error: refusalText(e) };
    }
    for (const [name, value] of Object.entries(changes)) if (value === undefined) delete image[name];
    if (itemSize(image) > MAX_ITEM_BYTES) return { ok: false, error: 'ValidationException: Item size has exceeded the maximum allowed size' };
    return { ok: true, record: this.commit(parsed, old, image, out) };
  }

  /** DeleteItem by key; deleting an absent item writes no stream record. */
  deleteItem(key: JsonObjectInput, out: SourceCommand[]): TableWriteResult {
    const parsed = parseKey(this.keySchema, key);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    return { ok: true, record: this.commit(parsed, this.items.get(parsed.id), undefined, out) };
  }

  /** The table as the DynamoDB service model reads it: the same object every time, its `items` this table's own map (no copy). */
  asServiceTable(): DynamoDbTable {
    return this.serviceView;
  }

  /**
   * Commit writes the service model checked (handleDynamoDbRequestOn): the
   * items change and the stream takes a record for each change, exactly as
   * for a write from the form. Returns the records made, in order.
   */
  applyServiceWrites(writes: readonly ItemWrite[], out: SourceCommand[]): DynamoStreamRecord[] {
    const made: DynamoStreamRecord[] = [];
    for (const w of writes) {
      const old = this.items.get(w.id);
      const either = w.newItem ?? old;
      if (!either) continue;
      const record = this.commit(checkedKey(this.keySchema, keyAttributes(this.keySchema, either)), old, w.newItem, out);
      if (record) made.push(record);
    }
    return made;
  }

  /** This table as a TableResolver's live table, its writes' commands going to `out`. */
  liveTable(out: SourceCommand[]): LiveTable {
    return {
      serviceTable: () => this.serviceView,
      applyWrites: (writes) =>
        this.applyServiceWrites(writes, out).map((r): DynamoDbStreamChange => ({ tableName: this.name, eventName: r.eventName, dynamodb: r.dynamodb })),
    };
  }

  eventRecord(record: DynamoStreamRecord): DynamoEventRecord {
    return {
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: this.ctx.region,
      dynamodb: record.dynamodb,
      eventSourceARN: this.streamArn,
    };
  }

  view(): DynamoTableView {
    return {
      kind: 'dynamodb',
      tableName: this.name,
      keySchema: this.keySchema,
      streamViewType: this.streamViewType,
      streamArn: this.streamArn,
      itemCount: this.items.size,
      shards: Array.from({ length: this.shards.count }, (_, i) => ({ shardId: this.shards.id(i), records: this.shards.records(i).length })),
    };
  }

  /** The one write path, for the form's writes and the service model's: the item changes, and the stream takes the record it implies. */
  private commit(key: CheckedKey, oldImage: AttributeMap | undefined, newImage: AttributeMap | undefined, out: SourceCommand[]): DynamoStreamRecord | null {
    const now = this.ctx.clock.now();
    const change = streamChange(this.serviceView, oldImage, newImage, now);
    if (!change) {
      if (oldImage && newImage) out.push({ type: 'log', atMs: now, text: `${this.name}: item ${key.label} unchanged: no stream record` });
      return null;
    }
    if (newImage) this.items.set(key.id, newImage);
    else this.items.delete(key.id);
    const shardIndex = parseInt(md5Hex(key.partitionKey).slice(0, 8), 16) % this.shards.count;
    const sequenceNumber = String(this.sequenceBase + BigInt(++this.written) * 100_000n);
    const { ApproximateCreationDateTime, Keys, NewImage, OldImage, SizeBytes, StreamViewType } = change.dynamodb;
    const dynamodb: DynamoStreamData = {
      ApproximateCreationDateTime,
      Keys,
      ...(NewImage ? { NewImage } : {}),
      ...(OldImage ? { OldImage } : {}),
      SequenceNumber: sequenceNumber,
      SizeBytes,
      StreamViewType,
    };
    const record: DynamoStreamRecord = {
      sequenceNumber,
      partitionKey: key.partitionKey,
      arrivalMs: now,
      eventID: this.ctx.random.hex(32),
      eventName: change.eventName,
      dynamodb,
    };
    this.shards.append(shardIndex, record, `${this.name}: ${change.eventName} ${key.label} → shard ${shardIndex} (seq ${sequenceNumber})`, out);
    return record;
  }
}
