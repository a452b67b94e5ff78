/**
 * Python on Pyodide, beside the Node.js figures: the first Python environment
 * of a tab (Pyodide fetched, its WebAssembly compiled by the frame, booted,
 * then Init), later cold starts (a fresh worker instantiating the module the
 * frame compiled once, booting, then Init), warm invoke round trips, and an
 * Init-heavy handler's plain cold start beside its SnapStart restore.
 */
import { LiveDriver, type InvokeResult } from '../../src/bridge/liveDriver';
import { MB_PER_VCPU } from '../../src/core/cpuShare';
import { DEFAULT_CONFIG, type FunctionConfig } from '../../src/core/functionConfig';
import type { InvocationRecord } from '../../src/core/invocationRecord';
import type { ById } from './benchIds';
import { summarize, type Summary } from './stats';

const PYTHON_CODE = 'def lambda_handler(event, context):\n    return 1\n';
/** A handler whose Init does some work and registers an after-restore hook (SnapStart's case). */
const SNAP_CODE = [
  'import json, random, uuid',
  'from snapshot_restore_py import register_after_restore',
  'TABLE = {str(i): random.random() for i in range(20000)}',
  '@register_after_restore',
  'def reseed():',
  '    random.seed()',
  'def lambda_handler(event, context):',
  '    return len(TABLE)',
  '',
].join('\n');
const config: FunctionConfig = {
  ...DEFAULT_CONFIG,
  name: 'bench-python',
  runtime: 'python3.13',
  fileName: 'lambda_function.py',
  handler: 'lambda_function.lambda_handler',
  memoryMb: MB_PER_VCPU,
  code: PYTHON_CODE,
};

function ok(r: InvokeResult, what: string): InvocationRecord {
  if (r.kind === 'rejected') throw new Error(`${what}: rejected ${r.error.errorType}`);
  if (!r.response.ok) throw new Error(`${what}: ${r.response.error.errorType}: ${r.response.error.errorMessage}`);
  return r.record;
}

/** The same Init-heavy handler cold, plain (Init) and as a SnapStart version (restore), alternating. */
async function snapStartCosts(n: number, log: (m: string) => void, problems: string[]): Promise<ById<Summary>> {
  const c: FunctionConfig = { ...config, name: 'bench-snapstart', runtime: 'python3.12', code: SNAP_CODE };
  const plain = new LiveDriver(c, { seed: 17 });
  const restoring = new LiveDriver(c, { seed: 19, version: '1', snapStart: { seed: 4242 } });
  const plainCold: number[] = [];
  const plainInit: number[] = [];
  const restoreCold: number[] = [];
  const restore: number[] = [];
  const billedRestore: number[] = [];
  try {
    const snapshot = await restoring.takeSnapshot();
    if (snapshot.status !== 'ready') throw new Error(`the snapshot failed: ${snapshot.error.errorType}: ${snapshot.error.errorMessage}`);
    ok(await plain.invoke('{}'), 'SnapStart bench: plain warm-up');
    for (let i = 0; i < n; i++) {
      plain.configure({ ...c });
      let t0 = performance.now();
      const p = ok(await plain.invoke('{}'), 'plain Python cold start');
      plainCold.push(performance.now() - t0);
      if (p.initDurationMs !== undefined) plainInit.push(p.initDurationMs);
      restoring.configure({ ...c });
      t0 = performance.now();
      const r = ok(await restoring.invoke('{}'), 'SnapStart restore');
      restoreCold.push(performance.now() - t0);
      if (r.restoreDurationMs !== undefined) restore.push(r.restoreDurationMs);
      if (r.billedRestoreDurationMs !== undefined) billedRestore.push(r.billedRestoreDurationMs);
    }
    log(`  python: ${n} SnapStart restores beside ${n} plain cold starts`);
  } catch (err) {
    problems.push(`python SnapStart: ${String(err)}`);
  } finally {
    plain.dispose();
    restoring.dispose();
  }
  return {
    snapPlainCold: summarize(plainCold),
    snapPlainInit: summarize(plainInit),
    snapRestoreCold: summarize(restoreCold),
    snapRestore: summarize(restore),
    snapBilledRestore: summarize(billedRestore),
  };
}

export async function pythonCosts(coldN: number, warmN: number, log: (m: string) => void, problems: string[]): Promise<ById<Summary>> {
  const driver = new LiveDriver(config, { seed: 13 });
  const cold: number[] = [];
  const init: number[] = [];
  const boot: number[] = [];
  const warm: number[] = [];
  let first: number[] = [];
  try {
    let t0 = performance.now();
    const r0 = ok(await driver.invoke('{}'), 'first Python cold start');
    first = [performance.now() - t0];
    log(`  python: first environment ${first[0]!.toFixed(0)} ms (Init Duration ${r0.initDurationMs?.toFixed(1)} ms)`);
    for (let i = 0; i < coldN; i++) {
      driver.configure({ ...config }); // a new configuration: the next invoke starts a fresh environment
      t0 = performance.now();
      const r = ok(await driver.invoke('{}'), `Python cold start ${i}`);
      const total = performance.now() - t0;
      cold.push(total);
      if (r.initDurationMs !== undefined) {
        init.push(r.initDurationMs);
        boot.push(total - r.initDurationMs - (r.endedAtMs - r.startedAtMs));
      }
    }
    log(`  python: ${coldN} later cold starts`);
    for (let i = 0; i < warmN + 20; i++) {
      t0 = performance.now();
      ok(await driver.invoke('{}'), 'Python warm invoke');
      if (i >= 20) warm.push(performance.now() - t0);
    }
  } catch (err) {
    problems.push(`python: ${String(err)}`);
  } finally {
    driver.dispose();
  }
  const snap = await snapStartCosts(coldN, log, problems);
  return {
    ...snap,
    pythonFirstCold: summarize(first),
    pythonCold: summarize(cold),
    pythonInit: summarize(init),
    pythonBoot: summarize(boot),
    pythonWarm: summarize(warm),
  };
}
