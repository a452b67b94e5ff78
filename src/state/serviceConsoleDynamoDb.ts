import type { AttributeMap, AttributeValue } from '../core/services/dynamodb/attributeValue';
import { currentServices, isFailure, jsonCall, type ConsoleServices, type Failure, type JsonValue } from './serviceConsole';

export type { AttributeMap, AttributeValue };

/** An item as the console shows it: plain JSON, each top-level attribute's type descriptor, and the wire form (its key names it for DeleteItem). */
export interface ConsoleItem {
  json: Record<string, JsonValue>;
  types: Record<string, string>;
  raw: AttributeMap;
}

/** `N` as a JSON number when that keeps its digits exactly, else as its text (DynamoDB numbers have 38 digits of precision). */
function numberOf(n: string): number | string {
  const x = Number(n);
  return Number.isFinite(x) && String(x) === n ? x : n;
}

/** An AttributeValue as plain JSON (B and BS stay base64, SS/NS/BS become arrays): the type descriptor is shown beside it. */
export function attributeToJson(value: AttributeValue): JsonValue {
  if ('S' in value) return value.S;
  if ('N' in value) return numberOf(value.N);
  if ('B' in value) return value.B;
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('SS' in value) return value.SS;
  if ('NS' in value) return value.NS.map(numberOf);
  if ('BS' in value) return value.BS;
  if ('L' in value) return value.L.map(attributeToJson);
  return Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, attributeToJson(v)]));
}

/** The type descriptor of a value (`S`, `N`, `M` …). */
export const attributeType = (value: AttributeValue): string => Object.keys(value)[0] ?? '?';

/** Plain JSON as AttributeValues: numbers N, strings S, booleans BOOL, null NULL, arrays L, objects M. */
export function jsonToAttribute(value: JsonValue): AttributeValue {
  if (value === null) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(jsonToAttribute) };
  return { M: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonToAttribute(v)])) };
}

const dynamo = (services: ConsoleServices, op: string, input: Record<string, unknown>) => jsonCall(services, 'dynamodb', `DynamoDB_20120810.${op}`, input);

/** Scan: up to `limit` items, and whether the table has more. */
export async function scanTable(name: string, limit: number, services: ConsoleServices = currentServices()): Promise<{ items: ConsoleItem[]; more: boolean } | Failure> {
  const r = await dynamo(services, 'Scan', { TableName: name, Limit: limit });
  if (isFailure(r)) return r;
  const raw = (r.output.Items ?? []) as AttributeMap[];
  const items = raw.map((item) => ({
    raw: item,
    json: Object.fromEntries(Object.entries(item).map(([k, v]) => [k, attributeToJson(v)])),
    types: Object.fromEntries(Object.entries(item).map(([k, v]) => [k, attributeType(v)])),
  }));
  return { items, more: r.output.LastEvaluatedKey !== undefined };
}

/** PutItem of a JSON object (its text, as typed); DynamoDB checks the key. */
export async function putItem(name: string, itemJson: string, services: ConsoleServices = currentServices()): Promise<{ ok: true } | Failure> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(itemJson);
  } catch (e) {
    return { error: `The item is not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return { error: 'The item must be a JSON object, its attributes by name.' };
  const item = jsonToAttribute(parsed as JsonValue) as { M: AttributeMap };
  const r = await dynamo(services, 'PutItem', { TableName: name, Item: item.M });
  return isFailure(r) ? r : { ok: true };
}

/** DeleteItem by the item's key attributes, in their wire form. */
export async function deleteItem(name: string, key: AttributeMap, services: ConsoleServices = currentServices()): Promise<{ ok: true } | Failure> {
  const r = await dynamo(services, 'DeleteItem', { TableName: name, Key: key });
  return isFailure(r) ? r : { ok: true };
}
