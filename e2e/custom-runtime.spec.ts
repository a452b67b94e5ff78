import { expect, test } from './playground';

test('a custom runtime (provided.al2023): the bootstrap template answers through the Runtime API, cold then warm, its output logged as it is', async ({ playground, page }) => {
  await page.getByLabel('Handler template').selectOption({ label: 'Custom runtime: bootstrap (Runtime API)' });
  await expect(page.getByText('/var/task/bootstrap', { exact: true })).toBeVisible();
  await playground.invoke();
  await expect(playground.response).toContainText('"message": "Hello, Ada!"');
  await expect(playground.response).toContainText('"served": 1');
  await expect(playground.logs.getByText(/^INIT_START Runtime Version: provided:al2023\.v\d+\tRuntime Version ARN: /)).toHaveCount(1);
  // Standard output, as it is: no time, request id or level.
  await expect(playground.logs.getByText(/^event for [0-9a-f-]{36}: \{"name":"Ada"\}$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/^REPORT RequestId: .*Init Duration: /)).toHaveCount(1);
  // Warm: the same process, its module state kept.
  await playground.invoke();
  await expect(playground.response).toContainText('"served": 2');
  await expect(playground.logs.getByText(/^REPORT RequestId: .*Init Duration: /)).toHaveCount(1);
  await playground.view('Configuration');
  await expect(page.getByLabel('Runtime', { exact: true })).toHaveValue('provided.al2023');
  await expect(page.getByText(/^Custom runtime: \/var\/task\/bootstrap is the runtime/)).toBeVisible();
});

test('a bootstrap that reports an init error, and a function on provided.al2023 without a bootstrap, fail Init in Lambda’s words', async ({ playground, page }) => {
  await page.getByLabel('Handler template').selectOption({ label: 'Custom runtime: bootstrap (Runtime API)' });
  await playground.setCode(
    [
      "console.log('reading config');",
      'const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;',
      "await fetch(`${api}/init/error`, { method: 'POST', body: JSON.stringify({ errorMessage: 'TABLE is not set', errorType: 'Config.Missing' }) });",
      'await new Promise(() => {});',
    ].join('\n'),
  );
  await playground.invoke();
  await expect(playground.response).toContainText('"errorType": "Config.Missing"');
  await expect(playground.response).toContainText('"errorMessage": "TABLE is not set"');
  await expect(playground.logs.getByText(/^INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: error\tError Type: Config\.Missing$/).first()).toBeVisible();
  await playground.view('Configuration');
  await page.getByLabel('File', { exact: true }).selectOption('index.mjs');
  await playground.invoke();
  await expect(playground.response).toContainText('"errorType": "Runtime.InvalidEntrypoint"');
  await expect(playground.response).toContainText("Couldn't find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]");
});
