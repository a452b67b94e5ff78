/**
 * The built app, driven like a user (bench/run.mjs calls `appBench`): Vite's
 * build() into node_modules/.vite-bench/app-dist, served by preview() on a
 * free port (production React, no COOP/COEP, as users get it). The page
 * drives the UI by accessible names only: a no-op handler in the editor, then
 * constant-rate load runs from the Load panel.
 *
 * - Highest sustained rate: constant rates tried in turn, each on a freshly
 *   loaded page; a rate is sustained when, within SETTLE_MS after the run
 *   finished, Lost is 0 and Succeeded equals Sent, and Sent / elapsed (the
 *   run's own clock, from the progress text) is at least 95% of the target.
 *   The search stops at the first rate that is not sustained.
 * - A long run at the highest sustained rate: main-thread long tasks
 *   (PerformanceObserver 'longtask', installed before the app's scripts) from
 *   Start until the run settled, and the Run summary's accounting.
 *
 * The build and its server: bench/appBuild.mjs.
 *
 * Before each run the page invokes once (Invoke button) and waits for its
 * REPORT line: the function is deployed and its sandbox frame open, as after
 * a user's first try, so a run does not begin with a frame start.
 */
import { resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { buildApp, holdsDevReact, serveApp } from './appBuild.mjs';
import { foldProfile, profileRun, sourceMapResolver } from './appProfile.mjs';

export { buildApp } from './appBuild.mjs';

export const NOOP_HANDLER = 'export const handler = async () => null;\n';
const RATES = [50, 100, 200, 400, 800, 1200, 2000];
/** --quick: fewer, wider steps, so the search stays short. */
const QUICK_RATES = [100, 400, 1200];
/** How long after a run finished every request must have been answered. */
const SETTLE_MS = 2000;
/** The Run summary is published every 250 ms: allow for that on top of SETTLE_MS. */
const PUBLISH_MS = 250;

/** Installed in the page before any of its scripts: records every main-thread long task, buffered. */
function installLongTaskObserver() {
  if (window.top !== window) return;
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const a = (e.attribution ?? [])[0];
        tasks.push({ startTime: e.startTime, duration: e.duration, container: a ? `${a.containerType}:${a.containerName || a.containerSrc || a.name}` : '' });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the figures stay empty.
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Everything a run reports, read in the page in one go: regions found by
 * their accessible name (the heading that labels them), with plain DOM
 * queries, so that polling during a run costs the page next to nothing
 * (Playwright's role locators query the whole accessibility tree each time).
 */
function readRun() {
  const region = (name) =>
    [...document.querySelectorAll('section[aria-labelledby]')].find((s) => document.getElementById(s.getAttribute('aria-labelledby'))?.textContent.trim() === name);
  const lineOf = (root, re) => [...(root?.querySelectorAll('p') ?? [])].map((p) => p.textContent.trim()).find((t) => re.test(t)) ?? '';
  const load = region('Load');
  const summary = {};
  for (const dt of region('Run summary')?.querySelectorAll('dl dt') ?? []) {
    summary[dt.textContent.trim()] = Number(dt.nextElementSibling?.textContent.replace(/[^\d.-]/g, ''));
  }
  const metrics = region('Metrics');
  return {
    state: load?.querySelector('[role="status"]')?.textContent.trim() ?? '',
    progressText: lineOf(load, /^sent [\d,]+ of [\d,]+/),
    summary,
    concurrencyLine: lineOf(metrics, /^ConcurrentExecutions: peak/),
    invocationsLine: lineOf(metrics, /^Invocations: /),
    errorsLine: lineOf(metrics, /^Errors: /),
    timelineLabel: document.querySelector('canvas[aria-label^="Timeline:"]')?.getAttribute('aria-label') ?? '',
  };
}

/** Load the app fresh, put the no-op handler in the editor, set up a constant-rate synchronous load, invoke once. */
async function prepare(page, url, rps, durationS) {
  // Leave the last run's page first, and give its sandbox frames and their workers a moment to go.
  await page.goto('about:blank');
  await sleep(500);
  await page.goto(url, { waitUntil: 'load' });
  const code = page.getByRole('textbox', { name: 'Handler code' });
  await code.waitFor({ state: 'attached', timeout: 30_000 });
  await code.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(NOOP_HANDLER);
  const written = await code.inputValue();
  if (written.trim() !== NOOP_HANDLER.trim()) throw new Error(`the editor holds ${JSON.stringify(written)}, not the no-op handler`);
  await page.getByLabel('Pattern').selectOption({ label: 'Constant rate' });
  await page.getByLabel('Requests per second').fill(String(rps));
  await page.getByLabel('Duration (s)').fill(String(durationS));
  await page.getByLabel('Invocation type').selectOption({ label: 'Synchronous (RequestResponse)' });
  await page.getByRole('button', { name: 'Invoke', exact: true }).click();
  await page.getByRole('log', { name: 'Log lines' }).getByText(/^REPORT RequestId/).first().waitFor({ timeout: 15_000 });
  await sleep(300);
}

/** One constant-rate run from Start until it settled (Lost 0, or SETTLE_MS after the load finished). */
async function loadRun(page, rps, durationS, { profile, resolveFrame } = {}) {
  const start = page.getByRole('button', { name: 'Start load' });
  await start.waitFor();
  const startAt = await page.evaluate(() => performance.now());
  if (profile) await profile.start();
  await start.click();
  let stopped = false;
  try {
    const done = `/^(Finished|Stopped)$/.test((${readRun})().state)`;
    await page.waitForFunction(done, undefined, { polling: 200, timeout: durationS * 1000 + 30_000 });
  } catch {
    stopped = true;
    await page.getByRole('button', { name: 'Stop load' }).click({ timeout: 10_000 }).catch(() => undefined);
  }
  const finishedAt = Date.now();
  const progressText = (await page.evaluate(readRun)).progressText;
  // Long tasks are those of the run as the user watched it (the Run view, with the timeline), before the view changes.
  const endAt = await page.evaluate(() => performance.now());
  const tasks = await page.evaluate(([t0, t1]) => (window.__benchLongTasks ?? []).filter((t) => t.startTime >= t0 && t.startTime <= t1), [startAt, endAt]);
  // The accounting and the metrics are in the Metrics view.
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Metrics', exact: true }).click();
  await page.waitForFunction(`Object.keys((${readRun})().summary).length > 0`, undefined, { polling: 100, timeout: 10_000 });
  let seen = await page.evaluate(readRun);
  while (seen.summary.Lost !== 0 && Date.now() - finishedAt < SETTLE_MS + PUBLISH_MS) {
    await sleep(100);
    seen = await page.evaluate(readRun);
  }
  const settleMs = Date.now() - finishedAt;
  const raw = profile ? await profile.stop() : undefined;
  const summary = seen.summary;
  // Let the last batch of metrics and the timeline label catch up before reading them.
  await sleep(PUBLISH_MS + 150);
  const { concurrencyLine, invocationsLine, errorsLine } = await page.evaluate(readRun);
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Run', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('canvas[aria-label^="Timeline:"]') !== null, undefined, { timeout: 10_000 });
  const { timelineLabel } = await page.evaluate(readRun);
  const windows = tasks.map((t) => [t.startTime, t.startTime + t.duration]);
  const profileResult = raw ? foldProfile(raw.profile, { resolveFrame, pageT0: raw.pageT0, windows }) : undefined;

  const m = /sent ([\d,]+) of ([\d,]+) · ([\d.]+) s of/.exec(progressText);
  const elapsedS = m ? Number(m[3]) : Number.NaN;
  const sent = summary.Sent ?? Number.NaN;
  const achievedRps = sent / elapsedS;
  const longest = tasks.reduce((a, t) => Math.max(a, t.duration), 0);
  const row = {
    rps,
    durationS,
    sent,
    succeeded: summary.Succeeded,
    functionErrors: summary['Function errors'],
    throttled: summary['Throttled (429)'],
    lost: summary.Lost,
    elapsedS,
    achievedRps,
    settleMs,
    stopped,
    peakConcurrency: Number(/peak (\d+)/.exec(concurrencyLine)?.[1] ?? Number.NaN),
    timelineEnvironments: Number(/^Timeline: ([\d,]+) environment/.exec(timelineLabel)?.[1]?.replace(/,/g, '') ?? Number.NaN),
    invocationsLine,
    errorsLine,
    timelineLabel,
    longestTaskMs: longest,
    longTasks: tasks.length,
    longTaskTotalMs: tasks.reduce((a, t) => a + t.duration, 0),
    longTaskContainers: [...new Set(tasks.map((t) => t.container))],
  };
  row.sustained = !stopped && row.lost === 0 && row.succeeded === row.sent && row.sent > 0 && achievedRps >= 0.95 * rps;
  return { row, profile: profileResult };
}

/**
 * The real-app section. `browser` is a launched Playwright Chromium; returns
 * the figures, targets (same shape as the page's) and problems.
 */
export async function appBench({ browser, root, quick, profile: wantProfile, profileRps, prebuilt, progress }) {
  const problems = [];
  const result = { url: '', buildMs: Number.NaN, runS: quick ? 2 : 5, longS: quick ? 5 : 30, rates: [], highestSustainedRps: null, long: null, profile: null, problems, targets: [] };
  if (!prebuilt) progress('bench: app: vite build');
  let built;
  try {
    built = await (prebuilt ?? buildApp(root, { sourcemap: wantProfile }));
  } catch (err) {
    // Usually someone's edit in progress: report it in a few lines, not the bundler's whole colored output.
    const lines = stripVTControlCharacters(err instanceof Error ? err.message : String(err))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[[A-Za-z]/.test(l));
    problems.push(`app: the app did not build, so the built-app section was skipped: ${lines.slice(0, 4).join(' / ').slice(0, 400)}`);
    result.targets.push(...appTargets(null));
    return result;
  }
  const { buildMs, reused, outDir } = built;
  const { server, url } = await serveApp(root, outDir);
  result.url = url;
  result.buildMs = buildMs;
  result.buildReused = reused;
  if (await holdsDevReact(resolve(outDir, 'assets'))) problems.push("app: the build holds React DOM's development build: figures are not production React's");
  progress(`bench: app: ${reused ? 'build up to date, reused' : `built in ${(buildMs / 1000).toFixed(1)} s`}, vite preview at ${url}`);
  let context;
  try {
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(installLongTaskObserver);
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`app page error: ${err.message}`));
    page.on('crash', () => problems.push('app page crashed'));
    for (const rps of quick ? QUICK_RATES : RATES) {
      try {
        await prepare(page, url, rps, result.runS);
        const { row } = await loadRun(page, rps, result.runS);
        result.rates.push(row);
        progress(
          `bench: app: ${rps} rps × ${result.runS} s: sent ${row.sent}, ok ${row.succeeded}, lost ${row.lost}, ` +
            `${row.achievedRps.toFixed(0)} rps achieved, peak ${row.peakConcurrency} concurrent, longest task ${row.longestTaskMs.toFixed(0)} ms` +
            ` → ${row.sustained ? 'sustained' : 'NOT sustained'}`,
        );
        if (!row.sustained) break;
        result.highestSustainedRps = rps;
      } catch (err) {
        problems.push(`app: ${rps} rps: ${err instanceof Error ? err.message : String(err)}`);
        break;
      }
    }
    const longRps = result.highestSustainedRps ?? RATES[0];
    if (result.highestSustainedRps === null) problems.push(`app: no rate was sustained; the long run uses ${longRps} rps`);
    // A rate held for a short run may not hold for the long one: step down through the sustained rates until one does.
    const candidates = result.rates.filter((r) => r.sustained).map((r) => r.rps).reverse();
    result.longAttempts = [];
    for (const rps of candidates.length > 0 ? candidates.slice(0, 3) : [longRps]) {
      try {
        progress(`bench: app: long run, ${rps} rps × ${result.longS} s`);
        await prepare(page, url, rps, result.longS);
        result.long = (await loadRun(page, rps, result.longS)).row;
        result.longAttempts.push({ rps, sustained: result.long.sustained, lost: result.long.lost, longestTaskMs: result.long.longestTaskMs });
        if (result.long.sustained) break;
      } catch (err) {
        problems.push(`app: long run at ${rps} rps: ${err instanceof Error ? err.message : String(err)}`);
        break;
      }
    }
    if (wantProfile) {
      const profRps = profileRps ?? result.rates.find((r) => !r.sustained)?.rps ?? longRps;
      try {
        progress(`bench: app: CPU profile, ${profRps} rps × ${result.runS} s`);
        await prepare(page, url, profRps, result.runS);
        const { row, profile } = await loadRun(page, profRps, result.runS, { profile: await profileRun(page), resolveFrame: await sourceMapResolver(outDir) });
        result.profile = { rps: profRps, row, ...profile };
      } catch (err) {
        problems.push(`app: profile: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    await context?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
  result.targets.push(...appTargets(result.long));
  return result;
}

/** The section's targets, from the long run (MISSED when there was none). */
function appTargets(l) {
  return [
    { name: 'app: longest main-thread task (ms)', value: l?.longestTaskMs ?? Number.NaN, limit: 50, op: '<', met: (l?.longestTaskMs ?? Infinity) < 50 },
    { name: 'app: lost (long run)', value: l?.lost ?? Number.NaN, limit: 0, op: '=', met: l?.lost === 0 },
  ];
}
