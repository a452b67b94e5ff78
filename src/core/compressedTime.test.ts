/**
 * The compressed-time rule (PlatformClock): platform waits pass `scale` times
 * faster only while nothing executes, so no deadline can race a handler that
 * is running. Each case makes its handlers slow with the test's real clock
 * and checks that the outcome is the one Lambda gives for those durations,
 * at 60× and 600× as at 1×.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { PlatformClock } from './platformClock';
import { ScenarioDriver } from './scenario.test-support';
import { SqsEventSourceMapping } from './sources/sqsEventSourceMapping';
import { OK as SQS_OK, SqsTestHub, FUNCTION_ERROR } from './sources/sqsTestHub.test-support';
import { kinesisSetup, STREAM_T0 } from './sources/streamTestHub.test-support';
import type { HandlerOutcome } from './platformTypes';

const SCALES = [1, 60, 600];
const FAIL: HandlerOutcome = { kind: 'error', error: { errorType: 'Error', errorMessage: 'boom', trace: [] } };

describe('PlatformClock', () => {
  it('runs at the scale while nothing executes and at real speed while anything does, without jumps', () => {
    const real = new ManualClock(1000);
    const clock = new PlatformClock(real, 60);
    real.advance(10);
    expect(clock.now()).toBe(1000 + 600);
    clock.begin();
    clock.begin();
    real.advance(10);
    expect(clock.now()).toBe(1610);
    clock.end();
    real.advance(10);
    expect(clock.now()).toBe(1620);
    clock.end();
    expect(clock.rate()).toBe(60);
    real.advance(1);
    expect(clock.now()).toBe(1680);
    clock.end(); // an extra end never drives the count below zero
    expect(clock.executingCount()).toBe(0);
  });

  it('tells listeners only when the rate changes, and says how far a deadline is in real time', () => {
    const real = new ManualClock(0);
    const clock = new PlatformClock(real, 10);
    let changes = 0;
    const off = clock.onRateChange(() => (changes += 1));
    expect(clock.realDelayUntil(1000)).toBe(100);
    clock.begin();
    expect(clock.realDelayUntil(1000)).toBe(1000);
    clock.begin();
    clock.end();
    expect(changes).toBe(1);
    clock.end();
    expect(changes).toBe(2);
    clock.setScale(10);
    expect(changes).toBe(2);
    clock.setScale(Number.NaN);
    expect(clock.waitScale()).toBe(1);
    expect(changes).toBe(3);
    off();
    clock.setScale(5);
    expect(changes).toBe(3);
  });
});

describe('SQS: the visibility timeout never runs out under a handler still running', () => {
  function run(scale: number, handlerMs: number) {
    const hub = new SqsTestHub();
    const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', batchSize: 1, visibilityTimeoutS: 30, maxReceiveCount: 1 });
    hub.attach(mapping);
    hub.scale = scale;
    hub.act((out) => mapping.sendMessages(3, out));
    hub.advance(handlerMs); // three handlers, each running handlerMs of real time
    const deliveries = hub.invokes.length;
    hub.answerAll(() => SQS_OK);
    hub.advance(60_000);
    return { deliveries, total: hub.invokes.length, view: mapping.view() };
  }

  for (const scale of SCALES) {
    it(`at ${scale}×, 3 messages handled in 700 ms each: 3 deliveries, all deleted, none dead-lettered`, () => {
      const r = run(scale, 700);
      expect(r.deliveries).toBe(3);
      expect(r.total).toBe(3);
      expect(r.view).toMatchObject({ delivered: 3, deadLettered: 0, failed: 0 });
    });

    it(`at ${scale}×, a handler slower than the 30 s visibility timeout sees its message again, as on Lambda`, () => {
      const r = run(scale, 31_000);
      expect(r.deliveries).toBe(3); // maxReceiveCount 1: the redelivery goes to the dead-letter queue instead
      expect(r.view.deadLettered).toBe(3);
    });
  }

  it('at 60×, a failed message comes back after 30 s of platform time once nothing executes: 0.5 s', () => {
    const hub = new SqsTestHub();
    const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', visibilityTimeoutS: 30 });
    hub.attach(mapping);
    hub.scale = 60;
    hub.act((out) => mapping.sendMessages(1, out));
    hub.advance(5_000); // the handler runs 5 real seconds before it fails: 5 s of the 30 are gone
    hub.answer(FUNCTION_ERROR);
    hub.advance(416);
    expect(hub.invokes).toHaveLength(1);
    hub.advance(2);
    expect(hub.invokes).toHaveLength(2);
  });
});

describe('asynchronous invocation: retries and event age are measured against what really ran', () => {
  for (const scale of SCALES) {
    it(`at ${scale}×, an event throttled behind a 20 s invocation is delivered, not aged out at 60 s`, () => {
      const d = new ScenarioDriver({ config: { timeoutS: 60 }, settings: { reservedConcurrency: 1, maximumEventAgeS: 60, waitScale: scale } });
      d.invoke(); // holds the only environment for 20 real seconds
      d.initDone('env-1', 10);
      d.invokeAsync(); // throttled: retried after 1, 2, 4, 8, 16 s of backoff (31 s)
      d.invokeDone('env-1', 20_000);
      d.advance(15_000); // the retry at 31 s of platform time reaches the free environment
      expect(d.commands('invoke')).toHaveLength(2);
      d.invokeDone('env-1', 10);
      const done = d.notices('asyncDone');
      expect(done).toHaveLength(1);
      expect(done[0]).toMatchObject({ result: 'delivered' });
    });
  }

  it('at 600×, a retry after a function error waits Lambda\'s minute of platform time, never overlapping the failed attempt', () => {
    const d = new ScenarioDriver({ settings: { waitScale: 600 } });
    d.invokeAsync();
    d.initDone('env-1', 10);
    d.invokeDone('env-1', 2_000, FAIL);
    const retry = d.notices('asyncRetry')[0]!;
    expect(retry.retryAtMs - retry.atMs).toBe(60_000);
    d.advance(99); // 59.4 s of platform time
    expect(d.commands('invoke')).toHaveLength(1);
    d.advance(1);
    expect(d.commands('invoke')).toHaveLength(2);
  });
});

describe('keep-alive: an idle environment is not reclaimed while another invocation runs', () => {
  for (const scale of [60, 600]) {
    it(`at ${scale}×, with keep-alive 10 min, env-1 outlives env-2's 20 s invocation and goes 10 platform minutes after its last use`, () => {
      const d = new ScenarioDriver({ config: { timeoutS: 60 }, settings: { keepAliveMs: 600_000, waitScale: scale } });
      d.invoke();
      d.invoke();
      d.initDone('env-1', 10);
      d.initDone('env-2', 10);
      d.invokeDone('env-1', 5);
      const idleAt = d.clock.now();
      d.invokeDone('env-2', 20_000);
      expect(d.commands('destroyEnvironment')).toHaveLength(0);
      const remaining = 600_000 - (d.clock.now() - idleAt);
      d.advance(remaining / scale - 1);
      expect(d.commands('destroyEnvironment')).toHaveLength(0);
      d.advance(2);
      expect(d.commands('destroyEnvironment').map((c) => c.envId)).toEqual(['env-1']);
    });
  }
});

describe('streams: record age counts the time a batch really ran', () => {
  for (const scale of SCALES) {
    it(`at ${scale}×, a batch that fails after 50 s is retried (age 50 s < 60 s), then discarded once over 60 s`, () => {
      const { hub, put, mapping } = kinesisSetup({ maximumRecordAgeS: 60 });
      hub.scale = scale;
      put('a');
      hub.advance(1000);
      expect(hub.pending).toHaveLength(1);
      hub.advance(50_000);
      hub.answer({ kind: 'functionError', error: { errorType: 'Error', errorMessage: 'boom', trace: [] } });
      expect(mapping.view().discarded).toHaveLength(0);
      hub.advance(1000);
      expect(hub.invokes).toHaveLength(2);
      hub.advance(50_000);
      hub.answer({ kind: 'functionError', error: { errorType: 'Error', errorMessage: 'boom', trace: [] } });
      hub.advance(1000);
      expect(mapping.view().discarded).toHaveLength(1);
      expect(mapping.view().discarded[0]!.atMs - STREAM_T0).toBeGreaterThan(100_000);
    });
  }
});
