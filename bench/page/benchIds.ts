/**
 * Every figure of the page's result is keyed by a stable id; what the report
 * prints for it is its label here. Renaming a label changes no key, so code
 * that reads a figure (ratios, targets, report.mjs) cannot lose it to a typo.
 */
export const BENCH_LABELS = {
  frameOpen: 'sandbox frame open (SandboxFrame.open)',
  baselineFrame: 'baseline: bare sandboxed iframe ready',
  firstInvoke: 'new driver, first invoke (frame + cold start)',
  firstInvokeInit: 'new driver, first invoke: Init Duration',
  compile: 'compileHandler (no-op, uncached)',

  warmA: 'A: bare worker, postMessage',
  warmB: 'B: sandbox worker, MessagePort',
  warmA10k: 'A: bare worker, 10 KB echo',
  warmB10k: 'B: sandbox worker, 10 KB echo',
  warmC: 'C: runtime worker direct, no-op (no sandbox, no model)',
  warmPlatform: 'platform: no-op handler',
  warmPlatform10k: 'platform: 10 KB event, echo handler',
  warmPlatformLog: 'platform: no-op + 1 console.log line',

  recordDuration: 'record.durationMs (handler, as the runtime measured it)',
  recordStartToEnd: 'record.endedAtMs − startedAtMs (app clock, START→END)',

  coldPlatform: 'platform cold invoke (invoke → response)',
  coldPlatformInit: '  Init Duration (record.initDurationMs)',
  coldArrivedToStart: '  arrived → START (record, app clock)',
  coldStartToEnd: '  START → END (record, app clock)',
  coldBare: 'bare worker, this page (new Worker → 1st message)',
  coldSandboxBare: 'bare worker, sandbox frame (spawn msg → port says up)',
  coldDirect: 'runtime worker direct, this page (→ initDone → invokeDone)',
  coldDirectInit: '  its Init Duration',
  coldExample: 'example handler (no imports) cold invoke',
  coldExampleInit: '  example: Init Duration',
  coldExampleStartToEnd: '  example: START → END',
  coldCryptoZlib: 'node:crypto + node:zlib handler cold invoke',
  coldCryptoZlibInit: '  crypto + zlib: Init Duration',
  coldCryptoZlibStartToEnd: '  crypto + zlib: START → END (first hash + gzip)',
  coldCustomRuntime: 'custom runtime (provided.al2023, Runtime API) cold invoke',
  coldCustomRuntimeInit: '  custom runtime: Init Duration (bootstrap to its first next)',
  coldCustomRuntimeStartToEnd: '  custom runtime: START → END (next → response)',
  pythonFirstCold: 'Python: first environment of the tab (fetch + compile + boot + Init + invoke)',
  pythonCold: 'Python: later cold invoke (new worker, shared compiled module)',
  pythonInit: '  Python: Init Duration (import of lambda_function)',
  pythonBoot: '  Python: Pyodide boot + spawn (cold − Init − START→END)',
  pythonWarm: 'Python: warm invoke round trip',
  awsGetItem: 'AWS SDK: DynamoDB GetItem round trip in a warm handler (no modelled latency)',
  awsSdkCold: 'AWS SDK: cold invoke of a handler importing @aws-sdk/client-dynamodb',
  awsSdkInit: '  DynamoDB client import: Init Duration',
  awsBareCold: 'AWS SDK: the same cold invoke without the import (bare handler)',
  awsBareInit: '  bare: Init Duration',
  snapPlainCold: 'Python, Init-heavy handler: plain cold invoke',
  snapPlainInit: '  plain: Init Duration (its Init, measured)',
  snapRestoreCold: 'Python, same handler, SnapStart version: restoring cold invoke',
  snapRestore: '  SnapStart: Restore Duration (modelled restore + measured hooks)',
  snapBilledRestore: '  SnapStart: Billed Restore Duration (measured hooks)',

  ratioWarmA: 'warm p50 / A p50',
  ratioWarmB: 'warm p50 / B p50',
  ratioWallA: 'warm mean / A mean (wall)',
  ratioWallB: 'warm mean / B mean (wall)',
  ratioWarmC: 'warm p50 / C p50 (runtime direct)',
  ratioBA: 'B p50 / A p50 (floor of the sandbox path)',
  ratioColdFloor: 'cold p50 / (bare worker p50 + Init Duration p50)',
  ratioColdDirect: 'cold p50 / runtime-direct cold p50',
  ratioAwsSdkInit: 'Init Duration importing the DynamoDB client / bare Init Duration',
  ratioColdSandbox: 'cold p50 / bare sandbox worker p50',
  ratioExampleCold: 'example cold p50 / (bare worker p50 + its Init Duration p50)',
  ratioCryptoZlibInit: 'crypto + zlib Init Duration p50 / example Init Duration p50',
  ratioCustomRuntimeCold: 'custom runtime cold p50 / example cold p50',
  ratioPythonCold: 'Python later cold p50 / Node.js example cold p50',
  ratioPythonWarm: 'Python warm p50 / Node.js warm p50',

  checkFrameWorkers: 'workers alive in the sandbox frame after the cold-start loop',
  checkDriverEnvironments: 'environments the driver lists after the cold-start loop',
  checkExtraInitCryptoZlib: 'extra Init Duration of node:crypto + node:zlib, p50 difference (ms)',
  checkExtraColdCryptoZlib: 'extra cold invoke of node:crypto + node:zlib, p50 difference (ms)',
} as const;

export type BenchId = keyof typeof BENCH_LABELS;

/** Figures keyed by id. */
export type ById<T> = Partial<Record<BenchId, T>>;
