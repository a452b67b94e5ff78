import { utf8Length } from '../codec';

/**
 * DynamoDB's typed values, as a stream record carries them (lambda-model.md
 * §7): `{"S":"abc"}`, `{"N":"101"}`, `{"BOOL":true}`, `{"NULL":true}`,
 * `{"L":[…]}`, `{"M":{…}}`. Sets and binary are not modelled.
 */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { L: AttributeValue[] }
  | { M: AttributeMap };

export type AttributeMap = Record<string, AttributeValue>;

/** A value of parsed JSON, typed as the document client marshals it (arrays become L, objects M). */
export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Number ${String(value)} is not a DynamoDB number`);
    return { N: String(value) };
  }
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toAttributeValue) };
  if (typeof value === 'object') return { M: toAttributeMap(value as Record<string, unknown>) };
  throw new Error(`A ${typeof value} cannot be stored in DynamoDB`);
}

export function toAttributeMap(object: Record<string, unknown>): AttributeMap {
  const out: AttributeMap = {};
  for (const [name, value] of Object.entries(object)) {
    if (value !== undefined) out[name] = toAttributeValue(value);
  }
  return out;
}

/** Plain JSON of a typed value, for display. */
export function fromAttributeValue(value: AttributeValue): unknown {
  if ('S' in value) return value.S;
  if ('N' in value) return Number(value.N);
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('L' in value) return value.L.map(fromAttributeValue);
  return fromAttributeMap(value.M);
}

export function fromAttributeMap(map: AttributeMap): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, fromAttributeValue(value)]));
}

/** Significant digits of a DynamoDB number (leading and trailing zeros trimmed). */
function significantDigits(n: string): number {
  const mantissa = n.replace(/^[+-]/, '').split(/e/i)[0] ?? '';
  const digits = mantissa.replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/**
 * Bytes a value counts for, by DynamoDB's item-size rules: a string its
 * UTF-8 length; a number one byte per two significant digits plus one;
 * BOOL and NULL one; a list or map 3 bytes plus its elements plus one byte
 * per element (a map's element includes its name).
 */
export function attributeValueSize(value: AttributeValue): number {
  if ('S' in value) return utf8Length(value.S);
  if ('N' in value) return Math.ceil(significantDigits(value.N) / 2) + 1;
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('L' in value) return 3 + value.L.reduce((sum, v) => sum + attributeValueSize(v) + 1, 0);
  return 3 + Object.entries(value.M).reduce((sum, [name, v]) => sum + utf8Length(name) + attributeValueSize(v) + 1, 0);
}

/** Size of an item, a key or an image: names plus values (the stream record's SizeBytes sums these). */
export function attributeMapSize(map: AttributeMap): number {
  return Object.entries(map).reduce((sum, [name, value]) => sum + utf8Length(name) + attributeValueSize(value), 0);
}

/** Equal values; a map's attribute order does not matter. */
export function attributeValuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if ('S' in a) return 'S' in b && a.S === b.S;
  if ('N' in a) return 'N' in b && Number(a.N) === Number(b.N);
  if ('BOOL' in a) return 'BOOL' in b && a.BOOL === b.BOOL;
  if ('NULL' in a) return 'NULL' in b;
  if ('L' in a) return 'L' in b && a.L.length === b.L.length && a.L.every((v, i) => attributeValuesEqual(v, b.L[i]!));
  return 'M' in b && attributeMapsEqual(a.M, b.M);
}

export function attributeMapsEqual(a: AttributeMap, b: AttributeMap): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((name) => {
    const other = b[name];
    return other !== undefined && attributeValuesEqual(a[name]!, other);
  });
}
