import { itemSize, parseAttributeMap, type AttributeMap } from './attributeValue';
import { consumedCapacityJson, readUnits, returnConsumedCapacityOf, writeUnits, type CapacityUsed } from './consumedCapacity';
import { validation } from './dynamoDbError';
import { project } from './expressionEvaluator';
import { checkItemSize, projectionOf } from './itemOperations';
import { consistentReadOf, expressionContextOf, isObject, refuseLegacy, type JsonObject, type OperationResult } from './requestFields';
import type { ItemWrite } from './itemWrite';
import { checkKey, keyId, keyOfItem, tableOf, type DynamoDbStore } from './tableStore';

const MAX_BATCH_GET = 100;
const MAX_BATCH_WRITE = 25;

function requestItemsOf(request: JsonObject): [string, unknown][] {
  const raw = request.RequestItems;
  if (!isObject(raw)) throw validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
  const entries = Object.entries(raw);
  if (entries.length === 0) throw validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
  return entries;
}

function consumedList(perTable: Map<string, CapacityUsed>, request: JsonObject): JsonObject {
  const mode = returnConsumedCapacityOf(request.ReturnConsumedCapacity);
  if (mode === 'NONE') return {};
  return { ConsumedCapacity: [...perTable].map(([name, units]) => consumedCapacityJson(name, units, mode)) };
}

function total(perTable: Map<string, CapacityUsed>): CapacityUsed {
  let r = 0;
  let w = 0;
  for (const u of perTable.values()) {
    r += u.readUnits;
    w += u.writeUnits;
  }
  return { readUnits: r, writeUnits: w };
}

/**
 * BatchGetItem: up to 100 keys over any tables, each read as GetItem reads
 * it. Everything is processed here, so UnprocessedKeys is always empty (the
 * 16 MB response cap is not modelled).
 */
export function batchGetItem(store: DynamoDbStore, request: JsonObject): OperationResult {
  const entries = requestItemsOf(request);
  const responses: Record<string, AttributeMap[]> = {};
  const perTable = new Map<string, CapacityUsed>();
  let count = 0;
  const plans = entries.map(([tableName, raw]) => {
    if (!isObject(raw) || !Array.isArray(raw.Keys)) throw validation("1 validation error detected: Value null at 'requestItems.keys' failed to satisfy constraint: Member must not be null");
    refuseLegacy(raw);
    const table = tableOf(store, tableName);
    count += raw.Keys.length;
    if (count > MAX_BATCH_GET) throw validation('Too many items requested for the BatchGetItem call');
    const keys = raw.Keys.map((k: unknown) => checkKey(table.keySchema, parseAttributeMap(k)));
    const ids = keys.map((k) => keyId(table.keySchema, k));
    if (new Set(ids).size !== ids.length) throw validation('Provided list of item keys contains duplicates');
    const ctx = expressionContextOf(raw, ['ProjectionExpression']);
    const projection = projectionOf(raw, ctx);
    ctx.checkAllUsed();
    return { table, ids, projection, consistent: consistentReadOf(raw) };
  });
  for (const { table, ids, projection, consistent } of plans) {
    const found: AttributeMap[] = [];
    let units = 0;
    for (const id of ids) {
      const item = table.items.get(id);
      units += readUnits(item ? itemSize(item) : 0, consistent);
      if (item) found.push(projection ? project(item, projection) : item);
    }
    responses[table.name] = found;
    perTable.set(table.name, { readUnits: units, writeUnits: 0 });
  }
  return { store, response: { Responses: responses, UnprocessedKeys: {}, ...consumedList(perTable, request) }, writes: [], capacity: total(perTable) };
}

/**
 * BatchWriteItem: up to 25 puts and deletes, no conditions, no return
 * values; all are checked before any is written. UnprocessedItems is always
 * empty here (no throttling is modelled).
 */
export function batchWriteItem(store: DynamoDbStore, request: JsonObject): OperationResult {
  const entries = requestItemsOf(request);
  const writes: { tableName: string; id: string; item: AttributeMap | undefined }[] = [];
  for (const [tableName, raw] of entries) {
    if (!Array.isArray(raw) || raw.length === 0) throw validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
    const table = tableOf(store, tableName);
    const seen = new Set<string>();
    for (const w of raw) {
      if (!isObject(w)) throw validation('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
      const put = isObject(w.PutRequest) ? w.PutRequest : undefined;
      const del = isObject(w.DeleteRequest) ? w.DeleteRequest : undefined;
      if ((put ? 1 : 0) + (del ? 1 : 0) !== 1) throw validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
      let id: string;
      let item: AttributeMap | undefined;
      if (put) {
        item = parseAttributeMap(put.Item);
        id = keyId(table.keySchema, keyOfItem(table.keySchema, item));
        checkItemSize(item);
      } else {
        id = keyId(table.keySchema, checkKey(table.keySchema, parseAttributeMap(del!.Key)));
      }
      if (seen.has(id)) throw validation('Provided list of item keys contains duplicates');
      seen.add(id);
      writes.push({ tableName, id, item });
    }
  }
  if (writes.length > MAX_BATCH_WRITE) {
    throw validation("1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
  }
  const changes: ItemWrite[] = [];
  const perTable = new Map<string, CapacityUsed>();
  for (const w of writes) {
    const old = store.tables[w.tableName]!.items.get(w.id);
    const units = writeUnits(Math.max(old ? itemSize(old) : 0, w.item ? itemSize(w.item) : 0));
    const prior = perTable.get(w.tableName)?.writeUnits ?? 0;
    perTable.set(w.tableName, { readUnits: 0, writeUnits: prior + units });
    changes.push({ tableName: w.tableName, id: w.id, oldItem: old, newItem: w.item });
  }
  return { store, response: { UnprocessedItems: {}, ...consumedList(perTable, request) }, writes: changes, capacity: total(perTable) };
}
