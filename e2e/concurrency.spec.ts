import { expect, test } from './playground';

const SLOW = `export const handler = async () => {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return { ok: true };
};`;

test('reserved concurrency 2 with 10 simultaneous requests: 2 succeed, 8 are throttled with 429', async ({ playground, concurrency: run, page }) => {
  await playground.setCode(SLOW);
  await run.view('Configuration');
  await page.getByLabel('Reserved concurrency', { exact: true }).fill('2');
  await run.burst(10);
  await expect(run.timeline.getByRole('img', { name: /^Timeline: 2 environments \(0 provisioned\), 2 invocations, 0 errors/ })).toBeAttached();
  await expect(run.timeline.getByRole('list', { name: 'Throttled (no environment)' })).toContainText('ReservedFunctionConcurrentInvocationLimitExceeded: 8');
  await expect(run.timeline.getByRole('img', { name: /8 throttled \(ReservedFunctionConcurrentInvocationLimitExceeded 8\)/ })).toBeAttached();
  await run.view('Metrics');
  await expect(run.figure('Succeeded')).toHaveText('2');
  await expect(run.figure('Throttled (429)')).toHaveText('8');
  await expect(run.figure('Sent')).toHaveText('10');
  await expect(run.figure('Lost')).toHaveText('0');
  await expect(run.metrics.getByText(/^Throttles: 8 total/)).toBeVisible();
  await expect(run.metrics.getByText(/^Invocations: 2 total/)).toBeVisible();
  await expect(run.metrics.getByText(/^ConcurrentExecutions: peak 2\b/)).toBeVisible();
  // The throttles' reason, wherever they are counted.
  await expect(run.figure('ReservedFunctionConcurrentInvocationLimitExceeded')).toHaveText('8');
  await expect(run.figure('ConcurrentInvocationLimitExceeded')).toHaveText('0');
  await expect(run.metrics.getByText('(ReservedFunctionConcurrentInvocationLimitExceeded 8, ConcurrentInvocationLimitExceeded 0)')).toBeVisible();
});

test('provisioned concurrency 3 on an alias: refused on $LATEST, then three warm environments before any traffic, no cold start for the first 3 requests to the alias', async ({ playground, concurrency: run, page }) => {
  await run.view('Configuration');
  await page.getByLabel('Provisioned concurrency', { exact: true }).fill('3');
  await expect(page.getByRole('alert', { name: 'Concurrency problems' })).toContainText(
    'InvalidParameterValueException: Provisioned Concurrency Configs cannot be applied to unpublished function versions.',
  );
  const versions = page.getByRole('region', { name: 'Versions and aliases' });
  await versions.getByRole('button', { name: 'Publish new version' }).click();
  await expect(versions.getByRole('status')).toHaveText('Published version 1.');
  await versions.getByLabel('Alias name').fill('live');
  await versions.getByLabel('Alias version').selectOption('1');
  await versions.getByRole('button', { name: 'Save alias' }).click();
  await expect(versions.getByRole('list', { name: 'Aliases' })).toContainText('live → 1');
  await page.getByLabel('Provisioned concurrency on').selectOption('live');
  await expect(page.getByRole('alert', { name: 'Concurrency problems' })).toHaveCount(0);
  await run.view('Run');
  await expect(run.timeline.getByRole('img', { name: /^Timeline: 3 environments \(3 provisioned\), 0 invocations/ })).toBeAttached();
  // Each provisioned environment's init is logged in its own stream, INIT_REPORT included, before any request.
  const inits = playground.logs.getByRole('group', { name: /^Provisioned environment env-\d-v1 · init done, log stream \d{4}\/\d{2}\/\d{2}\/\[1\][0-9a-f]{32}$/ });
  await expect(inits).toHaveCount(3);
  await expect(inits.first().getByText(/^INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: success$/)).toBeVisible();
  await run.view('Billing');
  await expect(run.billing.getByText(/GB-s configured, used or not/)).toBeVisible();
  await page.getByLabel('Version or alias').selectOption('live');
  await run.burst(3);
  await expect(run.timeline.getByRole('img', { name: /^Timeline: 3 environments \(3 provisioned\), 3 invocations/ })).toBeAttached();
  await run.view('Metrics');
  await expect(run.figure('Succeeded')).toHaveText('3');
  await expect(run.metrics.getByText(/^Cold starts: 0 total/)).toBeVisible();
  await expect(run.metrics.getByText(/^Invocations: 3 total/)).toBeVisible();
  // The unqualified function ($LATEST) has no provisioned environment: its first request starts cold.
  await page.getByLabel('Version or alias').selectOption('');
  await playground.invoke();
  await expect(playground.logs.getByText(/^START RequestId: \S+ Version: \$LATEST$/)).toHaveCount(1);
  await expect(playground.logs.getByText(/^REPORT RequestId: .*Init Duration: /)).toHaveCount(1);
});

test('an asynchronous invocation that always throws ends in the on-failure destination after 3 attempts', async ({ playground, concurrency: run, page }) => {
  await playground.setCode('export const handler = async () => { throw new Error("always fails"); };');
  await run.view('Configuration');
  // One full vCPU: at 128 MB the model stretches measured CPU time ×13.8, and on a loaded machine a
  // preempted worker's few milliseconds of throwing can be measured long enough to reach the 3 s timeout.
  await playground.memory.fill('1769');
  // A 60 s timeout: no attempt may end as "Task timed out". The retries reach the same warm environment with the
  // event's own request id, and each must run the handler again (a runtime that refused the repeated id hung until the timeout).
  await playground.timeout.fill('60');
  await page.getByLabel('Platform waits', { exact: true }).selectOption({ index: 3 });
  await expect(page.getByText(/Platform waits compressed 600×/)).toBeVisible();
  await run.burst(1, 'async');
  await run.view('Metrics');
  const destination = run.summary.getByRole('list', { name: 'On-failure destination' });
  // Three real attempts, the first a cold start: generous for a loaded machine.
  await expect(destination).toContainText('"approximateInvokeCount": 3', { timeout: 60_000 });
  await expect(destination).toContainText('"condition": "RetriesExhausted"');
  await expect(destination).toContainText('"errorMessage": "always fails"');
  await expect(run.figure('Async to on-failure destination')).toHaveText('1');
  await expect(run.figure('Async accepted (202)')).toHaveText('1');
  await expect(run.metrics.getByText(/^Errors: 3 total/)).toBeVisible();
});

test('the billing total equals the sum of the per-invocation costs shown', async ({ concurrency: run }) => {
  await run.burst(5);
  await run.view('Metrics');
  await expect(run.figure('Succeeded')).toHaveText('5');
  await run.view('Billing');
  // Amounts read as dollars and cents ("< $0.01" for this run); each one's exact figure is its title.
  const total = run.billing.getByText(/^Total /);
  await expect(total).toHaveText('Total < $0.01');
  await expect(run.billing.getByText(/^Per 1 million requests at this run’s mix: \$\d+\.\d\d/)).toBeVisible();
  await expect(run.billing.getByText(/^No monthly projection: /)).toBeVisible();
  const rows = run.billing.getByRole('table', { name: /Invocations behind the total/ });
  await expect(rows).toBeHidden();
  await run.billing.getByText(/^Show the invocations behind the total \(5\)/).click();
  await expect(rows.getByRole('row')).toHaveCount(1 + 5 + 1);
  await expect(rows.locator('tbody tr td:last-child').first()).toHaveText(/^\$0\.0000\d+$/);
  const costs = await rows.locator('tbody tr td:last-child').evaluateAll((cells) => cells.map((c) => c.getAttribute('title') ?? ''));
  const picos = (text: string): number => Math.round(Number(text.replace(/[^0-9.]/g, '')) * 1e12);
  const sum = costs.reduce((total, c) => total + picos(c), 0);
  const totalText = (await total.getAttribute('title')) ?? '';
  expect(costs).toHaveLength(5);
  expect(sum).toBeGreaterThan(0);
  expect(picos(totalText)).toBe(sum);
});

test('memory sets CPU: CPU time is stretched at 128 MB and not at 1,769 MB', async ({ playground, page }) => {
  await playground.setCode(`export const handler = async () => {
  const end = performance.now() + 20;
  while (performance.now() < end) {}
  return 'done';
};`);
  await playground.view('Configuration');
  await expect(page.getByText(/≈ 0\.07 vCPU/)).toBeVisible();
  await playground.invoke();
  const stretched = playground.response.getByText(/\(measured [\d.]+ ms, of which CPU [\d.]+ ms × 13\.8 for 128 MB\)/);
  await expect(stretched).toBeVisible();
  const report = await playground.lastReport();
  const duration = Number(/\tDuration: ([\d.]+) ms/.exec(report)?.[1]);
  // At least 20 ms of CPU, × 1,769/128.
  expect(duration).toBeGreaterThanOrEqual(20 * (1769 / 128));

  await playground.view('Configuration');
  await playground.memory.fill('1769');
  await expect(page.getByText(/≈ 1\.00 vCPU/)).toBeVisible();
  await playground.invoke();
  await expect(playground.response.getByText('Cold start')).toBeVisible();
  await expect(playground.response.getByText(/× 13\.8/)).toHaveCount(0);
  expect(await playground.lastReport()).toContain('Memory Size: 1769 MB');
});

test("reserved concurrency is each function's own: another function is not throttled by it, and all the reservations together must leave 100 unreserved", async ({ playground, concurrency: run, page }) => {
  await playground.setCode(SLOW);
  await run.view('Configuration');
  const concurrencyForm = page.getByRole('region', { name: 'Concurrency and scaling' });
  await expect(concurrencyForm.getByRole('group', { name: /^Function my-function: its own settings/ })).toBeVisible();
  await page.getByLabel('Reserved concurrency', { exact: true }).fill('500');
  // A second function starts with Lambda's defaults: unreserved.
  await page.getByRole('navigation', { name: 'Functions' }).getByRole('button', { name: 'Add function' }).click();
  await expect(concurrencyForm.getByRole('group', { name: /^Function my-function-2: its own settings/ })).toBeVisible();
  await expect(page.getByLabel('Reserved concurrency', { exact: true })).toHaveValue('');
  await playground.setCode(SLOW);
  await run.view('Configuration');
  await page.getByLabel('Reserved concurrency', { exact: true }).fill('450');
  await expect(concurrencyForm.getByRole('alert', { name: 'Concurrency problems' })).toContainText(
    "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [100].",
  );
  await page.getByLabel('Reserved concurrency', { exact: true }).fill('');
  await expect(concurrencyForm.getByRole('alert', { name: 'Concurrency problems' })).toBeHidden();
  // The first function keeps its own 500.
  await page.getByRole('tablist', { name: 'Functions in this workspace' }).getByRole('tab', { name: 'λ my-function', exact: true }).click();
  await run.view('Configuration');
  await expect(page.getByLabel('Reserved concurrency', { exact: true })).toHaveValue('500');
  await page.getByLabel('Reserved concurrency', { exact: true }).fill('2');
  // The second function, unreserved, takes a burst of 10 without a throttle; the first, reserved 2, throttles 8 of 10.
  await page.getByRole('tablist', { name: 'Functions in this workspace' }).getByRole('tab', { name: 'λ my-function-2', exact: true }).click();
  await run.burst(10);
  await run.view('Metrics');
  await expect(run.figure('Throttled (429)')).toHaveText('0');
  await expect(run.figure('Succeeded')).toHaveText('10');
  await page.getByRole('tablist', { name: 'Functions in this workspace' }).getByRole('tab', { name: 'λ my-function', exact: true }).click();
  await run.burst(10);
  await run.view('Metrics');
  await expect(run.figure('Sent')).toHaveText('10');
  await expect(run.figure('ReservedFunctionConcurrentInvocationLimitExceeded')).toHaveText('8');
});
