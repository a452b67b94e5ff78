import { expect, test } from './playground';

test('the example function starts cold, then runs warm with its module state kept', async ({ playground }) => {
  await playground.invoke();
  await expect(playground.response.getByText('Succeeded')).toBeVisible();
  await expect(playground.response.getByText('Cold start')).toBeVisible();
  await expect(playground.response).toContainText('"invocations": 1');
  const cold = await playground.lastReport();
  expect(cold).toMatch(/^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms$/);
  await expect(playground.logs.getByText(/^START RequestId: [0-9a-f-]{36} Version: \$LATEST$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/\tINFO\tReceived event: \{ name: 'Lambda' \}$/)).toHaveCount(1);

  await playground.invoke();
  await expect(playground.response.getByText('Warm start')).toBeVisible();
  await expect(playground.response).toContainText('"invocations": 2');
  const warm = await playground.lastReport();
  expect(warm).toMatch(/^REPORT RequestId: .*\tMax Memory Used: \d+ MB$/);
  expect(warm).not.toContain('Init Duration');
});

test('Ctrl+Enter invokes, and a memory change is deployed as a new cold start, which says why it was cold', async ({ playground, page }) => {
  await playground.invoke();
  const whyCold = playground.response.getByRole('definition').filter({ hasText: /^The / });
  await expect(playground.response.getByRole('term').filter({ hasText: 'Why cold' })).toBeVisible();
  await expect(whyCold).toHaveText(/^The first request to this function/);
  await playground.view('Configuration');
  await playground.memory.fill('256');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(playground.logs.getByText(/^REPORT RequestId/)).toHaveCount(2);
  const report = await playground.lastReport();
  expect(report).toContain('Memory Size: 256 MB');
  expect(report).toContain('Init Duration');
  await playground.view('Run');
  await expect(playground.response.getByText('Cold start')).toBeVisible();
  await expect(whyCold).toHaveText(/^The code or configuration changed \(a deploy\)/);
});

test('a TypeScript handler with console levels logs in the Node.js format', async ({ playground, page }) => {
  await playground.view('Configuration');
  await page.getByLabel('File').selectOption('index.ts');
  await playground.setCode(
    [
      "import type { Handler } from 'aws-lambda';",
      'interface Input { n: number }',
      'export const handler: Handler<Input, number> = async (event) => {',
      "  console.warn('careful', { depth: { n: event.n } });",
      "  console.error('multi\\nline');",
      '  return event.n * 2;',
      '};',
    ].join('\n'),
  );
  await playground.replaceText(playground.event, '{"n": 21}');
  await playground.invoke();
  await expect(playground.response.locator('pre')).toHaveText('42');
  await expect(playground.logs.getByText(/\tWARN\tcareful \{ depth: \{ n: 21 \} \}$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/\tERROR\tmulti\nline$/)).toHaveCount(1);
});

test('a large response shows its first 64 KB with its size and a download, so the page stays responsive', async ({ playground }) => {
  await playground.setCode(`export const handler = async () => 'x'.repeat(1024 * 1024);`);
  await playground.invoke();
  await expect(playground.response.getByText('Showing the first 64 KB of a 1.0 MB response.')).toBeVisible();
  await expect(playground.response.getByRole('button', { name: 'Download the full response' })).toBeVisible();
  expect(((await playground.response.locator('pre').textContent()) ?? '').length).toBeLessThan(70 * 1024);
});
