/** Printing of `npm run bench`'s result: tables, ratios, targets, checks, problems, then the JSON. */

import { simTables } from './simBench.mjs';

export const fmt = (v, digits = 3) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '–');

/** Rows of cells under a header; the first column left-aligned, the rest right-aligned. */
function grid(title, head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) console.log(line(r));
}

/** What to print for a figure's id (bench/page/benchIds.ts). */
let labels = {};
const label = (id) => labels[id] ?? id;

function table(title, rows, { wall = false, unit = 'ms', digits = 3 } = {}) {
  const entries = Object.entries(rows ?? {}).map(([id, s]) => [label(id), s]);
  if (entries.length === 0) return;
  const head = ['', 'n', 'p50', 'p99', 'mean', 'min', 'max', ...(wall ? ['mean (wall)'] : [])];
  const body = entries.map(([name, s]) => [
    name,
    String(s.n),
    fmt(s.p50, digits),
    fmt(s.p99, digits),
    fmt(s.mean, digits),
    fmt(s.min, digits),
    fmt(s.max, digits),
    ...(wall ? [fmt(s.wallMean, digits)] : []),
  ]);
  grid(`${title} (${unit})`, head, body);
}

const COUNT_SUFFIX = / \(count, not ms\)$/;

function timelineTables(timeline) {
  const entries = Object.entries(timeline ?? {});
  const strip = (name) => name.replace(/^timeline: /, '');
  const times = Object.fromEntries(entries.filter(([k]) => !COUNT_SUFFIX.test(k)).map(([k, v]) => [strip(k), v]));
  const counts = Object.fromEntries(entries.filter(([k]) => COUNT_SUFFIX.test(k)).map(([k, v]) => [strip(k).replace(COUNT_SUFFIX, ''), v]));
  table('Timeline canvas draw, 500 environments / 40,000 segments, 1200×600 CSS px, 100 frames each', times);
  table('Timeline canvas draw: fillRects per frame', counts, { unit: 'count', digits: 0 });
}

function throughputTable(t) {
  if (!t || t.rows.length === 0) return;
  const body = t.rows.map((r) => [String(r.n), fmt(r.platform, 0), fmt(r.bare, 0), `${fmt(r.ratio, 2)}×`, String(r.platformCalls), String(r.bareCalls), String(r.environmentsAfter)]);
  grid(
    `Live throughput, no-op handler, one request in flight per environment, ${fmt(t.durationMs / 1000, 1)} s closed loops (invocations/s)`,
    ['N', 'platform inv/s', 'bare inv/s', 'platform / bare', 'platform calls', 'bare calls', 'environments after'],
    body,
  );
}

const yes = (b) => (b ? 'yes' : 'no');

function appTables(app) {
  if (!app) return;
  const built = app.buildReused ? 'build up to date, reused' : `vite build ${fmt(app.buildMs / 1000, 1)} s`;
  console.log(`\n=== The built app, driven like a user (${built}, vite preview, production React) ===`);
  if (app.rates.length === 0 && !app.long) {
    console.log('  no load runs (see Problems)');
    return;
  }
  const rates = app.rates.map((r) => [
    String(r.rps),
    String(r.sent),
    String(r.succeeded),
    String(r.functionErrors),
    String(r.throttled),
    String(r.lost),
    fmt(r.elapsedS, 1),
    fmt(r.achievedRps, 0),
    String(r.peakConcurrency),
    String(r.timelineEnvironments),
    fmt(r.longestTaskMs, 0),
    String(r.longTasks),
    yes(r.sustained),
  ]);
  grid(
    `Constant-rate load, no-op handler, synchronous, ${app.runS} s per rate, fresh page and one Invoke before each (sustained: Lost 0 within 2 s, Succeeded = Sent, ≥ 95% of the rate)`,
    ['rps', 'sent', 'succeeded', 'function errors', 'throttled', 'lost', 'elapsed s', 'achieved rps', 'peak concurrent', 'timeline envs', 'longest task ms', 'long tasks', 'sustained'],
    rates,
  );
  console.log(`  highest sustained rate: ${app.highestSustainedRps ?? 'none'} rps`);
  const l = app.long;
  if (l) {
    const body = [
      ['rate (rps) × duration (s)', `${l.rps} × ${l.durationS}`],
      ['longest main-thread task (ms)', fmt(l.longestTaskMs, 0)],
      ['long tasks (> 50 ms)', String(l.longTasks)],
      ['time in long tasks (ms)', fmt(l.longTaskTotalMs, 0)],
      ['Sent', String(l.sent)],
      ['Succeeded', String(l.succeeded)],
      ['Function errors', String(l.functionErrors)],
      ['Throttled (429)', String(l.throttled)],
      ['Lost', String(l.lost)],
      ['achieved rps', fmt(l.achievedRps, 0)],
      ['peak concurrent executions', String(l.peakConcurrency)],
      ['timeline environments', String(l.timelineEnvironments)],
      ['sustained (as in the search)', yes(l.sustained)],
    ];
    grid('Long run at the highest rate sustained for its whole length, from Start until settled', ['', 'value'], body);
    if (l.longTaskContainers.length > 0) console.log(`  long tasks attributed to: ${l.longTaskContainers.join(', ')}`);
    if ((app.longAttempts ?? []).length > 1) {
      console.log(`  long runs tried: ${app.longAttempts.map((a) => `${a.rps} rps ${a.sustained ? 'sustained' : `not sustained (lost ${a.lost})`}`).join('; ')}`);
    }
    console.log(`  Metrics: ${l.invocationsLine || '–'}; ${l.errorsLine || '–'}  |  ${l.timelineLabel || '–'}`);
  }
  const p = app.profile;
  if (p) {
    const rows = (list) => list.map((f) => [f.name.slice(0, 90), fmt(f.ms, 0), `${fmt(f.share * 100, 1)}%`]);
    const title = `CPU profile of the page's main thread, ${p.rps} rps × ${p.row.durationS} s, from Start until settled`;
    grid(`${title} (${fmt(p.totalMs, 0)} ms sampled): self time by source`, ['source', 'self ms', 'share'], rows(p.scripts));
    grid('CPU profile: top functions by self time', ['function', 'self ms', 'share'], rows(p.functions));
    const lt = p.inLongTasks;
    if (lt && lt.totalMs > 0) {
      grid(`CPU profile inside the run's long tasks only (${fmt(lt.totalMs, 0)} ms sampled): self time by source`, ['source', 'self ms', 'share'], rows(lt.scripts));
      grid('CPU profile inside long tasks: top functions by self time', ['function', 'self ms', 'share'], rows(lt.functions));
    }
  }
}

export function report(result, version) {
  const e = result.env;
  labels = result.labels ?? {};
  console.log('\n=== Lambda playground: platform bench ===');
  console.log(`Chromium ${version} (headless)  |  navigator.hardwareConcurrency = ${e.hardwareConcurrency}`);
  console.log(`userAgent: ${e.userAgent}`);
  console.log(
    `crossOriginIsolated = ${e.crossOriginIsolated}  |  performance.now() step ≈ ${fmt(e.timerResolutionMs)} ms` +
      `  |  runtime bundle ${e.runtimeBundleChars} chars, host ${e.hostBundleChars} chars`,
  );
  console.log(`options: ${JSON.stringify(e.options)}  |  page time ${fmt(result.elapsedMs / 1000, 1)} s`);
  const h = result.host;
  if (h) {
    console.log(
      `host: ${h.cpus} CPUs, load average (1 min) ${fmt(h.loadStart, 2)} at start, ${fmt(h.loadEnd, 2)} at the end` +
        (h.loadEnd > h.cpus || h.loadStart > h.cpus ? '  (busy: other processes compete with the bench; figures are noisy)' : ''),
    );
  }
  table('Warm invoke round trip, one at a time, variants interleaved in blocks', result.warm, { wall: true });
  table('Warm no-op invokes: what the records say', result.warmRecords);
  table('Cold start in an open sandbox frame, variants interleaved', result.cold);
  if (result.python) table('Python on Pyodide (python3.13, 1,769 MB)', result.python);
  if (result.aws) table('AWS SDK v3 against the workspace services (nodejs22.x, 1,769 MB)', result.aws);
  table('One-time costs', result.oneTime);
  throughputTable(result.throughput);
  timelineTables(result.timeline);
  appTables(result.app);
  console.log('\nRatios');
  for (const [k, v] of Object.entries(result.ratios)) console.log(`  ${label(k).padEnd(50)} ${fmt(v, 2)}×`);
  simTables(result.sim);
  console.log('\nTargets');
  for (const t of result.targets) {
    console.log(`  ${t.met ? 'MET   ' : 'MISSED'} ${t.name.padEnd(44)} ${fmt(t.value, t.op === '≥' ? 3 : 2)} (${t.op ?? '≤'} ${t.limit})`);
  }
  console.log(
    '  (Init Duration is measured by the runtime from its worker\'s time origin, so it already contains most of the worker\'s' +
      ' own start; "bare worker + Init Duration" counts that twice, and "cold / runtime-direct cold" is the tighter comparison.)',
  );
  console.log('\nChecks');
  for (const [k, v] of Object.entries(result.checks ?? {})) console.log(`  ${label(k).padEnd(62)} ${v}`);
  if (e.timerResolutionMs > 0.05) {
    console.log(
      `\nNote: performance.now() is coarsened to ~${fmt(e.timerResolutionMs, 2)} ms here (page not cross-origin isolated),` +
        ' so sub-millisecond p50/p99 sit on that grid; "mean (wall)" is exact. Drop --plain for 5 µs timers.',
    );
  }
  console.log('\nProblems');
  if (result.problems.length === 0) console.log('  none');
  for (const p of result.problems) console.log(`  - ${p.replace(/\n/g, '\n    ')}`);
  console.log('\nJSON');
  console.log(JSON.stringify({ chromium: version, ...result }));
}
