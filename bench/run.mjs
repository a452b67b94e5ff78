#!/usr/bin/env node
/**
 * npm run bench: start a Vite dev server on a free port, open /bench/index.html
 * in headless Chromium, let the page measure (bench/page/main.ts: warm and
 * cold invokes, live throughput, timeline draw), then build the app and drive
 * it like a user (bench/appBench.mjs, bench/appBuild.mjs: highest sustained load, long tasks,
 * accounting), then print tables (bench/report.mjs) and the JSON result.
 *
 * Options:
 *   --quick      small sample counts (a smoke test, figures not meaningful)
 *   --plain      serve the page without COOP/COEP, as the app is served. By
 *                default the bench page is cross-origin isolated, only for
 *                its 5 µs performance.now() (100 µs otherwise, which puts
 *                sub-millisecond percentiles on a 0.1 ms grid). The sandbox
 *                frame is not isolated either way (no allow= delegation),
 *                so times measured inside workers stay at 100 µs.
 *   --json FILE  also write the JSON result to FILE
 *   --headed     show the browser window
 *   --no-app     skip the built-app section
 *   --profile    add a CPU profile of the app's main thread over one extra load
 *                run (the first rate not sustained, else the highest one)
 *   --profile-rps N   the same, at N requests per second
 *   --no-sim     skip the scale simulation's section (bench/simBench.mjs, in Node)
 *   --sim-only   run only the scale simulation's section
 *   --cold-only  measure only the cold starts in the page (no-op, the example
 *                handler, a handler importing node:crypto and node:zlib, against
 *                bare workers); no sim, app or hostile sections
 *   --no-hostile skip the hostile-handler section (bench/hostileBench.mjs)
 *   --first-load-only  run only the first-load section (bench/firstLoad.mjs:
 *                entry and network-idle bytes, time to interactive)
 *   --hostile-only  run only the hostile-handler section (built app: long
 *                tasks of a first cold start, a runaway loop, a log flood, a
 *                5 MB response; out of memory to the next successful invoke)
 * Env: CHROMIUM (default /usr/bin/chromium), BENCH_TIMEOUT_S (default 900).
 *
 * Exit status: 0 when the bench ran (problems in the measured code are
 * printed under "Problems"), 1 when the bench itself crashed or timed out.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { appBench, buildApp } from './appBench.mjs';
import { report } from './report.mjs';
import { simBench, simTables } from './simBench.mjs';
import { firstLoadBench, firstLoadTables } from './firstLoad.mjs';
import { hostileBench, hostileTables } from './hostileBench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const jsonIndex = argv.indexOf('--json');
const jsonFile = jsonIndex >= 0 ? argv[jsonIndex + 1] : undefined;
const quick = flag('--quick');
const profileRpsIndex = argv.indexOf('--profile-rps');
const profileRps = profileRpsIndex >= 0 ? Number(argv[profileRpsIndex + 1]) : undefined;
const coi = !flag('--plain');
const timeoutS = Number(process.env.BENCH_TIMEOUT_S ?? 900);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

const coldOnly = flag('--cold-only');
const options = { ...(quick ? { warmN: 200, warmBlock: 50, warmup: 50, coldN: 6, frameN: 2, throughputMs: 1000 } : {}), ...(coldOnly ? { coldOnly: true } : {}) };

let server;
let browser;
let closing = false;

async function shutdown() {
  if (closing) return;
  closing = true;
  await Promise.allSettled([browser?.close(), server?.close()]);
}

const progress = (line) => process.stderr.write(`${line}\n`);

async function main() {
  const timer = setTimeout(() => {
    progress(`bench: timed out after ${timeoutS} s`);
    void shutdown().finally(() => process.exit(1));
  }, timeoutS * 1000);
  timer.unref();

  const loadStart = loadavg()[0];
  // The scale simulation first, in Node processes of its own, before the browser loads the machine.
  if (flag('--hostile-only')) {
    browser = await chromium.launch({ executablePath, headless: !flag('--headed'), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const hostile = await hostileBench({ browser, root, progress });
    hostileTables(hostile);
    if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ chromium: browser.version(), hostile }, null, 2)}\n`);
    clearTimeout(timer);
    return;
  }
  if (flag('--first-load-only')) {
    browser = await chromium.launch({ executablePath, headless: !flag('--headed'), args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    const first = await firstLoadBench({ browser, root, quick, progress });
    firstLoadTables(first.figures);
    for (const t of first.targets) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.value.toLocaleString('en-US', { maximumFractionDigits: 1 })} (target ${t.op} ${t.limit.toLocaleString('en-US')})`);
    if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ chromium: browser.version(), firstLoad: first.figures }, null, 2)}\n`);
    clearTimeout(timer);
    return;
  }
  const sim = flag('--no-sim') || coldOnly ? null : await simBench({ quick, progress });
  if (flag('--sim-only')) {
    simTables(sim?.sim);
    for (const t of sim?.targets ?? []) console.log(`  ${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${t.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} (target ${t.op} ${t.limit.toLocaleString('en-US')})`);
    clearTimeout(timer);
    return;
  }
  server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    clearScreen: false,
    // A separate dep cache, so this server does not fight a dev server running on the same tree.
    cacheDir: resolve(root, 'node_modules/.vite-bench'),
    optimizeDeps: { entries: ['bench/index.html'] },
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      // No file watching, no HMR: edits elsewhere in the tree must not reload the page mid-run.
      hmr: false,
      watch: null,
      headers: coi ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {},
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not report a port');
  const url = `http://127.0.0.1:${address.port}/bench/index.html`;
  progress(`bench: Vite dev server at ${url}`);

  browser = await chromium.launch({
    executablePath,
    headless: !flag('--headed'),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const version = browser.version();
  const page = await browser.newPage();
  let crashed = null;
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith('[bench]')) progress(text);
    else if (m.type() === 'error' || m.type() === 'warning') progress(`page console.${m.type()}: ${text}`);
  });
  page.on('pageerror', (err) => progress(`page error: ${err.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) progress(`page: HTTP ${r.status()} for ${r.url()}`);
  });
  const crash = new Promise((_, reject) => {
    page.on('crash', () => {
      crashed = 'the page (or one of its frames) crashed';
      reject(new Error(crashed));
    });
  });
  crash.catch(() => undefined);

  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof window.runBench === 'function', undefined, { timeout: 60_000 });
  const measuring = page.evaluate((o) => window.runBench(o), options);
  // --quick: build the app while the page measures (its figures are a smoke test anyway); otherwise after, on a quiet machine.
  const app = !flag('--no-app') && !coldOnly;
  const profileApp = flag('--profile') || profileRps !== undefined;
  let prebuilt;
  if (app && quick) {
    progress('bench: app: vite build (alongside the page, --quick)');
    prebuilt = buildApp(root, { sourcemap: profileApp });
    prebuilt.catch(() => undefined);
  }
  const result = await Promise.race([measuring, crash]);
  if (crashed) result.problems.push(crashed);
  await page.close();

  if (app) {
    try {
      const { targets, problems, ...figures } = await appBench({ browser, root, quick, profile: profileApp, profileRps, prebuilt, progress });
      result.app = figures;
      result.targets.push(...targets);
      result.problems.push(...problems);
    } catch (err) {
      result.problems.push(`app: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  if (app) {
    try {
      const first = await firstLoadBench({ browser, root, prebuilt, quick, progress });
      result.firstLoad = first.figures;
      result.targets.push(...first.targets);
    } catch (err) {
      result.problems.push(`first load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  if (app && !flag('--no-hostile')) {
    result.hostile = await hostileBench({ browser, root, prebuilt, progress });
    result.problems.push(...result.hostile.problems);
  }
  result.host = { cpus: availableParallelism(), loadStart, loadEnd: loadavg()[0] };
  if (sim) {
    result.sim = sim.sim;
    result.targets.push(...sim.targets);
  }
  report(result, version);
  hostileTables(result.hostile);
  firstLoadTables(result.firstLoad);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ chromium: version, ...result }, null, 2)}\n`);
  clearTimeout(timer);
}

let status = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    progress(`bench: ${signal}, shutting down`);
    status = 130;
    void shutdown().finally(() => process.exit(status));
  });
}

try {
  await main();
} catch (err) {
  // After a timeout or a signal the browser is already closing under the page: that is not a second failure.
  if (!closing) progress(`bench crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  status ||= 1;
} finally {
  await shutdown();
}
process.exit(status);
