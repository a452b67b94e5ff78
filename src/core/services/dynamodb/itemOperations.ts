import { itemSize, MAX_ITEM_BYTES, type AttributeMap } from './attributeValue';
import { consumedCapacityJson, readUnits, returnConsumedCapacityOf, writeUnits, type CapacityUsed } from './consumedCapacity';
import { CONDITIONAL_CHECK_FAILED, DynamoDbError, validation } from './dynamoDbError';
import type { Condition, DocumentPath, UpdateAction } from './expressionAst';
import { evaluateCondition, project } from './expressionEvaluator';
import type { ItemWrite } from './itemWrite';
import { parseCondition, parseProjection, parseUpdate, type ExpressionContext } from './expressionParser';
import {
  consistentReadOf,
  expressionContextOf,
  optionalString,
  refuseLegacy,
  requiredMap,
  returnOnConditionFailureOf,
  returnValuesOf,
  type JsonObject,
  type OperationResult,
  type ReturnValues,
} from './requestFields';
import { applyCheckedUpdate, checkUpdateActions } from './updateApplier';
import { checkKey, keyId, keyNamesOf, keyOfItem, tableOf, type DynamoDbStore, type DynamoDbTable } from './tableStore';

export function checkItemSize(item: AttributeMap): void {
  if (itemSize(item) > MAX_ITEM_BYTES) throw validation('Item size has exceeded the maximum allowed size');
}

function optionalCondition(request: JsonObject, ctx: ExpressionContext): Condition | null {
  const source = optionalString(request, 'ConditionExpression');
  return source === undefined ? null : parseCondition(source, 'ConditionExpression', ctx);
}

/**
 * A planned write to one item: what it reads and would write. Single-item
 * operations and TransactWriteItems share these, so a Put inside a
 * transaction is checked exactly as PutItem is.
 */
export interface WritePlan {
  readonly table: DynamoDbTable;
  readonly id: string;
  readonly oldItem: AttributeMap | undefined;
  /** Undefined: the item is deleted (or stays absent). For a ConditionCheck, the item unchanged. */
  readonly newItem: AttributeMap | undefined;
  readonly condition: Condition | null;
  readonly returnOldOnFailure: boolean;
  /** The paths an UpdateExpression touched (UPDATED_OLD / UPDATED_NEW). */
  readonly updatedPaths: readonly DocumentPath[];
  readonly conditionOnly: boolean;
  /** Why the update cannot apply to the item it found (a wrong operand type, a missing path, too large a result). */
  readonly failure?: DynamoDbError | null;
}

export function planPut(store: DynamoDbStore, request: JsonObject): WritePlan {
  refuseLegacy(request);
  const table = tableOf(store, optionalString(request, 'TableName'));
  const item = requiredMap(request, 'Item', 'item');
  const key = keyOfItem(table.keySchema, item);
  checkItemSize(item);
  const ctx = expressionContextOf(request, ['ConditionExpression']);
  const condition = optionalCondition(request, ctx);
  ctx.checkAllUsed();
  const id = keyId(table.keySchema, key);
  return { table, id, oldItem: table.items.get(id), newItem: item, condition, returnOldOnFailure: returnOnConditionFailureOf(request), updatedPaths: [], conditionOnly: false };
}

export function planDelete(store: DynamoDbStore, request: JsonObject): WritePlan {
  refuseLegacy(request);
  const table = tableOf(store, optionalString(request, 'TableName'));
  const key = checkKey(table.keySchema, requiredMap(request, 'Key', 'key'));
  const ctx = expressionContextOf(request, ['ConditionExpression']);
  const condition = optionalCondition(request, ctx);
  ctx.checkAllUsed();
  const id = keyId(table.keySchema, key);
  return { table, id, oldItem: table.items.get(id), newItem: undefined, condition, returnOldOnFailure: returnOnConditionFailureOf(request), updatedPaths: [], conditionOnly: false };
}

/** UpdateItem's plan: the update applies to the item, or to its key alone when it is absent (UpdateItem creates). */
export function planUpdate(store: DynamoDbStore, request: JsonObject): WritePlan {
  refuseLegacy(request);
  const table = tableOf(store, optionalString(request, 'TableName'));
  const key = checkKey(table.keySchema, requiredMap(request, 'Key', 'key'));
  const ctx = expressionContextOf(request, ['ConditionExpression', 'UpdateExpression']);
  const source = optionalString(request, 'UpdateExpression');
  const actions: UpdateAction[] = source === undefined ? [] : parseUpdate(source, ctx);
  const condition = optionalCondition(request, ctx);
  ctx.checkAllUsed();
  const id = keyId(table.keySchema, key);
  const oldItem = table.items.get(id);
  checkUpdateActions(actions, keyNamesOf(table.keySchema));
  const condOk = condition === null || evaluateCondition(oldItem ?? {}, condition);
  // An update whose condition fails is not applied, so its type errors are not reached (DynamoDB checks the condition first).
  let newItem = oldItem;
  let failure: DynamoDbError | null = null;
  if (condOk) {
    try {
      newItem = applyCheckedUpdate(oldItem ?? key, actions);
      checkItemSize(newItem);
    } catch (e) {
      if (!(e instanceof DynamoDbError)) throw e;
      failure = e;
    }
  }
  return { table, id, oldItem, newItem, condition, returnOldOnFailure: returnOnConditionFailureOf(request), updatedPaths: actions.map((a) => a.path), conditionOnly: false, failure };
}

/** A transaction's ConditionCheck: a condition on one item, nothing written. */
export function planConditionCheck(store: DynamoDbStore, request: JsonObject): WritePlan {
  const table = tableOf(store, optionalString(request, 'TableName'));
  const key = checkKey(table.keySchema, requiredMap(request, 'Key', 'key'));
  const ctx = expressionContextOf(request, ['ConditionExpression']);
  const source = optionalString(request, 'ConditionExpression');
  if (source === undefined) throw validation("1 validation error detected: Value null at 'conditionExpression' failed to satisfy constraint: Member must not be null");
  const condition = parseCondition(source, 'ConditionExpression', ctx);
  ctx.checkAllUsed();
  const id = keyId(table.keySchema, key);
  const oldItem = table.items.get(id);
  return { table, id, oldItem, newItem: oldItem, condition, returnOldOnFailure: returnOnConditionFailureOf(request), updatedPaths: [], conditionOnly: true };
}

/** The item change a plan commits (its table's owner applies it: see itemWrite.ts). */
export function writeOf(plan: WritePlan): ItemWrite {
  return { tableName: plan.table.name, id: plan.id, oldItem: plan.oldItem, newItem: plan.newItem };
}

/** Bytes a write is billed for: the larger of the item before and after. */
export function planBytes(plan: WritePlan): number {
  return Math.max(plan.oldItem ? itemSize(plan.oldItem) : 0, plan.newItem ? itemSize(plan.newItem) : 0);
}

export function conditionHolds(plan: WritePlan): boolean {
  return plan.condition === null || evaluateCondition(plan.oldItem ?? {}, plan.condition);
}

/** The ConditionalCheckFailedException, with the item when ReturnValuesOnConditionCheckFailure is ALL_OLD. */
function conditionFailed(plan: WritePlan, units: number): DynamoDbError {
  const error = new DynamoDbError('ConditionalCheckFailedException', CONDITIONAL_CHECK_FAILED, plan.returnOldOnFailure && plan.oldItem ? { Item: plan.oldItem } : {});
  error.chargedWriteUnits = units;
  return error;
}

function returnedAttributes(plan: WritePlan, mode: ReturnValues): AttributeMap | undefined {
  switch (mode) {
    case 'NONE':
      return undefined;
    case 'ALL_OLD':
      return plan.oldItem;
    case 'ALL_NEW':
      return plan.newItem;
    case 'UPDATED_OLD':
      return plan.oldItem ? project(plan.oldItem, plan.updatedPaths) : undefined;
    case 'UPDATED_NEW':
      return plan.newItem ? project(plan.newItem, plan.updatedPaths) : undefined;
  }
}

function executeWrite(store: DynamoDbStore, request: JsonObject, plan: WritePlan, returnValues: ReturnValues): OperationResult {
  const capacityMode = returnConsumedCapacityOf(request.ReturnConsumedCapacity);
  const units = writeUnits(planBytes(plan));
  if (!conditionHolds(plan)) throw conditionFailed(plan, units);
  if (plan.failure) throw plan.failure;
  const capacity: CapacityUsed = { readUnits: 0, writeUnits: units };
  const attributes = returnedAttributes(plan, returnValues);
  const consumed = consumedCapacityJson(plan.table.name, capacity, capacityMode);
  return {
    store,
    response: {
      ...(attributes && Object.keys(attributes).length ? { Attributes: attributes } : {}),
      ...(consumed ? { ConsumedCapacity: consumed } : {}),
    },
    writes: [writeOf(plan)],
    capacity,
  };
}

export function putItem(store: DynamoDbStore, request: JsonObject): OperationResult {
  const returnValues = returnValuesOf(request, ['NONE', 'ALL_OLD']);
  return executeWrite(store, request, planPut(store, request), returnValues);
}

export function deleteItem(store: DynamoDbStore, request: JsonObject): OperationResult {
  const returnValues = returnValuesOf(request, ['NONE', 'ALL_OLD']);
  return executeWrite(store, request, planDelete(store, request), returnValues);
}

export function updateItem(store: DynamoDbStore, request: JsonObject): OperationResult {
  const returnValues = returnValuesOf(request, ['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW']);
  return executeWrite(store, request, planUpdate(store, request), returnValues);
}

/** The projection a read asks for, or null for the whole item. */
export function projectionOf(request: JsonObject, ctx: ExpressionContext): DocumentPath[] | null {
  const source = optionalString(request, 'ProjectionExpression');
  return source === undefined ? null : parseProjection(source, ctx);
}

/** GetItem: the item (projected), or no `Item` member at all when absent. Reading nothing still costs one unit (half eventually consistent). */
export function getItem(store: DynamoDbStore, request: JsonObject): OperationResult {
  refuseLegacy(request);
  const table = tableOf(store, optionalString(request, 'TableName'));
  const key = checkKey(table.keySchema, requiredMap(request, 'Key', 'key'));
  const ctx = expressionContextOf(request, ['ProjectionExpression']);
  const projection = projectionOf(request, ctx);
  ctx.checkAllUsed();
  const consistent = consistentReadOf(request);
  const capacityMode = returnConsumedCapacityOf(request.ReturnConsumedCapacity);
  const item = table.items.get(keyId(table.keySchema, key));
  const capacity: CapacityUsed = { readUnits: readUnits(item ? itemSize(item) : 0, consistent), writeUnits: 0 };
  const consumed = consumedCapacityJson(table.name, capacity, capacityMode);
  const shown = item && projection ? project(item, projection) : item;
  return { store, response: { ...(shown ? { Item: shown } : {}), ...(consumed ? { ConsumedCapacity: consumed } : {}) }, writes: [], capacity };
}
