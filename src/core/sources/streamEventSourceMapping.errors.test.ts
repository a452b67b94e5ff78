import { describe, expect, it } from 'vitest';
import { md5Hex } from './md5';
import { STREAM_T0, boom, dynamoSetup, kinesisSetup, ok, throttled } from './streamTestHub.test-support';

const since = (atMs: number): number => atMs - STREAM_T0;
const keysOf = (records: Record<string, unknown>[]): string[] => records.map((r) => (r.kinesis as { partitionKey: string }).partitionKey);

describe('a failed batch blocks its shard', () => {
  it('retries the same batch at each poll until it succeeds; new records wait behind it', () => {
    const { hub, put, mapping, stream } = kinesisSetup();
    put('a');
    put('b');
    hub.advance(1000);
    hub.answer(boom());
    expect(hub.logs).toContain('shard 0 blocked: retry 1 (no retry limit) (Error: boom)');
    put('c');
    expect(mapping.view().shards[0]).toMatchObject({ blocked: true, retries: 1, pending: 3, checkpoint: null });
    hub.advance(999);
    expect(hub.invokes).toHaveLength(1);
    hub.advance(1);
    expect(keysOf(hub.pending[0]!.records)).toEqual(['a', 'b']);
    hub.answer(boom());
    hub.advance(1000);
    hub.answer(ok());
    // The blocked batch went through; the record put meanwhile follows at once.
    expect(hub.invokes.map((i) => [since(i.atMs), keysOf(i.records).join('')])).toEqual([
      [1000, 'ab'],
      [2000, 'ab'],
      [3000, 'ab'],
      [3000, 'c'],
    ]);
    hub.answer(ok());
    expect(mapping.view().shards[0]).toMatchObject({ blocked: false, retries: 0, pending: 0, checkpoint: stream.shardRecords(0)[2]!.sequenceNumber });
    expect(mapping.view().discarded).toEqual([]);
  });

  it('blocks only its own shard', () => {
    const { hub, put, keysFor } = kinesisSetup({ shardCount: 2 });
    const [k0] = keysFor(0, 1);
    const [k1] = keysFor(1, 1);
    put(k0!);
    put(k1!);
    hub.advance(1000);
    const failing = hub.pending.find((i) => keysOf(i.records)[0] === k0)!;
    hub.answer(boom(), failing.invocationId);
    hub.answer(ok());
    put(k1!);
    put(k0!);
    hub.advance(1000);
    expect(hub.pending.map((i) => keysOf(i.records))).toEqual([[k0], [k1]]);
  });

  it('with ParallelizationFactor > 1, a failing key blocks only its own slot', () => {
    const { hub, put, mapping } = kinesisSetup({ parallelizationFactor: 10, batchSize: 1 });
    const keys = ['p', 'q', 'r', 's', 't', 'u', 'v', 'w'];
    const slotOf = (k: string): number => parseInt(md5Hex(k).slice(0, 8), 16) % 10;
    for (const round of [1, 2]) keys.forEach((k) => put(k, `${k}${round}`));
    const done: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      hub.advance(1000);
      while (hub.pending.length > 0) {
        const [key] = keysOf(hub.pending[0]!.records);
        if (key === 'p') hub.answer(boom());
        else done.push(Buffer.from((hub.answer(ok()).records[0]!.kinesis as { data: string }).data, 'base64').toString());
      }
    }
    const free = keys.filter((k) => slotOf(k) !== slotOf('p'));
    expect(free.length).toBeGreaterThan(3);
    expect(done.sort()).toEqual(free.flatMap((k) => [`${k}1`, `${k}2`]).sort());
    expect(mapping.view().shards[0]!.slots.filter((s) => s.blocked).map((s) => s.slot)).toEqual([slotOf('p')]);
  });

  it('throttles are retried without counting against MaximumRetryAttempts', () => {
    const { hub, put, mapping } = kinesisSetup({ maximumRetryAttempts: 0 });
    put('a');
    hub.advance(1000);
    for (let i = 0; i < 3; i += 1) {
      hub.answer(throttled);
      hub.advance(1000);
    }
    expect(hub.logs).toContain('shard 0 blocked: invoke refused (429 TooManyRequestsException); retrying until the records expire');
    expect(mapping.view().shards[0]).toMatchObject({ blocked: true, retries: 0 });
    hub.answer(ok());
    expect(hub.invokes).toHaveLength(4);
    expect(mapping.view().discarded).toEqual([]);
    expect(mapping.view().totals).toMatchObject({ throttles: 3, succeededBatches: 1, recordsProcessed: 1 });
  });
});

describe('giving up on a batch', () => {
  it('after MaximumRetryAttempts retries, discards it to the on-failure destination and moves on', () => {
    const { hub, put, mapping, stream } = kinesisSetup({ maximumRetryAttempts: 2 });
    put('a');
    put('b');
    hub.advance(1000);
    hub.answer(boom());
    hub.advance(1000);
    hub.answer(boom());
    expect(hub.logs).toContain('shard 0 blocked: retry 2 of 2 (Error: boom)');
    hub.advance(1000);
    put('c');
    hub.answer(boom());
    const [first, second, third] = stream.shardRecords(0);
    const [discarded] = mapping.view().discarded;
    expect(discarded).toMatchObject({
      shardIndex: 0,
      shardId: 'shardId-000000000000',
      startSequenceNumber: first!.sequenceNumber,
      endSequenceNumber: second!.sequenceNumber,
      batchSize: 2,
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 3,
    });
    expect(discarded!.destinationRecord).toEqual({
      requestContext: { requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer', condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: new Date(STREAM_T0 + 3000).toISOString(),
      KinesisBatchInfo: {
        shardId: 'shardId-000000000000',
        startSequenceNumber: first!.sequenceNumber,
        endSequenceNumber: second!.sequenceNumber,
        approximateArrivalOfFirstRecord: new Date(STREAM_T0).toISOString(),
        approximateArrivalOfLastRecord: new Date(STREAM_T0).toISOString(),
        batchSize: 2,
        streamArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
      },
    });
    expect(mapping.view().shards[0]).toMatchObject({ blocked: false, checkpoint: second!.sequenceNumber });
    hub.advance(1000);
    expect(hub.pending.map((i) => i.sequenceNumbers)).toEqual([[third!.sequenceNumber]]);
  });

  it('MaximumRetryAttempts 0: the first failure discards', () => {
    const { hub, put, mapping } = dynamoSetup({ maximumRetryAttempts: 0 });
    put({ id: 'x' });
    hub.advance(250);
    hub.answer(boom());
    expect(mapping.view().discarded.map((d) => [d.condition, d.approximateInvokeCount])).toEqual([['RetryAttemptsExhausted', 1]]);
    expect(Object.keys(mapping.view().discarded[0]!.destinationRecord)).toContain('DDBStreamBatchInfo');
  });

  it('discards a batch whose records grow older than MaximumRecordAgeInSeconds (platform time, compressed while nothing executes)', () => {
    const { hub, put, mapping } = kinesisSetup({ maximumRecordAgeS: 60 });
    hub.scale = 60; // while nothing executes, 60 s of record age pass in 1 s
    put('a');
    for (let i = 0; i < 200 && mapping.view().discarded.length === 0; i += 1) {
      hub.advance(20);
      if (hub.pending.length > 0) hub.answer(boom());
    }
    const [discarded] = mapping.view().discarded;
    expect(discarded).toMatchObject({ condition: 'MaximumRecordAgeExceeded', reason: 'record age over 60 s', batchSize: 1 });
    expect(since(discarded!.atMs)).toBeGreaterThan(60_000);
    expect(since(discarded!.atMs)).toBeLessThan(66_000);
    expect(mapping.view().shards[0]).toMatchObject({ blocked: false, pending: 0 });
  });

  it('with the default −1, retries until the records leave the stream (24 h retention)', () => {
    const { hub, put, mapping } = kinesisSetup();
    hub.scale = 600; // 24 h of platform time pass in about 144 s
    put('a');
    for (let i = 0; i < 200_000 && mapping.view().discarded.length === 0; i += 1) {
      hub.advance(1000, true); // each failing attempt answers at once: the platform clock runs compressed between them
      if (hub.pending.length > 0) hub.answer(boom());
    }
    expect(mapping.view().discarded[0]).toMatchObject({ condition: 'MaximumRecordAgeExceeded', reason: 'records expired (24 h retention)' });
    expect(since(mapping.view().discarded[0]!.atMs)).toBeGreaterThan(24 * 3_600_000);
  });
});

describe('BisectBatchOnFunctionError', () => {
  it('halves a failed batch until the bad record stands alone; halving uses no retry', () => {
    const { hub, put, mapping } = kinesisSetup({ bisectBatchOnFunctionError: true, maximumRetryAttempts: 0 });
    ['a', 'b', 'bad', 'd'].forEach((k) => put(k));
    hub.advance(1000);
    for (let i = 0; i < 20 && hub.pending.length > 0; i += 1) {
      hub.answer(keysOf(hub.pending[0]!.records).includes('bad') ? boom() : ok());
      hub.advance(1000);
    }
    expect(hub.invokes.map((i) => keysOf(i.records).join(','))).toEqual(['a,b,bad,d', 'a,b', 'bad,d', 'bad', 'd']);
    expect(hub.logs).toContain('shard 0 blocked: batch of 4 failed (Error: boom); bisected into 2 + 2');
    expect(mapping.view().discarded.map((d) => d.batchSize)).toEqual([1]);
    expect(mapping.view().shards[0]).toMatchObject({ pending: 0, blocked: false });
  });
});

describe('ReportBatchItemFailures', () => {
  it('checkpoints just before the lowest reported sequence number and retries from there', () => {
    const { hub, put, mapping, stream } = kinesisSetup({ reportBatchItemFailures: true });
    ['r0', 'r1', 'r2', 'r3', 'r4'].forEach((k) => put(k));
    hub.advance(1000);
    const seqs = stream.shardRecords(0).map((r) => r.sequenceNumber);
    hub.answer(ok({ batchItemFailures: [{ itemIdentifier: seqs[4] }, { itemIdentifier: seqs[2] }] }));
    expect(mapping.view().shards[0]).toMatchObject({ checkpoint: seqs[1], pending: 3, blocked: true, retries: 1 });
    hub.advance(1000);
    expect(keysOf(hub.pending[0]!.records)).toEqual(['r2', 'r3', 'r4']);
    hub.answer(ok({ batchItemFailures: [] }));
    expect(mapping.view().shards[0]).toMatchObject({ checkpoint: seqs[4], pending: 0, blocked: false });
    expect(mapping.view().totals).toMatchObject({ partialFailures: 1, recordsProcessed: 5 });
  });

  it('an invalid itemIdentifier fails the whole batch; without the setting the reply is ignored', () => {
    const strict = kinesisSetup({ reportBatchItemFailures: true });
    ['a', 'b'].forEach((k) => strict.put(k));
    strict.hub.advance(1000);
    strict.hub.answer(ok({ batchItemFailures: [{ itemIdentifier: '' }] }));
    strict.hub.advance(1000);
    expect(keysOf(strict.hub.pending[0]!.records)).toEqual(['a', 'b']);
    expect(strict.mapping.view().shards[0]).toMatchObject({ checkpoint: null, retries: 1 });

    const plain = kinesisSetup();
    plain.put('a');
    plain.hub.advance(1000);
    plain.hub.answer(ok({ batchItemFailures: [{ itemIdentifier: plain.stream.shardRecords(0)[0]!.sequenceNumber }] }));
    expect(plain.mapping.view().shards[0]).toMatchObject({ pending: 0, blocked: false });
  });

  it('DynamoDB: the itemIdentifier is dynamodb.SequenceNumber', () => {
    const { hub, put, mapping, table } = dynamoSetup({ reportBatchItemFailures: true });
    put({ id: 'a' });
    put({ id: 'b' });
    hub.advance(250);
    const [, second] = table.shardRecords(0);
    hub.answer(ok({ batchItemFailures: [{ itemIdentifier: second!.dynamodb.SequenceNumber }] }));
    hub.advance(250);
    expect(hub.pending[0]!.sequenceNumbers).toEqual([second!.sequenceNumber]);
    expect(mapping.view().shards[0]!.checkpoint).toBe(table.shardRecords(0)[0]!.sequenceNumber);
  });
});
