import { utf8Length } from '../../codec';
import { invalidParameter, validation } from './dynamoDbError';
import { compareNumbers, normalizeNumber, significantDigits } from './numberValue';

/**
 * DynamoDB's typed values as the JSON 1.0 protocol carries them. Binary (B,
 * BS) stays base64 text, as on the wire; numbers are decimal text.
 */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: AttributeMap }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };

export type AttributeMap = { [name: string]: AttributeValue };

export type AttributeType = 'S' | 'N' | 'B' | 'BOOL' | 'NULL' | 'M' | 'L' | 'SS' | 'NS' | 'BS';
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'];

export function typeOf(value: AttributeValue): AttributeType {
  return Object.keys(value)[0] as AttributeType;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes of base64 text (the wire form of B). */
export function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

function binary(raw: unknown): string {
  if (typeof raw !== 'string' || !BASE64.test(raw)) throw validation('Invalid Binary value: not valid base64');
  return raw;
}

function noDuplicates(values: readonly string[], key: (v: string) => string): void {
  const seen = new Set(values.map(key));
  if (seen.size !== values.length) throw invalidParameter(`Input collection [${values.join(', ')}] contains duplicates.`);
}

function setOf(raw: unknown, kind: 'string' | 'number' | 'binary'): string[] {
  if (!Array.isArray(raw)) throw validation(`Invalid ${kind} set: expected a list`);
  if (raw.length === 0) throw invalidParameter(`An ${kind} set  may not be empty`);
  const values = raw.map((v: unknown) => {
    if (kind === 'binary') return binary(v);
    if (typeof v !== 'string') throw validation(`Invalid ${kind} set member: expected a string`);
    return kind === 'number' ? normalizeNumber(v) : v;
  });
  noDuplicates(values, (v) => v);
  return values;
}

/**
 * A wire AttributeValue checked as DynamoDB checks it: exactly one type,
 * NULL only true, sets non-empty and without duplicates, numbers normalised.
 * The messages are DynamoDB's (an empty set's double space included).
 */
export function parseAttributeValue(raw: unknown): AttributeValue {
  if (!isRecord(raw)) throw validation('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  const present = Object.keys(raw).filter((k) => raw[k] !== undefined && raw[k] !== null);
  if (present.length === 0) throw validation('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  if (present.length > 1) throw validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  const type = present[0]!;
  const v = raw[type];
  switch (type) {
    case 'S':
      if (typeof v !== 'string') throw validation('Invalid S value: expected a string');
      return { S: v };
    case 'N':
      if (typeof v !== 'string') throw validation('Invalid N value: expected a string');
      return { N: normalizeNumber(v) };
    case 'B':
      return { B: binary(v) };
    case 'BOOL':
      if (typeof v !== 'boolean') throw validation('Invalid BOOL value: expected a boolean');
      return { BOOL: v };
    case 'NULL':
      if (v !== true) throw invalidParameter('Null attribute value types must have the value of true');
      return { NULL: true };
    case 'M':
      if (!isRecord(v)) throw validation('Invalid M value: expected a map');
      return { M: parseAttributeMap(v) };
    case 'L':
      if (!Array.isArray(v)) throw validation('Invalid L value: expected a list');
      return { L: v.map(parseAttributeValue) };
    case 'SS':
      return { SS: setOf(v, 'string') };
    case 'NS':
      return { NS: setOf(v, 'number') };
    case 'BS':
      return { BS: setOf(v, 'binary') };
    default:
      throw validation('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  }
}

export function parseAttributeMap(raw: unknown): AttributeMap {
  if (!isRecord(raw)) throw validation('Expected a map of AttributeValues');
  const out: AttributeMap = {};
  for (const [name, value] of Object.entries(raw)) out[name] = parseAttributeValue(value);
  return out;
}

/**
 * Bytes a value counts for (DynamoDB Developer Guide, "Item sizes and
 * formats"): a string its UTF-8 length; a number 1 byte per 2 significant
 * digits plus 1; binary its raw length; BOOL and NULL 1; a list or map 3
 * bytes plus 1 per element plus the elements (a map's names included); a
 * set the sum of its members.
 */
export function attributeValueSize(value: AttributeValue): number {
  if ('S' in value) return utf8Length(value.S);
  if ('N' in value) return numberSize(value.N);
  if ('B' in value) return base64Bytes(value.B).length;
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('L' in value) return 3 + value.L.reduce((sum, v) => sum + attributeValueSize(v) + 1, 0);
  if ('M' in value) return 3 + Object.entries(value.M).reduce((sum, [name, v]) => sum + utf8Length(name) + attributeValueSize(v) + 1, 0);
  if ('SS' in value) return value.SS.reduce((sum, s) => sum + utf8Length(s), 0);
  if ('NS' in value) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  return value.BS.reduce((sum, b) => sum + base64Bytes(b).length, 0);
}

function numberSize(n: string): number {
  return Math.ceil(significantDigits(n) / 2) + 1;
}

/** An item's size: each attribute's name (UTF-8) plus its value. */
export function itemSize(item: AttributeMap): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8Length(name) + attributeValueSize(value), 0);
}

/** The 400 KB item limit. */
export const MAX_ITEM_BYTES = 400 * 1024;

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** UTF-8 byte order, DynamoDB's string order (code points compare as their UTF-8 bytes do). */
function compareStrings(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Order of two scalars of one type (S, N or B); null when they cannot be ordered. */
export function compareScalars(a: AttributeValue, b: AttributeValue): number | null {
  if ('S' in a && 'S' in b) return compareStrings(a.S, b.S);
  if ('N' in a && 'N' in b) return compareNumbers(a.N, b.N);
  if ('B' in a && 'B' in b) return compareBytes(base64Bytes(a.B), base64Bytes(b.B));
  return null;
}

function sameMembers(a: readonly string[], b: readonly string[], eq: (x: string, y: string) => boolean): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => eq(x, y)));
}

/** Equal values; a map's attribute order and a set's member order do not matter. */
export function attributeValuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if ('S' in a) return 'S' in b && a.S === b.S;
  if ('N' in a) return 'N' in b && compareNumbers(a.N, b.N) === 0;
  if ('B' in a) return 'B' in b && compareBytes(base64Bytes(a.B), base64Bytes(b.B)) === 0;
  if ('BOOL' in a) return 'BOOL' in b && a.BOOL === b.BOOL;
  if ('NULL' in a) return 'NULL' in b;
  if ('L' in a) return 'L' in b && a.L.length === b.L.length && a.L.every((v, i) => attributeValuesEqual(v, b.L[i]!));
  if ('M' in a) return 'M' in b && attributeMapsEqual(a.M, b.M);
  if ('SS' in a) return 'SS' in b && sameMembers(a.SS, b.SS, (x, y) => x === y);
  if ('NS' in a) return 'NS' in b && sameMembers(a.NS, b.NS, (x, y) => compareNumbers(x, y) === 0);
  return 'BS' in b && sameMembers(a.BS, b.BS, (x, y) => compareBytes(base64Bytes(x), base64Bytes(y)) === 0);
}

export function attributeMapsEqual(a: AttributeMap, b: AttributeMap): boolean {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  return names.every((name) => {
    const other = b[name];
    return other !== undefined && attributeValuesEqual(a[name]!, other);
  });
}
