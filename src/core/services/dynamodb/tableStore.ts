import { md5Hex } from '../../sources/md5';
import { utf8Bytes } from '../../codec';
import { attributeValueSize, compareScalars, itemSize, typeOf, type AttributeMap, type AttributeValue } from './attributeValue';
import { DynamoDbError, invalidParameter, validation } from './dynamoDbError';

export type KeyType = 'S' | 'N' | 'B';
export interface KeyElement {
  readonly name: string;
  readonly type: KeyType;
}
export interface TableKeySchema {
  readonly partitionKey: KeyElement;
  readonly sortKey?: KeyElement;
}

import type { StreamViewType } from './streamViewType';
export { STREAM_VIEW_TYPES, type StreamViewType } from './streamViewType';

export interface DynamoDbTable {
  readonly name: string;
  readonly arn: string;
  readonly tableId: string;
  readonly createdAtMs: number;
  readonly keySchema: TableKeySchema;
  readonly billingMode: 'PAY_PER_REQUEST' | 'PROVISIONED';
  readonly provisioned: { readonly readCapacityUnits: number; readonly writeCapacityUnits: number };
  readonly stream: { readonly viewType: StreamViewType; readonly label: string } | null;
  /**
   * Items by their key's id (`keyId`). A standalone table's map is never
   * mutated (a write makes a new map); a live table's (`managedBy`) is its
   * owner's own map, read in place and written only by the owner.
   */
  readonly items: ReadonlyMap<string, AttributeMap>;
  /** Set when the table belongs to something else (a DynamoDB stream trigger): DeleteTable refuses it. */
  readonly managedBy?: string;
}

/** The workspace's DynamoDB: its tables, in one account and region. A value: operations return a new store. */
export interface DynamoDbStore {
  readonly region: string;
  readonly accountId: string;
  readonly tables: Readonly<Record<string, DynamoDbTable>>;
}

export function emptyDynamoDbStore(region = 'us-east-1', accountId = '123456789012'): DynamoDbStore {
  return { region, accountId, tables: {} };
}

export function keyNamesOf(schema: TableKeySchema): string[] {
  return schema.sortKey ? [schema.partitionKey.name, schema.sortKey.name] : [schema.partitionKey.name];
}

/**
 * The table, or DynamoDB's ResourceNotFoundException. Data-plane calls say
 * only "Requested resource not found"; DescribeTable and DeleteTable name the
 * table (`describe` true).
 */
export function tableOf(store: DynamoDbStore, name: unknown, describe = false): DynamoDbTable {
  if (typeof name !== 'string' || name === '') throw validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
  const table = store.tables[name];
  if (!table) throw new DynamoDbError('ResourceNotFoundException', describe ? `Requested resource not found: Table: ${name} not found` : 'Requested resource not found');
  return table;
}

/** Key values: not empty; a partition key up to 2048 bytes, a sort key up to 1024 (DynamoDB's messages, its missing space included). */
function checkKeyValue(name: string, value: AttributeValue, role: 'partition' | 'sort'): void {
  if (('S' in value && value.S === '') || ('B' in value && value.B === '')) {
    throw validation(`One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${'S' in value ? 'string' : 'binary'} value. Key: ${name}`);
  }
  const bytes = attributeValueSize(value);
  if (role === 'partition' && bytes > 2048) throw invalidParameter('Size of hashkey has exceeded the maximum size limit of2048 bytes');
  if (role === 'sort' && bytes > 1024) throw invalidParameter('Aggregated size of all range keys has exceeded the size limit of 1024 bytes');
}

/** The key attributes of a whole item (PutItem): each present, of its declared type, not empty. */
export function keyOfItem(schema: TableKeySchema, item: AttributeMap): AttributeMap {
  const key: AttributeMap = {};
  for (const element of [schema.partitionKey, schema.sortKey]) {
    if (!element) continue;
    const value = item[element.name];
    if (value === undefined) throw invalidParameter(`Missing the key ${element.name} in the item`);
    if (typeOf(value) !== element.type) throw invalidParameter(`Type mismatch for key ${element.name} expected: ${element.type} actual: ${typeOf(value)}`);
    checkKeyValue(element.name, value, element === schema.partitionKey ? 'partition' : 'sort');
    key[element.name] = value;
  }
  return key;
}

/** A `Key` parameter (GetItem, UpdateItem, DeleteItem, …): exactly the schema's attributes, of their types. */
export function checkKey(schema: TableKeySchema, key: AttributeMap): AttributeMap {
  const names = keyNamesOf(schema);
  const given = Object.keys(key);
  const mismatch = given.length !== names.length || names.some((n) => key[n] === undefined);
  if (mismatch) throw validation('The provided key element does not match the schema');
  for (const element of [schema.partitionKey, schema.sortKey]) {
    if (!element) continue;
    const value = key[element.name]!;
    if (typeOf(value) !== element.type) throw validation('The provided key element does not match the schema');
    checkKeyValue(element.name, value, element === schema.partitionKey ? 'partition' : 'sort');
  }
  return key;
}

function scalarText(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  return 'S' in value ? `S:${value.S}` : 'N' in value ? `N:${value.N}` : 'B' in value ? `B:${value.B}` : '';
}

/** A stable id for a checked key (numbers are already normalised, so 1 and 1.0 are one item). */
export function keyId(schema: TableKeySchema, key: AttributeMap): string {
  return JSON.stringify([scalarText(key[schema.partitionKey.name]), schema.sortKey ? scalarText(key[schema.sortKey.name]) : '']);
}

export function keyAttributes(schema: TableKeySchema, item: AttributeMap): AttributeMap {
  const key: AttributeMap = {};
  for (const name of keyNamesOf(schema)) if (item[name] !== undefined) key[name] = item[name]!;
  return key;
}

/** The partition key's value as text (`S:abc`, `N:1.5`, `B:AQ==`): what a partition, and a stream shard, is chosen by. */
export function partitionKeyText(schema: TableKeySchema, item: AttributeMap): string {
  return scalarText(item[schema.partitionKey.name]);
}

/** The hash DynamoDB places a partition by; a Scan walks partitions in this order, then sort keys. */
function partitionHash(schema: TableKeySchema, item: AttributeMap): string {
  return md5Hex(utf8Bytes(partitionKeyText(schema, item)));
}

/** Sort-key order within one partition. */
export function compareSortKeys(schema: TableKeySchema, a: AttributeMap, b: AttributeMap): number {
  if (!schema.sortKey) return 0;
  return compareScalars(a[schema.sortKey.name]!, b[schema.sortKey.name]!) ?? 0;
}

/** Every item in the order a Scan returns them: by partition hash, then by sort key. */
export function scanOrder(table: DynamoDbTable): AttributeMap[] {
  const withHash = [...table.items.values()].map((item) => ({ item, hash: partitionHash(table.keySchema, item) }));
  withHash.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : compareSortKeys(table.keySchema, a.item, b.item)));
  return withHash.map((x) => x.item);
}

export function tableSizeBytes(table: DynamoDbTable): number {
  let total = 0;
  for (const item of table.items.values()) total += itemSize(item);
  return total;
}

/** A UUID-shaped TableId derived from the table's name and creation time (the core has no randomness of its own). */
export function tableIdOf(name: string, nowMs: number): string {
  const h = md5Hex(utf8Bytes(`${name}@${nowMs}`));
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
