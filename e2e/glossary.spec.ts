import { expect, test } from './playground';

test('a Lambda term explains itself in a popover with a link to AWS documentation; Escape closes it and focus returns', async ({ playground, page }) => {
  await playground.view('Configuration');
  const button = page.getByRole('button', { name: 'What is Reserved concurrency?' });
  await button.click();
  const pop = page.getByRole('dialog', { name: 'Reserved concurrency' });
  await expect(pop).toContainText('Both a cap and a guarantee');
  const link = pop.getByRole('link', { name: 'AWS documentation: Reserved concurrency' });
  await expect(link).toHaveAttribute('href', 'https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(pop).toHaveCount(0);
  await expect(button).toBeFocused();
  // The field keeps its name: the "?" sits beside its label, not in it.
  await expect(page.getByLabel('Reserved concurrency', { exact: true })).toBeVisible();

  // On the Run view, the Response explains a cold start; a click elsewhere closes it.
  await playground.invoke();
  await playground.response.getByRole('button', { name: 'What is Cold start?' }).click();
  await expect(page.getByRole('dialog', { name: 'Cold start' })).toContainText('runs your module’s top-level code');
  await page.getByRole('heading', { name: 'Response' }).click();
  await expect(page.getByRole('dialog', { name: 'Cold start' })).toHaveCount(0);
});
