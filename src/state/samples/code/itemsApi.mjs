// Sample application: an HTTP API on DynamoDB, with a stream reader beside it.
//
// items-api answers an API Gateway HTTP API (payload 2.0) and keeps items in
// the DynamoDB table TABLE_NAME with the DocumentClient (@aws-sdk/lib-dynamodb):
//   POST   /items        create; the id must be new (a conditional put: 409 if it exists)
//   GET    /items        list (one Scan page)
//   GET    /items/{id}   read
//   PUT    /items/{id}   update name and price (404 if there is no such item)
//   DELETE /items/{id}   delete (404 if there is no such item)
//
// What to try:
//   1. Invoke: the test event creates widget-1 (201). Invoke again: the same id
//      fails the condition; the handler catches ConditionalCheckFailedException
//      by its name and answers 409.
//   2. The saved events (beside the test event) read, update, list and delete it.
//   3. Triggers view: the HTTP request form sends the same requests as a client
//      would (Method, Path, Body).
//   4. Open items-changes: its logs show each change the table's stream carried.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

// Outside the handler: created once per environment and reused by warm invokes.
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TableName = process.env.TABLE_NAME;

const reply = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: body === undefined ? '' : JSON.stringify(body),
});

function readBody(event) {
  if (!event.body) return {};
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return JSON.parse(text);
}

async function create(input) {
  if (typeof input.id !== 'string' || typeof input.name !== 'string') return reply(400, { message: 'An item needs a string id and name' });
  const item = { id: input.id, name: input.name, price: Number(input.price ?? 0), createdAt: new Date().toISOString() };
  try {
    await doc.send(new PutCommand({ TableName, Item: item, ConditionExpression: 'attribute_not_exists(id)' }));
  } catch (err) {
    // The SDK's error classes carry DynamoDB's exception name.
    if (err.name === 'ConditionalCheckFailedException') return reply(409, { message: `Item ${input.id} already exists` });
    throw err;
  }
  return reply(201, item);
}

async function update(id, input) {
  const changes = { updatedAt: new Date().toISOString() };
  if (typeof input.name === 'string') changes.name = input.name;
  if (input.price !== undefined) changes.price = Number(input.price);
  const fields = Object.keys(changes);
  try {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName,
        Key: { id },
        // "name" is a DynamoDB reserved word: every field goes through ExpressionAttributeNames.
        UpdateExpression: `SET ${fields.map((f) => `#${f} = :${f}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(id)',
        ExpressionAttributeNames: Object.fromEntries(fields.map((f) => [`#${f}`, f])),
        ExpressionAttributeValues: Object.fromEntries(fields.map((f) => [`:${f}`, changes[f]])),
        ReturnValues: 'ALL_NEW',
      }),
    );
    return reply(200, Attributes);
  } catch (err) {
    if (err.name === 'ConditionalCheckFailedException') return reply(404, { message: `Item ${id} not found` });
    throw err;
  }
}

export const handler = async (event) => {
  const method = event.requestContext.http.method;
  const [, collection, id, ...rest] = event.rawPath.split('/');
  if (collection !== 'items' || rest.length > 0) return reply(404, { message: `No route for ${event.rawPath}` });
  let input;
  try {
    input = readBody(event);
  } catch {
    return reply(400, { message: 'Body is not valid JSON' });
  }
  if (!id) {
    if (method === 'POST') return create(input);
    if (method === 'GET') {
      const { Items, Count } = await doc.send(new ScanCommand({ TableName, Limit: 50 }));
      return reply(200, { count: Count, items: Items });
    }
    return reply(405, { message: `${method} is not allowed on /items` });
  }
  const key = decodeURIComponent(id);
  if (method === 'GET') {
    const { Item } = await doc.send(new GetCommand({ TableName, Key: { id: key } }));
    return Item ? reply(200, Item) : reply(404, { message: `Item ${key} not found` });
  }
  if (method === 'PUT') return update(key, input);
  if (method === 'DELETE') {
    const { Attributes } = await doc.send(new DeleteCommand({ TableName, Key: { id: key }, ReturnValues: 'ALL_OLD' }));
    return Attributes ? reply(200, { deleted: Attributes }) : reply(404, { message: `Item ${key} not found` });
  }
  return reply(405, { message: `${method} is not allowed on /items/${key}` });
};
