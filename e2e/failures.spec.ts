import { expect, test } from './playground';

test('an endless loop times out, the page stays responsive, and the next invoke is cold', async ({ playground, page }) => {
  // The function timeout is a deadline that runs while the test types elsewhere: long enough that a loaded machine's slow view switches never outlast it.
  test.setTimeout(150_000);
  await playground.setCode('export const handler = async () => { for (;;) {} };');
  await playground.view('Configuration');
  await playground.timeout.fill('40');
  await playground.view('Run');
  await playground.invokeButton.click();
  await expect(playground.response.getByText('Running…')).toBeVisible();
  // The page answers while the loop runs: it runs in the sandbox, not here.
  await playground.view('Configuration');
  await page.getByLabel('Function name').fill('still-typing');
  await expect(page.getByLabel('Function name')).toHaveValue('still-typing');
  await playground.view('Run');
  await expect(playground.response.getByText('Running…')).toBeVisible();

  await expect(playground.response).toContainText('Sandbox.Timedout', { timeout: 80_000 });
  await expect(playground.response).toContainText('Task timed out after 40.00 seconds');
  await expect(playground.logs.getByText(/Task timed out after 40\.00 seconds$/)).toHaveCount(1);
  expect(await playground.lastReport()).toMatch(/\tDuration: 40000\.00 ms\t.*\tStatus: timeout$/);

  await playground.setCode('export const handler = async () => "recovered";');
  await playground.invoke();
  await expect(playground.response.getByText('Cold start')).toBeVisible();
  await expect(playground.response.locator('pre')).toHaveText('"recovered"');
});

test('a syntax error is Runtime.UserCodeSyntaxError, reported at init as Lambda does', async ({ playground }) => {
  const broken = 'export const handler = async (event) => {\n  return { ok: true ;\n};';
  await playground.setCode(broken);
  await playground.invoke();
  await expect(playground.response).toContainText('Runtime.UserCodeSyntaxError');
  await expect(playground.logs.getByText(/^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: Runtime\.UserCodeSyntaxError$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/^INIT_REPORT .*\tPhase: invoke\tStatus: error/)).toHaveCount(1);
  expect(await playground.lastReport()).toMatch(/\tStatus: error\tError Type: Runtime\.UserCodeSyntaxError$/);
  // Nothing the user typed is lost.
  await expect(playground.code).toHaveValue(/return \{ ok: true ;/);
});

test('a missing export is Runtime.HandlerNotFound; a thrown error keeps its type', async ({ playground }) => {
  await playground.setCode('export const main = async () => 1;');
  await playground.invoke();
  await expect(playground.response).toContainText('Runtime.HandlerNotFound');
  await expect(playground.response).toContainText('index.handler is undefined or not exported');

  await playground.setCode('export const handler = async () => { throw new TypeError("bad input"); };');
  await playground.invoke();
  await expect(playground.response).toContainText('"errorType": "TypeError"');
  await expect(playground.response).toContainText('"errorMessage": "bad input"');
  await expect(playground.logs.getByText(/\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"bad input","stack":\[/)).toHaveCount(1);
});

test('invalid event JSON and out-of-range settings are refused with Lambda-shaped errors, losing nothing', async ({ playground, page }) => {
  await playground.replaceText(playground.event, '{"name": ');
  await playground.invoke();
  await expect(playground.response).toContainText('InvalidRequestContentException');
  await expect(playground.response).toContainText('Could not parse request body into json');
  await expect(playground.event).toHaveValue('{"name": ');

  await playground.replaceText(playground.event, '{}');
  await playground.view('Configuration');
  await playground.memory.fill('64');
  await expect(page.getByRole('alert', { name: 'Configuration problems' })).toContainText('greater than or equal to 128');
  await playground.timeout.fill('901');
  await expect(page.getByRole('alert', { name: 'Configuration problems' })).toContainText('less than or equal to 900');
  await playground.invokeButton.click();
  await playground.view('Run');
  await expect(playground.response).toContainText('ValidationException');
  await expect(playground.memory).toHaveValue('64');

  await playground.view('Configuration');
  await playground.memory.fill('128');
  await playground.timeout.fill('3');
  await playground.invoke();
  await expect(playground.response.getByText('Succeeded')).toBeVisible();
});
