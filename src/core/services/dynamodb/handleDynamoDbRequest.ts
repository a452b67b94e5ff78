import { utf8Bytes } from '../../codec';
import { md5Hex } from '../../sources/md5';
import type { CapacityUsed } from './consumedCapacity';
import { DynamoDbError } from './dynamoDbError';
import { batchGetItem, batchWriteItem } from './batchOperations';
import { deleteItem, getItem, putItem, updateItem } from './itemOperations';
import { query, scan } from './queryScan';
import { isObject, type Operation, type OperationResult } from './requestFields';
import type { DynamoDbStreamChange } from './streamChange';
import { createTable, deleteTable, describeTable, listTables } from './tableOperations';
import { commitWrites, resolvedStore, storeResolver, type TableResolver } from './tableResolver';
import type { DynamoDbStore } from './tableStore';
import { transactWriteItems } from './transactWriteItems';

/** The operations answered, by the name after `DynamoDB_20120810.` in X-Amz-Target. */
export const OPERATIONS: Readonly<Record<string, Operation>> = {
  CreateTable: createTable,
  DescribeTable: describeTable,
  ListTables: listTables,
  DeleteTable: deleteTable,
  PutItem: putItem,
  GetItem: getItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  BatchGetItem: batchGetItem,
  BatchWriteItem: batchWriteItem,
  TransactWriteItems: transactWriteItems,
};

const TARGET_PREFIX = 'DynamoDB_20120810.';

export interface DynamoDbHttpRequest {
  /** The X-Amz-Target header, `DynamoDB_20120810.PutItem`. */
  readonly target: string | undefined;
  /** The body as sent (JSON text, content type application/x-amz-json-1.0). */
  readonly body: string;
}

export interface DynamoDbHttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The (standalone) store after the call: the same object when nothing was written to it. */
  readonly store: DynamoDbStore;
  /** The stream records the call's writes imply, in write order (a live table's carry their SequenceNumber). */
  readonly streamRecords: readonly DynamoDbStreamChange[];
  /** Units consumed, for the bill (a failed conditional write still consumes its write units). */
  readonly consumed: CapacityUsed;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC32 of the body's bytes: DynamoDB sends it as `x-amz-crc32` so clients can check the body arrived whole. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A request id shaped as DynamoDB's (52 upper-case letters and digits), derived from the request since the core has no randomness. */
function requestIdOf(request: DynamoDbHttpRequest, nowMs: number): string {
  const seed = `${request.target ?? ''}\u0000${request.body}\u0000${nowMs}`;
  const hex = [0, 1].map((i) => md5Hex(utf8Bytes(`${i}${seed}`))).join('');
  return BigInt(`0x${hex}`).toString(36).toUpperCase().padStart(52, '0').slice(0, 52);
}

function httpResponse(status: number, payload: unknown, requestId: string, errorType?: string): Pick<DynamoDbHttpResponse, 'status' | 'headers' | 'body'> {
  const body = JSON.stringify(payload);
  return {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId,
      'x-amz-crc32': String(crc32(utf8Bytes(body))),
      ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
    },
    body,
  };
}

/**
 * One DynamoDB API call over the JSON 1.0 protocol, answered as DynamoDB
 * answers it: 200 with the response JSON, or 400 with
 * `{"__type":"<namespace>#<Error>","message":…}` (plus `Item` or
 * `CancellationReasons` where DynamoDB adds them). Header names are lower
 * case, as fetch's Headers gives them. The store is a value: the caller keeps
 * the returned one.
 */
export function handleDynamoDbRequest(store: DynamoDbStore, request: DynamoDbHttpRequest, nowMs: number): DynamoDbHttpResponse {
  return handleDynamoDbRequestOn(storeResolver(store), request, nowMs);
}

/**
 * The same call over tables found by `tables`: a live table (a stream
 * trigger's) is read in place and its owner commits the writes, so its items
 * change and its stream records them; standalone tables are written into a
 * new store value, returned. Writes are checked in full before any is
 * committed, so a refused request changes nothing anywhere.
 */
export function handleDynamoDbRequestOn(tables: TableResolver, request: DynamoDbHttpRequest, nowMs: number): DynamoDbHttpResponse {
  const requestId = requestIdOf(request, nowMs);
  const fail = (error: DynamoDbError): DynamoDbHttpResponse => ({
    ...httpResponse(400, { __type: error.wireType, ...(error.message ? { message: error.message } : {}), ...error.extra }, requestId, error.wireType),
    store: tables.store,
    streamRecords: [],
    consumed: { readUnits: 0, writeUnits: error.chargedWriteUnits },
  });
  const target = request.target ?? '';
  const operation = target.startsWith(TARGET_PREFIX) ? OPERATIONS[target.slice(TARGET_PREFIX.length)] : undefined;
  if (!operation) return fail(new DynamoDbError('UnknownOperationException', ''));
  let parsed: unknown;
  try {
    parsed = request.body.trim() === '' ? {} : JSON.parse(request.body);
  } catch {
    return fail(new DynamoDbError('SerializationException', 'Start of structure or map found where not expected'));
  }
  if (!isObject(parsed)) return fail(new DynamoDbError('SerializationException', 'Start of structure or map found where not expected'));
  const seen = resolvedStore(tables);
  let result: OperationResult;
  try {
    result = operation(seen, parsed, nowMs);
  } catch (e) {
    if (e instanceof DynamoDbError) return fail(e);
    throw e;
  }
  const committed = commitWrites(tables, seen, result.store, result.writes, nowMs);
  return { ...httpResponse(200, result.response, requestId), store: committed.store, streamRecords: committed.streamRecords, consumed: result.capacity };
}
