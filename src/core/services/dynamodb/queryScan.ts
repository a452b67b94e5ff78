import { md5Hex } from '../../sources/md5';
import { utf8Bytes } from '../../codec';
import { attributeValuesEqual, compareScalars, itemSize, parseAttributeMap, type AttributeMap, type AttributeValue } from './attributeValue';
import { consumedCapacityJson, readUnits, returnConsumedCapacityOf, type CapacityUsed } from './consumedCapacity';
import { validation } from './dynamoDbError';
import type { Condition, DocumentPath, Operand } from './expressionAst';
import { evaluateCondition, project } from './expressionEvaluator';
import { parseCondition, type ExpressionContext } from './expressionParser';
import { projectionOf } from './itemOperations';
import { consistentReadOf, expressionContextOf, optionalString, refuseLegacy, type JsonObject, type OperationResult } from './requestFields';
import { checkKey, compareSortKeys, keyAttributes, keyId, keyNamesOf, scanOrder, tableOf, type DynamoDbStore, type DynamoDbTable, type TableKeySchema } from './tableStore';

/** A Query or Scan stops after reading 1 MB, as DynamoDB's do. */
export const PAGE_BYTES = 1024 * 1024;

type Select = 'ALL_ATTRIBUTES' | 'COUNT' | 'SPECIFIC_ATTRIBUTES';

function selectOf(request: JsonObject, projection: DocumentPath[] | null): Select {
  const raw = request.Select;
  if (raw === undefined || raw === null) return projection ? 'SPECIFIC_ATTRIBUTES' : 'ALL_ATTRIBUTES';
  if (raw === 'ALL_PROJECTED_ATTRIBUTES') throw validation('One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is supported only for index queries');
  if (raw !== 'ALL_ATTRIBUTES' && raw !== 'COUNT' && raw !== 'SPECIFIC_ATTRIBUTES') {
    throw validation(`1 validation error detected: Value '${String(raw)}' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]`);
  }
  if (projection && raw !== 'SPECIFIC_ATTRIBUTES') {
    throw validation('One or more parameter values were invalid: Cannot specify the AttributesToGet when choosing to get only the Count');
  }
  return raw;
}

function limitOf(request: JsonObject): number | undefined {
  const raw = request.Limit;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) {
    throw validation(`1 validation error detected: Value '${String(raw)}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1`);
  }
  return raw;
}

function exclusiveStartKeyOf(request: JsonObject, schema: TableKeySchema): AttributeMap | undefined {
  const raw = request.ExclusiveStartKey;
  if (raw === undefined || raw === null) return undefined;
  try {
    return checkKey(schema, parseAttributeMap(raw));
  } catch {
    throw validation('The provided starting key is invalid: The provided key element does not match the schema');
  }
}

function filterOf(request: JsonObject, ctx: ExpressionContext): Condition | null {
  const source = optionalString(request, 'FilterExpression');
  return source === undefined ? null : parseCondition(source, 'FilterExpression', ctx);
}

/** The paths a condition reads (a Query's filter may not read key attributes). */
function conditionPaths(c: Condition): DocumentPath[] {
  const of = (o: Operand): DocumentPath[] => (o.kind === 'value' ? [] : [o.path]);
  switch (c.kind) {
    case 'compare':
      return [...of(c.left), ...of(c.right)];
    case 'between':
      return [...of(c.operand), ...of(c.low), ...of(c.high)];
    case 'in':
      return [...of(c.operand), ...c.list.flatMap(of)];
    case 'and':
    case 'or':
      return [...conditionPaths(c.left), ...conditionPaths(c.right)];
    case 'not':
      return conditionPaths(c.condition);
    case 'attribute_exists':
    case 'attribute_not_exists':
      return [c.path];
    case 'attribute_type':
      return [c.path, ...of(c.type)];
    case 'begins_with':
    case 'contains':
      return [...of(c.subject), ...of(c.operand)];
  }
}

interface KeyCondition {
  readonly partition: AttributeValue;
  readonly sort: Condition | null;
}

function keyAttributeOf(o: Operand): string | null {
  return o.kind === 'path' && o.path.length === 1 && o.path[0]!.kind === 'name' ? o.path[0]!.name : null;
}

/**
 * A KeyConditionExpression: `pk = :v`, optionally AND one condition on the
 * sort key (=, <, <=, >, >=, BETWEEN, begins_with). Anything else is refused
 * with DynamoDB's messages.
 */
function keyConditionOf(condition: Condition, schema: TableKeySchema): KeyCondition {
  const parts = condition.kind === 'and' ? [condition.left, condition.right] : [condition];
  let partition: AttributeValue | undefined;
  let sort: Condition | null = null;
  let nonKey = false;
  for (const part of parts) {
    if (part.kind === 'and' || part.kind === 'or' || part.kind === 'not' || part.kind === 'in' || part.kind === 'contains' || part.kind.startsWith('attribute_')) {
      throw validation(`Invalid operator used in KeyConditionExpression: ${part.kind === 'and' || part.kind === 'or' || part.kind === 'not' || part.kind === 'in' ? part.kind.toUpperCase() : part.kind}`);
    }
    const subject = part.kind === 'compare' ? part.left : part.kind === 'between' ? part.operand : part.kind === 'begins_with' ? part.subject : null;
    const name = subject ? keyAttributeOf(subject) : null;
    if (name === schema.partitionKey.name) {
      if (part.kind !== 'compare' || part.op !== '=' || part.right.kind !== 'value') throw validation('Query key condition not supported');
      if (partition) throw validation('KeyConditionExpressions must only contain one condition per key');
      partition = part.right.value;
    } else if (schema.sortKey && name === schema.sortKey.name) {
      if (part.kind === 'compare' && part.op === '<>') throw validation('Unsupported operator on KeyConditionExpression: operator: <>');
      if (sort) throw validation('KeyConditionExpressions must only contain one condition per key');
      const operands = part.kind === 'compare' ? [part.right] : part.kind === 'between' ? [part.low, part.high] : part.kind === 'begins_with' ? [part.operand] : [];
      for (const o of operands) {
        if (o.kind !== 'value') throw validation('Query key condition not supported');
        if (!(schema.sortKey.type in o.value)) {
          throw validation(
            part.kind === 'begins_with'
              ? `Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: ${Object.keys(o.value)[0] ?? ''}`
              : 'One or more parameter values were invalid: Condition parameter type does not match schema type',
          );
        }
      }
      if (part.kind === 'begins_with' && schema.sortKey.type === 'N') {
        throw validation('Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N');
      }
      sort = part;
    } else {
      nonKey = true;
    }
  }
  // A condition on a non-key attribute: DynamoDB names the key element the condition misses (users quote it naming the key, not the attribute).
  if (nonKey) {
    const missing = !partition ? schema.partitionKey.name : schema.sortKey && !sort ? schema.sortKey.name : null;
    throw validation(missing ? `Query condition missed key schema element: ${missing}` : 'Query key condition not supported');
  }
  if (!partition) throw validation(`Query condition missed key schema element: ${schema.partitionKey.name}`);
  if (!('S' in partition || 'N' in partition || 'B' in partition) || !(schema.partitionKey.type in partition)) {
    throw validation('One or more parameter values were invalid: Condition parameter type does not match schema type');
  }
  return { partition, sort };
}

interface Page {
  readonly items: AttributeMap[];
  readonly scanned: number;
  readonly bytes: number;
  readonly lastKey: AttributeMap | undefined;
}

/**
 * Reads candidates in order from after the start key: up to Limit items and
 * at most 1 MB, then filters. LastEvaluatedKey is the last item read when
 * Limit or the 1 MB cap stopped the read (even if no more items follow, as
 * DynamoDB does when the Limit is exactly reached).
 */
function readPage(candidates: readonly AttributeMap[], schema: TableKeySchema, limit: number | undefined, filter: Condition | null): Page {
  const items: AttributeMap[] = [];
  let bytes = 0;
  let scanned = 0;
  let lastKey: AttributeMap | undefined;
  for (const item of candidates) {
    scanned++;
    bytes += itemSize(item);
    if (!filter || evaluateCondition(item, filter)) items.push(item);
    const more = scanned < candidates.length;
    if ((limit !== undefined && scanned >= limit) || (bytes >= PAGE_BYTES && more)) {
      lastKey = keyAttributes(schema, item);
      break;
    }
  }
  return { items, scanned, bytes, lastKey };
}

function respond(store: DynamoDbStore, request: JsonObject, table: DynamoDbTable, page: Page, select: Select, projection: DocumentPath[] | null, consistent: boolean): OperationResult {
  const capacity: CapacityUsed = { readUnits: readUnits(page.bytes, consistent), writeUnits: 0 };
  const consumed = consumedCapacityJson(table.name, capacity, returnConsumedCapacityOf(request.ReturnConsumedCapacity));
  const items = select === 'COUNT' ? undefined : page.items.map((i) => (projection ? project(i, projection) : i));
  return {
    store,
    response: {
      ...(items ? { Items: items } : {}),
      Count: page.items.length,
      ScannedCount: page.scanned,
      ...(page.lastKey ? { LastEvaluatedKey: page.lastKey } : {}),
      ...(consumed ? { ConsumedCapacity: consumed } : {}),
    },
    writes: [],
    capacity,
  };
}

function refuseIndex(request: JsonObject): void {
  if (request.IndexName !== undefined && request.IndexName !== null) throw validation('IndexName: secondary indexes are not modelled by this playground\'s DynamoDB');
}

export function query(store: DynamoDbStore, request: JsonObject): OperationResult {
  refuseLegacy(request);
  refuseIndex(request);
  const table = tableOf(store, optionalString(request, 'TableName'));
  const schema = table.keySchema;
  const keySource = optionalString(request, 'KeyConditionExpression');
  if (keySource === undefined) throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  const ctx = expressionContextOf(request, ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression']);
  const keyCondition = keyConditionOf(parseCondition(keySource, 'KeyConditionExpression', ctx), schema);
  const filter = filterOf(request, ctx);
  const projection = projectionOf(request, ctx);
  ctx.checkAllUsed();
  if (filter) {
    const keyNames = keyNamesOf(schema);
    const used = conditionPaths(filter).find((p) => p[0]?.kind === 'name' && keyNames.includes(p[0].name));
    if (used && used[0]?.kind === 'name') throw validation(`Filter Expression can only contain non-primary key attributes: Primary key attribute: ${used[0].name}`);
  }
  const select = selectOf(request, projection);
  const limit = limitOf(request);
  const forward = request.ScanIndexForward !== false;
  const start = exclusiveStartKeyOf(request, schema);
  const pk = schema.partitionKey.name;
  let candidates = [...table.items.values()].filter((item) => attributeValuesEqual(item[pk]!, keyCondition.partition) && (!keyCondition.sort || evaluateCondition(item, keyCondition.sort)));
  candidates.sort((a, b) => compareSortKeys(schema, a, b) * (forward ? 1 : -1));
  if (start) {
    if (!attributeValuesEqual(start[pk]!, keyCondition.partition)) throw validation('The provided starting key is outside query boundaries based on provided conditions');
    const sk = schema.sortKey?.name;
    candidates = sk ? candidates.filter((item) => (compareScalars(item[sk]!, start[sk]!) ?? 0) * (forward ? 1 : -1) > 0) : [];
  }
  const page = readPage(candidates, schema, limit, filter);
  return respond(store, request, table, page, select, projection, consistentReadOf(request));
}

/** The segment (of TotalSegments) a partition falls in: its hash's share of the hash space, as parallel scans divide it. */
function segmentOf(table: DynamoDbTable, item: AttributeMap, total: number): number {
  const text = JSON.parse(keyId(table.keySchema, keyAttributes(table.keySchema, item))) as string[];
  const hash = parseInt(md5Hex(utf8Bytes(text[0] ?? '')).slice(0, 8), 16);
  return Math.floor((hash * total) / 2 ** 32);
}

function segmentsOf(request: JsonObject): { segment: number; total: number } | null {
  const segment = request.Segment;
  const total = request.TotalSegments;
  if (segment === undefined && total === undefined) return null;
  if (typeof segment !== 'number' || typeof total !== 'number') throw validation('The TotalSegments parameter is required but was not present in the request when Segment parameter is present');
  if (!Number.isInteger(total) || total < 1 || total > 1_000_000) throw validation(`1 validation error detected: Value '${total}' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000`);
  if (!Number.isInteger(segment) || segment < 0 || segment >= total) throw validation(`The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${segment} is not less than TotalSegments: ${total}`);
  return { segment, total };
}

export function scan(store: DynamoDbStore, request: JsonObject): OperationResult {
  refuseLegacy(request);
  refuseIndex(request);
  const table = tableOf(store, optionalString(request, 'TableName'));
  const ctx = expressionContextOf(request, ['FilterExpression', 'ProjectionExpression']);
  const filter = filterOf(request, ctx);
  const projection = projectionOf(request, ctx);
  ctx.checkAllUsed();
  const select = selectOf(request, projection);
  const limit = limitOf(request);
  const segments = segmentsOf(request);
  let candidates = scanOrder(table);
  if (segments) candidates = candidates.filter((item) => segmentOf(table, item, segments.total) === segments.segment);
  const start = exclusiveStartKeyOf(request, table.keySchema);
  if (start) {
    const startId = keyId(table.keySchema, start);
    const at = candidates.findIndex((item) => keyId(table.keySchema, keyAttributes(table.keySchema, item)) === startId);
    // A start key whose item has since been deleted: resume after where it would sort.
    candidates = at >= 0 ? candidates.slice(at + 1) : candidates.filter((item) => isAfter(table, start, item));
  }
  const page = readPage(candidates, table.keySchema, limit, filter);
  return respond(store, request, table, page, select, projection, consistentReadOf(request));
}

function isAfter(table: DynamoDbTable, start: AttributeMap, item: AttributeMap): boolean {
  const order = scanOrder({ ...table, items: new Map([['start', start], ['item', item]]) });
  return order[0] === start;
}
