/**
 * Python on Pyodide, beside the Node.js figures: the first Python environment
 * of a tab (Pyodide fetched, its WebAssembly compiled by the frame, booted,
 * then Init), later cold starts (a fresh worker instantiating the module the
 * frame compiled once, booting, then Init), and warm invoke round trips.
 */
import { LiveDriver, type InvokeResult } from '../../src/bridge/liveDriver';
import { MB_PER_VCPU } from '../../src/core/cpuShare';
import { DEFAULT_CONFIG, type FunctionConfig } from '../../src/core/functionConfig';
import type { InvocationRecord } from '../../src/core/invocationRecord';
import type { ById } from './benchIds';
import { summarize, type Summary } from './stats';

const PYTHON_CODE = 'def lambda_handler(event, context):\n    return 1\n';
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
  return {
    pythonFirstCold: summarize(first),
    pythonCold: summarize(cold),
    pythonInit: summarize(init),
    pythonBoot: summarize(boot),
    pythonWarm: summarize(warm),
  };
}
