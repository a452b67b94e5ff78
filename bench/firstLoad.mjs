/**
 * First load, for `npm run bench` (README, "Speed"): the built app served
 * as a static host serves it, opened in a fresh Chromium context (empty
 * cache) with the default `.mjs` handler. Measured:
 * - the entry: index.html's script and its modulepreloads, gzip-compressed
 *   as a static host would send them (target ≤ 250 KB);
 * - JavaScript transferred by network idle, gzip (target ≤ 1.2 MB), and
 *   whether the TypeScript worker was fetched (it must not be, for .mjs);
 * - time to interactive: navigation start to the Invoke button and the
 *   code editor (Monaco) both ready, median of several loads.
 * Also `--first-load-only` runs just this section.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp, serveApp } from './appBuild.mjs';

const KB = 1024;
export const FIRST_LOAD_TARGETS = { entryGzipKb: 250, networkIdleJsGzipKb: 1200 };

async function gzipSizeOf(outDir, assetPath) {
  const bytes = await readFile(join(outDir, assetPath.replace(/^\.?\//, '')));
  return gzipSync(bytes, { level: 9 }).length;
}

/** index.html's entry script and modulepreloads, gzip. */
async function entrySize(outDir) {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]);
  let gzip = 0;
  for (const f of files) gzip += await gzipSizeOf(outDir, f);
  return { files, gzipKb: gzip / KB };
}

async function oneLoad(browser, url, outDir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const scripts = new Set();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.endsWith('.js')) scripts.add(u.pathname);
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'Invoke', exact: true }).waitFor({ state: 'visible', timeout: 120_000 });
  await page.locator('.monaco-editor').first().waitFor({ state: 'visible', timeout: 120_000 });
  const ttiMs = await page.evaluate(() => performance.now());
  await page.waitForLoadState('networkidle', { timeout: 120_000 });
  let jsGzip = 0;
  const files = [...scripts];
  for (const path of files) jsGzip += await gzipSizeOf(outDir, path.replace(/^.*?\/assets\//, 'assets/')).catch(() => 0);
  await context.close();
  return { ttiMs, jsGzipKb: jsGzip / KB, files, tsWorker: files.some((f) => /ts\.worker|typescriptWorker/.test(f)) };
}

export async function firstLoadBench({ browser, root, prebuilt, quick = false, progress = () => undefined }) {
  const { outDir } = await (prebuilt ?? buildApp(root));
  const { server, url } = await serveApp(root, outDir);
  try {
    const entry = await entrySize(outDir);
    const loads = [];
    for (let i = 0; i < (quick ? 1 : 5); i += 1) {
      loads.push(await oneLoad(browser, url, outDir));
      progress(`bench: first load ${i + 1}: ${loads[i].ttiMs.toFixed(0)} ms to interactive, ${loads[i].jsGzipKb.toFixed(0)} KB of JS (gzip) by network idle`);
    }
    const sorted = [...loads].sort((a, b) => a.ttiMs - b.ttiMs);
    const median = sorted[Math.floor(sorted.length / 2)];
    const figures = {
      entryGzipKb: entry.gzipKb,
      entryFiles: entry.files,
      networkIdleJsGzipKb: median.jsGzipKb,
      ttiMedianMs: median.ttiMs,
      ttiMs: loads.map((l) => l.ttiMs),
      typescriptWorkerFetched: loads.some((l) => l.tsWorker),
      scripts: median.files,
    };
    const targets = [
      { name: 'first load: entry bundle, gzip KB', value: figures.entryGzipKb, op: '≤', limit: FIRST_LOAD_TARGETS.entryGzipKb, met: figures.entryGzipKb <= FIRST_LOAD_TARGETS.entryGzipKb },
      { name: 'first load: JS by network idle (.mjs handler), gzip KB', value: figures.networkIdleJsGzipKb, op: '≤', limit: FIRST_LOAD_TARGETS.networkIdleJsGzipKb, met: figures.networkIdleJsGzipKb <= FIRST_LOAD_TARGETS.networkIdleJsGzipKb },
      { name: 'first load: TypeScript worker fetched for .mjs (0 = no)', value: figures.typescriptWorkerFetched ? 1 : 0, op: '≤', limit: 0, met: !figures.typescriptWorkerFetched },
    ];
    return { figures, targets };
  } finally {
    await server.close();
  }
}

export function firstLoadTables(f) {
  if (!f) return;
  console.log('\nFirst load (built app, empty cache, .mjs handler)');
  console.log(`  entry (index.html's script and modulepreloads), gzip: ${f.entryGzipKb.toFixed(1)} KB (target ≤ ${FIRST_LOAD_TARGETS.entryGzipKb} KB)`);
  console.log(`  JavaScript by network idle, gzip:                 ${f.networkIdleJsGzipKb.toFixed(1)} KB (target ≤ ${FIRST_LOAD_TARGETS.networkIdleJsGzipKb} KB)`);
  console.log(`  time to interactive (Invoke and editor ready), median of ${f.ttiMs.length}: ${f.ttiMedianMs.toFixed(0)} ms  [${f.ttiMs.map((t) => t.toFixed(0)).join(', ')}]`);
  console.log(`  TypeScript worker fetched: ${f.typescriptWorkerFetched ? 'yes (should not be)' : 'no'}`);
}
