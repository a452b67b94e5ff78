import { attributeMapsEqual, itemSize, type AttributeMap } from './attributeValue';
import { keyAttributes, type DynamoDbTable, type StreamViewType } from './tableStore';

/**
 * The stream record a write implies: the `dynamodb` member of a DynamoDB
 * Streams record. Images follow the table's StreamViewType
 * (NEW_AND_OLD_IMAGES when the table has no stream), and SizeBytes counts
 * the keys and the images it carries. A stream trigger's table
 * (src/core/sources/dynamoTable.ts) makes its records with this too, for the
 * form's writes and the model's alike, and adds the SequenceNumber its
 * shard assigns; a standalone table's records have none.
 */
export interface DynamoDbStreamChange {
  readonly tableName: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly dynamodb: {
    readonly ApproximateCreationDateTime: number;
    readonly Keys: AttributeMap;
    readonly NewImage?: AttributeMap;
    readonly OldImage?: AttributeMap;
    /** Set when a live table's stream took the record (its shard assigned it). */
    readonly SequenceNumber?: string;
    readonly SizeBytes: number;
    readonly StreamViewType: StreamViewType;
  };
}

/** Null when nothing changed: an absent item deleted, or an item rewritten identical (DynamoDB writes no record then). */
export function streamChange(table: DynamoDbTable, oldItem: AttributeMap | undefined, newItem: AttributeMap | undefined, nowMs: number): DynamoDbStreamChange | null {
  if (!oldItem && !newItem) return null;
  if (oldItem && newItem && attributeMapsEqual(oldItem, newItem)) return null;
  const view = table.stream?.viewType ?? 'NEW_AND_OLD_IMAGES';
  const keys = keyAttributes(table.keySchema, (newItem ?? oldItem)!);
  const withNew = newItem && (view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES') ? newItem : undefined;
  const withOld = oldItem && (view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES') ? oldItem : undefined;
  return {
    tableName: table.name,
    eventName: !oldItem ? 'INSERT' : newItem ? 'MODIFY' : 'REMOVE',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(nowMs / 1000),
      Keys: keys,
      ...(withNew ? { NewImage: withNew } : {}),
      ...(withOld ? { OldImage: withOld } : {}),
      SizeBytes: itemSize(keys) + (withNew ? itemSize(withNew) : 0) + (withOld ? itemSize(withOld) : 0),
      StreamViewType: view,
    },
  };
}
