import { describe, expect, it } from 'vitest';
import { TestClient } from './testClient.test-support';

function twoTables(): TestClient {
  const c = new TestClient();
  c.createTable('users');
  c.createTable('orders', 'N');
  c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, credit: { N: '10' } } });
  return c;
}

describe('BatchWriteItem and BatchGetItem', () => {
  it('writes across tables, then reads them back with projections', () => {
    const c = twoTables();
    const write = c.ok('BatchWriteItem', {
      RequestItems: {
        users: [{ PutRequest: { Item: { pk: { S: 'u2' }, credit: { N: '5' } } } }, { DeleteRequest: { Key: { pk: { S: 'u1' } } } }],
        orders: [{ PutRequest: { Item: { pk: { S: 'u2' }, sk: { N: '1' }, total: { N: '3' } } } }],
      },
      ReturnConsumedCapacity: 'TOTAL',
    });
    expect(write).toEqual({
      UnprocessedItems: {},
      ConsumedCapacity: [
        { TableName: 'users', CapacityUnits: 2, WriteCapacityUnits: 2 },
        { TableName: 'orders', CapacityUnits: 1, WriteCapacityUnits: 1 },
      ],
    });
    expect(c.last!.streamRecords.map((r) => `${r.tableName}:${r.eventName}`)).toEqual(['users:INSERT', 'users:REMOVE', 'orders:INSERT']);
    const read = c.ok('BatchGetItem', {
      RequestItems: {
        users: { Keys: [{ pk: { S: 'u1' } }, { pk: { S: 'u2' } }], ProjectionExpression: 'credit', ConsistentRead: true },
        orders: { Keys: [{ pk: { S: 'u2' }, sk: { N: '1' } }] },
      },
    });
    expect(read).toEqual({ Responses: { users: [{ credit: { N: '5' } }], orders: [{ pk: { S: 'u2' }, sk: { N: '1' }, total: { N: '3' } }] }, UnprocessedKeys: {} });
    expect(c.last!.consumed.readUnits).toBe(1 + 1 + 0.5);
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['a duplicate key', 'BatchWriteItem', { users: [{ PutRequest: { Item: { pk: { S: 'a' } } } }, { DeleteRequest: { Key: { pk: { S: 'a' } } } }] }, 'Provided list of item keys contains duplicates'],
    ['26 writes', 'BatchWriteItem', { users: Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: { pk: { S: `u${i + 10}` } } } })) }, 'Member must have length less than or equal to 25'],
    ['a missing key', 'BatchWriteItem', { users: [{ PutRequest: { Item: { x: { S: 'a' } } } }] }, 'One or more parameter values were invalid: Missing the key pk in the item'],
    ['101 keys', 'BatchGetItem', { users: { Keys: Array.from({ length: 101 }, (_, i) => ({ pk: { S: `u${i}` } })) } }, 'Too many items requested for the BatchGetItem call'],
    ['duplicate keys', 'BatchGetItem', { users: { Keys: [{ pk: { S: 'u1' } }, { pk: { S: 'u1' } }] } }, 'Provided list of item keys contains duplicates'],
  ])('refuses %s, writing nothing', (_, operation, items, message) => {
    const c = twoTables();
    expect(c.error(operation, { RequestItems: items }).message).toContain(message);
    expect(c.store.tables.users!.items.size).toBe(1);
  });
});

const transfer = (amount: string) => ({
  TransactItems: [
    {
      Update: {
        TableName: 'users',
        Key: { pk: { S: 'u1' } },
        UpdateExpression: 'SET credit = credit - :a',
        ConditionExpression: 'credit >= :a',
        ExpressionAttributeValues: { ':a': { N: amount } },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    { Put: { TableName: 'orders', Item: { pk: { S: 'u1' }, sk: { N: '1' }, amount: { N: amount } }, ConditionExpression: 'attribute_not_exists(pk)' } },
    { ConditionCheck: { TableName: 'users', Key: { pk: { S: 'admin' } }, ConditionExpression: 'attribute_not_exists(pk)' } },
  ],
  ReturnConsumedCapacity: 'TOTAL',
});

describe('TransactWriteItems', () => {
  it('applies every action, at two write units each', () => {
    const c = twoTables();
    const body = c.ok('TransactWriteItems', transfer('4'));
    expect(c.last!.streamRecords.map((r) => r.eventName)).toEqual(['MODIFY', 'INSERT']);
    expect(c.ok('GetItem', { TableName: 'users', Key: { pk: { S: 'u1' } } }).Item).toEqual({ pk: { S: 'u1' }, credit: { N: '6' } });
    expect(c.ok('GetItem', { TableName: 'orders', Key: { pk: { S: 'u1' }, sk: { N: '1' } } }).Item).toBeDefined();
    expect(body.ConsumedCapacity).toEqual([
      { TableName: 'users', CapacityUnits: 4, WriteCapacityUnits: 4 },
      { TableName: 'orders', CapacityUnits: 2, WriteCapacityUnits: 2 },
    ]);
  });

  it('cancels all of it when one condition fails, with a reason per action', () => {
    const c = twoTables();
    const error = c.error('TransactWriteItems', transfer('40'));
    expect(error).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None, None]',
      CancellationReasons: [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed', Item: { pk: { S: 'u1' }, credit: { N: '10' } } }, { Code: 'None' }, { Code: 'None' }],
    });
    expect(c.store.tables.orders!.items.size).toBe(0);
    expect(c.ok('GetItem', { TableName: 'users', Key: { pk: { S: 'u1' } } }).Item).toEqual({ pk: { S: 'u1' }, credit: { N: '10' } });
    expect(c.last!.streamRecords).toEqual([]);
  });

  it('cancels with a ValidationError reason when an update cannot apply', () => {
    const c = twoTables();
    const error = c.error('TransactWriteItems', {
      TransactItems: [
        { Update: { TableName: 'users', Key: { pk: { S: 'u1' } }, UpdateExpression: 'ADD credit :s', ExpressionAttributeValues: { ':s': { SS: ['x'] } } } },
        { Put: { TableName: 'orders', Item: { pk: { S: 'u1' }, sk: { N: '1' } } } },
      ],
    });
    expect(error.CancellationReasons).toEqual([{ Code: 'ValidationError', Message: 'An operand in the update expression has an incorrect data type' }, { Code: 'None' }]);
    expect(c.store.tables.orders!.items.size).toBe(0);
  });

  it.each<[string, unknown[], string]>([
    ['two actions on one item', [{ Put: { TableName: 'users', Item: { pk: { S: 'u1' } } } }, { Delete: { TableName: 'users', Key: { pk: { S: 'u1' } } } }], 'Transaction request cannot include multiple operations on one item'],
    ['an unknown table', [{ Put: { TableName: 'nope', Item: { pk: { S: 'u1' } } } }], 'Requested resource not found'],
    ['an action with two kinds', [{ Put: { TableName: 'users', Item: { pk: { S: 'u1' } } }, Delete: { TableName: 'users', Key: { pk: { S: 'u1' } } } }], 'TransactItems can only contain one of Check, Put, Update or Delete'],
    ['101 actions', Array.from({ length: 101 }, (_, i) => ({ Put: { TableName: 'users', Item: { pk: { S: `n${i}` } } } })), 'Member must have length less than or equal to 100'],
  ])('refuses %s as a whole', (_, items, message) => {
    const c = twoTables();
    expect(c.error('TransactWriteItems', { TransactItems: items }).message).toContain(message);
    expect(c.store.tables.users!.items.size).toBe(1);
  });
});
