import { validation } from './dynamoDbError';

/**
 * On-demand request units (DynamoDB Developer Guide, "Read/write capacity
 * mode"): a strongly consistent read is one unit per 4 KB (rounded up, at
 * least one), an eventually consistent read half of that; a write one unit
 * per 1 KB of the larger of the old and new item. Transactions cost double.
 * Query and Scan round the sum of every item they read, not each item.
 */
export const READ_UNIT_BYTES = 4096;
export const WRITE_UNIT_BYTES = 1024;

export function readUnits(bytes: number, consistent: boolean, transactional = false): number {
  const units = Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES));
  return transactional ? units * 2 : consistent ? units : units / 2;
}

export function writeUnits(bytes: number, transactional = false): number {
  const units = Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES));
  return transactional ? units * 2 : units;
}

export type ReturnConsumedCapacity = 'NONE' | 'TOTAL' | 'INDEXES';

export function returnConsumedCapacityOf(raw: unknown): ReturnConsumedCapacity {
  if (raw === undefined || raw === 'NONE' || raw === 'TOTAL' || raw === 'INDEXES') return raw ?? 'NONE';
  throw validation(`1 validation error detected: Value '${String(raw)}' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]`);
}

/** Units a call consumed, for the bill. */
export interface CapacityUsed {
  readUnits: number;
  writeUnits: number;
}

/** The `ConsumedCapacity` member of a response; INDEXES adds the table's own share (there are no indexes here). */
export function consumedCapacityJson(tableName: string, units: CapacityUsed, mode: ReturnConsumedCapacity): Record<string, unknown> | undefined {
  if (mode === 'NONE') return undefined;
  const total = units.readUnits + units.writeUnits;
  return {
    TableName: tableName,
    CapacityUnits: total,
    ...(units.readUnits ? { ReadCapacityUnits: units.readUnits } : {}),
    ...(units.writeUnits ? { WriteCapacityUnits: units.writeUnits } : {}),
    ...(mode === 'INDEXES' ? { Table: { CapacityUnits: total, ...(units.readUnits ? { ReadCapacityUnits: units.readUnits } : {}), ...(units.writeUnits ? { WriteCapacityUnits: units.writeUnits } : {}) } } : {}),
  };
}
