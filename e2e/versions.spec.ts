import type { Locator } from '@playwright/test';
import { expect, savedWorkspace, test, type Playground } from './playground';

/** Publish `first` as version 1 and `second` as version 2; returns the Versions and aliases region (Configuration view shown). */
async function publishTwo(playground: Playground, first: string, second: string): Promise<Locator> {
  const versions = playground.page.getByRole('region', { name: 'Versions and aliases' });
  const publish = versions.getByRole('button', { name: 'Publish new version' });
  for (const [n, code] of [first, second].entries()) {
    await playground.setCode(code);
    await playground.view('Configuration');
    await publish.click();
    await expect(versions.getByRole('status')).toHaveText(`Published version ${n + 1}.`);
  }
  return versions;
}

const code = (label: string): string =>
  `export const handler = async (event, context) => ({ label: '${label}', version: context.functionVersion, arn: context.invokedFunctionArn, env: process.env.AWS_LAMBDA_FUNCTION_VERSION });`;

test('a published version keeps its code: invoking it logs Version: 1 and its context says so, while $LATEST runs the edited code', async ({ playground, page }) => {
  await playground.setCode(code('one'));
  await playground.view('Configuration');
  const versions = page.getByRole('region', { name: 'Versions and aliases' });
  await versions.getByLabel('Version description').fill('first release');
  await versions.getByRole('button', { name: 'Publish new version' }).click();
  await expect(versions.getByRole('status')).toHaveText('Published version 1.');
  await expect(versions.getByRole('table', { name: 'Published versions' })).toContainText('first release');
  // Publishing again with nothing changed answers version 1, as Lambda does.
  await versions.getByRole('button', { name: 'Publish new version' }).click();
  await expect(versions.getByRole('status')).toHaveText(/^Nothing changed since version 1/);
  await expect(versions.getByRole('table', { name: 'Published versions' }).getByRole('row')).toHaveCount(2);

  await playground.setCode(code('two'));
  await page.getByLabel('Version or alias').selectOption('1');
  await playground.invoke();
  await expect(playground.response).toContainText('"label": "one"');
  await expect(playground.response).toContainText('"version": "1"');
  await expect(playground.response).toContainText('"env": "1"');
  await expect(playground.response).toContainText('"arn": "arn:aws:lambda:us-east-1:123456789012:function:my-function:1"');
  await expect(playground.logs.getByText(/^START RequestId: \S+ Version: 1$/)).toHaveCount(1);

  await page.getByLabel('Version or alias').selectOption('');
  await playground.invoke();
  await expect(playground.response).toContainText('"label": "two"');
  await expect(playground.response).toContainText('"version": "$LATEST"');
  await expect(playground.response).toContainText('"arn": "arn:aws:lambda:us-east-1:123456789012:function:my-function"');
  await expect(playground.logs.getByText(/^START RequestId: \S+ Version: \$LATEST$/)).toHaveCount(1);

  // Versions are part of the workspace: after a reload, version 1 still runs its own code.
  await expect.poll(() => savedWorkspace(page), { timeout: 10_000 }).toContain('"description":"first release"');
  await page.reload();
  await playground.view('Configuration');
  await expect(page.getByRole('region', { name: 'Versions and aliases' }).getByRole('table', { name: 'Published versions' })).toContainText('first release');
  await page.getByLabel('Version or alias').selectOption('1');
  await playground.invoke();
  await expect(playground.response).toContainText('"label": "one"');
});

test('a 90/10 alias: weights out of range and $LATEST in a pair are refused in Lambda’s words; the alias qualifies the invoked ARN', async ({ playground, page }) => {
  const versions = await publishTwo(playground, code('one'), code('two'));

  await versions.getByLabel('Alias name').fill('live');
  await versions.getByLabel('Alias version').selectOption('$LATEST');
  await versions.getByLabel('Additional version').selectOption('1');
  await versions.getByRole('button', { name: 'Save alias' }).click();
  await expect(versions.getByRole('alert')).toHaveText('InvalidParameterValueException: $LATEST is not supported for an alias pointing to more than 1 version');

  await versions.getByLabel('Alias version').selectOption('2');
  await versions.getByLabel('Additional version weight (%)').fill('150');
  await versions.getByRole('button', { name: 'Save alias' }).click();
  await expect(versions.getByRole('alert')).toContainText("ValidationException: 1 validation error detected: Value '{1=1.5}' at 'routingConfig.additionalVersionWeights'");

  await versions.getByLabel('Additional version weight (%)').fill('10');
  await versions.getByRole('button', { name: 'Save alias' }).click();
  await expect(versions.getByRole('list', { name: 'Aliases' })).toContainText('live → 2 (90 %), 1 (10 %)');

  await page.getByLabel('Version or alias').selectOption('live');
  await playground.invoke();
  await expect(playground.response).toContainText('"arn": "arn:aws:lambda:us-east-1:123456789012:function:my-function:live"');
  await expect(playground.logs.getByText(/^START RequestId: \S+ Version: [12]$/)).toHaveCount(1);
});

test('a load run through a 90/10 alias: the Run summary shows how many requests each version ran', async ({ playground, concurrency: run, page }) => {
  const versions = await publishTwo(playground, `export const handler = async () => 'one';`, `export const handler = async () => 'two';`);
  await versions.getByLabel('Alias name').fill('live');
  await versions.getByLabel('Alias version').selectOption('2');
  await versions.getByLabel('Additional version').selectOption('1');
  await versions.getByLabel('Additional version weight (%)').fill('10');
  await versions.getByRole('button', { name: 'Save alias' }).click();
  await expect(versions.getByRole('list', { name: 'Aliases' })).toContainText('live → 2 (90 %), 1 (10 %)');
  await page.getByLabel('Version or alias').selectOption('live');

  // 100 requests, 20 a second: the chance that version 1 gets none of them is 0.9^100, about 3 in 100,000.
  await run.view('Run');
  await page.getByLabel('Pattern').selectOption({ label: 'Constant rate' });
  await page.getByLabel('Requests per second').fill('20');
  await page.getByLabel('Duration (s)').fill('5');
  await page.getByRole('button', { name: 'Start load' }).click();
  await expect(page.getByText(/^sent 100 of 100/)).toBeVisible({ timeout: 30_000 });
  await run.view('Metrics');
  await expect(run.figure('Lost')).toHaveText('0', { timeout: 30_000 });
  const one = Number(await run.figure('Version 1').textContent());
  const two = Number(await run.figure('Version 2').textContent());
  expect(one + two).toBe(100);
  expect(one).toBeGreaterThan(0);
  // About 10 of 100 (binomial: 1 % chance above 18).
  expect(one).toBeLessThan(25);
  await expect(run.figure('Version $LATEST')).toHaveCount(0);
});

test('a trigger can call an alias: a Function URL on live runs the version live names, while $LATEST has other code', async ({ playground, page }) => {
  const urlCode = (label: string): string =>
    `export const handler = async (event, context) => ({ statusCode: 200, body: '${label} ran version ' + context.functionVersion + ' as ' + context.invokedFunctionArn });`;
  const versions = await publishTwo(playground, urlCode('one'), urlCode('two'));
  await versions.getByLabel('Alias name').fill('live');
  await versions.getByLabel('Alias version').selectOption('1');
  await versions.getByRole('button', { name: 'Save alias' }).click();
  await expect(versions.getByRole('list', { name: 'Aliases' })).toContainText('live → 1');
  await playground.setCode(urlCode('edited'));

  await playground.view('Triggers');
  const triggers = page.getByRole('region', { name: 'Triggers' });
  await triggers.getByRole('button', { name: 'Add trigger' }).click();
  await triggers.getByLabel('Trigger type').selectOption({ label: 'Function URL' });
  await triggers.getByLabel('Calls version or alias').selectOption('live');
  await triggers.getByRole('button', { name: 'Create trigger' }).click();
  await expect(triggers.getByRole('list', { name: 'Triggers of this function' })).toContainText('→ my-function:live');
  const http = page.getByRole('region', { name: 'HTTP request' });
  await http.getByRole('button', { name: 'Send request' }).click();
  await expect(http.getByRole('region', { name: 'HTTP response' })).toContainText('one ran version 1 as arn:aws:lambda:us-east-1:123456789012:function:my-function:live');
});

test('SnapStart: the control explains the snapshot and its pitfall; on a Node.js runtime Lambda refuses it and the publish makes no version', async ({ playground, page }) => {
  await playground.view('Configuration');
  const control = page.getByLabel('SnapStart', { exact: true });
  await expect(control).toHaveValue('None');
  await expect(page.getByText(/a random number, ID or secret made at init is\s+the same in all of them/)).toBeVisible();
  await expect(page.getByText(/Modelled here: a browser cannot snapshot a worker’s memory/)).toBeVisible();
  await control.selectOption('PublishedVersions');
  const refusal = 'InvalidParameterValueException: nodejs22.x is not supported for SnapStart enabled functions.';
  await expect(page.getByRole('alert').filter({ hasText: refusal }).first()).toBeVisible();
  const versions = page.getByRole('region', { name: 'Versions and aliases' });
  await versions.getByRole('button', { name: 'Publish new version' }).click();
  await expect(versions.getByRole('alert')).toHaveText(refusal);
  await expect(versions.getByRole('table', { name: 'Published versions' })).toHaveCount(0);
  // Off again, publishing works as before and the version has no snapshot.
  await control.selectOption('None');
  await versions.getByRole('button', { name: 'Publish new version' }).click();
  await expect(versions.getByRole('status')).toHaveText('Published version 1.');
  await expect(versions.getByRole('table', { name: 'Published versions' }).getByRole('row').nth(1)).toContainText('None');
});
