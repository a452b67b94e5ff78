import { DynamoDbError, invalidParameter, validation } from './dynamoDbError';
import { isObject, optionalString, type JsonObject, type OperationResult } from './requestFields';
import { STREAM_VIEW_TYPES, tableIdOf, tableOf, tableSizeBytes, type DynamoDbStore, type DynamoDbTable, type KeyElement, type KeyType, type StreamViewType } from './tableStore';

const NO_UNITS = { readUnits: 0, writeUnits: 0 };
const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

function checkTableName(name: string | undefined): string {
  if (name === undefined) throw validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  if (name.length < 3 || name.length > 255) {
    throw validation(`1 validation error detected: Value '${name}' at 'tableName' failed to satisfy constraint: Member must have length ${name.length < 3 ? 'greater than or equal to 3' : 'less than or equal to 255'}`);
  }
  if (!TABLE_NAME.test(name)) {
    throw validation(`1 validation error detected: Value '${name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`);
  }
  return name;
}

function keySchemaOf(request: JsonObject): { partitionKey: KeyElement; sortKey?: KeyElement } {
  const schema = request.KeySchema;
  const definitions = request.AttributeDefinitions;
  if (!Array.isArray(schema) || schema.length < 1 || schema.length > 2) throw validation("1 validation error detected: Value null at 'keySchema' failed to satisfy constraint: Member must not be null");
  if (!Array.isArray(definitions)) throw validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
  const types = new Map<string, KeyType>();
  for (const d of definitions) {
    if (!isObject(d) || typeof d.AttributeName !== 'string' || (d.AttributeType !== 'S' && d.AttributeType !== 'N' && d.AttributeType !== 'B')) {
      throw validation("1 validation error detected: Value at 'attributeDefinitions' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
    }
    types.set(d.AttributeName, d.AttributeType);
  }
  if (types.size !== schema.length) {
    throw invalidParameter('Number of attributes in key schema must match the number of attributes defined in attribute definitions.');
  }
  const elements = schema.map((e: unknown) => {
    if (!isObject(e) || typeof e.AttributeName !== 'string' || (e.KeyType !== 'HASH' && e.KeyType !== 'RANGE')) throw validation('Invalid KeySchema: Some index key attribute have no definition');
    const type = types.get(e.AttributeName);
    if (!type) throw invalidParameter(`Some index key attributes are not defined in AttributeDefinitions. Keys: [${e.AttributeName}], AttributeDefinitions: [${[...types.keys()].join(', ')}]`);
    return { name: e.AttributeName, type, role: e.KeyType };
  });
  const [first, second] = elements;
  if (first?.role !== 'HASH') throw invalidParameter('Invalid KeySchema: The first KeySchemaElement is not a HASH key type');
  if (second && second.role !== 'RANGE') throw invalidParameter('Too many hash keys specified.  All Dynamo DB tables must have exactly one hash key');
  return { partitionKey: { name: first.name, type: first.type }, ...(second ? { sortKey: { name: second.name, type: second.type } } : {}) };
}

export function describeTableJson(table: DynamoDbTable, status: 'CREATING' | 'ACTIVE' | 'DELETING'): JsonObject {
  const { partitionKey, sortKey } = table.keySchema;
  const keys = sortKey ? [partitionKey, sortKey] : [partitionKey];
  return {
    AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    TableName: table.name,
    KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    TableStatus: status,
    CreationDateTime: table.createdAtMs / 1000,
    ProvisionedThroughput: {
      NumberOfDecreasesToday: 0,
      ReadCapacityUnits: table.provisioned.readCapacityUnits,
      WriteCapacityUnits: table.provisioned.writeCapacityUnits,
    },
    TableSizeBytes: tableSizeBytes(table),
    ItemCount: table.items.size,
    TableArn: table.arn,
    TableId: table.tableId,
    ...(table.billingMode === 'PAY_PER_REQUEST' ? { BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST', LastUpdateToPayPerRequestDateTime: table.createdAtMs / 1000 } } : {}),
    ...(table.stream
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: table.stream.viewType }, LatestStreamLabel: table.stream.label, LatestStreamArn: `${table.arn}/stream/${table.stream.label}` }
      : {}),
    DeletionProtectionEnabled: false,
  };
}

function streamOf(request: JsonObject, nowMs: number): DynamoDbTable['stream'] {
  const spec = request.StreamSpecification;
  if (!isObject(spec) || spec.StreamEnabled !== true) return null;
  const viewType = spec.StreamViewType;
  if (!STREAM_VIEW_TYPES.includes(viewType as StreamViewType)) throw validation('Stream View Type must be specified when stream is enabled');
  return { viewType: viewType as StreamViewType, label: new Date(nowMs).toISOString().slice(0, 23) };
}

function provisionedOf(request: JsonObject, billingMode: DynamoDbTable['billingMode']): DynamoDbTable['provisioned'] {
  const raw = request.ProvisionedThroughput;
  if (billingMode === 'PAY_PER_REQUEST') {
    if (raw !== undefined && raw !== null) throw validation('One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
    return { readCapacityUnits: 0, writeCapacityUnits: 0 };
  }
  if (!isObject(raw) || typeof raw.ReadCapacityUnits !== 'number' || typeof raw.WriteCapacityUnits !== 'number') {
    throw validation('One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED');
  }
  return { readCapacityUnits: raw.ReadCapacityUnits, writeCapacityUnits: raw.WriteCapacityUnits };
}

/** CreateTable: the table is usable at once; the response says CREATING, as DynamoDB's does, and DescribeTable says ACTIVE. */
export function createTable(store: DynamoDbStore, request: JsonObject, nowMs: number): OperationResult {
  const name = checkTableName(optionalString(request, 'TableName'));
  const keySchema = keySchemaOf(request);
  for (const field of ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes']) {
    if (request[field] !== undefined) throw validation(`${field}: secondary indexes are not modelled by this playground's DynamoDB`);
  }
  const mode = request.BillingMode ?? 'PROVISIONED';
  if (mode !== 'PROVISIONED' && mode !== 'PAY_PER_REQUEST') {
    throw validation(`1 validation error detected: Value '${String(mode)}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]`);
  }
  if (store.tables[name]) throw new DynamoDbError('ResourceInUseException', `Table already exists: ${name}`);
  const table: DynamoDbTable = {
    name,
    arn: `arn:aws:dynamodb:${store.region}:${store.accountId}:table/${name}`,
    tableId: tableIdOf(name, nowMs),
    createdAtMs: nowMs,
    keySchema,
    billingMode: mode,
    provisioned: provisionedOf(request, mode),
    stream: streamOf(request, nowMs),
    items: new Map(),
  };
  return { store: { ...store, tables: { ...store.tables, [name]: table } }, response: { TableDescription: describeTableJson(table, 'CREATING') }, writes: [], capacity: NO_UNITS };
}

export function describeTable(store: DynamoDbStore, request: JsonObject): OperationResult {
  const table = tableOf(store, optionalString(request, 'TableName'), true);
  return { store, response: { Table: describeTableJson(table, 'ACTIVE') }, writes: [], capacity: NO_UNITS };
}

export function deleteTable(store: DynamoDbStore, request: JsonObject): OperationResult {
  const table = tableOf(store, optionalString(request, 'TableName'), true);
  if (table.managedBy) throw new DynamoDbError('ResourceInUseException', `Table ${table.name} belongs to ${table.managedBy}; delete it there`);
  const tables = { ...store.tables };
  delete tables[table.name];
  return { store: { ...store, tables }, response: { TableDescription: describeTableJson(table, 'DELETING') }, writes: [], capacity: NO_UNITS };
}

/** ListTables: names in order, at most Limit (1–100, default 100) after ExclusiveStartTableName. */
export function listTables(store: DynamoDbStore, request: JsonObject): OperationResult {
  const limit = request.Limit ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validation(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`);
  }
  const start = optionalString(request, 'ExclusiveStartTableName');
  const names = Object.keys(store.tables)
    .sort()
    .filter((n) => start === undefined || n > start);
  const page = names.slice(0, limit);
  const more = names.length > limit;
  return { store, response: { TableNames: page, ...(more ? { LastEvaluatedTableName: page[page.length - 1] } : {}) }, writes: [], capacity: NO_UNITS };
}
