import { StoreWriter, type ItemWrite } from './itemWrite';
import type { DynamoDbStreamChange } from './streamChange';
import type { DynamoDbStore, DynamoDbTable } from './tableStore';

/**
 * A table the service model reads and writes but does not own: a DynamoDB
 * stream trigger's table (sources/dynamoTable.ts), whose items and stream
 * live in the trigger.
 */
export interface LiveTable {
  /** The table as the model reads it: `items` is the owner's own map, read in place (no copy per request). */
  serviceTable(): DynamoDbTable;
  /**
   * Commit writes the model has checked (never refused here): the owner's
   * items change and its stream takes one record per change, as for any
   * other write to it. Returns those records, in order.
   */
  applyWrites(writes: readonly ItemWrite[]): readonly DynamoDbStreamChange[];
}

/** Where a request's tables are: live tables by name first, then the standalone store. */
export interface TableResolver {
  /** The standalone tables: a value; the caller keeps the one the request returns. */
  readonly store: DynamoDbStore;
  /** Live tables by table name; a live table hides a standalone table of the same name. */
  readonly live: ReadonlyMap<string, LiveTable>;
}

const NO_LIVE_TABLES: ReadonlyMap<string, LiveTable> = new Map();

export function storeResolver(store: DynamoDbStore): TableResolver {
  return { store, live: NO_LIVE_TABLES };
}

/** The store the operations see: the standalone tables and, under their names, the live ones (O(tables), no item is copied). */
export function resolvedStore(resolver: TableResolver): DynamoDbStore {
  if (resolver.live.size === 0) return resolver.store;
  const tables = { ...resolver.store.tables };
  for (const [name, live] of resolver.live) tables[name] = live.serviceTable();
  return { ...resolver.store, tables };
}

/** `after` (a store an operation returned over `resolvedStore`) without the live tables, the standalone tables they hid restored. */
function standalonePart(resolver: TableResolver, seen: DynamoDbStore, after: DynamoDbStore): DynamoDbStore {
  if (after === seen) return resolver.store;
  if (resolver.live.size === 0) return after;
  const tables = { ...after.tables };
  for (const name of resolver.live.keys()) {
    const hidden = resolver.store.tables[name];
    if (hidden) tables[name] = hidden;
    else delete tables[name];
  }
  return { ...after, tables };
}

/**
 * Commit an operation that succeeded: its checked writes go to each table's
 * owner in order (a live table applies its own, the standalone ones make a
 * new store value). Nothing here can refuse, so a transaction or batch over
 * both kinds of table stays all or nothing.
 */
export function commitWrites(
  resolver: TableResolver,
  seen: DynamoDbStore,
  after: DynamoDbStore,
  writes: readonly ItemWrite[],
  nowMs: number,
): { store: DynamoDbStore; streamRecords: DynamoDbStreamChange[] } {
  const writer = new StoreWriter(standalonePart(resolver, seen, after), nowMs);
  const streamRecords: DynamoDbStreamChange[] = [];
  for (const w of writes) {
    const live = resolver.live.get(w.tableName);
    if (live) streamRecords.push(...live.applyWrites([w]));
    else {
      const change = writer.write(w);
      if (change) streamRecords.push(change);
    }
  }
  return { store: writer.store(), streamRecords };
}
