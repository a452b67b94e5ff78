/**
 * The scale simulation for Node: src/core/sim bundled by esbuild (already a
 * dev dependency) into node_modules/.cache, then imported. Node 20 cannot
 * run TypeScript itself; the core has no imports outside src/core.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const SIM_BUNDLE = resolve(root, 'node_modules/.cache/simulation/sim.mjs');

const ENTRY = `
export { Simulation, simulate } from './src/core/sim/simulation';
export { readScenario, validateScenario, scenarioFromJson } from './src/core/sim/scenarioFile';
export { DEFAULT_SCENARIO } from './src/core/sim/scenario';
export { compareReports } from './src/core/sim/compareReports';
`;

/** Bundle the simulation (every call: the sources may have changed) and return its path. */
export async function bundleSimulation() {
  mkdirSync(dirname(SIM_BUNDLE), { recursive: true });
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'ts', sourcefile: 'simulation-entry.ts' },
    bundle: true,
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    outfile: SIM_BUNDLE,
    logLevel: 'warning',
  });
  return SIM_BUNDLE;
}

export async function loadSimulation() {
  return import(pathToFileURL(await bundleSimulation()).href);
}
