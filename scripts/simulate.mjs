#!/usr/bin/env node
/**
 * npm run simulate -- scenario.json [--compare other.json] [--no-series]
 *
 * Runs a scale-simulation scenario (docs/scenario.md; the file the
 * Simulation panel downloads) and prints its report as JSON on stdout.
 * With --compare, runs both and prints { a, b, comparison }. Progress and
 * the wall time go to stderr. `-` reads the scenario from stdin.
 * Exit status: 0 done, 2 the scenario has problems (listed on stderr).
 */
import { readFileSync } from 'node:fs';
import { loadSimulation } from './loadSimulation.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const compareIndex = argv.indexOf('--compare');
const compareFile = compareIndex >= 0 ? argv[compareIndex + 1] : undefined;
const files = argv.filter((a, i) => !a.startsWith('--') && !(compareIndex >= 0 && i === compareIndex + 1));
const file = files[0];
if (!file || flag('--help')) {
  process.stderr.write('usage: npm run simulate -- scenario.json [--compare other.json] [--no-series]\n');
  process.exit(file ? 0 : 2);
}

const sim = await loadSimulation();
const read = (path) => {
  const text = path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8');
  const { scenario, problems } = sim.readScenario(text);
  if (problems.length > 0) {
    process.stderr.write(`${path}: the scenario cannot run:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exit(2);
  }
  return scenario;
};

function run(scenario, label) {
  const started = performance.now();
  const simulation = new sim.Simulation(scenario);
  let shown = started;
  while (!simulation.run(200_000)) {
    const now = performance.now();
    if (process.stderr.isTTY && now - shown > 250) {
      shown = now;
      const p = simulation.progress();
      process.stderr.write(`\r${label}${(p.fraction * 100).toFixed(1)} % simulated, ${p.invocations.toLocaleString('en-US')} invocations`);
    }
  }
  const report = simulation.report();
  const wallMs = performance.now() - started;
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  process.stderr.write(
    `${label}${report.simulatedS.toLocaleString('en-US')} s simulated in ${(wallMs / 1000).toFixed(2)} s: ` +
      `${report.requests.invocations.toLocaleString('en-US')} invocations, ${Math.round(report.requests.invocations / (wallMs / 1000)).toLocaleString('en-US')} per second\n`,
  );
  if (flag('--no-series')) delete report.series;
  return report;
}

const a = run(read(file), compareFile ? 'A: ' : '');
if (compareFile) {
  const b = run(read(compareFile), 'B: ');
  process.stdout.write(`${JSON.stringify({ a, b, comparison: sim.compareReports(a, b) }, null, 2)}\n`);
} else {
  process.stdout.write(`${JSON.stringify(a, null, 2)}\n`);
}
