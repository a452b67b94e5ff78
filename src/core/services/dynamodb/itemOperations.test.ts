import { describe, expect, it } from 'vitest';
import { T0, TestClient } from './testClient.test-support';

function withUsers(): TestClient {
  const c = new TestClient();
  c.createTable('users', undefined, 'NEW_AND_OLD_IMAGES');
  return c;
}

describe('PutItem and GetItem', () => {
  it('stores an item and reads it back, numbers normalised, absent items without Item', () => {
    const c = withUsers();
    expect(c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, n: { N: '1.50' }, tags: { SS: ['a'] } } })).toEqual({});
    expect(c.ok('GetItem', { TableName: 'users', Key: { pk: { S: 'u1' } } })).toEqual({ Item: { pk: { S: 'u1' }, n: { N: '1.5' }, tags: { SS: ['a'] } } });
    expect(c.ok('GetItem', { TableName: 'users', Key: { pk: { S: 'nobody' } }, ConsistentRead: true })).toEqual({});
  });

  it('projects with ProjectionExpression and names', () => {
    const c = withUsers();
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, name: { S: 'Ada' }, age: { N: '36' } } });
    expect(c.ok('GetItem', { TableName: 'users', Key: { pk: { S: 'u1' } }, ProjectionExpression: '#n', ExpressionAttributeNames: { '#n': 'name' } })).toEqual({ Item: { name: { S: 'Ada' } } });
  });

  it('returns the old item with ReturnValues ALL_OLD', () => {
    const c = withUsers();
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, v: { N: '1' } } });
    expect(c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, v: { N: '2' } }, ReturnValues: 'ALL_OLD' })).toEqual({ Attributes: { pk: { S: 'u1' }, v: { N: '1' } } });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a missing key', { Item: { id: { S: 'x' } } }, 'ValidationException', 'One or more parameter values were invalid: Missing the key pk in the item'],
    ['a key of the wrong type', { Item: { pk: { N: '1' } } }, 'ValidationException', 'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N'],
    ['an empty key', { Item: { pk: { S: '' } } }, 'ValidationException', 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk'],
    ['a partition key over 2048 bytes', { Item: { pk: { S: 'k'.repeat(2049) } } }, 'ValidationException', 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes'],
    ['an item over 400 KB', { Item: { pk: { S: 'u' }, big: { S: 'x'.repeat(400 * 1024) } } }, 'ValidationException', 'Item size has exceeded the maximum allowed size'],
    ['ReturnValues ALL_NEW', { Item: { pk: { S: 'u' } }, ReturnValues: 'ALL_NEW' }, 'ValidationException', 'ReturnValues can only be ALL_OLD or NONE'],
    ['an unused value', { Item: { pk: { S: 'u' } }, ConditionExpression: 'attribute_not_exists(pk)', ExpressionAttributeValues: { ':x': { S: 'x' } } }, 'ValidationException', 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}'],
    ['an empty values map', { Item: { pk: { S: 'u' } }, ConditionExpression: 'attribute_not_exists(pk)', ExpressionAttributeValues: {} }, 'ValidationException', 'ExpressionAttributeValues must not be empty'],
    ['a value key without its colon', { Item: { pk: { S: 'u' } }, ConditionExpression: 'a = :x', ExpressionAttributeValues: { x: { S: 'x' } } }, 'ValidationException', 'ExpressionAttributeValues contains invalid key: Syntax error; key: "x"'],
    ['a name key without its #', { Item: { pk: { S: 'u' } }, ConditionExpression: 'attribute_not_exists(pk)', ExpressionAttributeNames: { n: 'name' } }, 'ValidationException', 'ExpressionAttributeNames contains invalid key: Syntax error; key: "n"'],
    ['values without an expression', { Item: { pk: { S: 'u' } }, ExpressionAttributeValues: { ':x': { S: 'x' } } }, 'ValidationException', 'ExpressionAttributeValues can only be specified when using expressions'],
    ['an invalid value', { Item: { pk: { S: 'u' } }, ConditionExpression: 'a = :x', ExpressionAttributeValues: { ':x': { SS: [] } } }, 'ValidationException', 'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set  may not be empty for key :x'],
  ])('refuses %s', (_, request, type, message) => {
    const c = withUsers();
    const error = c.error('PutItem', { TableName: 'users', ...request });
    expect(error.__type.endsWith(`#${type}`)).toBe(true);
    expect(error.message).toBe(message);
    expect(c.store.tables.users!.items.size).toBe(0);
  });

  it('accepts an item of exactly 400 KB', () => {
    const c = withUsers();
    // pk (2) + 'u' (1) + big (3) + value
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u' }, big: { S: 'x'.repeat(400 * 1024 - 6) } } });
    expect(c.store.tables.users!.items.size).toBe(1);
  });

  it('GetItem with a key that does not match the schema, and an unknown table', () => {
    const c = withUsers();
    expect(c.error('GetItem', { TableName: 'users', Key: { pk: { S: 'u' }, extra: { S: 'x' } } }).message).toBe('The provided key element does not match the schema');
    expect(c.error('GetItem', { TableName: 'users', Key: { pk: { N: '1' } } }).message).toBe('The provided key element does not match the schema');
    expect(c.error('GetItem', { TableName: 'nope', Key: { pk: { S: 'u' } } })).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found',
    });
  });
});

describe('conditional writes', () => {
  it('refuses with ConditionalCheckFailedException, and carries the item when asked', () => {
    const c = withUsers();
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, v: { N: '1' } } });
    const plain = c.error('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' } }, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(plain).toEqual({ __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' });
    expect(c.last!.consumed.writeUnits).toBe(1);
    const withItem = c.error('DeleteItem', { TableName: 'users', Key: { pk: { S: 'u1' } }, ConditionExpression: 'v = :two', ExpressionAttributeValues: { ':two': { N: '2' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' });
    expect(withItem.Item).toEqual({ pk: { S: 'u1' }, v: { N: '1' } });
    expect(c.ok('GetItem', { TableName: 'users', Key: { pk: { S: 'u1' } } }).Item).toEqual({ pk: { S: 'u1' }, v: { N: '1' } });
  });

  it('evaluates a condition on an absent item as on an empty one', () => {
    const c = withUsers();
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' } }, ConditionExpression: 'attribute_not_exists(pk)' });
    expect(c.error('UpdateItem', { TableName: 'users', Key: { pk: { S: 'u2' } }, UpdateExpression: 'SET v = :v', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':v': { N: '1' } } }).__type).toContain('ConditionalCheckFailedException');
    expect(c.store.tables.users!.items.size).toBe(1);
  });
});

describe('UpdateItem', () => {
  const key = { pk: { S: 'u1' } };
  function seeded(): TestClient {
    const c = withUsers();
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, a: { N: '1' }, b: { S: 'x' }, c: { S: 'keep' } } });
    return c;
  }
  const request = { TableName: 'users', Key: key, UpdateExpression: 'SET a = a + :one REMOVE b', ExpressionAttributeValues: { ':one': { N: '1' } } };

  it.each<[string, Record<string, unknown> | undefined]>([
    ['NONE', undefined],
    ['ALL_OLD', { pk: { S: 'u1' }, a: { N: '1' }, b: { S: 'x' }, c: { S: 'keep' } }],
    ['ALL_NEW', { pk: { S: 'u1' }, a: { N: '2' }, c: { S: 'keep' } }],
    ['UPDATED_OLD', { a: { N: '1' }, b: { S: 'x' } }],
    ['UPDATED_NEW', { a: { N: '2' } }],
  ])('ReturnValues %s', (mode, attributes) => {
    const c = seeded();
    const body = c.ok('UpdateItem', { ...request, ReturnValues: mode });
    expect(body.Attributes).toEqual(attributes);
  });

  it('creates the item from its key when absent (an upsert)', () => {
    const c = withUsers();
    const body = c.ok('UpdateItem', { TableName: 'users', Key: { pk: { S: 'new' } }, UpdateExpression: 'ADD hits :one', ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnValues: 'ALL_NEW' });
    expect(body.Attributes).toEqual({ pk: { S: 'new' }, hits: { N: '1' } });
    expect(c.last!.streamRecords[0]!.eventName).toBe('INSERT');
  });

  it('refuses an update of a key attribute and a wrong operand type, changing nothing', () => {
    const c = seeded();
    expect(c.error('UpdateItem', { TableName: 'users', Key: key, UpdateExpression: 'SET pk = :v', ExpressionAttributeValues: { ':v': { S: 'z' } } }).message).toBe(
      'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key',
    );
    expect(c.error('UpdateItem', { TableName: 'users', Key: key, UpdateExpression: 'SET b = b + :one', ExpressionAttributeValues: { ':one': { N: '1' } } }).message).toBe(
      'An operand in the update expression has an incorrect data type',
    );
    expect(c.ok('GetItem', { TableName: 'users', Key: key }).Item).toEqual({ pk: { S: 'u1' }, a: { N: '1' }, b: { S: 'x' }, c: { S: 'keep' } });
  });
});

describe('stream records and consumed capacity', () => {
  it('writes INSERT, MODIFY and REMOVE records with images, sizes and the time; no record for an unchanged item', () => {
    const c = withUsers();
    c.nowMs = T0 + 1500;
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, v: { N: '1' } } });
    expect(c.last!.streamRecords).toEqual([
      { tableName: 'users', eventName: 'INSERT', dynamodb: { ApproximateCreationDateTime: Math.floor((T0 + 1500) / 1000), Keys: { pk: { S: 'u1' } }, NewImage: { pk: { S: 'u1' }, v: { N: '1' } }, SizeBytes: 4 + (4 + 1 + 2), StreamViewType: 'NEW_AND_OLD_IMAGES' } },
    ]);
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u1' }, v: { N: '1' } } });
    expect(c.last!.streamRecords).toEqual([]);
    c.ok('UpdateItem', { TableName: 'users', Key: { pk: { S: 'u1' } }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { N: '2' } } });
    expect(c.last!.streamRecords[0]).toMatchObject({ eventName: 'MODIFY', dynamodb: { OldImage: { v: { N: '1' } }, NewImage: { v: { N: '2' } } } });
    c.ok('DeleteItem', { TableName: 'users', Key: { pk: { S: 'u1' } } });
    expect(c.last!.streamRecords[0]).toMatchObject({ eventName: 'REMOVE', dynamodb: { OldImage: { v: { N: '2' } } } });
    expect(c.last!.streamRecords[0]!.dynamodb.NewImage).toBeUndefined();
    c.ok('DeleteItem', { TableName: 'users', Key: { pk: { S: 'u1' } } });
    expect(c.last!.streamRecords).toEqual([]);
  });

  it('follows the table StreamViewType', () => {
    const c = new TestClient();
    c.createTable('keys', undefined, 'KEYS_ONLY');
    c.ok('PutItem', { TableName: 'keys', Item: { pk: { S: 'u1' }, v: { N: '1' } } });
    expect(c.last!.streamRecords[0]!.dynamodb).toEqual({ ApproximateCreationDateTime: Math.floor(T0 / 1000), Keys: { pk: { S: 'u1' } }, SizeBytes: 4, StreamViewType: 'KEYS_ONLY' });
  });

  it.each<[string, number, boolean, number]>([
    ['a small item, eventually consistent', 10, false, 0.5],
    ['a small item, strongly consistent', 10, true, 1],
    ['just over 4 KB, eventually consistent', 4097, false, 1],
    ['just over 4 KB, strongly consistent', 4097, true, 2],
  ])('GetItem of %s consumes %s', (_, bytes, consistent, units) => {
    const c = withUsers();
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u' }, d: { S: 'x'.repeat(bytes - 4) } } });
    const body = c.ok('GetItem', { TableName: 'users', Key: { pk: { S: 'u' } }, ConsistentRead: consistent, ReturnConsumedCapacity: 'TOTAL' });
    expect(body.ConsumedCapacity).toEqual({ TableName: 'users', CapacityUnits: units, ReadCapacityUnits: units });
    expect(c.last!.consumed).toEqual({ readUnits: units, writeUnits: 0 });
  });

  it.each<[number, number]>([
    [1024, 1],
    [1025, 2],
    [3000, 3],
  ])('PutItem of %i bytes consumes %i write units (the larger of old and new)', (bytes, units) => {
    const c = withUsers();
    c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u' }, d: { S: 'x'.repeat(bytes - 4) } } });
    expect(c.last!.consumed.writeUnits).toBe(units);
    const body = c.ok('PutItem', { TableName: 'users', Item: { pk: { S: 'u' } }, ReturnConsumedCapacity: 'INDEXES' });
    expect(body.ConsumedCapacity).toEqual({ TableName: 'users', CapacityUnits: units, WriteCapacityUnits: units, Table: { CapacityUnits: units, WriteCapacityUnits: units } });
  });
});
