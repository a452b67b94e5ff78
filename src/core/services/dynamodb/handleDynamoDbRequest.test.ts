import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../codec';
import { crc32, handleDynamoDbRequest, OPERATIONS } from './handleDynamoDbRequest';
import { emptyDynamoDbStore } from './tableStore';
import { T0, TestClient } from './testClient.test-support';

describe('the JSON 1.0 wire', () => {
  it('answers 200 with the JSON body and DynamoDB headers, its CRC32 over the body', () => {
    const c = new TestClient();
    const r = c.call('ListTables', {});
    expect(r.status).toBe(200);
    expect(r.body).toBe('{"TableNames":[]}');
    expect(r.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(r.headers['x-amzn-requestid']).toMatch(/^[0-9A-Z]{52}$/);
    expect(r.headers['x-amz-crc32']).toBe(String(crc32(utf8Bytes(r.body))));
  });

  it('computes the standard CRC32', () => {
    expect(crc32(utf8Bytes('123456789'))).toBe(0xcbf43926);
  });

  it.each<[string, string | undefined, string, string, string | undefined]>([
    ['an unknown operation', 'DynamoDB_20120810.Frobnicate', '{}', 'com.amazon.coral.service#UnknownOperationException', undefined],
    ['another service', 'Kinesis_20131202.PutRecord', '{}', 'com.amazon.coral.service#UnknownOperationException', undefined],
    ['no target', undefined, '{}', 'com.amazon.coral.service#UnknownOperationException', undefined],
    ['malformed JSON', 'DynamoDB_20120810.ListTables', '{"TableNames":', 'com.amazon.coral.service#SerializationException', 'Start of structure or map found where not expected'],
    ['a JSON array', 'DynamoDB_20120810.ListTables', '[]', 'com.amazon.coral.service#SerializationException', 'Start of structure or map found where not expected'],
  ])('refuses %s with HTTP 400', (_, target, body, type, message) => {
    const r = handleDynamoDbRequest(emptyDynamoDbStore(), { target, body }, T0);
    expect(r.status).toBe(400);
    expect(r.headers['x-amzn-errortype']).toBe(type);
    expect(JSON.parse(r.body)).toEqual({ __type: type, ...(message ? { message } : {}) });
  });

  it('names every operation the brief lists', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(
      ['BatchGetItem', 'BatchWriteItem', 'CreateTable', 'DeleteItem', 'DeleteTable', 'DescribeTable', 'GetItem', 'ListTables', 'PutItem', 'Query', 'Scan', 'TransactWriteItems', 'UpdateItem'].sort(),
    );
  });

  it('leaves the store untouched on an error, and returns the same store for reads', () => {
    const c = new TestClient();
    c.createTable('users');
    const before = c.store;
    c.error('PutItem', { TableName: 'users', Item: {} });
    expect(c.store).toBe(before);
    c.ok('GetItem', { TableName: 'users', Key: { pk: { S: 'x' } } });
    expect(c.store).toBe(before);
  });
});

describe('table operations', () => {
  it('creates (CREATING), describes (ACTIVE), lists and deletes a table', () => {
    const c = new TestClient();
    const created = c.ok('CreateTable', {
      TableName: 'orders',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }).TableDescription as Record<string, unknown>;
    expect(created).toMatchObject({
      TableName: 'orders',
      TableStatus: 'CREATING',
      TableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      CreationDateTime: T0 / 1000,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      LatestStreamArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-12-05T12:00:00.000',
    });
    expect(created.TableId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    c.ok('PutItem', { TableName: 'orders', Item: { pk: { S: 'a' }, sk: { N: '1' } } });
    expect(c.ok('DescribeTable', { TableName: 'orders' }).Table).toMatchObject({ TableStatus: 'ACTIVE', ItemCount: 1, TableSizeBytes: 2 + 1 + 2 + 2 });
    c.createTable('alpha');
    c.createTable('beta');
    expect(c.ok('ListTables', { Limit: 2 })).toEqual({ TableNames: ['alpha', 'beta'], LastEvaluatedTableName: 'beta' });
    expect(c.ok('ListTables', { ExclusiveStartTableName: 'beta' })).toEqual({ TableNames: ['orders'] });
    expect(c.ok('DeleteTable', { TableName: 'orders' }).TableDescription).toMatchObject({ TableStatus: 'DELETING' });
    expect(c.error('DescribeTable', { TableName: 'orders' })).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found: Table: orders not found',
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an existing table', { TableName: 'users' }, 'Table already exists: users'],
    ['mismatched definitions', { TableName: 'other', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'x', AttributeType: 'S' }] }, 'One or more parameter values were invalid: Number of attributes in key schema must match the number of attributes defined in attribute definitions.'],
    ['a RANGE key first', { TableName: 'other', KeySchema: [{ AttributeName: 'pk', KeyType: 'RANGE' }] }, 'One or more parameter values were invalid: Invalid KeySchema: The first KeySchemaElement is not a HASH key type'],
    ['a bad name', { TableName: 'no spaces' }, "1 validation error detected: Value 'no spaces' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"],
    ['an index', { TableName: 'other', GlobalSecondaryIndexes: [] }, "GlobalSecondaryIndexes: secondary indexes are not modelled by this playground's DynamoDB"],
  ])('CreateTable refuses %s', (_, override, message) => {
    const c = new TestClient();
    c.createTable('users');
    const error = c.error('CreateTable', {
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
      ...override,
    });
    expect(error.message).toBe(message);
  });
});

describe('determinism', () => {
  it('answers the same request at the same time identically, request id included', () => {
    const request = { target: 'DynamoDB_20120810.ListTables', body: '{}' };
    const a = handleDynamoDbRequest(emptyDynamoDbStore(), request, T0);
    const b = handleDynamoDbRequest(emptyDynamoDbStore(), request, T0);
    expect(b.headers).toEqual(a.headers);
    expect(handleDynamoDbRequest(emptyDynamoDbStore(), request, T0 + 1).headers['x-amzn-requestid']).not.toBe(a.headers['x-amzn-requestid']);
  });
});

describe('a document-client style session', () => {
  it('counts page views in a nested map and returns only what changed', () => {
    const c = new TestClient();
    c.createTable('pages');
    c.ok('PutItem', { TableName: 'pages', Item: { pk: { S: '/home' }, stats: { M: { views: { N: '0' }, by: { M: {} } } } } });
    const body = c.ok('UpdateItem', {
      TableName: 'pages',
      Key: { pk: { S: '/home' } },
      UpdateExpression: 'SET #s.#v = #s.#v + :one, #s.#b.#day = if_not_exists(#s.#b.#day, :zero) + :one',
      ExpressionAttributeNames: { '#s': 'stats', '#v': 'views', '#b': 'by', '#day': '2026-12-05' },
      ExpressionAttributeValues: { ':one': { N: '1' }, ':zero': { N: '0' } },
      ReturnValues: 'UPDATED_NEW',
    });
    expect(body).toEqual({ Attributes: { stats: { M: { views: { N: '1' }, by: { M: { '2026-12-05': { N: '1' } } } } } } });
  });
});
