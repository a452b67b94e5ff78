import type { KinesisStreamRecord } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Encode } from '../codec';
import { KinesisStream, hashKeyRanges, partitionKeyHash, type PutRecordResult } from './kinesisStream';
import type { SourceCommand } from './sourceTypes';
import { STREAM_T0, StreamTestHub, decimalLess } from './streamTestHub.test-support';

function setup(shardCount = 1) {
  const hub = new StreamTestHub();
  const stream = new KinesisStream(hub.ctx, { name: 'clicks', shardCount });
  const out: SourceCommand[] = [];
  return { hub, stream, out };
}

function put(result: PutRecordResult) {
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('base64Encode', () => {
  it.each(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar', 'Hello, this is a test.', 'héllo ✓ 😀'])('matches Buffer for %j', (text) => {
    expect(base64Encode(new TextEncoder().encode(text))).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });
});

describe('Kinesis hash key ranges', () => {
  it('splits the 128-bit space evenly, as CreateStream does', () => {
    expect(hashKeyRanges(1)).toEqual([{ start: 0n, end: 2n ** 128n - 1n }]);
    expect(hashKeyRanges(2).map((r) => [String(r.start), String(r.end)])).toEqual([
      ['0', '170141183460469231731687303715884105727'],
      ['170141183460469231731687303715884105728', '340282366920938463463374607431768211455'],
    ]);
    expect(hashKeyRanges(3).map((r) => String(r.start))).toEqual([
      '0',
      '113427455640312821154458202477256070485',
      '226854911280625642308916404954512140970',
    ]);
    const ranges = hashKeyRanges(7);
    for (let i = 1; i < ranges.length; i += 1) expect(ranges[i]!.start).toBe(ranges[i - 1]!.end + 1n);
    expect(ranges[6]!.end).toBe(2n ** 128n - 1n);
  });

  it('sends a record to the shard whose range holds the MD5 of its partition key', () => {
    const { stream, out } = setup(4);
    const info = stream.shardInfo();
    const used = new Set<number>();
    for (let i = 0; i < 40; i += 1) {
      const key = `user-${i}`;
      const hash = BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
      expect(partitionKeyHash(key)).toBe(hash);
      const expected = info.findIndex((s) => hash >= BigInt(s.startingHashKey) && hash <= BigInt(s.endingHashKey));
      const result = put(stream.putRecord(key, 'x', out));
      expect(result.shardId).toBe(info[expected]!.shardId);
      expect(stream.shardRecords(expected)).toContain(result.record);
      used.add(expected);
    }
    expect(used.size).toBe(4);
    expect(info.map((s) => s.shardId)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']);
  });
});

describe('KinesisStream.putRecord', () => {
  it('base64 data, arrival time in seconds to the millisecond, increasing 56-digit sequence numbers', () => {
    const { hub, stream, out } = setup(2);
    const seqs: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      hub.clock.advance(7.25);
      const { record } = put(stream.putRecord(`k${i % 5}`, `payload ${i} ✓`, out));
      expect(record.data).toBe(Buffer.from(`payload ${i} ✓`, 'utf8').toString('base64'));
      expect(record.approximateArrivalTimestamp).toBe(Math.round(STREAM_T0 + 7.25 * (i + 1)) / 1000);
      expect(record.sequenceNumber).toMatch(/^49\d{54}$/);
      seqs.push(record.sequenceNumber);
    }
    for (let i = 1; i < seqs.length; i += 1) expect(decimalLess(seqs[i - 1]!, seqs[i]!)).toBe(true);
    expect(out.filter((c) => c.type === 'log')).toHaveLength(30);
  });

  it('refuses what Kinesis refuses', () => {
    const { stream, out } = setup();
    expect(stream.putRecord('', 'x', out)).toMatchObject({ ok: false, error: expect.stringMatching(/at 'partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1$/) });
    expect(stream.putRecord('k'.repeat(257), 'x', out)).toMatchObject({ ok: false, error: expect.stringMatching(/less than or equal to 256$/) });
    expect(stream.putRecord('k', 'x'.repeat(1024 * 1024), out)).toMatchObject({ ok: false, error: expect.stringMatching(/at 'data'/) });
    expect(stream.shardRecords(0)).toHaveLength(0);
  });

  it("makes Lambda's Kinesis record, field by field", () => {
    const { stream, out } = setup(2);
    const { record, shardId } = put(stream.putRecord('1', 'Hello, this is a test.', out));
    const event = stream.eventRecord(record, 'arn:aws:iam::123456789012:role/lambda-role') satisfies KinesisStreamRecord as KinesisStreamRecord;
    expect(event).toEqual({
      kinesis: {
        kinesisSchemaVersion: '1.0',
        partitionKey: '1',
        sequenceNumber: record.sequenceNumber,
        data: 'SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==',
        approximateArrivalTimestamp: STREAM_T0 / 1000,
      },
      eventSource: 'aws:kinesis',
      eventVersion: '1.0',
      eventID: `${shardId}:${record.sequenceNumber}`,
      eventName: 'aws:kinesis:record',
      invokeIdentityArn: 'arn:aws:iam::123456789012:role/lambda-role',
      awsRegion: 'us-east-1',
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks',
    });
  });
});
