import type { DynamoDBStreamEvent, KinesisStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { KinesisStream } from './kinesisStream';
import { StreamEventSourceMapping } from './streamEventSourceMapping';
import { DEFAULT_STREAM_MAPPING_SETTINGS } from './streamMappingSettings';
import { STREAM_T0, StreamTestHub, dynamoSetup, kinesisSetup, ok } from './streamTestHub.test-support';

const since = (atMs: number): number => atMs - STREAM_T0;

describe('polling', () => {
  it('Kinesis polls each shard once a second: a record is read at the next poll', () => {
    const { hub, put } = kinesisSetup();
    hub.advance(10);
    put('a');
    hub.advance(989);
    expect(hub.invokes).toHaveLength(0);
    hub.advance(1);
    expect(hub.invokes.map((i) => since(i.atMs))).toEqual([1000]);
  });

  it('DynamoDB Streams are polled four times a second', () => {
    const { hub, put } = dynamoSetup();
    hub.advance(10);
    put({ id: 'a' });
    hub.advance(250);
    expect(hub.invokes.map((i) => since(i.atMs))).toEqual([250]);
  });

  it('polls on platform time: compressed while nothing executes, real speed while a batch runs', () => {
    const { hub, put } = kinesisSetup();
    hub.scale = 10;
    hub.advance(10); // 100 platform ms
    put('a');
    hub.advance(100); // the 1 s poll comes 90 real ms later
    expect(hub.invokes.map((i) => since(i.atMs))).toEqual([1000]);
    hub.answer(ok()); // answered 10 real ms after it started, at real speed: platform 1010
    hub.scale = 1;
    put('b');
    hub.advance(2000);
    // Back to real time, on the rhythm of the last poll (at 1000 platform ms).
    expect(hub.invokes.map((i) => since(i.atMs))).toEqual([1000, 2000]);

    const d = dynamoSetup();
    d.hub.scale = 10;
    d.put({ id: 'x' });
    d.hub.advance(100);
    expect(d.hub.invokes.map((i) => since(i.atMs))).toEqual([250]);
  });

  it('keeps no timer while every shard is caught up', () => {
    const { hub, put } = kinesisSetup({ shardCount: 2 });
    expect(hub.timers.size).toBe(0);
    put('a');
    expect(hub.timers.size).toBe(1);
    hub.advance(1000);
    hub.answer(ok());
    hub.advance(10_000);
    expect(hub.timers.size).toBe(0);
    expect(hub.invokes).toHaveLength(1);
  });
});

describe('batches', () => {
  it('one batch in flight per shard; the next goes as soon as it succeeds', () => {
    const { hub, put, mapping, stream } = kinesisSetup();
    ['a', 'b', 'c'].forEach((k) => put(k));
    hub.advance(1000);
    expect(hub.pending.map((i) => i.records.length)).toEqual([3]);
    put('d');
    put('e');
    hub.advance(5000);
    expect(hub.invokes).toHaveLength(1);
    expect(mapping.view().shards[0]).toMatchObject({ pending: 5, checkpoint: null, blocked: false, inFlight: [{ size: 3 }] });
    hub.answer(ok());
    expect(hub.invokes).toHaveLength(2);
    expect(hub.invokes[1]!.atMs).toBe(hub.clock.now());
    expect(hub.pending[0]!.records.map((r) => (r.kinesis as { partitionKey: string }).partitionKey)).toEqual(['d', 'e']);
    expect(mapping.view().shards[0]).toMatchObject({ pending: 2, checkpoint: stream.shardRecords(0)[2]!.sequenceNumber });
    hub.answer(ok());
    expect(mapping.view().shards[0]).toMatchObject({ pending: 0, checkpoint: stream.shardRecords(0)[4]!.sequenceNumber, inFlight: [] });
    expect(hub.logs).toContain(`shard 0: batch of 3 (seq ${stream.shardRecords(0)[0]!.sequenceNumber} – ${stream.shardRecords(0)[2]!.sequenceNumber}) → invoke`);
  });

  it('keeps order within each shard, and shards run side by side', () => {
    const { hub, put, stream, keysFor } = kinesisSetup({ shardCount: 2, batchSize: 3 });
    const keys = [keysFor(0, 3), keysFor(1, 3)];
    for (let i = 0; i < 20; i += 1) put(keys[i % 2]![i % 3]!, `r${i}`);
    hub.advance(1000);
    expect(hub.pending).toHaveLength(2);
    while (hub.pending.length > 0) hub.answer(ok(), hub.pending[hub.pending.length - 1]!.invocationId);
    for (const shard of [0, 1]) {
      const seen = hub.invokes.filter((i) => i.records.every((r) => String(r.eventID).startsWith(stream.shardId(shard)))).flatMap((i) => i.sequenceNumbers);
      expect(seen).toEqual(stream.shardRecords(shard).map((r) => r.sequenceNumber));
    }
    expect(hub.invokes.every((i) => new Set(i.records.map((r) => String(r.eventID).split(':')[0])).size === 1)).toBe(true);
  });

  it('takes at most BatchSize records', () => {
    const { hub, put } = kinesisSetup({ batchSize: 100 });
    for (let i = 0; i < 250; i += 1) put(`k${i % 7}`);
    hub.advance(1000);
    while (hub.pending.length > 0) hub.answer(ok());
    expect(hub.invokes.map((i) => i.records.length)).toEqual([100, 100, 50]);
  });

  it('caps a batch at the 6 MB synchronous payload', () => {
    const { hub, put } = kinesisSetup({ batchSize: 100 });
    for (let i = 0; i < 8; i += 1) put(`k${i}`, 'x'.repeat(900_000));
    hub.advance(1000);
    while (hub.pending.length > 0) hub.answer(ok());
    expect(hub.invokes.map((i) => i.records.length)).toEqual([5, 3]);
    for (const invoke of hub.invokes) expect(invoke.payload.length).toBeLessThanOrEqual(6 * 1024 * 1024);
  }, 60_000); // megabytes of payload: slow on a shared machine

  it('stop: no more polls, and late answers are ignored', () => {
    const { hub, put, mapping } = kinesisSetup();
    put('a');
    hub.advance(1000);
    put('b');
    hub.act((out) => mapping.stop(out));
    expect(hub.timers.size).toBe(0);
    hub.answer(ok());
    hub.advance(5000);
    expect(hub.invokes).toHaveLength(1);
  });

  it('waits for MaximumBatchingWindowInSeconds unless the batch fills first', () => {
    const { hub, put } = kinesisSetup({ maximumBatchingWindowS: 2, batchSize: 4 });
    put('a');
    hub.advance(1500);
    put('b');
    hub.advance(1499);
    expect(hub.invokes).toHaveLength(0);
    hub.advance(1);
    expect(hub.invokes.map((i) => [since(i.atMs), i.records.length])).toEqual([[3000, 2]]);
    hub.answer(ok());
    ['c', 'd', 'e', 'f'].forEach((k) => put(k));
    hub.advance(1000);
    expect(hub.invokes.map((i) => [since(i.atMs), i.records.length])).toEqual([[3000, 2], [4000, 4]]);
  });

  it('LATEST skips what the stream held before; TRIM_HORIZON reads it', () => {
    for (const startingPosition of ['LATEST', 'TRIM_HORIZON'] as const) {
      const hub = new StreamTestHub();
      const stream = new KinesisStream(hub.ctx, { name: 's' });
      hub.act((out) => void stream.putRecord('old', 'old', out));
      const mapping = new StreamEventSourceMapping(hub.ctx, { id: 'm', kind: 'kinesis', source: stream, functionName: 'f', startingPosition });
      hub.attach(mapping);
      hub.act((out) => mapping.start(out));
      hub.act((out) => void stream.putRecord('new', 'new', out));
      hub.advance(1000);
      const keys = hub.invokes.flatMap((i) => i.records.map((r) => (r.kinesis as { partitionKey: string }).partitionKey));
      expect(keys).toEqual(startingPosition === 'LATEST' ? ['new'] : ['old', 'new']);
    }
  });
});

describe('events', () => {
  it("invokes synchronously with Lambda's Kinesis event", () => {
    const { hub, put, stream } = kinesisSetup();
    put('1', 'Hello, this is a test.');
    hub.advance(1000);
    const [invoke] = hub.invokes;
    expect(invoke).toMatchObject({ functionName: 'consumer', invocationType: 'RequestResponse' });
    const event = JSON.parse(invoke!.payload) satisfies KinesisStreamEvent as KinesisStreamEvent;
    const record = stream.shardRecords(0)[0]!;
    expect(event.Records).toEqual([
      {
        kinesis: { kinesisSchemaVersion: '1.0', partitionKey: '1', sequenceNumber: record.sequenceNumber, data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==', approximateArrivalTimestamp: STREAM_T0 / 1000 },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `shardId-000000000000:${record.sequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: 'arn:aws:iam::123456789012:role/service-role/consumer-role',
        awsRegion: 'us-east-1',
        eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      },
    ]);
  });

  it("invokes with Lambda's DynamoDB Streams event", () => {
    const { hub, put, table } = dynamoSetup();
    put({ id: 'o1', total: 101 });
    put({ id: 'o1', total: 102 });
    hub.advance(250);
    const event = JSON.parse(hub.invokes[0]!.payload) satisfies DynamoDBStreamEvent as DynamoDBStreamEvent;
    expect(event.Records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
    const [, modify] = event.Records;
    expect(modify).toMatchObject({
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      eventSourceARN: table.streamArn,
      dynamodb: { Keys: { id: { S: 'o1' } }, OldImage: { total: { N: '101' } }, NewImage: { total: { N: '102' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
    expect(table.streamArn).toMatch(/^arn:aws:dynamodb:us-east-1:123456789012:table\/orders\/stream\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
  });
});

describe('ParallelizationFactor', () => {
  it('runs up to factor batches per shard and keeps each partition key in order', () => {
    const { hub, put, mapping } = kinesisSetup({ parallelizationFactor: 3, batchSize: 2 });
    const keys = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'];
    for (let round = 0; round < 4; round += 1) for (const k of keys) put(k, `${k}-${round}`);
    const processed = new Map<string, string[]>();
    let most = 0;
    for (let step = 0; step < 200 && (hub.pending.length > 0 || mapping.view().shards[0]!.pending > 0); step += 1) {
      hub.advance(1000);
      most = Math.max(most, hub.pending.length);
      const inFlightKeys = hub.pending.map((i) => new Set(i.records.map((r) => (r.kinesis as { partitionKey: string }).partitionKey)));
      for (let a = 0; a < inFlightKeys.length; a += 1) {
        for (let b = a + 1; b < inFlightKeys.length; b += 1) for (const k of inFlightKeys[a]!) expect(inFlightKeys[b]!.has(k)).toBe(false);
      }
      // Answer the newest first, to shake the order between slots.
      while (hub.pending.length > 0) {
        const invoke = hub.answer(ok(), hub.pending[hub.pending.length - 1]!.invocationId);
        for (const r of invoke.records) {
          const { partitionKey, data } = r.kinesis as { partitionKey: string; data: string };
          processed.set(partitionKey, [...(processed.get(partitionKey) ?? []), Buffer.from(data, 'base64').toString()]);
        }
      }
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(3);
    for (const k of keys) expect(processed.get(k)).toEqual([0, 1, 2, 3].map((r) => `${k}-${r}`));
    expect(mapping.view().shards[0]).toMatchObject({ pending: 0, slots: [{ slot: 0 }, { slot: 1 }, { slot: 2 }] });
  });
});

describe('settings', () => {
  it("refuses values out of Lambda's ranges, in its words", () => {
    const { mapping } = kinesisSetup();
    expect(mapping.configure({ ...DEFAULT_STREAM_MAPPING_SETTINGS, batchSize: 0 }, []).map((p) => p.message)).toEqual([
      "1 validation error detected: Value '0' at 'batchSize' failed to satisfy constraint: Member must have value greater than or equal to 1",
    ]);
    expect(mapping.configure({ ...DEFAULT_STREAM_MAPPING_SETTINGS, parallelizationFactor: 11, maximumRetryAttempts: -2 }, []).map((p) => p.field)).toEqual([
      'parallelizationFactor',
      'maximumRetryAttempts',
    ]);
    expect(mapping.configure({ ...DEFAULT_STREAM_MAPPING_SETTINGS, maximumRecordAgeS: 30 }, [])).toHaveLength(1);
    expect(() => kinesisSetup({ maximumBatchingWindowS: 301 })).toThrow(/maximumBatchingWindowInSeconds/);
    expect(mapping.configure({ ...DEFAULT_STREAM_MAPPING_SETTINGS, batchSize: 10_000, maximumRecordAgeS: 604_800 }, [])).toEqual([]);
    expect(mapping.view().settings.batchSize).toBe(10_000);
  });

  it('a new ParallelizationFactor applies once the shard has no batch out', () => {
    const { hub, put, mapping } = kinesisSetup({ batchSize: 1 });
    ['a', 'b', 'c', 'd'].forEach((k) => put(k));
    hub.advance(1000);
    hub.act((out) => mapping.configure({ ...mapping.view().settings, parallelizationFactor: 4 }, out));
    expect(mapping.view().shards[0]!.slots).toHaveLength(1);
    hub.answer(ok());
    expect(mapping.view().shards[0]!.slots).toHaveLength(4);
    expect(hub.pending.length).toBeGreaterThan(1);
  });
});
