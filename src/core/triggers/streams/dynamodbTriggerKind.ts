import { s } from '../../schema/builders';
// The light module: the trigger kind is part of the workspace schema (first load); the table itself loads with its trigger.
import { STREAM_VIEW_TYPES } from '../../services/dynamodb/streamViewType';
import { pascalCase } from '../../workspace/exportLayout';
import { FUNCTION_NAME_MAX, triggerKind } from '../triggerKind';
import { startingPositionSchema, streamEvent, streamSettingsSchema } from './streamSettingsSchema';

// B keys are valid: the form cannot type binary, but the DynamoDB service model (an SDK client in a handler) can write them.
const keyAttribute = s.object({ name: s.string(255), type: s.enum(['S', 'N', 'B']) });

/** A DynamoDB table's stream, read by an event source mapping that invokes one function. */
export const dynamodbTriggerKind = triggerKind({
  type: 'dynamodb',
  shape: {
    table: s.string(255),
    function: s.string(FUNCTION_NAME_MAX),
    partitionKey: keyAttribute.default({ name: 'id', type: 'S' }),
    sortKey: s.optional(keyAttribute),
    streamViewType: s.enum(STREAM_VIEW_TYPES).default('NEW_AND_OLD_IMAGES'),
    shards: s.number().default(1),
    startingPosition: startingPositionSchema,
    settings: streamSettingsSchema,
  },
  functions: (t) => [t.function],
  sam(t, out) {
    const keys = [t.partitionKey, ...(t.sortKey ? [t.sortKey] : [])];
    const table = out.resource(`${pascalCase(t.table, 'Playground')}Table`, `DynamoDB table ${t.table} (DynamoDB chooses its stream's shards)`, {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
        KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
        StreamSpecification: { StreamViewType: t.streamViewType },
      },
    }, { kind: 'tables', name: t.table });
    streamEvent(out, t, 'DynamoDB', table);
  },
});
