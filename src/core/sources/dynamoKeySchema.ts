import { toAttributeMap, type AttributeMap, type AttributeValue } from './dynamoAttributeValue';

/** A key attribute: its name and scalar type (binary keys are not modelled). */
export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface KeySchema {
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

/** An item, a key or a change: JSON text, or the object already parsed. */
export type JsonObjectInput = string | Record<string, unknown>;

/** A checked key: its identity in the table, its typed attributes, the partition key as text (for hashing), a label for logs. */
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

export const invalidParameter = (detail: string): string => `ValidationException: One or more parameter values were invalid: ${detail}`;
const KEY_MISMATCH = 'ValidationException: The provided key element does not match the schema';

export function keyNames(schema: KeySchema): string[] {
  return schema.sortKey ? [schema.partitionKey.name, schema.sortKey.name] : [schema.partitionKey.name];
}

/** A key given alone (DeleteItem, UpdateItem): exactly the key attributes, checked; or DynamoDB's refusal. */
export function parseKey(schema: KeySchema, input: JsonObjectInput): CheckedKey | string {
  const object = parseJsonObject(input, 'key');
  if (typeof object === 'string') return object;
  const names = Object.keys(object);
  const wanted = keyNames(schema);
  if (names.length !== wanted.length || names.some((n) => !wanted.includes(n))) return KEY_MISMATCH;
  try {
    return keyOf(schema, toAttributeMap(object), 'key');
  } catch (e) {
    return `ValidationException: ${(e as Error).message}`;
  }
}

/** The key attributes of an item or a key, checked against the schema; or DynamoDB's refusal. */
export function keyOf(schema: KeySchema, map: AttributeMap, what: 'item' | 'key'): CheckedKey | string {
  const keys: AttributeMap = {};
  const parts: string[] = [];
  const labels: string[] = [];
  for (const attribute of [schema.partitionKey, schema.sortKey]) {
    if (!attribute) continue;
    const value: AttributeValue | undefined = map[attribute.name];
    if (value === undefined) return what === 'item' ? invalidParameter(`Missing the key ${attribute.name} in the item`) : KEY_MISMATCH;
    const actual = Object.keys(value)[0] ?? '';
    if (actual !== attribute.type) return invalidParameter(`Type mismatch for key ${attribute.name} expected: ${attribute.type} actual: ${actual}`);
    if ('S' in value && value.S === '') {
      return `ValidationException: One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: ${attribute.name}`;
    }
    keys[attribute.name] = value;
    parts.push('S' in value ? `S:${value.S}` : 'N' in value ? `N:${String(Number(value.N))}` : '');
    labels.push(`${attribute.name}=${'S' in value ? JSON.stringify(value.S) : 'N' in value ? value.N : ''}`);
  }
  return { id: JSON.stringify(parts), keys, partitionKey: parts[0] ?? '', label: labels.join(', ') };
}
