import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { SqsEventSourceMapping, type SqsEventSourceMappingOptions } from './sqsEventSourceMapping';
import { DEFAULT_SQS_MAPPING_SETTINGS } from './sqsMappingSettings';
import { FUNCTION_ERROR, OK, SqsTestHub, T0, reply, type RecordedInvoke } from './sqsTestHub.test-support';

function setup(options: Partial<SqsEventSourceMappingOptions> = {}) {
  const hub = new SqsTestHub();
  const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', ...options });
  hub.attach(mapping);
  return { hub, mapping };
}
const sizes = (invokes: readonly RecordedInvoke[]) => invokes.map((i) => i.event.Records.length);

describe('SQS event source mapping: batching', () => {
  it('invokes synchronously with full batches of the batch size (no window)', () => {
    const { hub, mapping } = setup({ batchSize: 10 });
    hub.act((out) => mapping.sendMessages(25, out));
    expect(sizes(hub.pending)).toEqual([10, 10, 5]);
    const first = hub.pending[0]!;
    expect(first).toMatchObject({ functionName: 'fn', invocationType: 'RequestResponse', invocationId: 'batch-1' });
    expect(first.event satisfies SQSEvent).toEqual(JSON.parse(first.payload));
    expect(first.event.Records.map((r) => r.body)).toEqual(Array.from({ length: 10 }, (_, i) => `{"n":${i + 1}}`));
    expect(hub.logs).toContain('Polled 10 messages (batch of 10) → invoke');
    expect(mapping.view()).toMatchObject({ pollers: 5, concurrency: 3, batchesInFlight: 3, queue: { visible: 0, inFlight: 25 } });

    hub.answerAll(() => OK);
    expect(mapping.view()).toMatchObject({ delivered: 25, failed: 0, concurrency: 0, queue: { visible: 0, inFlight: 0, deleted: 25 } });
    expect(hub.logs).toContain('Batch 1: 10 messages processed; 10 messages deleted');
  });

  it('with a window, gathers until the window ends (platform time: compressed only while nothing executes) or the batch is full', () => {
    const { hub, mapping } = setup({ batchSize: 100, maximumBatchingWindowS: 5 });
    hub.act((out) => mapping.sendMessages(3, out));
    hub.advance(2_000);
    hub.act((out) => mapping.sendMessages(4, out));
    expect(mapping.view()).toMatchObject({ gathering: 1, concurrency: 0, queue: { inFlight: 7 } });
    hub.advance(2_999);
    expect(hub.pending).toEqual([]);
    hub.advance(1);
    expect(sizes(hub.pending)).toEqual([7]);
    expect(hub.pending[0]!.atMs).toBe(T0 + 5_000);
    hub.answer(OK);

    hub.scale = 10;
    hub.act((out) => mapping.sendMessages(1, out));
    hub.advance(499);
    expect(hub.pending).toEqual([]);
    hub.advance(1);
    expect(sizes(hub.pending)).toEqual([1]);
    hub.answer(OK);

    hub.act((out) => mapping.sendMessages(250, out));
    expect(sizes(hub.pending)).toEqual([100, 100]);
    hub.advance(500); // the two batches execute: platform time at real speed, the window cannot run out under them
    expect(sizes(hub.pending)).toEqual([100, 100]);
    hub.answerAll(() => OK);
    hub.advance(449); // 4.5 s of window left, at 10×
    expect(hub.pending).toEqual([]);
    hub.advance(1);
    expect(sizes(hub.pending)).toEqual([50]);
  });

  it('stops a batch short of the 6 MB invoke payload', () => {
    const { hub, mapping } = setup({ batchSize: 10, maximumBatchingWindowS: 1 });
    for (let i = 0; i < 7; i += 1) hub.act((out) => mapping.send(String(i).repeat(1_000_000), undefined, out));
    expect(sizes(hub.pending)).toEqual([6]);
    expect(new TextEncoder().encode(hub.pending[0]!.payload).length).toBeLessThanOrEqual(6 * 1024 * 1024);
    hub.advance(1_000);
    expect(sizes(hub.pending)).toEqual([6, 1]);
  }, 60_000); // megabytes of payload: slow on a shared machine
});

describe('SQS event source mapping: visibility timeout, redelivery, redrive', () => {
  it('leaves a failed batch in flight until the visibility timeout, then delivers it again', () => {
    const { hub, mapping } = setup({ visibilityTimeoutS: 30 });
    hub.act((out) => mapping.sendMessages(10, out));
    hub.advance(1_200);
    hub.answer(FUNCTION_ERROR);
    expect(hub.logs).toContain('Batch 1: function error (Error: poison); 10 messages stay in flight until the visibility timeout (30 s)');
    expect(mapping.view()).toMatchObject({ failed: 10, functionErrors: 1, queue: { visible: 0, inFlight: 10 } });
    hub.advance(28_799);
    expect(hub.pending).toEqual([]);
    hub.advance(1);
    expect(hub.logs).toContain('10 messages visible again after the visibility timeout');
    expect(sizes(hub.pending)).toEqual([10]);
    expect(hub.pending[0]!.event.Records[0]!.attributes).toMatchObject({ ApproximateReceiveCount: '2', ApproximateFirstReceiveTimestamp: String(T0) });
    expect(hub.pending[0]!.event.Records[0]!.receiptHandle).not.toBe(hub.invokes[0]!.event.Records[0]!.receiptHandle);
  });

  it('the visibility timeout is platform time: 30 s pass in 0.5 s at 60× once the failed batch has ended', () => {
    const { hub, mapping } = setup({ visibilityTimeoutS: 30 });
    hub.scale = 60;
    hub.act((out) => mapping.sendMessages(1, out));
    hub.answer(FUNCTION_ERROR);
    hub.advance(499);
    expect(hub.pending).toEqual([]);
    hub.advance(1);
    expect(hub.pending).toHaveLength(1);
  });

  it('moves a message to the dead-letter queue after maxReceiveCount receives', () => {
    const { hub, mapping } = setup({ maxReceiveCount: 3 });
    hub.act((out) => mapping.send('poison', undefined, out));
    const id = hub.pending[0]!.event.Records[0]!.messageId;
    for (let receive = 1; receive <= 3; receive += 1) {
      expect(hub.pending[0]!.event.Records[0]!.attributes.ApproximateReceiveCount).toBe(String(receive));
      hub.answer(FUNCTION_ERROR);
      hub.advance(30_000);
    }
    expect(hub.pending).toEqual([]);
    expect(hub.logs).toContain(`Message ${id} moved to the dead-letter queue after 3 receives`);
    expect(mapping.view()).toMatchObject({ deadLettered: 1, invokes: 3, queue: { visible: 0, inFlight: 0, deadLetter: [{ messageId: id, body: 'poison', receiveCount: 3 }] } });
  });

  it('50 messages, batch size 10: the poison message ends in the DLQ after 3 receives, the other 49 are processed', () => {
    const { hub, mapping } = setup({ batchSize: 10, maxReceiveCount: 3, reportBatchItemFailures: true });
    const handler = (inv: RecordedInvoke) => {
      const response: SQSBatchResponse = { batchItemFailures: inv.event.Records.filter((r) => r.body === '{"n":13}').map((r) => ({ itemIdentifier: r.messageId })) };
      return reply(response);
    };
    hub.act((out) => mapping.sendMessages(50, out));
    expect(sizes(hub.pending)).toEqual([10, 10, 10, 10, 10]);
    for (let round = 0; round < 4; round += 1) {
      hub.answerAll(handler);
      hub.advance(30_000);
    }
    const view = mapping.view();
    expect(view).toMatchObject({ delivered: 49, failed: 3, deadLettered: 1, queue: { visible: 0, inFlight: 0, deleted: 49, sent: 50 } });
    expect(view.queue.deadLetter).toEqual([expect.objectContaining({ body: '{"n":13}', receiveCount: 3 })]);
    expect(sizes(hub.invokes)).toEqual([10, 10, 10, 10, 10, 1, 1]);
    expect(hub.logs.filter((l) => l.includes('moved to the dead-letter queue after 3 receives'))).toHaveLength(1);
  });

  it('without partial batch responses, the poison message takes its whole batch to the DLQ', () => {
    const { hub, mapping } = setup({ batchSize: 10, maxReceiveCount: 3 });
    const handler = (inv: RecordedInvoke) => (inv.event.Records.some((r) => r.body === '{"n":13}') ? FUNCTION_ERROR : OK);
    hub.act((out) => mapping.sendMessages(50, out));
    for (let round = 0; round < 4; round += 1) {
      hub.answerAll(handler);
      hub.advance(30_000);
    }
    expect(mapping.view()).toMatchObject({ delivered: 40, deadLettered: 10, failed: 30, queue: { visible: 0, inFlight: 0 } });
  });

  it('a message received again while its first invoke runs is not deleted by the stale receipt handle', () => {
    const { hub, mapping } = setup({ visibilityTimeoutS: 5, functionTimeoutS: 5 });
    hub.act((out) => mapping.send('slow', undefined, out));
    hub.advance(5_000);
    expect(hub.pending).toHaveLength(2);
    hub.answer(OK, 'batch-1');
    expect(hub.logs).toContain('Batch 1: 1 message processed; 0 messages deleted; 1 not deleted: received again since, the receipt handle is stale');
    hub.answer(OK, 'batch-2');
    expect(mapping.view()).toMatchObject({ delivered: 1, queue: { inFlight: 0, visible: 0 } });
  });
});

describe('SQS event source mapping: enable and disable', () => {
  it('a disabled mapping polls nothing; enabling it delivers what waits', () => {
    const { hub, mapping } = setup({ enabled: false });
    hub.act((out) => mapping.sendMessages(3, out));
    expect(hub.pending).toEqual([]);
    expect(mapping.view()).toMatchObject({ pollers: 0, queue: { visible: 3 } });
    hub.act((out) => expect(mapping.updateSettings({ ...DEFAULT_SQS_MAPPING_SETTINGS, enabled: true }, out)).toEqual([]));
    expect(sizes(hub.pending)).toEqual([3]);
    expect(mapping.view().pollers).toBe(5);
  });
});
