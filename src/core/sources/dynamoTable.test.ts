import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { itemSize as attributeMapSize } from '../services/dynamodb/attributeValue';
import { toAttributeValue } from './dynamoAttributeValue';
import { DynamoTable, type DynamoTableOptions, type DynamoStreamRecord, type TableWriteResult } from './dynamoTable';
import type { SourceCommand } from './sourceTypes';
import { STREAM_T0, StreamTestHub, decimalLess } from './streamTestHub.test-support';

function setup(options: Partial<DynamoTableOptions> = {}) {
  const hub = new StreamTestHub();
  const table = new DynamoTable(hub.ctx, { name: 'orders', keySchema: { partitionKey: { name: 'id', type: 'S' } }, ...options });
  const out: SourceCommand[] = [];
  return { hub, table, out };
}

function recordOf(result: TableWriteResult): DynamoStreamRecord {
  if (!result.ok) throw new Error(result.error);
  if (!result.record) throw new Error('no stream record');
  return result.record;
}

describe('AttributeValues', () => {
  it('types plain JSON as the document client does', () => {
    expect(toAttributeValue({ s: 'x', n: 101, f: 1.5, b: true, z: null, l: [1, 'a', [false]], m: { k: { deep: 'v' } } })).toEqual({
      M: {
        s: { S: 'x' },
        n: { N: '101' },
        f: { N: '1.5' },
        b: { BOOL: true },
        z: { NULL: true },
        l: { L: [{ N: '1' }, { S: 'a' }, { L: [{ BOOL: false }] }] },
        m: { M: { k: { M: { deep: { S: 'v' } } } } },
      },
    });
  });

  it('types Sets, binary and numbers as the document client does, checked as DynamoDB checks them', () => {
    expect(toAttributeValue({ ss: new Set(['a', 'b']), ns: new Set([1, 2.5]), bs: new Set([new Uint8Array([1]), new Uint8Array([2])]), b: new Uint8Array([0, 1, 2]), big: 12345678901234567890n, f: 1e21 })).toEqual({
      M: { ss: { SS: ['a', 'b'] }, ns: { NS: ['1', '2.5'] }, bs: { BS: ['AQ==', 'Ag=='] }, b: { B: 'AAEC' }, big: { N: '12345678901234567890' }, f: { N: '1000000000000000000000' } },
    });
    expect(() => toAttributeValue(new Set())).toThrow('One or more parameter values were invalid: An string set  may not be empty');
    expect(() => toAttributeValue(new Set(['a', 1]))).toThrow('A set holds only strings, only numbers or only binaries');
    expect(() => toAttributeValue(Number.NaN)).toThrow('Number NaN is not a DynamoDB number');
  });

  it('a form write of a set or binary value goes on the stream as SS / B', () => {
    const { table, out } = setup();
    const record = recordOf(table.putItem({ id: 's', tags: new Set(['x']), raw: new Uint8Array([255]) }, out));
    expect(record.dynamodb.NewImage).toEqual({ id: { S: 's' }, tags: { SS: ['x'] }, raw: { B: '/w==' } });
    expect(record.dynamodb.SizeBytes).toBe(3 + (3 + 4 + 1 + 3 + 1)); // keys id+s; id+s, tags+x, raw+1 byte
  });

  it('sizes items by DynamoDB rules: the SizeBytes of the Lambda guide example (26 and 59)', () => {
    const keys = { Id: { N: '101' } };
    const first = { Message: { S: 'New item!' }, Id: { N: '101' } };
    const changed = { Message: { S: 'This item has changed' }, Id: { N: '101' } };
    expect(attributeMapSize(keys) + attributeMapSize(first)).toBe(26);
    expect(attributeMapSize(keys) + attributeMapSize(first) + attributeMapSize(changed)).toBe(59);
  });
});

describe('DynamoTable stream records', () => {
  it('INSERT carries typed Keys and NewImage, a sequence number, size and creation time', () => {
    const { table, out } = setup();
    const record = recordOf(table.putItem('{"id":"a1","qty":101,"paid":true,"note":null,"tags":["x"],"addr":{"city":"Oslo"}}', out));
    expect(record.eventName).toBe('INSERT');
    expect(record.dynamodb).toEqual({
      ApproximateCreationDateTime: Math.floor(STREAM_T0 / 1000),
      Keys: { id: { S: 'a1' } },
      NewImage: {
        id: { S: 'a1' },
        qty: { N: '101' },
        paid: { BOOL: true },
        note: { NULL: true },
        tags: { L: [{ S: 'x' }] },
        addr: { M: { city: { S: 'Oslo' } } },
      },
      SequenceNumber: record.sequenceNumber,
      SizeBytes: expect.any(Number),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(record.dynamodb.SizeBytes).toBe(attributeMapSize(record.dynamodb.Keys) + attributeMapSize(record.dynamodb.NewImage!));
    expect(record.sequenceNumber).toMatch(/^[1-9]\d{20}$/);
    expect(record.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(out).toContainEqual({ type: 'changed' });
  });

  it('MODIFY has both images; an unchanged put writes nothing; REMOVE has the old image', () => {
    const { table, out } = setup();
    recordOf(table.putItem({ id: 'a', n: 1 }, out));
    const modify = recordOf(table.putItem({ n: 2, id: 'a' }, out));
    expect(modify.eventName).toBe('MODIFY');
    expect(modify.dynamodb.OldImage).toEqual({ id: { S: 'a' }, n: { N: '1' } });
    expect(modify.dynamodb.NewImage).toEqual({ n: { N: '2' }, id: { S: 'a' } });
    expect(table.putItem({ id: 'a', n: 2 }, out)).toEqual({ ok: true, record: null });
    const remove = recordOf(table.deleteItem('{"id":"a"}', out));
    expect(remove.eventName).toBe('REMOVE');
    expect(remove.dynamodb.OldImage).toEqual({ n: { N: '2' }, id: { S: 'a' } });
    expect(remove.dynamodb.NewImage).toBeUndefined();
    expect(table.deleteItem({ id: 'a' }, out)).toEqual({ ok: true, record: null });
    expect(table.shardRecords(0)).toHaveLength(3);
  });

  it('UpdateItem creates (INSERT) then modifies, and refuses to change a key attribute', () => {
    const { table, out } = setup();
    const insert = recordOf(table.updateItem({ id: 'u' }, { count: 1 }, out));
    expect(insert.eventName).toBe('INSERT');
    expect(insert.dynamodb.NewImage).toEqual({ id: { S: 'u' }, count: { N: '1' } });
    const modify = recordOf(table.updateItem({ id: 'u' }, { count: 2, label: 'two' }, out));
    expect(modify.dynamodb.NewImage).toEqual({ id: { S: 'u' }, count: { N: '2' }, label: { S: 'two' } });
    const removed = recordOf(table.updateItem({ id: 'u' }, { label: undefined }, out));
    expect(removed.dynamodb.NewImage).toEqual({ id: { S: 'u' }, count: { N: '2' } });
    expect(table.updateItem({ id: 'u' }, { id: 'v' }, out)).toEqual({
      ok: false,
      error: 'ValidationException: One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key',
    });
  });

  it.each([
    ['KEYS_ONLY', false, false],
    ['NEW_IMAGE', true, false],
    ['OLD_IMAGE', false, true],
    ['NEW_AND_OLD_IMAGES', true, true],
  ] as const)('%s: a MODIFY record holds NewImage %s, OldImage %s', (streamViewType, withNew, withOld) => {
    const { table, out } = setup({ streamViewType });
    table.putItem({ id: 'k', v: 1 }, out);
    const modify = recordOf(table.putItem({ id: 'k', v: 2 }, out));
    expect(modify.dynamodb.StreamViewType).toBe(streamViewType);
    expect(modify.dynamodb.Keys).toEqual({ id: { S: 'k' } });
    expect('NewImage' in modify.dynamodb).toBe(withNew);
    expect('OldImage' in modify.dynamodb).toBe(withOld);
    const images = (withNew ? attributeMapSize(modify.dynamodb.NewImage!) : 0) + (withOld ? attributeMapSize(modify.dynamodb.OldImage!) : 0);
    expect(modify.dynamodb.SizeBytes).toBe(attributeMapSize(modify.dynamodb.Keys) + images);
  });

  it('keys with a sort key; refuses what DynamoDB refuses, in its words', () => {
    const { table, out } = setup({ keySchema: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'N' } } });
    expect(recordOf(table.putItem({ pk: 'user', sk: 7, v: 'x' }, out)).dynamodb.Keys).toEqual({ pk: { S: 'user' }, sk: { N: '7' } });
    expect(table.putItem({ pk: 'user' }, out)).toEqual({ ok: false, error: 'ValidationException: One or more parameter values were invalid: Missing the key sk in the item' });
    expect(table.putItem({ pk: 'user', sk: '7' }, out)).toEqual({
      ok: false,
      error: 'ValidationException: One or more parameter values were invalid: Type mismatch for key sk expected: N actual: S',
    });
    expect(table.deleteItem({ pk: 'user', sk: 7, v: 'x' }, out)).toEqual({ ok: false, error: 'ValidationException: The provided key element does not match the schema' });
    expect(table.putItem('{"pk":', out)).toMatchObject({ ok: false, error: expect.stringMatching(/^The item is not valid JSON/) });
    expect(table.putItem('[1]', out)).toEqual({ ok: false, error: 'The item must be a JSON object' });
    expect(table.putItem({ pk: '', sk: 1 }, out)).toMatchObject({ ok: false, error: expect.stringMatching(/cannot contain an empty string value. Key: pk$/) });
    expect(recordOf(table.deleteItem({ pk: 'user', sk: 7.0 }, out)).eventName).toBe('REMOVE');
  });

  it('sequence numbers increase; an item always goes to the shard of its partition key', () => {
    const { table, out } = setup({ shardCount: 4 });
    const seqs: string[] = [];
    const shardOf = new Map<string, number>();
    for (let i = 0; i < 60; i += 1) {
      const id = `item-${i % 12}`;
      const record = recordOf(table.putItem({ id, n: i }, out));
      seqs.push(record.sequenceNumber);
      const shard = [0, 1, 2, 3].find((s) => table.shardRecords(s).includes(record))!;
      if (shardOf.has(id)) expect(shard).toBe(shardOf.get(id));
      shardOf.set(id, shard);
    }
    for (let i = 1; i < seqs.length; i += 1) expect(decimalLess(seqs[i - 1]!, seqs[i]!)).toBe(true);
    expect(new Set(shardOf.values()).size).toBeGreaterThan(1);
    expect(table.view().shards.map((s) => s.shardId)).toEqual([0, 1, 2, 3].map((i) => table.shardId(i)));
    for (const id of [0, 1, 2, 3].map((i) => table.shardId(i))) expect(id).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
  });

  it("makes Lambda's DynamoDB record: eventVersion 1.1, aws:dynamodb, the stream ARN", () => {
    const { table, out, hub } = setup();
    hub.clock.advance(1500);
    const record = recordOf(table.putItem({ id: 'z', n: 101 }, out));
    const event = table.eventRecord(record) satisfies DynamoDBRecord as DynamoDBRecord;
    expect(Object.keys(event)).toEqual(['eventID', 'eventName', 'eventVersion', 'eventSource', 'awsRegion', 'dynamodb', 'eventSourceARN']);
    expect(event.eventVersion).toBe('1.1');
    expect(event.eventSource).toBe('aws:dynamodb');
    expect(event.awsRegion).toBe('us-east-1');
    expect(event.eventSourceARN).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2025-09-01T12:00:00.000');
    expect(event.dynamodb?.NewImage?.n).toEqual({ N: '101' });
    expect(event.dynamodb?.ApproximateCreationDateTime).toBe(Math.floor((STREAM_T0 + 1500) / 1000));
  });
});
