import { expect, test } from './playground';

/** 12 lines a request (START, 9 of its own, END, REPORT), and INIT_START once per environment: 30 requests are more than the Logs panel's window of 200 lines. */
const CHATTY = "export const handler = async (event) => {\n  for (let i = 1; i <= 9; i++) console.log('chatty line', i);\n  return 'ok';\n};\n";

test("a load run's logs are windowed with a count of what is not shown, the run's records show the rest, and an Invoke right after the run shows its logs", async ({ playground, concurrency: run, page }) => {
  // 30 cold starts at once: more than the default 30 s on a machine shared with other runs.
  test.setTimeout(120_000);
  await playground.setCode(CHATTY);
  // 30 cold starts at once on a busy machine: no request should time out.
  await playground.view('Configuration');
  await playground.timeout.fill('60');
  await run.burst(30);
  await run.view('Metrics');
  await expect(run.figure('Succeeded')).toHaveText('30', { timeout: 45_000 });
  const marker = playground.logs.getByRole('note').filter({ hasText: /lines not shown/ });
  await expect(marker).toContainText(/\d+ lines not shown/);
  const panelLines = playground.logs.getByRole('log', { name: 'Log lines' });
  // The Logs panel publishes lines in batches: read the counts until they have caught up with the run (a busy machine may lag).
  let shown = 0;
  await expect(async () => {
    await run.view('Metrics');
    const hidden = Number((await marker.textContent())?.match(/([\d,]+) lines not shown/)?.[1]?.replace(/,/g, ''));
    shown = await panelLines.getByText(/^START RequestId/).count();
    const shownInitStarts = await panelLines.getByText(/^INIT_START/).count();
    // Every environment started once, with one INIT_START line.
    await run.view('Run');
    const timeline = (await run.timeline.getByRole('img', { name: /^Timeline: \d+ environments?/ }).getAttribute('aria-label')) ?? '';
    const environments = Number(timeline.match(/^Timeline: (\d+) environments?/)?.[1]);
    expect(environments).toBeGreaterThan(0);
    // Nothing lost: what is shown and what is counted add up to the run's 30 × 12 lines and its INIT_STARTs.
    expect(shown * 12 + shownInitStarts + hidden).toBe(30 * 12 + environments);
  }).toPass({ timeout: 30_000 });

  // The user's own Invoke, pressed right after the run: its START/END/REPORT appear.
  await playground.invoke();
  await expect(playground.logs.getByRole('log', { name: 'Log lines' }).getByText(/^REPORT RequestId/)).toHaveCount(shown + 1);

  await marker.getByRole('button', { name: "Open the run's invocation logs" }).click();
  const viewer = page.getByRole('region', { name: 'Invocation logs' });
  await expect(viewer).toContainText('of 31 in the run');
  await viewer.getByRole('spinbutton', { name: 'Invocation' }).fill('30');
  const lines = viewer.getByRole('log', { name: 'Invocation log lines' });
  await expect(lines.getByText(/^START RequestId/)).toHaveCount(1);
  await expect(lines.getByText(/chatty line\s+9/)).toHaveCount(1);
  await expect(lines.getByText(/^REPORT RequestId/)).toHaveCount(1);
});
