import { describe, expect, it } from 'vitest';
import { computeBill } from './billing';
import type { FunctionConfig } from './functionConfig';
import { reportLine } from './logLines';
import { PRICES } from './pricing';
import { ScenarioDriver, T0 } from './scenario.test-support';
import { MODELLED_SNAPSHOT_RESTORE_MS, restoreDurations, SNAP_START_PRICES, snapshotCacheCharge, snapStartProblem, supportsSnapStart } from './snapStart';

const PY = { runtime: 'python3.12', handler: 'lambda_function.lambda_handler', fileName: 'lambda_function.py', memoryMb: 1024 } as const;

function snapDriver(config: Partial<FunctionConfig> = PY): ScenarioDriver {
  return new ScenarioDriver({ config, snapStart: { seed: 42 }, version: '1' });
}

describe('SnapStart: Lambda refuses it where it does not apply', () => {
  const cases: { name: string; applyOn: 'None' | 'PublishedVersions'; runtime: FunctionConfig['runtime']; storage?: number; provisioned?: number; message: string | null }[] = [
    { name: 'None is always accepted', applyOn: 'None', runtime: 'nodejs22.x', provisioned: 3, storage: 2048, message: null },
    { name: 'python3.12', applyOn: 'PublishedVersions', runtime: 'python3.12', message: null },
    { name: 'python3.13', applyOn: 'PublishedVersions', runtime: 'python3.13', message: null },
    { name: 'a Node.js runtime', applyOn: 'PublishedVersions', runtime: 'nodejs22.x', message: 'InvalidParameterValueException: nodejs22.x is not supported for SnapStart enabled functions.' },
    { name: 'an OS-only runtime', applyOn: 'PublishedVersions', runtime: 'provided.al2023', message: 'InvalidParameterValueException: provided.al2023 is not supported for SnapStart enabled functions.' },
    {
      name: 'ephemeral storage above 512 MB',
      applyOn: 'PublishedVersions',
      runtime: 'python3.13',
      storage: 513,
      message: 'InvalidParameterValueException: SnapStart is not supported for functions with ephemeral storage greater than 512 MB.',
    },
    { name: 'ephemeral storage of exactly 512 MB', applyOn: 'PublishedVersions', runtime: 'python3.13', storage: 512, message: null },
    {
      name: 'provisioned concurrency',
      applyOn: 'PublishedVersions',
      runtime: 'python3.12',
      provisioned: 1,
      message: 'InvalidParameterValueException: SnapStart is not supported for functions with provisioned concurrency.',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const problem = snapStartProblem(c.applyOn, { runtime: c.runtime, ...(c.storage !== undefined ? { ephemeralStorageMb: c.storage } : {}) }, c.provisioned ?? 0);
      expect(problem?.message ?? null).toBe(c.message);
    });
  }

  it('supports python3.12 and later only', () => {
    expect(['python3.11', 'python3.12', 'python3.13', 'python3.14', 'nodejs24.x'].map(supportsSnapStart)).toEqual([false, true, true, true, false]);
  });
});

describe('SnapStart: the snapshot at publish', () => {
  it('runs Init once in an environment of the version, logs INIT_START and INIT_REPORT, reports the snapshot and discards the environment', () => {
    const d = snapDriver();
    d.feed({ type: 'takeSnapshot' });
    const start = d.commands('startEnvironment')[0]!;
    expect(start.spec.snapStart).toEqual({ phase: 'snapshot', seed: 42 });
    expect(start.spec.initializationType).toBe('snap-start');
    // A snapshot serves many environments: SnapStart functions get no log group or stream variables.
    expect(start.spec.variables.AWS_LAMBDA_INITIALIZATION_TYPE).toBe('snap-start');
    expect(start.spec.variables.AWS_LAMBDA_LOG_STREAM_NAME).toBeUndefined();
    d.initDone('env-1-v1', 250, ['loaded']);
    expect(d.notices('snapshot')).toEqual([{ kind: 'snapshot', atMs: T0 + 250, status: 'ready', initDurationMs: 250 }]);
    const log = d.notices('initLog')[0]!;
    expect(log.lines.map((l) => l.text)).toEqual([
      expect.stringMatching(/^INIT_START Runtime Version: python:3\.12\.v\d+\tRuntime Version ARN: /),
      'loaded',
      'INIT_REPORT Init Duration: 250.00 ms\tPhase: init\tStatus: success',
    ]);
    expect(d.summary(undefined, { notices: true }).filter((l) => l.includes('destroyEnvironment'))).toEqual(['250 destroyEnvironment env-1-v1 snapshotted']);
    expect(d.platform.environmentViews()).toEqual([]);
  });

  it('a failed Init fails the snapshot with its error', () => {
    const d = snapDriver();
    d.feed({ type: 'takeSnapshot' });
    const error = { errorType: 'Runtime.ImportModuleError', errorMessage: "Unable to import module 'lambda_function'", trace: [] };
    d.initFailed('env-1-v1', 30, error);
    expect(d.notices('snapshot')).toEqual([{ kind: 'snapshot', atMs: T0 + 30, status: 'error', initDurationMs: 30, error }]);
    expect(d.notices('initLog')[0]!.lines.at(-1)!.text).toBe('INIT_REPORT Init Duration: 30.00 ms\tPhase: init\tStatus: error\tError Type: Runtime.ImportModuleError');
  });

  it('an environment lost during the snapshot Init fails the snapshot with the exit', () => {
    const d = snapDriver();
    d.feed({ type: 'takeSnapshot' });
    d.advance(5);
    d.lost('env-1-v1', 'crashed');
    expect(d.notices('snapshot')).toEqual([
      { kind: 'snapshot', atMs: T0 + 5, status: 'error', initDurationMs: 5, error: { errorType: 'Runtime.ExitError', errorMessage: 'Runtime exited without providing a reason', trace: [] } },
    ]);
  });

  it('the snapshot Init uses no concurrency and is no cold start of the version', () => {
    const d = snapDriver();
    d.feed({ type: 'takeSnapshot' });
    d.invoke();
    // The request gets an environment of its own, restoring (it does not wait for the snapshot's).
    expect(d.commands('startEnvironment').map((c) => [c.spec.envId, c.spec.snapStart?.phase])).toEqual([
      ['env-1-v1', 'snapshot'],
      ['env-2-v1', 'restore'],
    ]);
  });
});

describe('SnapStart: cold starts restore the snapshot', () => {
  it('Restore Duration = modelled snapshot restore + measured runtime load and hooks; billed: the measured part; no Init Duration', () => {
    const d = snapDriver();
    const ticket = d.invoke();
    expect(d.commands('startEnvironment')[0]!.spec.snapStart).toEqual({ phase: 'restore', seed: 42 });
    // The replay of Init (900 ms here) stands in for the memory restore: it is not counted.
    d.restored('env-1-v1', 900, 74.2, ['after restore hook ran']);
    d.invokeDone('env-1-v1', 12.5);
    const done = d.completion(ticket);
    expect(done.record.initDurationMs).toBeUndefined();
    expect(done.record.restoreDurationMs).toBeCloseTo(MODELLED_SNAPSHOT_RESTORE_MS + 74.2, 9);
    expect(done.record.billedRestoreDurationMs).toBe(75);
    // Billed Duration = Duration + Billed Restore Duration, rounded up (as Init Duration is billed).
    expect(done.record.billedDurationMs).toBe(88);
    const texts = d.logText(ticket);
    expect(texts[0]).toMatch(/^RESTORE_START Runtime Version: python:3\.12\.v\d+\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/);
    expect(texts[1]).toBe('after restore hook ran');
    expect(texts[2]).toBe('RESTORE_REPORT Restore Duration: 474.20 ms');
    expect(texts[3]).toMatch(/^START RequestId: \S+ Version: 1$/);
    const report = texts.at(-1)!;
    expect(report).toBe(
      `REPORT RequestId: ${done.record.requestId}\tDuration: 12.50 ms\tBilled Duration: 88 ms\tMemory Size: 1024 MB\tMax Memory Used: ${done.record.maxMemoryUsedMb} MB\tRestore Duration: 474.20 ms\tBilled Restore Duration: 75 ms`,
    );
    expect(report).not.toContain('Init Duration');
    expect(texts.some((t) => t.startsWith('INIT_START'))).toBe(false);
  });

  it('a warm invoke of a restored environment has neither', () => {
    const d = snapDriver();
    d.invoke();
    d.restored('env-1-v1', 100, 3);
    d.invokeDone('env-1-v1', 5);
    const second = d.invoke();
    d.invokeDone('env-1-v1', 5);
    expect(d.completion(second).record.restoreDurationMs).toBeUndefined();
    expect(d.logText(second).at(-1)).not.toMatch(/Restore Duration|Init Duration/);
  });

  it('every restore of the version gets the same seed (the uniqueness pitfall)', () => {
    const d = snapDriver();
    d.invoke();
    d.invoke();
    expect(d.commands('startEnvironment').map((c) => c.spec.snapStart)).toEqual([
      { phase: 'restore', seed: 42 },
      { phase: 'restore', seed: 42 },
    ]);
  });

  it('$LATEST (no snapshot) inits as always', () => {
    const d = new ScenarioDriver({ config: PY });
    const ticket = d.invoke();
    expect(d.commands('startEnvironment')[0]!.spec.snapStart).toBeUndefined();
    d.initDone('env-1', 80);
    d.invokeDone('env-1', 5);
    expect(d.logText(ticket).at(-1)).toContain('\tInit Duration: 80.00 ms');
    expect(d.completion(ticket).record.restoreDurationMs).toBeUndefined();
  });

  it('runtime load and after-restore hooks past 10 s: RESTORE_REPORT Status: timeout and SnapStartTimeoutException', () => {
    const d = snapDriver();
    const ticket = d.invoke();
    // The replay may take long (it stands in for the memory restore); the 10 s run from the runtime's restoreLoaded.
    d.restoreLoaded('env-1-v1', 20_000);
    expect(d.commands('reject')).toEqual([]);
    d.advance(9_999);
    expect(d.commands('reject')).toEqual([]);
    d.advance(1);
    expect(d.commands('reject')).toEqual([
      { type: 'reject', ticket, statusCode: 408, error: { errorType: 'SnapStartTimeoutException', errorMessage: "Lambda couldn't restore the snapshot within the timeout limit.", trace: [] } },
    ]);
    const log = d.notices('initLog')[0]!;
    expect(log.status).toBe('timeout');
    expect(log.lines.map((l) => l.text).slice(1)).toEqual(['RESTORE_REPORT Restore Duration: 10400.00 ms\tStatus: timeout']);
    expect(d.summary().filter((l) => l.includes('destroy'))).toEqual(['30000 destroyEnvironment env-1-v1 timeout']);
  });

  it('a failing after-restore hook: RESTORE_REPORT Status: error and SnapStartException', () => {
    const d = snapDriver();
    const ticket = d.invoke();
    d.restoreLoaded('env-1-v1', 50);
    d.initFailed('env-1-v1', 20, { errorType: 'Runtime.ExitError', errorMessage: 'boom', trace: [] }, ['hook failed']);
    expect(d.commands('reject')[0]).toMatchObject({ ticket, statusCode: 400, error: { errorType: 'SnapStartException' } });
    expect(d.notices('initLog')[0]!.lines.map((l) => l.text).slice(1)).toEqual(['hook failed', 'RESTORE_REPORT Restore Duration: 420.00 ms\tStatus: error\tError Type: Runtime.ExitError']);
  });

  it('JSON logs: platform.restoreStart and restoreReport, and restore metrics in platform.report', () => {
    const d = snapDriver({ ...PY, logFormat: 'JSON', systemLogLevel: 'DEBUG' });
    const ticket = d.invoke();
    d.restored('env-1-v1', 10, 4.5);
    d.invokeDone('env-1-v1', 2);
    const events = d.completion(ticket).logs.map((l) => JSON.parse(l.text) as { type: string; record: Record<string, unknown> });
    expect(events.map((e) => e.type)).toEqual([
      'platform.restoreStart',
      'platform.restoreRuntimeDone',
      'platform.restoreReport',
      'platform.start',
      'platform.runtimeDone',
      'platform.report',
    ]);
    expect(events[2]!.record).toEqual({ status: 'success', metrics: { durationMs: 404.5 } });
    expect(events[5]!.record.metrics).toMatchObject({ restoreDurationMs: 404.5, billedRestoreDurationMs: 5 });
    expect(events[5]!.record.metrics).not.toHaveProperty('initDurationMs');
  });
});

describe('SnapStart: REPORT and billing figures', () => {
  it('the REPORT line puts Restore Duration and Billed Restore Duration where Init Duration goes', () => {
    expect(
      reportLine({ requestId: 'abc', durationMs: 36.95, billedDurationMs: 190, memorySizeMb: 2048, maxMemoryUsedMb: 156, restore: { restoreDurationMs: 383.31, billedRestoreDurationMs: 153 } }),
    ).toBe('REPORT RequestId: abc\tDuration: 36.95 ms\tBilled Duration: 190 ms\tMemory Size: 2048 MB\tMax Memory Used: 156 MB\tRestore Duration: 383.31 ms\tBilled Restore Duration: 153 ms');
  });

  it('restore durations: the measured part rounded up to 1 ms is billed', () => {
    expect(restoreDurations(74.2)).toEqual({ restoreDurationMs: 474.2, billedRestoreDurationMs: 75 });
    expect(restoreDurations(0)).toEqual({ restoreDurationMs: 400, billedRestoreDurationMs: 1 });
  });

  const cacheCases: { name: string; takenAtMs: number; startMs: number; nowMs: number; memoryMb: number; gbs: number }[] = [
    { name: 'a snapshot taken in the run is billed its 3-hour minimum at once', takenAtMs: 1_000, startMs: 0, nowMs: 61_000, memoryMb: 1024, gbs: 3 * 3600 },
    { name: 'past 3 hours it is billed for the time it existed', takenAtMs: 0, startMs: 0, nowMs: 4 * 3_600_000, memoryMb: 512, gbs: 0.5 * 4 * 3600 },
    { name: 'a snapshot older than the run is billed for the run only', takenAtMs: 0, startMs: 3_600_000, nowMs: 3_660_000, memoryMb: 2048, gbs: 2 * 60 },
  ];
  for (const c of cacheCases) {
    it(c.name, () => {
      const charge = snapshotCacheCharge([{ source: '1', takenAtMs: c.takenAtMs, memoryMb: c.memoryMb, architecture: 'x86_64' }], c.startMs, c.nowMs);
      expect(charge.gbSeconds).toBeCloseTo(c.gbs, 9);
      expect(charge.usd).toBeCloseTo(c.gbs * 0.0000015046, 15);
    });
  }

  it('the bill: billed restore as duration, one restore charge per GB restored, the cache; no free tier for either charge', () => {
    const d = snapDriver();
    const ticket = d.invoke();
    d.restored('env-1-v1', 100, 74.2);
    d.invokeDone('env-1-v1', 12.5);
    const record = d.completion(ticket).record;
    const snapshots = [{ source: '1', takenAtMs: T0, memoryMb: 1024, architecture: 'x86_64' as const }];
    const bill = computeBill({ records: [record], provisioned: [], startMs: T0, nowMs: T0 + 60_000, freeTier: false, granularityMs: 1, snapshots });
    const gbSecond = PRICES.gbSecondUsd.x86_64;
    expect(bill.snapStart.restores).toBe(1);
    expect(bill.snapStart.restoreUsd).toBeCloseTo(SNAP_START_PRICES.restoreGbUsd, 18);
    expect(bill.snapStart.restoreDuration.gbSeconds).toBeCloseTo(0.075, 12);
    expect(bill.snapStart.restoreDuration.usd).toBeCloseTo(0.075 * gbSecond, 18);
    expect(bill.invoke.gbSeconds).toBeCloseTo(0.013, 12);
    expect(bill.snapStart.cache.usd).toBeCloseTo(3 * 3600 * SNAP_START_PRICES.cacheGbSecondUsd, 15);
    const expectedTotal = PRICES.requestUsd + 0.088 * gbSecond + SNAP_START_PRICES.restoreGbUsd + 3 * 3600 * SNAP_START_PRICES.cacheGbSecondUsd;
    expect(bill.totalUsd).toBeCloseTo(expectedTotal, 15);
    expect(bill.rows[0]!.restoreBilledMs).toBe(75);
    expect(bill.rows[0]!.totalUsd).toBeCloseTo(record.cost.totalUsd, 18);
    const free = computeBill({ records: [record], provisioned: [], startMs: T0, nowMs: T0 + 60_000, freeTier: true, granularityMs: 1, snapshots });
    // The free tier takes the request and the GB-s; the restore and the cache are paid.
    expect(free.totalUsd).toBeCloseTo(SNAP_START_PRICES.restoreGbUsd + 3 * 3600 * SNAP_START_PRICES.cacheGbSecondUsd, 15);
  });
});
