import { describe, expect, it } from 'vitest';
import { BillAccumulator } from './billAccumulator';
import { computeBill, perInvocation } from './billing';
import { invocationRecordOf } from './invocationRecord';
import { ephemeralStorageCost, invocationCost, PRICES } from './pricing';

/** Figures are around 1e-7 USD: compare to 1e-18 so a wrong rate or a missing term cannot pass. */
const DIGITS = 18;
const T0 = 1_700_000_000_000;

/** A real record, as the platform builds it: 1,000 ms at 128 MB, cold with 200 ms of init. */
const record = (ephemeralStorageMb: number | undefined, durationMs = 1000, initDurationMs: number | undefined = undefined) =>
  invocationRecordOf('req', 'env-1', initDurationMs !== undefined, T0, T0, T0 + durationMs, initDurationMs, durationMs, 128, 70, 'x86_64', 'success', { ok: true, payload: 'null' }, 'RequestResponse', 1, false, durationMs, 0, 1, false, ephemeralStorageMb);

describe('ephemeral storage billing: what is configured above 512 MB, per GB-s of billed duration', () => {
  it('is $0.0000000309 per GB-s in us-east-1', () => {
    expect(PRICES.ephemeralStorageGbSecondUsd).toBe(0.0000000309);
  });

  it.each([
    [undefined, 1000, 0, 0],
    [512, 1000, 0, 0],
    // (10,240 − 512) / 1,024 GB × 1 s = 9.5 GB-s; × $0.0000000309 = $0.00000029355
    [10_240, 1000, 9.5, 0.00000029355],
    // 512 MB extra × 2.5 s = 0.5 GB × 2.5 s = 1.25 GB-s = $0.000000038625
    [1024, 2500, 1.25, 0.000000038625],
  ])('%s MB for %d ms: %d GB-s, $%d', (storageMb, billedMs, gbSeconds, usd) => {
    const cost = ephemeralStorageCost(storageMb, billedMs);
    expect(cost.gbSeconds).toBeCloseTo(gbSeconds, 12);
    expect(cost.usd).toBeCloseTo(usd, DIGITS);
  });

  it('an invocation with 10,240 MB of /tmp costs its request, its compute and its storage, init included', () => {
    const r = record(10_240, 800, 200);
    expect(r.billedDurationMs).toBe(1000);
    const compute = 0.125 * 1 * PRICES.gbSecondUsd.x86_64;
    expect(r.cost.ephemeralStorageUsd).toBeCloseTo(0.00000029355, DIGITS);
    expect(r.cost.totalUsd).toBeCloseTo(PRICES.requestUsd + compute + 0.00000029355, DIGITS);
    const row = perInvocation(r, 1);
    expect(row.ephemeralStorageGbSeconds).toBeCloseTo(9.5, 12);
    expect(row.totalUsd).toBeCloseTo(r.cost.totalUsd, DIGITS);
    expect(invocationCost(128, 1000, 'x86_64').ephemeralStorageUsd).toBe(0);
  });

  it('the bill shows it as its own line; the total is the rows plus nothing else', () => {
    const records = [record(10_240), record(2048, 300), record(undefined)];
    const bill = computeBill({ records, provisioned: [], startMs: T0, nowMs: T0 + 60_000, freeTier: false, granularityMs: 1 });
    // 9.5 GB-s + 1.5 GB × 0.3 s = 0.45 GB-s → 9.95 GB-s
    expect(bill.ephemeralStorage.gbSeconds).toBeCloseTo(9.95, 12);
    expect(bill.ephemeralStorage.usd).toBeCloseTo(9.95 * 0.0000000309, DIGITS);
    expect(bill.totalUsd).toBeCloseTo(bill.requests.usd + bill.invoke.usd + bill.init.usd + bill.ephemeralStorage.usd, DIGITS);
    expect(bill.totalUsd).toBeCloseTo(bill.rows.reduce((s, r) => s + r.totalUsd, 0), DIGITS);
  });

  it('is billed at the 100 ms granularity on the rounded duration', () => {
    const bill = computeBill({ records: [record(1536, 10)], provisioned: [], startMs: T0, nowMs: T0 + 1000, freeTier: false, granularityMs: 100 });
    // 1 GB extra × 0.1 s
    expect(bill.ephemeralStorage.gbSeconds).toBeCloseTo(0.1, 12);
  });

  it('the free tier does not cover it: with requests and compute free, storage is what is left to pay', () => {
    const bill = computeBill({ records: [record(10_240)], provisioned: [], startMs: T0, nowMs: T0 + 60_000, freeTier: true, granularityMs: 1 });
    expect(bill.freeTier.applies).toBe(true);
    expect(bill.totalUsd).toBeCloseTo(0.00000029355, DIGITS);
  });

  it("the scale simulation's lean completions go through the same accumulator and rule", () => {
    const acc = new BillAccumulator(1);
    acc.add({ durationMs: 1000, billedDurationMs: 1000, memorySizeMb: 128, ephemeralStorageMb: 10_240, architecture: 'arm64', provisioned: false });
    acc.add({ durationMs: 1000, billedDurationMs: 1000, memorySizeMb: 128, ephemeralStorageMb: 10_240, architecture: 'x86_64', provisioned: true });
    const totals = acc.totals({ provisioned: [], startMs: T0, nowMs: T0 + 1000, freeTier: false });
    expect(totals.ephemeralStorage).toEqual({ gbSeconds: 19, usd: expect.closeTo(19 * 0.0000000309, DIGITS) as number });
  });
});
