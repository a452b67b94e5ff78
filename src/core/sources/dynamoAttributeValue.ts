import { base64Encode } from '../codec';
import { parseAttributeValue, type AttributeMap, type AttributeValue } from '../services/dynamodb/attributeValue';
import { normalizeNumber } from '../services/dynamodb/numberValue';

/**
 * DynamoDB's typed values are the service model's (services/dynamodb/
 * attributeValue.ts: S, N, B, BOOL, NULL, L, M, SS, NS, BS, binary as base64
 * text), which is also how a stream record carries them. This file only
 * marshals plain values to them and back, as the document client does.
 */
export type { AttributeMap, AttributeValue } from '../services/dynamodb/attributeValue';

function isBinary(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

/** A Set as the document client marshals it: strings SS, numbers NS, binaries BS; checked as DynamoDB checks sets (not empty, no duplicates). */
function setValue(set: ReadonlySet<unknown>): AttributeValue {
  const members = [...set];
  if (members.every((m) => typeof m === 'string')) return parseAttributeValue({ SS: members });
  if (members.every((m) => typeof m === 'number' || typeof m === 'bigint')) return parseAttributeValue({ NS: members.map((m) => numberText(m as number | bigint)) });
  if (members.every(isBinary)) return parseAttributeValue({ BS: members.map((m) => base64Encode(m)) });
  throw new Error('A set holds only strings, only numbers or only binaries');
}

function numberText(value: number | bigint): string {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`Number ${String(value)} is not a DynamoDB number`);
  return normalizeNumber(String(value));
}

/**
 * A plain value typed as the document client marshals it: null NULL,
 * strings S, numbers N (normalised, as DynamoDB stores them), booleans BOOL,
 * Uint8Array B, Sets SS / NS / BS, arrays L, objects M.
 */
export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number' || typeof value === 'bigint') return { N: numberText(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (isBinary(value)) return { B: base64Encode(value) };
  if (value instanceof Set) return setValue(value);
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

/** Plain JSON of a typed value, for display: binary stays base64 text, sets become arrays. */
export function fromAttributeValue(value: AttributeValue): unknown {
  if ('S' in value) return value.S;
  if ('N' in value) return Number(value.N);
  if ('B' in value) return value.B;
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('L' in value) return value.L.map(fromAttributeValue);
  if ('M' in value) return fromAttributeMap(value.M);
  if ('SS' in value) return [...value.SS];
  if ('NS' in value) return value.NS.map(Number);
  return [...value.BS];
}

export function fromAttributeMap(map: AttributeMap): Record<string, unknown> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, fromAttributeValue(value)]));
}
