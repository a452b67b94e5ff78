import { expect, test } from './playground';

test('a lesson from its link is completed step by step, with checks on what the platform did', async ({ playground, page }) => {
  // The Lessons list: each title is the lesson's link.
  await page.getByRole('button', { name: 'Lessons' }).click();
  const panel = page.getByRole('complementary', { name: 'Lessons' });
  const link = panel.getByRole('link', { name: '1. Cold start vs warm start' });
  await expect(panel.getByRole('list', { name: 'Lessons list' }).getByRole('listitem')).toHaveCount(8);
  const href = await link.getAttribute('href');
  expect(href).toMatch(/\?lesson=cold-warm$/);

  // Opening the link starts the lesson in a fresh workspace.
  await page.goto(href ?? '');
  await expect(panel.getByRole('heading', { name: 'Cold start vs warm start' })).toBeVisible();
  await playground.showLogs();
  const steps = panel.getByRole('list', { name: 'Lesson steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
  await expect(panel.getByText('Step 1 of 3')).toBeVisible();
  await expect(playground.code).toHaveValue(/let invocations = 0;/);

  await playground.invoke();
  await expect(steps.nth(0)).toContainText('You saw a cold start');
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');

  await playground.invoke();
  await expect(playground.response.locator('pre')).toContainText('"invocations": 2');
  await expect(steps.nth(1)).toContainText('You saw a warm start');

  // The step's own button makes the change (as the embed needs); the Configuration view shows it.
  await steps.nth(2).getByRole('button', { name: 'Set Memory to 256 MB' }).click();
  await playground.view('Configuration');
  await expect(playground.memory).toHaveValue('256');
  await playground.invoke();
  await expect(playground.response).toContainText('The code or configuration changed');
  await expect(steps.nth(2)).toContainText('You saw a cold start after a configuration change');
  await expect(panel.getByRole('status')).toHaveText('Lesson complete: well done.');

  // Reset starts again from the lesson's own workspace.
  await panel.getByRole('button', { name: 'Reset lesson' }).click();
  await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
  await playground.view('Configuration');
  await expect(playground.memory).toHaveValue('128');
});

test('a lesson works in an embed, with the step buttons standing in for the views the embed lacks', async ({ page }) => {
  await page.goto('/?embed=1&lesson=sqs-batches');
  const panel = page.getByRole('complementary', { name: 'Lessons' });
  await expect(panel.getByRole('heading', { name: /SQS batches/ })).toBeVisible();
  const steps = panel.getByRole('list', { name: 'Lesson steps' }).getByRole('listitem');
  await steps.nth(0).getByRole('button', { name: 'Send a message to orders' }).click();
  await expect(steps.nth(0)).toContainText('You saw a batch delivered');
  await steps.nth(1).getByRole('button', { name: 'Send a poison message' }).click();
  await expect(steps.nth(1)).toContainText('You saw a partial batch failure');
  // Platform waits run 60 times faster in this lesson: the 30 s visibility timeout comes back in about half a second, three times.
  await expect(steps.nth(2)).toContainText('moved to the dead-letter queue', { timeout: 30_000 });
  await expect(panel.getByRole('status')).toHaveText('Lesson complete: well done.');
});

test('an unknown lesson in a link says so and offers the list', async ({ page }) => {
  await page.goto('/?lesson=no-such-lesson');
  const panel = page.getByRole('complementary', { name: 'Lessons' });
  await expect(panel.getByRole('alert')).toHaveText('There is no lesson “no-such-lesson”. Pick one from the list.');
  await expect(panel.getByRole('list', { name: 'Lessons list' })).toBeVisible();
});
