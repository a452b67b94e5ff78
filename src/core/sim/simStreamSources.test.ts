import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { readScenario } from './scenarioFile';
import { backlogScenario } from './sourceScenario.test-support';
import { Simulation } from './simulation';
import type { SimEventBridgeSource, SimKinesisSource } from './simSource';

const KINESIS: SimKinesisSource = { kind: 'kinesis', shards: 1, batchSize: 100, maximumBatchingWindowS: 0, parallelizationFactor: 1, maximumRetryAttempts: -1, bisectBatchOnFunctionError: false, messageFailureRate: 0 };

const stream = (source: Partial<SimKinesisSource>, over: Partial<Scenario> = {}): Scenario => backlogScenario({ ...KINESIS, ...source }, over);

describe('a Kinesis stream with an event source mapping in the simulation', () => {
  it('reads one shard in order, one batch at a time: 1,000 records in 10 batches of 100, each 2 s', () => {
    const r = new Simulation(stream({})).runToEnd();
    const f = r.source;
    expect(f).toMatchObject({ kind: 'kinesis', recordsPut: 1000, recordsProcessed: 1000, recordsDiscarded: 0, invokes: 10, succeeded: 10, maxBatchesInFlight: 1, maxPending: 1000 });
    expect(r.requests.invocations).toBe(10);
    expect(r.environments.peakBusy).toBe(1);
    // 10 sequential 2 s batches (and up to a 1 s poll between them): caught up after 20–30 s.
    if (f?.kind !== 'kinesis') throw new Error('no stream figures');
    expect(f.caughtUpAtMs).toBeGreaterThanOrEqual(20_000);
    expect(f.caughtUpAtMs).toBeLessThanOrEqual(31_000);
  });

  it('a parallelization factor of 5 reads the shard with 5 batches at once and catches up far sooner', () => {
    const one = new Simulation(stream({ batchSize: 10 })).runToEnd().source;
    const five = new Simulation(stream({ batchSize: 10, parallelizationFactor: 5 })).runToEnd().source;
    if (one?.kind !== 'kinesis' || five?.kind !== 'kinesis') throw new Error('no stream figures');
    expect(one.maxBatchesInFlight).toBe(1);
    expect(five.maxBatchesInFlight).toBe(5);
    expect(five.recordsProcessed).toBe(1000);
    expect(five.caughtUpAtMs as number).toBeLessThan((one.caughtUpAtMs as number) / 3);
  });

  it('shards are read concurrently: 4 shards, up to 4 batches in flight', () => {
    const f = new Simulation(stream({ shards: 4, batchSize: 10 })).runToEnd().source;
    if (f?.kind !== 'kinesis') throw new Error('no stream figures');
    expect(f.maxBatchesInFlight).toBe(4);
    expect(f.recordsProcessed).toBe(1000);
  });

  it('a batch that always fails is retried MaximumRetryAttempts times, then discarded, and the shard moves on', () => {
    const r = new Simulation(stream({ messageFailureRate: 1, maximumRetryAttempts: 2 }, { traffic: { kind: 'burst', count: 300 } })).runToEnd();
    expect(r.source).toMatchObject({ recordsPut: 300, recordsProcessed: 0, recordsDiscarded: 300, invokes: 9, functionErrors: 9 });
  });
});

const EVENTBRIDGE: SimEventBridgeSource = { kind: 'eventbridge', schedule: null, messageFailureRate: 0 };

describe('EventBridge in the simulation', () => {
  it('a rate(1 minute) schedule over an hour invokes the function 60 times, asynchronously, beside the events the traffic puts', () => {
    const r = new Simulation({
      ...DEFAULT_SCENARIO,
      durationS: 3600,
      traffic: { kind: 'burst', count: 25 },
      duration: { model: 'fixed', ms: 100 },
      source: { ...EVENTBRIDGE, schedule: 'rate(1 minute)' },
    }).runToEnd();
    expect(r.source).toMatchObject({ kind: 'eventbridge', eventsPut: 25, scheduledFires: 60, invokes: 85, accepted: 85, rejected: 0 });
    expect(r.requests.invocations).toBe(85);
  });

  it("failing events are retried by Lambda's asynchronous queue: 2 retries each by default", () => {
    const r = new Simulation({
      ...DEFAULT_SCENARIO,
      durationS: 3600,
      traffic: { kind: 'burst', count: 10 },
      duration: { model: 'fixed', ms: 100 },
      source: { ...EVENTBRIDGE, messageFailureRate: 1 },
    }).runToEnd();
    expect(r.source).toMatchObject({ eventsPut: 10, invokes: 10, accepted: 10 });
    expect(r.requests.invocations).toBe(30);
  });
});

describe('scenario files with the new sources', () => {
  it('read with their defaults', () => {
    const k = readScenario(JSON.stringify({ version: 1, source: { kind: 'kinesis', shards: 2 } }));
    expect(k.problems).toEqual([]);
    expect(k.scenario.source).toEqual({ ...KINESIS, shards: 2 });
    const e = readScenario(JSON.stringify({ version: 1, source: { kind: 'eventbridge', schedule: 'cron(0 12 * * ? *)' } }));
    expect(e.problems).toEqual([]);
    expect(e.scenario.source).toEqual({ ...EVENTBRIDGE, schedule: 'cron(0 12 * * ? *)' });
  });

  it("refuse a schedule EventBridge would refuse, in its words, and a factor above Lambda's 10", () => {
    const bad = readScenario(JSON.stringify({ version: 1, source: { kind: 'eventbridge', schedule: 'rate(0 minutes)' } }));
    expect(bad.problems.some((p) => p.startsWith('source.schedule'))).toBe(true);
    const big = readScenario(JSON.stringify({ version: 1, source: { kind: 'kinesis', parallelizationFactor: 11 } }));
    expect(big.problems.some((p) => p.startsWith('source.parallelizationFactor'))).toBe(true);
  });
});
