import { expect, test } from './playground';

test('a new environment logs INIT_START first, before its init output; a warm invoke logs none', async ({ playground }) => {
  await playground.setCode(`console.log('loading config at init');
export const handler = async () => 'ok';`);
  await playground.invoke();
  const lines = playground.logs.getByRole('log');
  await expect(lines).toContainText('INIT_START Runtime Version: nodejs:22.');
  const text = (await lines.innerText()).split('\n');
  const initStart = text.findIndex((l) => l.startsWith('INIT_START Runtime Version: nodejs:22.v'));
  const initOutput = text.findIndex((l) => l.includes('loading config at init'));
  const start = text.findIndex((l) => l.startsWith('START RequestId'));
  expect(initStart, text.join('\n')).toBeGreaterThanOrEqual(0);
  expect(initStart).toBeLessThan(initOutput);
  expect(initOutput).toBeLessThan(start);
  expect(text[initStart]).toMatch(/\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);

  await playground.invoke();
  await expect(playground.logs.getByText(/^INIT_START/)).toHaveCount(1);
});
