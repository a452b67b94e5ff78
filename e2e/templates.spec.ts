import { expect, test } from './playground';

// Three deploys and several invokes: on a shared 2-core machine these can pass 30 s.
test.slow();

test('handler templates replace the code and test event, and run as they are', async ({ playground, page }) => {
  const menu = page.getByRole('combobox', { name: 'Handler template' });
  await playground.view('Configuration');
  await playground.timeout.fill('30');
  await playground.view('Run');

  await menu.selectOption({ label: 'SQS: partial batch failures' });
  await expect(playground.code).toHaveValue(/batchItemFailures/);
  await expect(playground.event).toHaveValue(/"eventSource": "aws:sqs"/);
  await playground.invoke();
  await expect(playground.response).toContainText('"batchItemFailures"');
  await expect(playground.response).toContainText('"itemIdentifier": "2e1424d4-f796-459a-8184-9c92662be6da"');
  await expect(playground.response).toContainText('"itemIdentifier": "5b8a1f8e-3c2d-4e6f-9a1b-7c8d9e0f1a2b"');
  await expect(playground.response).not.toContainText('059f36b4-87a3-44ab-83d2-661975830a7d');
  await expect(playground.logs.getByText('Processed order o-1 (2 × BOOK-1)')).toBeVisible();

  await menu.selectOption({ label: 'Webhook HMAC signature check' });
  await expect(playground.event).toHaveValue(/x-hub-signature-256/);
  await playground.invoke();
  await expect(playground.response).toContainText('"statusCode": 202');
  await expect(playground.response).toContainText('refs/heads/main');

  await menu.selectOption({ label: '/tmp cache across warm invokes' });
  await playground.invoke();
  await expect(playground.response.getByText('Cold start')).toBeVisible();
  await expect(playground.response).toContainText('"source": "built"');
  await playground.invoke();
  await expect(playground.response.getByText('Warm start')).toBeVisible();
  await expect(playground.response).toContainText('"source": "cache"');
});

test('a template asks before replacing edited code, and keeps it when the user says no', async ({ playground, page }) => {
  const menu = page.getByRole('combobox', { name: 'Handler template' });
  await playground.setCode('export const handler = async () => "mine";');
  const refused = page.waitForEvent('dialog');
  await menu.selectOption({ label: 'Kinesis: decode base64 records' });
  const question = await refused;
  expect(question.message()).toContain('Replace your code and test event with the “Kinesis: decode base64 records” template?');
  await question.dismiss();
  await expect(playground.code).toHaveValue(/"mine"/);
  const agreed = page.waitForEvent('dialog');
  await menu.selectOption({ label: 'Kinesis: decode base64 records' });
  await (await agreed).accept();
  await expect(playground.code).toHaveValue(/kinesis\.data/);
  await expect(playground.event).toHaveValue(/"eventSource": "aws:kinesis"/);
});
