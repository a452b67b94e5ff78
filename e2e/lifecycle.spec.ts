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

test('an async handler whose promise can never settle ends as Runtime.NodeJsExit, not at the timeout', async ({ playground }) => {
  await playground.setCode(`export const handler = () => new Promise(() => {});`);
  await playground.view('Configuration');
  await playground.timeout.fill('60');
  await playground.invoke();
  await expect(playground.response).toContainText('Runtime.NodeJsExit');
  await expect(playground.response).toContainText('Runtime exited without providing a reason');
  expect(await playground.lastReport()).toContain('Status: error\tError Type: Runtime.NodeJsExit');
  await expect(playground.logs.getByText(/Task timed out/)).toHaveCount(0);
});

test('a callback handler replies once the work it left pending has run', async ({ playground }) => {
  await playground.setCode(`let flushed = 0;
export const handler = (event, context, callback) => {
  setTimeout(() => { flushed += 1; console.log('flushed', flushed); }, 300);
  callback(null, { flushedBefore: flushed });
};`);
  await playground.invoke();
  // The reply waited for the timer: its log line is inside this invocation, before END.
  const text = (await playground.logs.getByRole('log').innerText()).split('\n');
  const flushed = text.findIndex((l) => l.endsWith('flushed 1'));
  const end = text.findIndex((l) => l.startsWith('END RequestId'));
  expect(flushed, text.join('\n')).toBeGreaterThanOrEqual(0);
  expect(flushed).toBeLessThan(end);
});

test('after a timeout the environment is reset: the next invoke re-runs init inside it, with no Init Duration', async ({ playground }) => {
  await playground.setCode(`console.log('init ran');
export const handler = async (event) => {
  if (event.slow) await new Promise((resolve) => setTimeout(resolve, 5000));
  return 'fast';
};`);
  await playground.view('Configuration');
  await playground.timeout.fill('1');
  await playground.view('Run');
  await playground.replaceText(playground.event, '{"slow": true}');
  await playground.invoke();
  await expect(playground.response).toContainText('Sandbox.Timedout');

  await playground.replaceText(playground.event, '{"slow": false}');
  await playground.invoke();
  await expect(playground.response.locator('pre')).toHaveText('"fast"');
  await expect(playground.response.getByText('Init re-run (reset environment)')).toBeVisible();
  const report = await playground.lastReport();
  expect(report).not.toContain('Init Duration');
  // Init ran twice in one sandbox: one INIT_START, two runs of the module's code.
  await expect(playground.logs.getByText(/^INIT_START/)).toHaveCount(1);
  await expect(playground.logs.getByText(/\tinit ran$/)).toHaveCount(2);
});
