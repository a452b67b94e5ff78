/**
 * The scale simulation's figures for `npm run bench` (README, "Speed"):
 * an hour at 1,000 requests per second with 100 ms durations (the default
 * scenario, examples/hour-1000rps.json), simulated in Node: wall time and
 * simulated invocations per wall second (each run in a fresh process), and
 * the heap the run needs, for an hour and for four hours (bounded: it must
 * not grow with the number of invocations). Targets: the hour in under 3 s,
 * at least 1.2 million invocations per second. Also an hour at 100 rps of
 * 2 s handlers (about 200 environments busy at once), and for both the
 * cost per simulated event (arrivals, completions, timers).
 */
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSimulation } from '../scripts/loadSimulation.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const child = resolve(here, 'simBenchChild.mjs');

function measure(bundle, mode, durationS, shape = 'hour') {
  const out = execFileSync(process.execPath, ['--expose-gc', child, bundle, mode, String(durationS), shape], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function simBench({ quick = false, progress = () => undefined } = {}) {
  const bundle = await bundleSimulation();
  const hourS = quick ? 600 : 3600;
  const repeats = quick ? 1 : 3;
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    progress(`bench: scale simulation, ${hourS / 60} min at 1,000 rps, run ${i + 1}/${repeats}`);
    runs.push(measure(bundle, 'time', hourS));
  }
  const longRuns = [];
  for (let i = 0; i < repeats; i++) {
    progress(`bench: scale simulation, ${hourS / 60} min at 100 rps of 2 s handlers, run ${i + 1}/${repeats}`);
    longRuns.push(measure(bundle, 'time', hourS, 'long-handlers'));
  }
  progress('bench: scale simulation, heap for 1× and 4× the duration');
  const heap = [measure(bundle, 'heap', hourS), measure(bundle, 'heap', hourS * 4)];
  const wallMs = median(runs.map((r) => r.wallMs));
  const bestWallMs = Math.min(...runs.map((r) => r.wallMs));
  const invocations = runs[0].invocations;
  const perSecond = invocations / (wallMs / 1000);
  const heapRatio = heap[1].peakMb / heap[0].peakMb;
  const sim = {
    scenario: `constant 1,000 rps for ${hourS} s, 100 ms fixed, 128 MB, keep-alive 10 min (DEFAULT_SCENARIO)`,
    runs,
    wallMs,
    bestWallMs,
    cpuMs: median(runs.map((r) => r.cpuMs)),
    invocations,
    invocationsPerSecond: perSecond,
    bestInvocationsPerSecond: invocations / (bestWallMs / 1000),
    nsPerEvent: (wallMs * 1e6) / runs[0].events,
    long: {
      scenario: `constant 100 rps for ${hourS} s, 2 s fixed, 128 MB, keep-alive 10 min`,
      runs: longRuns,
      wallMs: median(longRuns.map((r) => r.wallMs)),
      invocations: longRuns[0].invocations,
      events: longRuns[0].events,
    },
    heap,
    heapRatio,
    node: process.version,
  };
  const targets = quick
    ? []
    : [
        { name: 'scale sim: 1 h at 1,000 rps, wall time (ms, median of 3)', value: wallMs, limit: 3000, op: '≤', met: wallMs <= 3000 },
        { name: 'scale sim: simulated invocations per wall second (median)', value: perSecond, limit: 1_200_000, op: '≥', met: perSecond >= 1_200_000 },
        { name: 'scale sim: heap for 4 h ÷ heap for 1 h (bounded ≈ 1)', value: heapRatio, limit: 1.5, op: '≤', met: heapRatio <= 1.5 },
      ];
  return { sim, targets };
}

/** The section `npm run bench` prints. */
export function simTables(sim) {
  if (!sim) return;
  const f = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  console.log(`\n=== Scale simulation (Node ${sim.node}, each run a fresh process) ===`);
  console.log(`  scenario: ${sim.scenario}`);
  for (const [i, r] of sim.runs.entries()) {
    console.log(`  run ${i + 1}: ${f(r.wallMs)} ms wall, ${f(r.cpuMs)} ms CPU (all threads), ${f(r.invocations)} invocations, ${f(r.invocations / (r.wallMs / 1000))} invocations/s`);
  }
  console.log(`  median: ${f(sim.wallMs)} ms wall, ${f(sim.invocationsPerSecond)} simulated invocations per wall second (best run ${f(sim.bestWallMs)} ms, ${f(sim.bestInvocationsPerSecond)}/s)`);
  console.log(`  per event: ${f(sim.nsPerEvent)} ns wall (${f(sim.runs[0].events)} events: arrivals, completions, timers)`);
  if (sim.long) {
    const l = sim.long;
    console.log(`  ${l.scenario}:`);
    for (const [i, r] of l.runs.entries()) console.log(`    run ${i + 1}: ${f(r.wallMs)} ms wall, ${f(r.cpuMs)} ms CPU, ${f(r.invocations)} invocations, ${f(r.invocations / (r.wallMs / 1000))} invocations/s`);
    console.log(`    median: ${f(l.wallMs)} ms wall, ${f(l.invocations / (l.wallMs / 1000))} invocations/s, ${f((l.wallMs * 1e6) / l.events)} ns per event (${f(l.events)} events)`);
  }
  for (const h of sim.heap) {
    console.log(`  heap: ${f(h.durationS)} s simulated, ${f(h.invocations)} invocations: at most ${f(h.peakMb, 2)} MB in use after a full GC (sampled every 5 %); process RSS ${f(h.rssMb)} MB`);
  }
  console.log(`  heap 4 h ÷ heap 1 h: ${f(sim.heapRatio, 2)} (independent of the number of invocations when ≈ 1)`);
}
