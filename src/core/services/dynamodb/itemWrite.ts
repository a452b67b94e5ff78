import type { AttributeMap } from './attributeValue';
import { streamChange, type DynamoDbStreamChange } from './streamChange';
import type { DynamoDbStore } from './tableStore';

/**
 * One item's change, checked and ready to commit: the item before and after
 * (undefined: absent). Operations return these instead of writing, so the
 * table's owner commits them: the store value for a standalone table, the
 * stream trigger's DynamoTable for a live one (tableResolver.ts).
 */
export interface ItemWrite {
  readonly tableName: string;
  /** The key's id in the table (`keyId`). */
  readonly id: string;
  readonly oldItem: AttributeMap | undefined;
  readonly newItem: AttributeMap | undefined;
}

/**
 * Commits writes to a store's own tables: each written table's items are
 * copied once (not once per write), and each write gives the stream record
 * it implies (without SequenceNumber: a standalone table's stream has no
 * shards here), or null when it changed nothing.
 */
export class StoreWriter {
  private readonly copies = new Map<string, Map<string, AttributeMap>>();

  constructor(
    private readonly base: DynamoDbStore,
    private readonly nowMs: number,
  ) {}

  write(w: ItemWrite): DynamoDbStreamChange | null {
    const table = this.base.tables[w.tableName];
    if (!table) throw new Error(`No table ${w.tableName} in the store`);
    let items = this.copies.get(w.tableName);
    const change = streamChange(table, items ? items.get(w.id) : w.oldItem, w.newItem, this.nowMs);
    if (!items) this.copies.set(w.tableName, (items = new Map(table.items)));
    if (w.newItem) items.set(w.id, w.newItem);
    else items.delete(w.id);
    return change;
  }

  /** The store after the writes: the base itself when none was made. */
  store(): DynamoDbStore {
    if (this.copies.size === 0) return this.base;
    const tables = { ...this.base.tables };
    for (const [name, items] of this.copies) tables[name] = { ...tables[name]!, items };
    return { ...this.base, tables };
  }
}
