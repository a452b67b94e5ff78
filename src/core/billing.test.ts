import { describe, expect, it } from 'vitest';
import { computeBill, MONTH_MS, perInvocation, type BillInput, type ProvisionedChange } from './billing';
import type { InvocationRecord } from './invocationRecord';
import { billedDurationMs, invocationCost } from './pricing';

/** Figures are around 1e-7 USD: compare to 1e-18 so a wrong rate or a missing term cannot pass. */
const DIGITS = 18;
const T0 = 1_700_000_000_000;

let seq = 0;
function rec(over: Partial<InvocationRecord> = {}): InvocationRecord {
  const durationMs = over.durationMs ?? 12.34;
  const memorySizeMb = over.memorySizeMb ?? 128;
  const architecture = over.architecture ?? 'x86_64';
  const provisioned = over.provisioned ?? false;
  const billed = billedDurationMs(durationMs + (over.initDurationMs ?? 0));
  seq += 1;
  return {
    requestId: `req-${seq}`,
    envId: 'env-1',
    cold: over.initDurationMs !== undefined,
    arrivedAtMs: T0,
    startedAtMs: T0,
    endedAtMs: T0 + durationMs,
    billedDurationMs: billed,
    maxMemoryUsedMb: 70,
    outcome: 'success',
    cost: invocationCost(memorySizeMb, billed, architecture, provisioned),
    invocationType: 'RequestResponse',
    attempt: 1,
    measuredDurationMs: durationMs,
    cpuMs: 0,
    cpuFactor: 1,
    contended: false,
    ...over,
    durationMs,
    memorySizeMb,
    architecture,
    provisioned,
  };
}

function bill(over: Partial<BillInput>) {
  return computeBill({ records: [], provisioned: [], startMs: T0, nowMs: T0 + 60_000, freeTier: false, granularityMs: 1, ...over });
}

const warm = rec({ durationMs: 12.34 });
const cold = rec({ durationMs: 12.34, initDurationMs: 100.2 });
const arm = rec({ durationMs: 250.5, initDurationMs: 0.2, memorySizeMb: 2048, architecture: 'arm64' });
const onPc = rec({ durationMs: 1000, memorySizeMb: 1024, provisioned: true });
const onPcArm = rec({ durationMs: 1000, memorySizeMb: 1024, provisioned: true, architecture: 'arm64' });
const tiny = rec({ durationMs: 0.01 });
const exact100 = rec({ durationMs: 100 });

describe('perInvocation: one request plus compute at the billing granularity', () => {
  it.each([
    // name, record, granularity, billedMs, GB-s, compute USD, total USD
    ['warm 12.34 ms, 1 ms', warm, 1, 13, 0.001625, 0.0000000270833875, 0.0000002270833875],
    ['warm 12.34 ms, 100 ms', warm, 100, 100, 0.0125, 0.00000020833375, 0.00000040833375],
    ['cold 100.2 + 12.34 ms, 1 ms', cold, 1, 113, 0.014125, 0.0000002354171375, 0.0000004354171375],
    ['cold 100.2 + 12.34 ms, 100 ms: init not billed in that era', cold, 100, 100, 0.0125, 0.00000020833375, 0.00000040833375],
    ['arm64 2,048 MB 250.5 + 0.2 ms, 1 ms', arm, 1, 251, 0.502, 0.0000066933668, 0.0000068933668],
    ['arm64 2,048 MB 250.5 + 0.2 ms, 100 ms', arm, 100, 300, 0.6, 0.00000800004, 0.00000820004],
    ['provisioned x86 1 GB 1 s: PC duration price', onPc, 1, 1000, 1, 0.0000097222, 0.0000099222],
    ['provisioned arm64 1 GB 1 s', onPcArm, 1, 1000, 1, 0.0000077778, 0.0000079778],
    ['0.01 ms, 1 ms: at least one unit', tiny, 1, 1, 0.000125, 0.000000002083337500, 0.0000002020833375],
    ['0.01 ms, 100 ms: at least one unit', tiny, 100, 100, 0.0125, 0.00000020833375, 0.00000040833375],
    ['exactly 100 ms, 100 ms: not rounded up further', exact100, 100, 100, 0.0125, 0.00000020833375, 0.00000040833375],
  ] as const)('%s', (_name, record, granularity, billedMs, gbs, computeUsd, totalUsd) => {
    const row = perInvocation(record, granularity);
    expect(row.billedMs).toBe(billedMs);
    expect(row.gbSeconds).toBeCloseTo(gbs, 15);
    expect(row.requestUsd).toBeCloseTo(0.0000002, DIGITS);
    expect(row.computeUsd).toBeCloseTo(computeUsd, DIGITS);
    expect(row.totalUsd).toBeCloseTo(totalUsd, DIGITS);
  });

  it('at 1 ms it bills exactly the record’s own billed duration and cost', () => {
    for (const r of [warm, cold, arm, onPc, tiny]) {
      const row = perInvocation(r, 1);
      expect(row.billedMs).toBe(r.billedDurationMs);
      expect(row.totalUsd).toBeCloseTo(r.cost.totalUsd, DIGITS);
    }
  });

  it('at 1 ms it trusts the platform’s billed duration rather than recomputing it', () => {
    const r = rec({ durationMs: 3000, billedDurationMs: 3101 });
    expect(perInvocation(r, 1).billedMs).toBe(3101);
    expect(perInvocation(r, 100).billedMs).toBe(3000);
  });

  it.each([
    // record, granularity, init ms, invoke ms, init GB-s, invoke GB-s, init USD, invoke USD
    [cold, 1, 100.2, 12.8, 0.012525, 0.0016, 0.0000002087504175, 0.00000002666672],
    [cold, 100, 0, 100, 0, 0.0125, 0, 0.00000020833375],
    [warm, 1, 0, 13, 0, 0.001625, 0, 0.0000000270833875],
  ] as const)('splits a cold start into init (as measured) and invoke (the rest): %#', (r, g, initMs, invokeMs, initGbs, invokeGbs, initUsd, invokeUsd) => {
    const row = perInvocation(r, g);
    expect(row.initBilledMs).toBeCloseTo(initMs, 9);
    expect(row.invokeBilledMs).toBeCloseTo(invokeMs, 9);
    expect(row.initBilledMs + row.invokeBilledMs).toBe(row.billedMs);
    expect(row.initGbSeconds).toBeCloseTo(initGbs, 15);
    expect(row.invokeGbSeconds).toBeCloseTo(invokeGbs, 15);
    expect(row.initUsd).toBeCloseTo(initUsd, DIGITS);
    expect(row.invokeUsd).toBeCloseTo(invokeUsd, DIGITS);
    expect(row.initUsd + row.invokeUsd).toBeCloseTo(row.computeUsd, 20);
  });
});

describe('computeBill: lines', () => {
  const records = [cold, warm, arm, warm, rec({ durationMs: 3000, initDurationMs: 100.2, outcome: 'timeout' })];

  it.each([1, 100] as const)('free tier off, no provisioned concurrency: total === the sum of the rows (%i ms)', (g) => {
    const b = bill({ records, granularityMs: g });
    let sum = 0;
    for (const r of records) sum += perInvocation(r, g).totalUsd;
    expect(b.totalUsd).toBe(sum);
    expect(b.rowsTotalUsd).toBe(sum);
    expect(b.rows.map((r) => r.record)).toEqual(records);
    const lines = b.requests.usd + b.invoke.usd + b.init.usd + b.provisionedInvocations.usd + b.provisionedConcurrency.usd;
    expect(lines).toBeCloseTo(b.totalUsd, DIGITS);
  });

  it('requests, invoke and init lines at 1 ms', () => {
    const b = bill({ records: [cold, warm] });
    expect(b.requests).toEqual({ count: 2, usd: expect.closeTo(0.0000004, DIGITS) as number });
    expect(b.init.gbSeconds).toBeCloseTo(0.012525, 15);
    expect(b.init.usd).toBeCloseTo(0.0000002087504175, DIGITS);
    expect(b.invoke.gbSeconds).toBeCloseTo(0.0016 + 0.001625, 15);
    expect(b.invoke.usd).toBeCloseTo(0.00000002666672 + 0.0000000270833875, DIGITS);
    expect(b.totalUsd).toBeCloseTo(0.0000004354171375 + 0.0000002270833875, DIGITS);
    expect(b.provisionedConcurrency).toEqual({ gbSeconds: 0, usd: 0 });
    expect(b.architectures).toEqual(['x86_64']);
  });

  it('invocations on provisioned environments are a line of their own, at the PC duration price', () => {
    const b = bill({ records: [onPc, warm, onPcArm] });
    expect(b.provisionedInvocations).toEqual({ count: 2, gbSeconds: 2, usd: expect.closeTo(0.0000097222 + 0.0000077778, DIGITS) as number });
    expect(b.invoke.gbSeconds).toBeCloseTo(0.001625, 15);
    expect(b.init.gbSeconds).toBe(0);
    expect(b.requests.count).toBe(3);
    expect(b.architectures).toEqual(['x86_64', 'arm64']);
  });

  const pc = (atS: number, count: number, memoryMb = 1024, architecture: ProvisionedChange['architecture'] = 'x86_64'): ProvisionedChange => ({
    atMs: T0 + atS * 1000,
    count,
    memoryMb,
    architecture,
  });

  it.each([
    // name, changes, now (s), configured GB-s, USD
    ['2 × 1 GB enabled at 10 s, released at 70 s', [pc(10, 2), pc(70, 0)], 100, 120, 0.000500004],
    ['1 × 512 MB arm64 from 0 s, still on at 30 s', [pc(0, 1, 512, 'arm64')], 30, 15, 0.000050001],
    ['2 then 5 environments, 10 s each', [pc(0, 2), pc(10, 5)], 20, 70, 0.000291669],
    ['enabled before the run: billed from the run start', [pc(-10, 1)], 10, 10, 0.000041667],
    ['released: nothing more after release', [pc(0, 1), pc(5, 0)], 3600, 5, 0.0000208335],
    ['never enabled', [], 60, 0, 0],
    // Each published version holds its own allocation (an alias's split between two versions): each level lasts until its own next change.
    ['2 on version 1 and 1 on version 2 from 0 s, version 1 released at 10 s', [{ ...pc(0, 2), source: 'f:1' }, { ...pc(0, 1), source: 'f:2' }, { ...pc(10, 0), source: 'f:1' }], 20, 40, 0.000166668],
    ['two functions: 1 each, side by side', [{ ...pc(0, 1), source: 'a:1' }, { ...pc(0, 1), source: 'b:1' }], 10, 20, 0.000083334],
  ] as const)('provisioned concurrency allocation: %s', (_name, changes, nowS, gbs, usd) => {
    const b = bill({ provisioned: changes, nowMs: T0 + nowS * 1000 });
    expect(b.provisionedConcurrency.gbSeconds).toBeCloseTo(gbs, 12);
    expect(b.provisionedConcurrency.usd).toBeCloseTo(usd, DIGITS);
    expect(b.totalUsd).toBeCloseTo(usd, DIGITS);
  });

  it('provisioned concurrency is billed whether used or not, on top of its invocations', () => {
    const b = bill({ records: [onPc], provisioned: [pc(0, 1)], nowMs: T0 + 10_000 });
    expect(b.totalUsd).toBeCloseTo(0.0000099222 + 10 * 0.0000041667, DIGITS);
  });
});

describe('computeBill: free tier (1M requests and 400,000 GB-s a month)', () => {
  it('covers a small run entirely: the total is exactly zero', () => {
    const records = [cold, warm, arm];
    const b = bill({ records, freeTier: true });
    expect(b.freeTier).toMatchObject({ requested: true, applies: true, requests: 3 });
    expect(b.freeTier.gbSeconds).toBeCloseTo(0.014125 + 0.001625 + 0.502, 15);
    expect(b.freeTier.usd).toBe(b.grossUsd);
    expect(b.totalUsd).toBe(0);
  });

  it('credits at most 400,000 GB-s, at each record’s price', () => {
    const big = rec({ durationMs: 900_000, memorySizeMb: 10_240 }); // 9,000 GB-s
    const b = bill({ records: Array.from({ length: 50 }, () => big), freeTier: true });
    expect(b.freeTier.gbSeconds).toBe(400_000);
    expect(b.freeTier.requests).toBe(50);
    // 50,000 GB-s left to pay at $0.0000166667.
    expect(b.totalUsd).toBeCloseTo(0.833335, 10);
  });

  it('credits at most 1M requests', () => {
    const r = rec({ durationMs: 0.5 });
    const records = new Array<InvocationRecord>(1_000_010).fill(r);
    const b = bill({ records, freeTier: true });
    expect(b.freeTier.requests).toBe(1_000_000);
    expect(b.totalUsd).toBeCloseTo(10 * 0.0000002, 15);
    // A million rows: a second alone, several on a shared machine.
  }, 120_000);

  it('does not apply once provisioned concurrency was enabled, even if released since', () => {
    const b = bill({ records: [warm], provisioned: [{ atMs: T0, count: 1, memoryMb: 128, architecture: 'x86_64' }, { atMs: T0 + 1000, count: 0, memoryMb: 128, architecture: 'x86_64' }], freeTier: true });
    expect(b.freeTier).toEqual({ requested: true, applies: false, requests: 0, gbSeconds: 0, usd: 0 });
    expect(b.totalUsd).toBe(b.grossUsd);
    expect(b.totalUsd).toBeCloseTo(0.0000002270833875 + 0.125 * 0.0000041667, DIGITS);
  });

  it('is not credited when off', () => {
    const b = bill({ records: [warm], freeTier: false });
    expect(b.freeTier.usd).toBe(0);
    expect(b.totalUsd).toBe(perInvocation(warm, 1).totalUsd);
  });
});

describe('computeBill: projection per month (total ÷ elapsed × 730 h)', () => {
  it('no elapsed time, no projection', () => {
    expect(bill({ records: [warm], nowMs: T0 }).projectedMonthlyUsd).toBeNull();
  });

  it.each([
    ['one hour', 3_600_000, 730],
    ['one minute', 60_000, 730 * 60],
    ['one second', 1000, 730 * 3600],
  ])('%s of run time', (_name, elapsedMs, factor) => {
    const b = bill({ records: [cold, warm], nowMs: T0 + elapsedMs });
    expect(b.projectedMonthlyUsd).toBeCloseTo(b.totalUsd * factor, 14);
    expect(MONTH_MS).toBe(2_628_000_000);
  });

  it('with the free tier, takes the monthly allowance off the projected usage', () => {
    // 1 request of 1 GB × 1 s per second → 2.628M requests and 2.628M GB-s a month.
    const r = rec({ durationMs: 1000, memorySizeMb: 1024 });
    const b = bill({ records: [r], nowMs: T0 + 1000, freeTier: true });
    expect(b.totalUsd).toBe(0);
    const expected = (2_628_000 - 1_000_000) * 0.0000002 + (2_628_000 - 400_000) * 0.0000166667;
    expect(b.projectedMonthlyUsd).toBeCloseTo(expected, 9);
  });
});
