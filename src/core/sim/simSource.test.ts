import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, type Scenario } from './scenario';
import { Simulation } from './simulation';
import type { SimSqsSource } from './simSource';
import { readScenario } from './scenarioFile';
import { backlogScenario } from './sourceScenario.test-support';
import { OK, SqsTestHub, T0 } from '../sources/sqsTestHub.test-support';
import { SqsEventSourceMapping } from '../sources/sqsEventSourceMapping';

const SQS: SimSqsSource = { kind: 'sqs', batchSize: 10, maximumBatchingWindowS: 0, maximumConcurrency: 5, visibilityTimeoutS: 30, maxReceiveCount: null, messageFailureRate: 0 };

const backlog = (source: Partial<SimSqsSource>, over: Partial<Scenario> = {}): Scenario => backlogScenario({ ...SQS, ...source }, over);

describe('an SQS queue with an event source mapping in the simulation', () => {
  it('drains 1,000 messages in batches of 10, 5 at a time, 2 s each: 100 batches in 20 rounds, 40 s', () => {
    const sim = new Simulation(backlog({}));
    const r = sim.runToEnd();
    expect(r.source).toMatchObject({ sent: 1000, deleted: 1000, deadLettered: 0, invokes: 100, maxQueueDepth: 1000, maxPollers: 5 });
    expect(r.source?.kind === 'sqs' ? r.source.drainedAtMs : null).toBe(40_000);
    expect(r.requests.invocations).toBe(100);
    expect(r.requests.succeeded).toBe(100);
  });

  it('moves messages that always fail to the dead-letter queue after maxReceiveCount receives', () => {
    const r = new Simulation(backlog({ messageFailureRate: 1, maxReceiveCount: 3 }, { traffic: { kind: 'burst', count: 50 } })).runToEnd();
    expect(r.source).toMatchObject({ sent: 50, deleted: 0, deadLettered: 50 });
    // 5 batches of 10, each received 3 times.
    expect(r.source?.invokes).toBe(15);
    expect(r.requests.functionErrors).toBe(15);
  });

  it('leaves scenarios without a source reporting no source figures', () => {
    const r = new Simulation({ ...DEFAULT_SCENARIO, durationS: 10, traffic: { kind: 'constant', rps: 5 } }).runToEnd();
    expect(r.source).toBeUndefined();
    expect(r.requests.invocations).toBe(50);
  });
});

describe('a scenario file with a source', () => {
  it('reads the SQS source with its defaults, and old files without one still read with none', () => {
    const withSource = readScenario(JSON.stringify({ version: 1, source: { kind: 'sqs', maximumConcurrency: 5 } }));
    expect(withSource.problems).toEqual([]);
    expect(withSource.scenario.source).toEqual({ kind: 'sqs', batchSize: 10, maximumBatchingWindowS: 0, maximumConcurrency: 5, visibilityTimeoutS: 30, maxReceiveCount: null, messageFailureRate: 0 });
    const old = readScenario(JSON.stringify({ version: 1, durationS: 60 }));
    expect(old.problems).toEqual([]);
    expect(old.scenario.source).toBeUndefined();
  });

  it("refuses what the live mapping refuses: a visibility timeout shorter than the function's timeout", () => {
    const r = readScenario(JSON.stringify({ version: 1, function: { timeoutS: 60 }, source: { kind: 'sqs', visibilityTimeoutS: 30 } }));
    expect(r.problems.some((p) => p.startsWith('source:') && /visibility timeout/i.test(p))).toBe(true);
  });
});

describe('the simulation and the SQS test hub', () => {
  it('give the same outcome for the same backlog, handler durations and settings', () => {
    const hub = new SqsTestHub();
    const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'q', functionName: 'f', batchSize: 10, maximumConcurrency: 5, visibilityTimeoutS: 30 });
    hub.attach(mapping);
    hub.act((out) => mapping.sendMessages(1000, out));
    let drainedAtMs: number | null = null;
    // Every handler takes 2 s: answer each invoke 2 s after it began, stepping platform time 100 ms at a time.
    for (let step = 0; step < 600 && drainedAtMs === null; step++) {
      hub.advance(100);
      for (const inv of [...hub.pending]) if (hub.clock.now() - inv.atMs >= 2000) hub.answer(OK, inv.invocationId);
      const q = mapping.view().queue;
      if (q.visible + q.inFlight === 0) drainedAtMs = hub.clock.now() - T0;
    }
    const hubView = mapping.view();
    const sim = new Simulation(backlog({})).runToEnd().source;
    expect(sim).toMatchObject({ sent: hubView.queue.sent, deleted: hubView.queue.deleted, invokes: hubView.invokes, drainedAtMs });
  });
});
