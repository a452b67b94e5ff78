import type { Workspace } from '../../core/workspace/workspaceTypes';
import type { SampleBase } from './sampleBase';
import { dynamoInsertEvent, httpApiEvent } from './sampleEvents';
import { sampleFunction } from './sampleFunction';

const TABLE = 'items';
const widget = { id: 'widget-1', name: 'Widget', price: 9.5 };

/**
 * Sample application 1: an HTTP API on DynamoDB. items-api does create,
 * read, update and delete with the DocumentClient (a conditional create
 * answers 409); items-changes reads the table's stream.
 */
export function httpCrudSample(base: SampleBase): Workspace {
  return {
    ...base.workspace,
    name: 'Sample: HTTP API on DynamoDB',
    functions: [
      sampleFunction(base, {
        name: 'items-api',
        source: 'itemsApi.mjs',
        environment: { TABLE_NAME: TABLE },
        event: httpApiEvent('POST', '/items', widget),
        savedEvents: [
          { name: 'Create widget-1 (POST /items)', json: httpApiEvent('POST', '/items', widget) },
          { name: 'Read widget-1 (GET /items/widget-1)', json: httpApiEvent('GET', '/items/widget-1') },
          { name: 'Update widget-1 (PUT /items/widget-1)', json: httpApiEvent('PUT', '/items/widget-1', { name: 'Blue widget', price: 11 }) },
          { name: 'List items (GET /items)', json: httpApiEvent('GET', '/items') },
          { name: 'Delete widget-1 (DELETE /items/widget-1)', json: httpApiEvent('DELETE', '/items/widget-1') },
        ],
      }),
      sampleFunction(base, {
        name: 'items-changes',
        source: 'itemsChanges.mjs',
        event: dynamoInsertEvent(TABLE, { id: { S: 'widget-1' }, name: { S: 'Widget' }, price: { N: '9.5' }, createdAt: { S: '2026-11-22T09:00:00.000Z' } }, 'id'),
      }),
    ],
    triggers: [
      { type: 'http', function: 'items-api', format: 'http-v2' },
      {
        type: 'dynamodb',
        table: TABLE,
        function: 'items-changes',
        partitionKey: { name: 'id', type: 'S' },
        streamViewType: 'NEW_AND_OLD_IMAGES',
        shards: 1,
        startingPosition: 'TRIM_HORIZON',
        settings: { ...base.stream },
      },
    ],
  };
}
