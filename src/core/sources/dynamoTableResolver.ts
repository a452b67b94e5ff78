import type { LiveTable, TableResolver } from '../services/dynamodb/tableResolver';
import type { DynamoDbStore } from '../services/dynamodb/tableStore';
import type { DynamoTable } from './dynamoTable';
import type { SourceCommand } from './sourceTypes';

/** A resolver for one DynamoDB request, and the commands each stream trigger's table gave while the request wrote to it. */
export interface DynamoTableRouting {
  readonly resolver: TableResolver;
  /**
   * Per table, the commands its writes gave (log lines, `changed`, and its
   * mapping's timers, armed as it hears of new records): to be carried under
   * that table's own mapping's source id, as a write from the form is. Empty
   * for a table the request did not write.
   */
  readonly commands: ReadonlyMap<DynamoTable, SourceCommand[]>;
}

/**
 * Where one DynamoDB request finds its tables: the stream triggers' tables
 * by name (read and written in place), then the standalone `store`. Cheap
 * enough to build per request (no item is copied).
 */
export function dynamoTableResolver(store: DynamoDbStore, tables: Iterable<DynamoTable>): DynamoTableRouting {
  const live = new Map<string, LiveTable>();
  const commands = new Map<DynamoTable, SourceCommand[]>();
  for (const table of tables) {
    const out: SourceCommand[] = [];
    commands.set(table, out);
    live.set(table.name, table.liveTable(out));
  }
  return { resolver: { store, live }, commands };
}
