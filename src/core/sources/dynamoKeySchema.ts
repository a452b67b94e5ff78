import type { AttributeMap } from '../services/dynamodb/attributeValue';
import { DynamoDbError } from '../services/dynamodb/dynamoDbError';
import { checkKey, keyId, keyNamesOf, keyOfItem, partitionKeyText, type KeyElement, type TableKeySchema } from '../services/dynamodb/tableStore';
import { toAttributeMap } from './dynamoAttributeValue';

/** One key schema for the stream trigger's table and the DynamoDB service model. */
export type KeyAttribute = KeyElement;
export type KeySchema = TableKeySchema;

/** An item, a key or a change: JSON text, or the object already parsed. */
export type JsonObjectInput = string | Record<string, unknown>;

/** A checked key: its identity in the table (the service model's `keyId`), its typed attributes, the partition key as text (for hashing), a label for logs. */
export interface CheckedKey {
  id: string;
  keys: AttributeMap;
  partitionKey: string;
  label: string;
}

/** The object, or why it is not one. */
export function parseJsonObject(input: JsonObjectInput, what: string): Record<string, unknown> | string {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return `The ${what} is not valid JSON: ${(e as Error).message}`;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `The ${what} must be a JSON object`;
  return value as Record<string, unknown>;
}

/** A refusal as the UI shows it: `ValidationException: …`. */
export function refusalText(e: unknown): string {
  if (e instanceof DynamoDbError) return `${e.code}: ${e.message}`;
  return `ValidationException: ${(e as Error).message}`;
}

/** `id="a1", sk=7`: a key for log lines. */
export function keyLabel(schema: KeySchema, keys: AttributeMap): string {
  return keyNamesOf(schema)
    .map((name) => {
      const v = keys[name];
      const text = v === undefined ? '' : 'S' in v ? JSON.stringify(v.S) : 'N' in v ? v.N : 'B' in v ? `<binary ${v.B}>` : '';
      return `${name}=${text}`;
    })
    .join(', ');
}

/** The checked key of a key map the service model has already checked. */
export function checkedKey(schema: KeySchema, keys: AttributeMap): CheckedKey {
  return { id: keyId(schema, keys), keys, partitionKey: partitionKeyText(schema, keys), label: keyLabel(schema, keys) };
}

/** A key given alone (DeleteItem, UpdateItem): exactly the key attributes, checked as DynamoDB checks a `Key`; or its refusal. */
export function parseKey(schema: KeySchema, input: JsonObjectInput): CheckedKey | string {
  const object = parseJsonObject(input, 'key');
  if (typeof object === 'string') return object;
  try {
    return checkedKey(schema, checkKey(schema, toAttributeMap(object)));
  } catch (e) {
    return refusalText(e);
  }
}

/** The key attributes of a whole item, checked against the schema; or DynamoDB's refusal. */
export function keyOf(schema: KeySchema, item: AttributeMap): CheckedKey | string {
  try {
    return checkedKey(schema, keyOfItem(schema, item));
  } catch (e) {
    return refusalText(e);
  }
}
