/**
 * Hostile handlers against the built app (bench/run.mjs calls `hostileBench`;
 * `npm run bench -- --hostile-only` runs only this section). Each scenario
 * gets a fresh page, driven by accessible names, with a 'longtask'
 * PerformanceObserver installed before the app's scripts:
 *
 * - first cold start: the longest main-thread task from pressing Invoke on a
 *   freshly loaded, idle page until the REPORT line shows (and, apart, the
 *   longest task while the page sat idle, when the spare sandbox frame is made);
 * - a runaway loop (timeout 2 s), a log flood (200,000 console.log calls) and
 *   a 5 MB response: the longest task from Invoke until the outcome shows;
 * - out of memory: a handler allocates until its sandbox renderer dies. The
 *   death is Playwright's 'crash' event (Chromium reports the frame's
 *   renderer gone); the page itself times when the Response shows
 *   Runtime.OutOfMemory, presses Invoke again at once, and times the next
 *   success. Playwright treats the page as crashed from then on, so the
 *   figures are read over a CDP session opened before the crash.
 */
import { buildApp, serveApp } from './appBuild.mjs';

function installLongTaskObserver() {
  if (window.top !== window) return;
  const tasks = [];
  Object.defineProperty(window, '__hostileLongTasks', { value: tasks });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The longest task that started at or after `sincePerfMs` (page clock). */
const longestSince = (page, sincePerfMs) =>
  page.evaluate((since) => Math.max(0, ...window.__hostileLongTasks.filter((t) => t.start + t.duration >= since).map((t) => t.duration)), sincePerfMs);

async function openPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(installLongTaskObserver);
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Handler code' }).waitFor({ state: 'attached' });
  return { context, page };
}

async function replaceText(page, name, text) {
  await page.getByRole('textbox', { name }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const logs = (page) => page.getByRole('region', { name: 'Logs' });
const response = (page) => page.getByRole('region', { name: 'Response' });

/** Invoke, and wait until `done` (a locator) shows; the longest task meanwhile. */
async function invokeAndMeasure(page, done, timeout = 60_000) {
  const since = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Invoke', exact: true }).click();
  // Attached, not visible: the Logs panel may be folded, and its lines are there all the same.
  await done.first().waitFor({ state: 'attached', timeout });
  // Long tasks are reported after they end: give the last one a moment to arrive.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  return longestSince(page, since);
}

async function firstColdStart(browser, url) {
  const { context, page } = await openPage(browser, url);
  // Let the page settle and the spare frame be made at idle time.
  const idleSince = await page.evaluate(() => performance.now());
  await page.evaluate(() => new Promise((r) => setTimeout(r, 4000)));
  const idleLongestMs = await longestSince(page, idleSince);
  const longestMs = await invokeAndMeasure(page, logs(page).getByText(/^REPORT RequestId/));
  await context.close();
  return { longestMs, idleLongestMs };
}

async function scenario(browser, url, code, timeoutS, done) {
  const { context, page } = await openPage(browser, url);
  await replaceText(page, 'Handler code', code);
  // The timeout is set in the Configuration view; Invoke is in the top bar of every view.
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await page.getByLabel('Timeout (s)').fill(String(timeoutS));
  await page.getByRole('tab', { name: 'Run' }).click();
  const longestMs = await invokeAndMeasure(page, done(page));
  await context.close();
  return longestMs;
}

/** Allocates without limit while the timeout is over 100 s; the page then lowers it, and the next invoke succeeds. */
const OOM_CODE = `export const handler = async (event, context) => {
  if (context.getRemainingTimeInMillis() > 100000) { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); }
  return 'recovered';
};`;

/** In the page: when the Response shows Runtime.OutOfMemory, note the time and press Invoke; note when the next success shows. */
function watchForOutOfMemory() {
  const region = document.getElementById('response-heading')?.closest('section');
  const marks = {};
  Object.defineProperty(window, '__oomMarks', { value: marks });
  new MutationObserver(() => {
    const text = region?.textContent ?? '';
    if (!marks.reportedAt && /Runtime\.OutOfMemory|signal: killed/.test(text)) {
      marks.reportedAt = Date.now();
      const timeout = [...document.querySelectorAll('label')].find((l) => l.textContent.includes('Timeout (s)'))?.control;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(timeout, '60');
      timeout.dispatchEvent(new Event('input', { bubbles: true }));
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Invoke')?.click();
    } else if (marks.reportedAt && !marks.recoveredAt && text.includes('"recovered"')) {
      marks.recoveredAt = Date.now();
    }
  }).observe(region ?? document.body, { subtree: true, childList: true, characterData: true });
}

async function outOfMemory(browser, url) {
  const { context, page } = await openPage(browser, url);
  const cdp = await context.newCDPSession(page);
  let diedAt = null;
  page.on('crash', () => (diedAt ??= Date.now()));
  await page.getByRole('tab', { name: 'Configuration' }).click();
  await page.getByLabel('Memory (MB)').fill('10240');
  await page.getByLabel('Timeout (s)').fill('120');
  await page.getByRole('tab', { name: 'Run' }).click();
  await replaceText(page, 'Handler code', OOM_CODE);
  await page.evaluate(watchForOutOfMemory);
  const invokedAt = Date.now();
  await page.getByRole('button', { name: 'Invoke', exact: true }).click();
  const deadline = Date.now() + 120_000;
  let marks = {};
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    const expression = "JSON.stringify({ ...window.__oomMarks, text: document.getElementById('response-heading')?.closest('section')?.textContent.slice(0, 600) })";
    const r = await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => null);
    marks = r ? JSON.parse(r.result.value ?? '{}') : marks;
    if (marks.recoveredAt) break;
  }
  await context.close().catch(() => undefined);
  if (!marks.reportedAt) return { problem: `out of memory: renderer death ${diedAt ? 'seen' : 'not seen'}, report ${marks.reportedAt ? 'seen' : 'not seen'}; Response: ${marks.text}` };
  return {
    renderer: diedAt === null ? 'did not crash: the watch found the frame silent (GC-thrashing near its heap limit) and removed it' : 'crashed',
    reportedAfterInvokeMs: marks.reportedAt - invokedAt,
    reportedAfterDeathMs: diedAt === null ? null : marks.reportedAt - diedAt,
    recoveredAfterReportMs: marks.recoveredAt ? marks.recoveredAt - marks.reportedAt : null,
    recoveredAfterDeathMs: marks.recoveredAt && diedAt !== null ? marks.recoveredAt - diedAt : null,
  };
}

export async function hostileBench({ browser, root, prebuilt, progress, only }) {
  const built = await (prebuilt ?? buildApp(root));
  const { server, url } = await serveApp(root, built.outDir);
  const result = { problems: [] };
  try {
    if (only === 'oom') {
      const oom = await outOfMemory(browser, url);
      if (oom.problem) result.problems.push(oom.problem);
      else result.outOfMemory = oom;
      return result;
    }
    progress('bench: hostile handlers: first cold start');
    result.firstColdStart = await firstColdStart(browser, url);
    progress('bench: hostile handlers: runaway loop');
    result.runawayLongestMs = await scenario(browser, url, 'export const handler = async () => { for (;;) {} };', 2, (p) => response(p).getByText('Sandbox.Timedout'));
    progress('bench: hostile handlers: log flood');
    result.logFloodLongestMs = await scenario(browser, url, "export const handler = async () => { for (let i = 0; i < 200000; i++) console.log('flood line', i); return 'flooded'; };", 30, (p) => logs(p).getByText(/^REPORT RequestId/));
    progress('bench: hostile handlers: 5 MB response');
    result.bigResponseLongestMs = await scenario(browser, url, "export const handler = async () => 'x'.repeat(5 * 1024 * 1024);", 30, (p) => logs(p).getByText(/^REPORT RequestId/));
    progress('bench: hostile handlers: out of memory (takes 10-20 s)');
    const oom = await outOfMemory(browser, url);
    if (oom.problem) result.problems.push(oom.problem);
    else result.outOfMemory = oom;
  } catch (err) {
    result.problems.push(`hostile bench: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await server.close();
  }
  return result;
}

const ms = (v) => (typeof v === 'number' ? `${v.toFixed(0)} ms` : 'n/a');

export function hostileTables(h) {
  if (!h) return;
  console.log('\n=== Hostile handlers (built app, fresh page per scenario; longest main-thread task by PerformanceObserver longtask) ===');
  const c = h.firstColdStart;
  if (c) console.log(`  first cold start, Invoke to REPORT: longest task ${ms(c.longestMs)} (idle page before it, spare frame made: ${ms(c.idleLongestMs)})`);
  console.log(`  runaway loop until Sandbox.Timedout: longest task ${ms(h.runawayLongestMs)}`);
  console.log(`  log flood (200,000 lines, 10,000 kept): longest task ${ms(h.logFloodLongestMs)}`);
  console.log(`  5 MB response: longest task ${ms(h.bigResponseLongestMs)}`);
  const o = h.outOfMemory;
  if (o) {
    console.log(`  out of memory: renderer ${o.renderer}; out-of-memory error shown ${ms(o.reportedAfterInvokeMs)} after Invoke, ${ms(o.reportedAfterDeathMs)} after the renderer's death`);
    console.log(`    next invoke (pressed at once) succeeded ${ms(o.recoveredAfterReportMs)} after the error showed (${ms(o.recoveredAfterDeathMs)} after the death)`);
  }
  for (const p of h.problems ?? []) console.log(`  PROBLEM: ${p}`);
}
