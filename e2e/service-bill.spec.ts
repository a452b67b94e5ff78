import { expect, test } from './playground';

/**
 * The bill's Services section: after a handler's SDK calls, the Billing view lists what DynamoDB billed them as.
 * The first invoke loads the SDK during Init: 30 s timeout and a full vCPU, as in aws-services.spec.ts.
 */
test.slow();

test('after a handler writes and reads a table, the Billing view shows its request units in "Service charges"', async ({ playground, page }) => {
  await playground.view('Configuration');
  await playground.timeout.fill('30');
  await playground.memory.fill('1769');
  await playground.setCode(`import { DynamoDBClient, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
const db = new DynamoDBClient({});
export const handler = async (event) => {
  if (event.Records) return 'from the table’s stream'; // the trigger that makes the table also invokes this function: no second write
  await db.send(new PutItemCommand({ TableName: 'ledger', Item: { id: { S: 'a1' } } }));
  await db.send(new GetItemCommand({ TableName: 'ledger', Key: { id: { S: 'a1' } }, ConsistentRead: true }));
  return 'ok';
};`);
  await playground.view('Triggers');
  const triggers = page.getByRole('region', { name: 'Triggers' });
  await triggers.getByRole('button', { name: 'Add trigger' }).click();
  await triggers.getByLabel('Trigger type').selectOption({ label: 'DynamoDB stream' });
  await triggers.getByRole('form', { name: 'New trigger' }).getByRole('textbox').first().fill('ledger');
  await triggers.getByRole('button', { name: 'Create trigger' }).click();
  await playground.invoke({ timeout: 60_000 });
  await expect(playground.response).toContainText('"ok"');
  await playground.view('Billing');
  const charges = page.getByRole('table', { name: 'Service charges' });
  await expect(charges.getByRole('row', { name: /DynamoDB PutItem write request units 1 \$0\.625 \/ million/ })).toBeVisible();
  await expect(charges.getByRole('row', { name: /DynamoDB GetItem read request units 1 \$0\.125 \/ million/ })).toBeVisible();
  await expect(page.getByText(/us-east-1 list prices/)).toBeVisible();
});
