import { describe, expect, it } from 'vitest';
import { billedDurationMs, gbSeconds, invocationCost, PRICES } from './pricing';
import { ScenarioDriver } from './scenario.test-support';

/** Cost figures are around 1e-7 USD: compare to 1e-18 so a wrong rate or a missing term cannot pass. */
const DIGITS = 18;

describe('prices (us-east-1, first tier)', () => {
  it('are $0.20 per million requests and $0.0000166667 / $0.0000133334 per GB-second', () => {
    expect(PRICES.requestUsd).toBeCloseTo(0.0000002, DIGITS);
    expect(PRICES.gbSecondUsd.x86_64).toBe(0.0000166667);
    expect(PRICES.gbSecondUsd.arm64).toBe(0.0000133334);
  });
});

describe('billedDurationMs: rounded up to the millisecond', () => {
  it.each([
    [12.34, 13],
    [112.54, 113],
    [113, 113],
    [113.0001, 114],
    [0.01, 1],
    [0, 1],
    [3000, 3000],
  ])('%f ms → %i ms', (durationMs, billed) => {
    expect(billedDurationMs(durationMs)).toBe(billed);
  });

  it('rounds up to a coarser granularity when asked (100 ms before December 2020)', () => {
    expect(billedDurationMs(12.34, 100)).toBe(100);
    expect(billedDurationMs(100, 100)).toBe(100);
    expect(billedDurationMs(100.01, 100)).toBe(200);
  });
});

describe('gbSeconds: memory in GiB (1,024 MB) times billed seconds', () => {
  it.each([
    [128, 113, 0.014125],
    [1024, 1000, 1],
    [10_240, 900_000, 9000],
    [1769, 1, 0.0017275390625],
  ])('%i MB × %i ms = %f GB-s', (memoryMb, billedMs, expected) => {
    expect(gbSeconds(memoryMb, billedMs)).toBeCloseTo(expected, 15);
  });
});

describe('invocationCost', () => {
  it('128 MB, 113 ms, x86_64', () => {
    const cost = invocationCost(128, 113, 'x86_64');
    expect(cost.gbSeconds).toBeCloseTo(0.014125, 15);
    expect(cost.requestUsd).toBeCloseTo(0.0000002, DIGITS);
    expect(cost.computeUsd).toBeCloseTo(0.0000002354171375, DIGITS);
    expect(cost.totalUsd).toBeCloseTo(0.0000004354171375, DIGITS);
  });

  it('the same on arm64 is 20% cheaper per GB-second', () => {
    const cost = invocationCost(128, 113, 'arm64');
    expect(cost.computeUsd).toBeCloseTo(0.000000188334275, DIGITS);
    expect(cost.totalUsd).toBeCloseTo(0.000000388334275, DIGITS);
  });

  it('1 GB for 1 s is one GB-second; 10 GB for 900 s is 9,000', () => {
    expect(invocationCost(1024, 1000, 'x86_64').computeUsd).toBeCloseTo(0.0000166667, DIGITS);
    expect(invocationCost(10_240, 900_000, 'x86_64').computeUsd).toBeCloseTo(0.1500003, 12);
  });
});

describe('what the platform bills (init billed since 1 August 2025)', () => {
  it('cold: ceil(Duration + Init Duration) = ceil(12.34 + 100.2) = 113 ms', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.initDone('env-1', 100.2);
    d.invokeDone('env-1', 12.34);
    const { record } = d.completion(t);
    expect(record.billedDurationMs).toBe(113);
    expect(record.cost.gbSeconds).toBeCloseTo(0.014125, 15);
    expect(record.cost.computeUsd).toBeCloseTo(0.0000002354171375, DIGITS);
    expect(record.cost.totalUsd).toBeCloseTo(0.0000004354171375, DIGITS);
  });

  it('warm: only Duration is billed', () => {
    const d = new ScenarioDriver();
    d.invoke();
    d.initDone('env-1', 100.2);
    d.invokeDone('env-1', 12.34);
    const t = d.invoke();
    d.invokeDone('env-1', 0.2);
    const { record } = d.completion(t);
    expect(record.billedDurationMs).toBe(1);
    expect(record.cost.computeUsd).toBeCloseTo(0.0000000020833375, DIGITS);
  });

  it('arm64 at 2,048 MB: 250.5 ms + 0.2 ms init → 251 ms', () => {
    const d = new ScenarioDriver({ config: { architecture: 'arm64', memoryMb: 2048 } });
    const t = d.invoke();
    d.initDone('env-1', 0.2);
    d.invokeDone('env-1', 250.5);
    const { record } = d.completion(t);
    expect(record).toMatchObject({ billedDurationMs: 251, architecture: 'arm64', memorySizeMb: 2048 });
    expect(record.cost.computeUsd).toBeCloseTo(0.0000066933668, DIGITS);
  });

  it('a cold request that times out bills the timeout plus init: 3000 + 100.2 → 3101 ms', () => {
    const d = new ScenarioDriver();
    const t = d.invoke();
    d.initDone('env-1', 100.2);
    d.advance(3000);
    const { record } = d.completion(t);
    expect(record.billedDurationMs).toBe(3101);
    expect(record.cost.computeUsd).toBeCloseTo(0.0000064604295875, DIGITS);
  });

  it('a request rejected by the Invoke API costs nothing and makes no record', () => {
    const d = new ScenarioDriver();
    d.invoke('not json');
    expect(d.commands('complete')).toEqual([]);
  });
});
