import type { LiveTable, TableResolver } from '../services/dynamodb/tableResolver';
import type { DynamoDbStore } from '../services/dynamodb/tableStore';
import type { DynamoTable } from './dynamoTable';
import type { SourceCommand } from './sourceTypes';

/**
 * Where one DynamoDB request finds its tables: the stream triggers' tables
 * by name (written in place, their stream records' commands pushed to
 * `out`), then the standalone `store`. Cheap enough to build per request.
 */
export function dynamoTableResolver(store: DynamoDbStore, tables: Iterable<DynamoTable>, out: SourceCommand[]): TableResolver {
  const live = new Map<string, LiveTable>();
  for (const table of tables) live.set(table.name, table.liveTable(out));
  return { store, live };
}
