/**
 * The scale simulation for Node: src/core/sim bundled by esbuild (already a
 * dev dependency) into a temporary folder of this process (removed when it
 * exits), then imported. Node 20 cannot run TypeScript itself; the core has
 * no imports outside src/core. Not under node_modules: two checkouts sharing
 * one node_modules would otherwise run each other's bundle.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let folder;
function bundlePath() {
  if (!folder) {
    folder = mkdtempSync(join(tmpdir(), 'playground-sim-'));
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  }
  return join(folder, 'sim.mjs');
}

const ENTRY = `
export { Simulation, simulate } from './src/core/sim/simulation';
export { readScenario, validateScenario, scenarioFromJson } from './src/core/sim/scenarioFile';
export { DEFAULT_SCENARIO } from './src/core/sim/scenario';
export { compareReports } from './src/core/sim/compareReports';
`;

/** Bundle the simulation (every call: the sources may have changed) and return its path. */
export async function bundleSimulation() {
  const outfile = bundlePath();
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'simulation-entry.ts' },
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

export async function loadSimulation() {
  return import(pathToFileURL(await bundleSimulation()).href);
}
