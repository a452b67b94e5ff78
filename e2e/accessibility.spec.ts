import { seriousViolations } from './axe';
import { expect, showView, test, type ViewName } from './playground';

const VIEWS: ViewName[] = ['Run', 'Configuration', 'Triggers', 'Metrics', 'Billing', 'Traces', 'Simulation'];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('no view has a serious or critical axe violation, after an invoke', async ({ playground, page }) => {
      await playground.invoke();
      await expect(playground.response.getByText('Succeeded')).toBeVisible();
      for (const view of VIEWS) {
        await showView(page, view);
        await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
        await expect(page.getByRole('tabpanel', { name: view }).getByText('Loading…')).toHaveCount(0);
        expect(await seriousViolations(page), `${view} view`).toEqual([]);
      }
      // The simulation's report, with its charts.
      const sim = page.getByRole('region', { name: 'Simulation' });
      await sim.getByLabel('Time unit').selectOption('minutes');
      await sim.getByLabel(/^Simulated time/).fill('1');
      await sim.getByRole('button', { name: 'Run simulation' }).click();
      await expect(sim.getByRole('region', { name: 'Report' })).toBeVisible();
      expect(await seriousViolations(page), 'Simulation view with a report').toEqual([]);
    });

    // Apart from the views' check: each is a minute of axe and real runs on a loaded machine, and they run in parallel.
    test('the timeline as a table, a lesson in progress and power tuning results have no serious or critical axe violation', async ({ playground, page }) => {
      await playground.invoke();
      await expect(playground.response.getByText('Succeeded')).toBeVisible();
      await page.getByRole('region', { name: 'Timeline' }).getByRole('checkbox', { name: 'Show as table' }).check();
      expect(await seriousViolations(page), 'Run view, timeline as a table').toEqual([]);
      await page.getByRole('button', { name: 'Lessons' }).click();
      expect(await seriousViolations(page), 'Lessons list').toEqual([]);
      await page.getByRole('complementary', { name: 'Lessons' }).getByRole('link', { name: '1. Cold start vs warm start' }).click();
      await expect(page.getByRole('list', { name: 'Lesson steps' })).toBeVisible();
      expect(await seriousViolations(page), 'a lesson in progress').toEqual([]);
      await page.getByRole('button', { name: 'Power tuning' }).click();
      const tuning = page.getByRole('region', { name: 'Power tuning' });
      await tuning.getByLabel('Memory sizes (MB)').fill('128, 256');
      await tuning.getByLabel('Runs per size').fill('1');
      await tuning.getByRole('button', { name: 'Run power tuning' }).click();
      await expect(tuning.getByRole('region', { name: 'Power tuning results' }).getByRole('status')).toHaveText(/^Cheapest/);
      expect(await seriousViolations(page), 'Power tuning with results').toEqual([]);
    });

    test('the embed (with a lesson) has no serious or critical axe violation', async ({ page }) => {
      await page.goto('/?embed=1&lesson=cold-warm');
      await expect(page.getByRole('list', { name: 'Lesson steps' })).toBeVisible();
      await expect(page.getByRole('textbox', { name: 'Handler code' })).toBeAttached();
      await page.getByRole('button', { name: 'Invoke', exact: true }).click();
      await expect(page.getByRole('region', { name: 'Response' }).getByText('Succeeded')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}
