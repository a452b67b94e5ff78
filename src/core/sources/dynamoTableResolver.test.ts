import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handleDynamoDbRequestOn, type DynamoDbHttpResponse } from '../services/dynamodb/handleDynamoDbRequest';
import { emptyDynamoDbStore, type DynamoDbStore } from '../services/dynamodb/tableStore';
import { DynamoTable, type DynamoTableOptions } from './dynamoTable';
import { dynamoTableResolver } from './dynamoTableResolver';
import { StreamEventSourceMapping } from './streamEventSourceMapping';
import { StreamTestHub, decimalLess, ok } from './streamTestHub.test-support';

/** A stream trigger's table `orders` (key `id`), its mapping started from TRIM_HORIZON, and a standalone store beside it. */
function setup(options: Partial<DynamoTableOptions> = {}) {
  const hub = new StreamTestHub();
  const table = new DynamoTable(hub.ctx, { name: 'orders', keySchema: { partitionKey: { name: 'id', type: 'S' } }, ...options });
  const mapping = new StreamEventSourceMapping(hub.ctx, { id: 'esm', kind: 'dynamodb', source: table, functionName: 'consumer', startingPosition: 'TRIM_HORIZON' });
  hub.attach(mapping);
  hub.act((out) => mapping.start(out));
  let store: DynamoDbStore = emptyDynamoDbStore();
  /** One API call, routed as the integrator routes it: the trigger's table by name, else the store. */
  const call = (operation: string, request: unknown): DynamoDbHttpResponse => {
    let response: DynamoDbHttpResponse | undefined;
    hub.act((out) => {
      const routing = dynamoTableResolver(store, [table]);
      response = handleDynamoDbRequestOn(routing.resolver, { target: `DynamoDB_20120810.${operation}`, body: JSON.stringify(request) }, hub.clock.now());
      out.push(...routing.commands.get(table)!);
    });
    store = response!.store;
    return response!;
  };
  const body = (r: DynamoDbHttpResponse): Record<string, unknown> => JSON.parse(r.body) as Record<string, unknown>;
  /** Every record of the invokes so far, as Lambda received them. */
  const received = () => hub.invokes.flatMap((i) => (JSON.parse(i.payload) as DynamoDBStreamEvent).Records);
  const drain = (): void => {
    hub.advance(250);
    while (hub.pending.length) {
      hub.answer(ok());
      hub.advance(250);
    }
  };
  return { hub, table, call, body, received, drain, store: () => store };
}

describe('the DynamoDB service model on a stream trigger’s table', () => {
  it('PutItem, UpdateItem and DeleteItem change the table and its stream; the mapping delivers INSERT, MODIFY, REMOVE', () => {
    const { table, call, received, drain } = setup();
    expect(call('PutItem', { TableName: 'orders', Item: { id: { S: 'o1' }, total: { N: '101' } } }).status).toBe(200);
    expect(table.view().itemCount).toBe(1);
    const update = call('UpdateItem', {
      TableName: 'orders',
      Key: { id: { S: 'o1' } },
      UpdateExpression: 'SET #t = #t + :one',
      ExpressionAttributeNames: { '#t': 'total' },
      ExpressionAttributeValues: { ':one': { N: '1' } },
      ReturnValues: 'ALL_NEW',
    });
    expect(JSON.parse(update.body)).toEqual({ Attributes: { id: { S: 'o1' }, total: { N: '102' } } });
    expect(table.getItem({ id: 'o1' })).toEqual({ id: { S: 'o1' }, total: { N: '102' } });
    const removed = call('DeleteItem', { TableName: 'orders', Key: { id: { S: 'o1' } } });
    expect(removed.streamRecords.map((r) => r.eventName)).toEqual(['REMOVE']);
    expect(removed.streamRecords[0]!.dynamodb.SequenceNumber).toBe(table.shardRecords(0)[2]!.sequenceNumber);
    expect(table.view().itemCount).toBe(0);

    const records = table.shardRecords(0);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    expect(decimalLess(records[0]!.sequenceNumber, records[1]!.sequenceNumber) && decimalLess(records[1]!.sequenceNumber, records[2]!.sequenceNumber)).toBe(true);

    drain();
    const events = received();
    expect(events.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    expect(events.map((r) => r.dynamodb?.SequenceNumber)).toEqual(records.map((r) => r.sequenceNumber));
    for (const r of events) {
      expect(r.eventID).toMatch(/^[0-9a-f]{32}$/);
      expect(r).toMatchObject({ eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'us-east-1', eventSourceARN: table.streamArn });
      expect(r.dynamodb?.Keys).toEqual({ id: { S: 'o1' } });
    }
    expect(events[1]!.dynamodb).toEqual({
      ApproximateCreationDateTime: expect.any(Number),
      Keys: { id: { S: 'o1' } },
      NewImage: { id: { S: 'o1' }, total: { N: '102' } },
      OldImage: { id: { S: 'o1' }, total: { N: '101' } },
      SequenceNumber: records[1]!.sequenceNumber,
      SizeBytes: 4 + 12 + 12, // keys id+o1; each image adds total (5) and a 3-digit number (3)
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(events[2]!.dynamodb?.NewImage).toBeUndefined();
  });

  it.each([
    ['KEYS_ONLY', false, false],
    ['NEW_IMAGE', true, false],
    ['OLD_IMAGE', false, true],
    ['NEW_AND_OLD_IMAGES', true, true],
  ] as const)('%s: a service MODIFY reaches Lambda with NewImage %s, OldImage %s', (streamViewType, withNew, withOld) => {
    const { call, received, drain } = setup({ streamViewType });
    call('PutItem', { TableName: 'orders', Item: { id: { S: 'k' }, v: { N: '1' } } });
    call('PutItem', { TableName: 'orders', Item: { id: { S: 'k' }, v: { N: '2' } } });
    drain();
    const modify = received()[1]!;
    expect(modify.eventName).toBe('MODIFY');
    expect(modify.dynamodb?.StreamViewType).toBe(streamViewType);
    expect(modify.dynamodb?.Keys).toEqual({ id: { S: 'k' } });
    expect(modify.dynamodb?.NewImage).toEqual(withNew ? { id: { S: 'k' }, v: { N: '2' } } : undefined);
    expect(modify.dynamodb?.OldImage).toEqual(withOld ? { id: { S: 'k' }, v: { N: '1' } } : undefined);
  });

  it('carries B, SS, NS and BS to Lambda exactly as DynamoDB Streams writes them', () => {
    const { call, received, drain } = setup();
    const item = { id: { S: 'b' }, blob: { B: 'AAEC' }, tags: { SS: ['x', 'y'] }, scores: { NS: ['1.50', '2'] }, blobs: { BS: ['AQ==', 'Ag=='] }, nested: { M: { l: { L: [{ B: 'AA==' }] } } } };
    call('PutItem', { TableName: 'orders', Item: item });
    drain();
    const [insert] = received();
    expect(insert!.dynamodb?.NewImage).toEqual({ ...item, scores: { NS: ['1.5', '2'] } });
    // Keys 3; NewImage: id 3, blob 4+3 bytes, tags 4+2, scores 6+2+2, blobs 5+1+1, nested 6+(3+1+(3+1+1)+1).
    expect(insert!.dynamodb?.SizeBytes).toBe(3 + 3 + 7 + 6 + 10 + 7 + 16);
  });

  it('a failed ConditionExpression writes nothing and puts nothing on the stream', () => {
    const { table, call, hub } = setup();
    call('PutItem', { TableName: 'orders', Item: { id: { S: 'o1' }, v: { N: '1' } } });
    const logs = hub.logs.length;
    const failed = call('PutItem', { TableName: 'orders', Item: { id: { S: 'o1' }, v: { N: '2' } }, ConditionExpression: 'attribute_not_exists(id)' });
    expect(failed.status).toBe(400);
    expect(JSON.parse(failed.body).__type).toBe('com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException');
    expect(failed.streamRecords).toEqual([]);
    expect(table.getItem({ id: 'o1' })).toEqual({ id: { S: 'o1' }, v: { N: '1' } });
    expect(table.shardRecords(0)).toHaveLength(1);
    expect(hub.logs).toHaveLength(logs);
    const update = call('UpdateItem', { TableName: 'orders', Key: { id: { S: 'o1' } }, UpdateExpression: 'SET v = :v', ConditionExpression: 'v = :zero', ExpressionAttributeValues: { ':v': { N: '5' }, ':zero': { N: '0' } } });
    expect(update.status).toBe(400);
    expect(table.shardRecords(0)).toHaveLength(1);
  });

  it('a write from the form and a write from the service model see each other, on one stream', () => {
    const { table, call, body, hub } = setup();
    hub.act((out) => void table.putItem({ id: 'ui', n: 1, tags: new Set(['a']) }, out));
    expect(body(call('GetItem', { TableName: 'orders', Key: { id: { S: 'ui' } } }))).toEqual({ Item: { id: { S: 'ui' }, n: { N: '1' }, tags: { SS: ['a'] } } });
    call('UpdateItem', { TableName: 'orders', Key: { id: { S: 'ui' } }, UpdateExpression: 'ADD tags :t', ExpressionAttributeValues: { ':t': { SS: ['b'] } } });
    expect(table.getItem({ id: 'ui' })).toEqual({ id: { S: 'ui' }, n: { N: '1' }, tags: { SS: ['a', 'b'] } });
    call('PutItem', { TableName: 'orders', Item: { id: { S: 'svc' }, n: { N: '2' } } });
    let result: ReturnType<DynamoTable['updateItem']> | undefined;
    hub.act((out) => void (result = table.updateItem({ id: 'svc' }, { n: 3 }, out)));
    expect(result).toMatchObject({ ok: true, record: { eventName: 'MODIFY', dynamodb: { OldImage: { id: { S: 'svc' }, n: { N: '2' } } } } });
    expect(body(call('Scan', { TableName: 'orders' })).Count).toBe(2);
    const seqs = table.shardRecords(0).map((r) => r.sequenceNumber);
    expect(table.shardRecords(0).map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'INSERT', 'MODIFY']);
    for (let i = 1; i < seqs.length; i += 1) expect(decimalLess(seqs[i - 1]!, seqs[i]!)).toBe(true);
  });

  it('a transaction over a trigger’s table and a standalone table is all or nothing', () => {
    const { table, call, store } = setup();
    const created = call('CreateTable', {
      TableName: 'audit',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    });
    expect(created.status).toBe(200);
    expect(Object.keys(store().tables)).toEqual(['audit']);
    call('PutItem', { TableName: 'audit', Item: { pk: { S: 'taken' } } });
    const cancelled = call('TransactWriteItems', {
      TransactItems: [
        { Put: { TableName: 'orders', Item: { id: { S: 't1' } } } },
        { Put: { TableName: 'audit', Item: { pk: { S: 'taken' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    });
    expect(JSON.parse(cancelled.body).__type).toBe('com.amazonaws.dynamodb.v20120810#TransactionCanceledException');
    expect(table.view().itemCount).toBe(0);
    expect(table.shardRecords(0)).toHaveLength(0);
    const done = call('TransactWriteItems', {
      TransactItems: [
        { Put: { TableName: 'orders', Item: { id: { S: 't1' } } } },
        { Put: { TableName: 'audit', Item: { pk: { S: 'new' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
      ],
    });
    expect(done.status).toBe(200);
    expect(done.streamRecords.map((r) => `${r.tableName}:${r.eventName}:${r.dynamodb.SequenceNumber ? 'seq' : '-'}`)).toEqual(['orders:INSERT:seq', 'audit:INSERT:-']);
    expect(table.view().itemCount).toBe(1);
    expect(store().tables.audit!.items.size).toBe(2);
    const batch = call('BatchWriteItem', { RequestItems: { orders: [{ DeleteRequest: { Key: { id: { S: 't1' } } } }], audit: [{ PutRequest: { Item: { pk: { S: 'b' } } } }] } });
    expect(batch.status).toBe(200);
    expect(table.shardRecords(0).map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE']);
    expect(store().tables.audit!.items.size).toBe(3);
  });

  it('lists and describes the trigger’s table; CreateTable and DeleteTable refuse it', () => {
    const { table, call, body, store } = setup();
    call('PutItem', { TableName: 'orders', Item: { id: { S: 'a' } } });
    expect(body(call('ListTables', {}))).toEqual({ TableNames: ['orders'] });
    const described = body(call('DescribeTable', { TableName: 'orders' })).Table as Record<string, unknown>;
    expect(described).toMatchObject({ TableName: 'orders', ItemCount: 1, LatestStreamArn: table.streamArn, StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } });
    const create = call('CreateTable', {
      TableName: 'orders',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    expect(body(create).__type).toBe('com.amazonaws.dynamodb.v20120810#ResourceInUseException');
    const del = call('DeleteTable', { TableName: 'orders' });
    expect(body(del)).toMatchObject({ __type: 'com.amazonaws.dynamodb.v20120810#ResourceInUseException', message: 'Table orders belongs to its DynamoDB stream trigger; delete it there' });
    expect(table.view().itemCount).toBe(1);
    expect(store().tables).toEqual({});
  });

  it('reads the table in place: a GetItem on 5,000 items looks up one key, never walking or copying the items', () => {
    const { table, call, hub } = setup();
    hub.act((out) => {
      for (let i = 0; i < 5000; i += 1) table.putItem({ id: `item-${i}`, n: i, text: 'x'.repeat(50) }, out);
    });
    const items = table.asServiceTable().items as Map<string, unknown>;
    const walks: string[] = [];
    for (const method of ['forEach', 'keys', 'values', 'entries', Symbol.iterator] as const) {
      const original = items[method] as (...a: unknown[]) => unknown;
      Object.defineProperty(items, method, { configurable: true, value: (...a: unknown[]) => (walks.push(String(method)), original.apply(items, a)) });
    }
    const request = { TableName: 'orders', Key: { id: { S: 'item-4321' } } };
    for (let i = 0; i < 20; i += 1) expect(JSON.parse(call('GetItem', request).body).Item.n).toEqual({ N: '4321' });
    expect(walks).toEqual([]);
    // The service reads the trigger's own map: the same object after the calls, still holding every item.
    expect(table.asServiceTable().items).toBe(items);
    expect(items.size).toBe(5000);
    // The check can fail: a Scan does walk the items.
    call('Scan', { TableName: 'orders', Limit: 1 });
    expect(walks.length).toBeGreaterThan(0);
  });

  it('keeps each trigger table’s commands apart, for its own mapping, in a transaction over two of them', () => {
    const hub = new StreamTestHub();
    const orders = new DynamoTable(hub.ctx, { name: 'orders', keySchema: { partitionKey: { name: 'id', type: 'S' } } });
    const users = new DynamoTable(hub.ctx, { name: 'users', keySchema: { partitionKey: { name: 'pk', type: 'N' } }, streamViewType: 'KEYS_ONLY' });
    const routing = dynamoTableResolver(emptyDynamoDbStore(), [orders, users]);
    const request = { TransactItems: [{ Put: { TableName: 'orders', Item: { id: { S: 'o' } } } }, { Put: { TableName: 'users', Item: { pk: { N: '7.0' }, v: { S: 'x' } } } }] };
    const response = handleDynamoDbRequestOn(routing.resolver, { target: 'DynamoDB_20120810.TransactWriteItems', body: JSON.stringify(request) }, hub.clock.now());
    expect(response.status).toBe(200);
    const logs = (t: DynamoTable) => routing.commands.get(t)!.flatMap((c) => (c.type === 'log' ? [c.text] : []));
    expect(logs(orders)).toEqual([expect.stringMatching(/^orders: INSERT id="o" → shard 0 \(seq \d+\)$/)]);
    expect(logs(users)).toEqual([expect.stringMatching(/^users: INSERT pk=7 → shard 0 \(seq \d+\)$/)]);
    expect(users.getItem({ pk: 7 })).toEqual({ pk: { N: '7' }, v: { S: 'x' } });
    expect(users.shardRecords(0)[0]!.dynamodb).toMatchObject({ Keys: { pk: { N: '7' } }, StreamViewType: 'KEYS_ONLY' });
    expect('NewImage' in users.shardRecords(0)[0]!.dynamodb).toBe(false);
  });
});
