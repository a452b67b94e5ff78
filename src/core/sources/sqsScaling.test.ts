import { describe, expect, it } from 'vitest';
import { SqsEventSourceMapping, type SqsEventSourceMappingOptions } from './sqsEventSourceMapping';
import { DEFAULT_SQS_MAPPING_SETTINGS } from './sqsMappingSettings';
import { OK, SqsTestHub, THROTTLED } from './sqsTestHub.test-support';

function setup(options: Partial<SqsEventSourceMappingOptions> = {}) {
  const hub = new SqsTestHub();
  const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', batchSize: 1, ...options });
  hub.attach(mapping);
  return { hub, mapping };
}

describe('SQS event source mapping: poller scaling (lambda-model.md §4)', () => {
  it('starts at 5 concurrent batches and adds up to 300 a minute while messages wait', () => {
    const { hub, mapping } = setup();
    hub.act((out) => mapping.sendMessages(2_000, out));
    expect(mapping.view()).toMatchObject({ pollers: 5, concurrency: 5, maxPollers: 1_250 });
    hub.advance(1_000);
    expect(mapping.view()).toMatchObject({ pollers: 10, concurrency: 10 });
    expect(hub.logs).toContain('Scaled up to 10 pollers (+5)');
    hub.advance(59_000);
    expect(mapping.view()).toMatchObject({ pollers: 305, concurrency: 305 });
    expect(hub.pending).toHaveLength(305);
    hub.advance(60_000);
    expect(mapping.view().pollers).toBe(605);
  });

  it('stops at 1,250 pollers per mapping', () => {
    const { hub, mapping } = setup();
    hub.act((out) => mapping.sendMessages(2_000, out));
    hub.advance(300_000);
    expect(mapping.view()).toMatchObject({ pollers: 1_250, concurrency: 1_250 });
    expect(hub.logs).toContain('Scaled up to 1250 pollers (+5): the maximum, 1,250 per mapping');
    expect(hub.timers.has('scale')).toBe(false);
  });

  it('stops at MaximumConcurrency', () => {
    const { hub, mapping } = setup({ maximumConcurrency: 50 });
    hub.act((out) => mapping.sendMessages(1_000, out));
    hub.advance(60_000);
    expect(mapping.view()).toMatchObject({ pollers: 50, concurrency: 50, maxPollers: 50 });
    expect(hub.logs).toContain('Scaled up to 50 pollers (+5): the maximum, MaximumConcurrency');
  });

  it('starts below 5 under a MaximumConcurrency below 5', () => {
    const { hub, mapping } = setup({ maximumConcurrency: 2 });
    hub.act((out) => mapping.sendMessages(10, out));
    expect(mapping.view()).toMatchObject({ pollers: 2, concurrency: 2 });
    hub.advance(60_000);
    expect(mapping.view().pollers).toBe(2);
  });

  it('does not scale while the pollers keep up', () => {
    const { hub, mapping } = setup();
    hub.act((out) => mapping.sendMessages(3, out));
    expect(hub.timers.has('scale')).toBe(false);
    hub.advance(29_000);
    expect(mapping.view().pollers).toBe(5);
    hub.answerAll(() => OK);
    hub.advance(60_000);
    expect(mapping.view()).toMatchObject({ pollers: 5, delivered: 3 });
  });

  it('scales by platform minutes: at 60× with batches executing, platform time runs at real speed (5 more a second, not 300)', () => {
    const { hub, mapping } = setup();
    hub.scale = 60;
    hub.act((out) => mapping.sendMessages(1_000, out));
    hub.advance(1_000);
    expect(mapping.view().pollers).toBe(10);
  });

  it('scales back down to 5 after an empty 20 s long poll', () => {
    const { hub, mapping } = setup();
    hub.act((out) => mapping.sendMessages(100, out));
    hub.advance(2_000);
    expect(mapping.view().pollers).toBe(15);
    hub.answerAll(() => OK);
    expect(mapping.view()).toMatchObject({ delivered: 100, pollers: 15 });
    hub.advance(19_999);
    expect(mapping.view().pollers).toBe(15);
    hub.advance(1);
    expect(mapping.view().pollers).toBe(5);
    expect(hub.logs).toContain('Scaled down to 5 pollers: no messages for 20 s');
    expect(hub.timers.size).toBe(0);
  });

  it('lowering MaximumConcurrency retires idle pollers at once and busy ones when they finish', () => {
    const { hub, mapping } = setup();
    hub.act((out) => mapping.sendMessages(30, out));
    hub.advance(3_000);
    expect(mapping.view()).toMatchObject({ pollers: 20, concurrency: 20 });
    hub.act((out) => mapping.updateSettings({ ...DEFAULT_SQS_MAPPING_SETTINGS, batchSize: 1, maximumConcurrency: 4 }, out));
    expect(mapping.view().pollers).toBe(20);
    for (let i = 0; i < 16; i += 1) hub.answer(OK);
    expect(mapping.view()).toMatchObject({ pollers: 4, concurrency: 4 });
  });
});

describe('SQS event source mapping: throttles', () => {
  it('a throttled batch stays in flight until its visibility timeout, then comes back', () => {
    const { hub, mapping } = setup({ batchSize: 10 });
    hub.act((out) => mapping.sendMessages(10, out));
    hub.answer(THROTTLED);
    expect(hub.logs).toContain('Batch 1: invoke refused (429 TooManyRequestsException); 10 messages stay in flight until the visibility timeout (30 s)');
    expect(mapping.view()).toMatchObject({ throttles: 1, failed: 10, delivered: 0, pollers: 5, queue: { inFlight: 10, visible: 0 } });
    hub.advance(30_000);
    expect(hub.pending).toHaveLength(1);
    expect(hub.pending[0]!.event.Records[0]!.attributes.ApproximateReceiveCount).toBe('2');
    hub.answer(OK);
    expect(mapping.view()).toMatchObject({ delivered: 10, queue: { inFlight: 0 } });
  });

  it('backs off: each throttle retires its poller (not below 5) and restarts the scale-up', () => {
    const { hub, mapping } = setup();
    hub.act((out) => mapping.sendMessages(1_000, out));
    hub.advance(2_000);
    expect(mapping.view().pollers).toBe(15);
    for (let i = 0; i < 12; i += 1) hub.answer(THROTTLED);
    expect(mapping.view()).toMatchObject({ throttles: 12, pollers: 5 });
    hub.advance(999);
    expect(mapping.view().pollers).toBe(5);
    hub.advance(1);
    expect(mapping.view().pollers).toBe(10);
  });
});
