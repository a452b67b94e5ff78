/**
 * One measurement of the scale simulation, in its own Node process (started
 * by bench/simBench.mjs with --expose-gc): `time` runs a scenario and reports
 * wall and CPU time; `heap` runs it with a full GC at every 5 % of progress
 * and reports the heap still in use beyond what was there before it started.
 * Usage: node --expose-gc simBenchChild.mjs <bundle> time|heap <durationS> [hour|long-handlers]
 * (`hour`, the default: DEFAULT_SCENARIO, 1,000 rps of 100 ms handlers;
 * `long-handlers`: 100 rps of 2 s handlers, about 200 environments busy).
 */
import { pathToFileURL } from 'node:url';

const [bundle, mode, durationArg, shape = 'hour'] = process.argv.slice(2);
const { Simulation, DEFAULT_SCENARIO } = await import(pathToFileURL(bundle).href);
const SHAPES = {
  hour: {},
  'long-handlers': { traffic: { kind: 'constant', rps: 100 }, duration: { model: 'fixed', ms: 2000 } },
};
const scenario = { ...DEFAULT_SCENARIO, ...SHAPES[shape], durationS: Number(durationArg) };
const MB = 1024 * 1024;

if (mode === 'time') {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sim = new Simulation(scenario);
  sim.run();
  const report = sim.report();
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, invocations: report.requests.invocations, events: report.events }));
} else {
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const sim = new Simulation(scenario);
  const samples = [];
  let next = 0.05;
  while (!sim.run(20_000)) {
    const p = sim.progress();
    if (p.fraction < next) continue;
    next += 0.05;
    globalThis.gc();
    samples.push({ fraction: p.fraction, invocations: p.invocations, heapMb: (process.memoryUsage().heapUsed - before) / MB });
  }
  sim.report();
  globalThis.gc();
  const peakMb = Math.max(...samples.map((s) => s.heapMb));
  process.stdout.write(JSON.stringify({ durationS: scenario.durationS, invocations: sim.progress().invocations, peakMb, samples, rssMb: process.memoryUsage().rss / MB }));
}
