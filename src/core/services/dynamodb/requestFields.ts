import { parseAttributeMap, parseAttributeValue, type AttributeMap } from './attributeValue';
import type { CapacityUsed } from './consumedCapacity';
import { DynamoDbError, validation } from './dynamoDbError';
import { ExpressionContext } from './expressionParser';
import type { ItemWrite } from './itemWrite';
import type { DynamoDbStore } from './tableStore';

export type JsonObject = Record<string, unknown>;

/**
 * What every operation returns: the store after it (only CreateTable and
 * DeleteTable change it), the response body, the item writes it checked and
 * leaves to commit (all of them or, on any refusal, none: the operation
 * throws before returning) and the units it consumed.
 */
export interface OperationResult {
  readonly store: DynamoDbStore;
  readonly response: JsonObject;
  readonly writes: readonly ItemWrite[];
  readonly capacity: CapacityUsed;
}

export type Operation = (store: DynamoDbStore, request: JsonObject, nowMs: number) => OperationResult;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalString(request: JsonObject, field: string): string | undefined {
  const value = request[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new DynamoDbError('SerializationException', `Unexpected value type in payload for ${field}`);
  return value;
}

export function requiredMap(request: JsonObject, field: string, member: string): AttributeMap {
  const value = request[field];
  if (value === undefined || value === null) throw validation(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  return parseAttributeMap(value);
}

/** Legacy (pre-expression) parameters: not modelled; the SDK's clients send expressions. */
const LEGACY = ['Expected', 'AttributeUpdates', 'KeyConditions', 'QueryFilter', 'ScanFilter', 'AttributesToGet', 'ConditionalOperator'];

export function refuseLegacy(request: JsonObject): void {
  const found = LEGACY.find((f) => request[f] !== undefined && request[f] !== null);
  if (found) throw validation(`${found} is a legacy parameter that this playground's DynamoDB does not model; use the expression parameters instead`);
}

/**
 * The request's ExpressionAttributeNames and ExpressionAttributeValues. A
 * bad value is refused with DynamoDB's "ExpressionAttributeValues contains
 * invalid value: … for key :v"; placeholders without any expression to use
 * them are refused too.
 */
export function expressionContextOf(request: JsonObject, expressionFields: readonly string[]): ExpressionContext {
  const hasExpression = expressionFields.some((f) => typeof request[f] === 'string');
  const rawNames = request.ExpressionAttributeNames;
  const rawValues = request.ExpressionAttributeValues;
  if (rawNames !== undefined && rawNames !== null && !hasExpression) throw validation('ExpressionAttributeNames can only be specified when using expressions');
  if (rawValues !== undefined && rawValues !== null && !hasExpression) throw validation('ExpressionAttributeValues can only be specified when using expressions');
  if (isObject(rawNames) && Object.keys(rawNames).length === 0) throw validation('ExpressionAttributeNames must not be empty');
  if (isObject(rawValues) && Object.keys(rawValues).length === 0) throw validation('ExpressionAttributeValues must not be empty');
  const names: Record<string, string> = {};
  if (isObject(rawNames)) {
    for (const [k, v] of Object.entries(rawNames)) {
      if (!/^#[A-Za-z0-9_]+$/.test(k)) throw validation(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${k}"`);
      if (typeof v !== 'string') throw new DynamoDbError('SerializationException', 'Unexpected value type in payload');
      names[k] = v;
    }
  }
  const values: AttributeMap = {};
  if (isObject(rawValues)) {
    for (const [k, v] of Object.entries(rawValues)) {
      if (!/^:[A-Za-z0-9_]+$/.test(k)) throw validation(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${k}"`);
      try {
        values[k] = parseAttributeValue(v);
      } catch (e) {
        if (e instanceof DynamoDbError) throw validation(`ExpressionAttributeValues contains invalid value: ${e.message} for key ${k}`);
        throw e;
      }
    }
  }
  return new ExpressionContext(names, values);
}

export type ReturnValues = 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';

export function returnValuesOf(request: JsonObject, allowed: readonly ReturnValues[]): ReturnValues {
  const raw = request.ReturnValues ?? 'NONE';
  if (!(allowed as readonly unknown[]).includes(raw)) {
    if (['NONE', 'ALL_OLD', 'UPDATED_OLD', 'ALL_NEW', 'UPDATED_NEW'].includes(String(raw))) throw validation(allowed.length === 2 ? 'ReturnValues can only be ALL_OLD or NONE' : 'Return values set to invalid value');
    throw validation(`1 validation error detected: Value '${String(raw)}' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]`);
  }
  return raw as ReturnValues;
}

/** `ReturnValuesOnConditionCheckFailure`: ALL_OLD puts the item in the ConditionalCheckFailedException. */
export function returnOnConditionFailureOf(request: JsonObject): boolean {
  const raw = request.ReturnValuesOnConditionCheckFailure ?? 'NONE';
  if (raw !== 'NONE' && raw !== 'ALL_OLD') {
    throw validation(`1 validation error detected: Value '${String(raw)}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]`);
  }
  return raw === 'ALL_OLD';
}

export function consistentReadOf(request: JsonObject): boolean {
  const raw = request.ConsistentRead;
  if (raw === undefined || raw === null) return false;
  if (typeof raw !== 'boolean') throw new DynamoDbError('SerializationException', 'Unexpected value type in payload for ConsistentRead');
  return raw;
}
