import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { HttpResponse, type HttpRequest } from '@smithy/core/transport';
import { describe, expect, it } from 'vitest';
import { handleDynamoDbRequest } from './handleDynamoDbRequest';
import { emptyDynamoDbStore, type DynamoDbStore } from './tableStore';
import { T0 } from './testClient.test-support';

/**
 * The real SDK v3 clients against the model, through a request handler that
 * answers in process. The body goes back as a Uint8Array: the SDK's body
 * collector takes one as it is (a Blob or a ReadableStream it reads; a
 * plain string it would try to pipe as a Node.js stream, and fail).
 */
function sdkAgainstModel() {
  let store: DynamoDbStore = emptyDynamoDbStore();
  const targets: string[] = [];
  const requestHandler = {
    handle: async (request: HttpRequest) => {
      const target = request.headers['x-amz-target'];
      targets.push(target ?? '');
      const body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
      const answer = handleDynamoDbRequest(store, { target, body }, T0);
      store = answer.store;
      return { response: new HttpResponse({ statusCode: answer.status, headers: { ...answer.headers }, body: new TextEncoder().encode(answer.body) }) };
    },
  };
  const client = new DynamoDBClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDPLAYGROUND', secretAccessKey: 'playground' }, requestHandler, maxAttempts: 1 });
  return { client, documents: DynamoDBDocumentClient.from(client), targets, store: () => store };
}

describe('the AWS SDK for JavaScript v3 against the model', () => {
  it('creates a table, puts, gets, and sees ConditionalCheckFailedException by name', async () => {
    const { client, documents, targets, store } = sdkAgainstModel();
    await client.send(
      new CreateTableCommand({
        TableName: 'orders',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
    await documents.send(new PutCommand({ TableName: 'orders', Item: { id: 'o1', total: 101, tags: new Set(['a', 'b']), blob: new Uint8Array([0, 1, 2]), note: null } }));
    const got = await documents.send(new GetCommand({ TableName: 'orders', Key: { id: 'o1' } }));
    expect(got.Item).toEqual({ id: 'o1', total: 101, tags: new Set(['a', 'b']), blob: new Uint8Array([0, 1, 2]), note: null });
    expect(store().tables.orders!.items.size).toBe(1);

    const updated = await documents.send(
      new UpdateCommand({ TableName: 'orders', Key: { id: 'o1' }, UpdateExpression: 'ADD #t :n', ExpressionAttributeNames: { '#t': 'total' }, ExpressionAttributeValues: { ':n': 1 }, ReturnValues: 'UPDATED_NEW' }),
    );
    expect(updated.Attributes).toEqual({ total: 102 });

    const failure = await documents
      .send(new PutCommand({ TableName: 'orders', Item: { id: 'o1' }, ConditionExpression: 'attribute_not_exists(id)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(failure).toBeInstanceOf(Error);
    const e = failure as Error & { $metadata?: { httpStatusCode?: number }; Item?: unknown };
    expect(e.name).toBe('ConditionalCheckFailedException');
    expect(e.message).toBe('The conditional request failed');
    expect(e.$metadata?.httpStatusCode).toBe(400);
    expect(e.Item).toMatchObject({ id: { S: 'o1' }, total: { N: '102' } });
    expect(targets).toEqual(['CreateTable', 'PutItem', 'GetItem', 'UpdateItem', 'PutItem'].map((op) => `DynamoDB_20120810.${op}`));
  });
});
