import { DEFAULT_CONFIG } from '../src/core/functionConfig';
import { FUNCTION_DEFAULTS, WORKSPACE_DEFAULTS, type Workspace } from '../src/core/workspace/workspaceTypes';
import { encodeWorkspaceFragment } from '../src/state/shareLink';
import { expect, Playground, test } from './playground';

/** What the link carried: a schedule, network access on, platform waits compressed so a minute passes in 100 ms. */
const ASKING: Workspace = {
  ...WORKSPACE_DEFAULTS,
  name: 'Ticking link',
  functions: [
    {
      ...FUNCTION_DEFAULTS,
      ...DEFAULT_CONFIG,
      name: 'ticker',
      networkAccess: true,
      timeoutS: 60,
      code: "export const handler = async () => { console.log('tick from the link'); return 'ticked'; };\n",
    },
  ],
  triggers: [{ type: 'eventbridge', bus: 'playground-bus', schedules: [{ name: 'ticker-every-minute', expression: 'rate(1 minute)', function: 'ticker', enabled: true }], rules: [] }],
  concurrency: { ...WORKSPACE_DEFAULTS.concurrency, waitScale: 600 },
};

for (const query of ['', '?embed=1']) {
  test(`a link${query ? ' embedded' : ''} with a schedule and network access runs nothing until the user allows it`, async ({ page }) => {
    test.setTimeout(60_000);
    const playground = new Playground(page);
    await page.goto(`/${query}#${await encodeWorkspaceFragment(ASKING)}`);
    const prompt = page.getByRole('dialog', { name: 'This link asks to run code on its own' });
    await expect(prompt).toContainText('Network access for ticker');
    await expect(prompt).toContainText('ticker-every-minute (rate(1 minute) → ticker)');
    await expect(playground.code).toHaveValue(/tick from the link/);
    // The page is ready and shows the link's code: nothing has run.
    await playground.showLogs();
    await expect(playground.logs.getByText('No log lines yet.')).toBeVisible();
    if (!query) {
      await playground.view('Configuration');
      await expect(page.getByRole('checkbox', { name: 'Network access (fetch)' })).not.toBeChecked();
      await playground.view('Triggers');
      await expect(page.getByRole('checkbox', { name: 'Enable ticker-every-minute' })).not.toBeChecked();
      await expect(page.getByText('Disabled: no firings.')).toBeVisible();
      await playground.view('Configuration');
    }

    await prompt.getByRole('button', { name: 'Allow network for ticker' }).click();
    if (!query) await expect(page.getByRole('checkbox', { name: 'Network access (fetch)' })).toBeChecked();
    await expect(playground.logs.getByText('No log lines yet.')).toBeVisible();
    await prompt.getByRole('button', { name: 'Enable schedules' }).click();
    await expect(prompt).toBeHidden();
    // Allowed: the schedule now invokes on its own.
    await expect(playground.logs.getByText('tick from the link').first()).toBeVisible({ timeout: 20_000 });
  });
}
