import { consumedCapacityJson, returnConsumedCapacityOf, writeUnits, type CapacityUsed } from './consumedCapacity';
import { CONDITIONAL_CHECK_FAILED, DynamoDbError, validation } from './dynamoDbError';
import { conditionHolds, planBytes, planConditionCheck, planDelete, planPut, planUpdate, writeOf, type WritePlan } from './itemOperations';
import { isObject, type JsonObject, type OperationResult } from './requestFields';
import type { DynamoDbStore } from './tableStore';

const MAX_TRANSACT_ITEMS = 100;

type Planner = (store: DynamoDbStore, request: JsonObject) => WritePlan;
const PLANNERS: Record<string, Planner> = { Put: planPut, Update: planUpdate, Delete: planDelete, ConditionCheck: planConditionCheck };

interface Reason {
  Code: string;
  Message?: string;
  Item?: JsonObject;
}

/**
 * TransactWriteItems: up to 100 actions on distinct items, all or nothing.
 * Malformed requests fail whole with a ValidationException; a failed
 * condition (or an update that cannot apply) cancels the transaction with a
 * TransactionCanceledException listing one reason per action, in order,
 * `None` for those that would have succeeded. Every action, ConditionCheck
 * included, consumes two write units per KB. ClientRequestToken idempotency
 * is not modelled.
 */
export function transactWriteItems(store: DynamoDbStore, request: JsonObject): OperationResult {
  const raw = request.TransactItems;
  if (!Array.isArray(raw) || raw.length === 0) throw validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
  if (raw.length > MAX_TRANSACT_ITEMS) {
    throw validation(`1 validation error detected: Value '[…]' at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TRANSACT_ITEMS}`);
  }
  const plans: WritePlan[] = raw.map((entry: unknown) => {
    const kinds = isObject(entry) ? Object.keys(entry).filter((k) => PLANNERS[k] && isObject(entry[k])) : [];
    if (!isObject(entry) || kinds.length !== 1) throw validation('TransactItems can only contain one of Check, Put, Update or Delete');
    const kind = kinds[0]!;
    return PLANNERS[kind]!(store, entry[kind] as JsonObject);
  });
  const seen = new Set<string>();
  for (const plan of plans) {
    const id = `${plan.table.name}\u0000${plan.id}`;
    if (seen.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
    seen.add(id);
  }
  const perTable = new Map<string, CapacityUsed>();
  const reasons: Reason[] = plans.map((plan) => {
    const units = writeUnits(planBytes(plan), true);
    perTable.set(plan.table.name, { readUnits: 0, writeUnits: (perTable.get(plan.table.name)?.writeUnits ?? 0) + units });
    if (!conditionHolds(plan)) return { Code: 'ConditionalCheckFailed', Message: CONDITIONAL_CHECK_FAILED, ...(plan.returnOldOnFailure && plan.oldItem ? { Item: plan.oldItem } : {}) };
    // An update that cannot apply to the item it finds cancels the transaction; a malformed request failed whole above.
    if (plan.failure) return { Code: 'ValidationError', Message: plan.failure.message };
    return { Code: 'None' };
  });
  const capacity: CapacityUsed = { readUnits: 0, writeUnits: [...perTable.values()].reduce((s, u) => s + u.writeUnits, 0) };
  if (reasons.some((r) => r.Code !== 'None')) {
    const error = new DynamoDbError('TransactionCanceledException', `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`, { CancellationReasons: reasons });
    error.chargedWriteUnits = capacity.writeUnits;
    throw error;
  }
  const mode = returnConsumedCapacityOf(request.ReturnConsumedCapacity);
  const consumed = mode === 'NONE' ? {} : { ConsumedCapacity: [...perTable].map(([name, units]) => consumedCapacityJson(name, units, mode)) };
  return { store, response: consumed, writes: plans.filter((p) => !p.conditionOnly).map(writeOf), capacity };
}
