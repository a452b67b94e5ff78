import { describe, expect, it } from 'vitest';
import { SqsEventSourceMapping } from './sqsEventSourceMapping';
import { SQS_DEDUPLICATION_INTERVAL_MS } from './sqsFifo';
import { SqsQueue } from './sqsQueue';
import { OK, SqsTestHub } from './sqsTestHub.test-support';
import type { SourceCommand } from './sourceTypes';
import { sha256Hex } from './sha256';

function fifo(options: { contentBasedDeduplication?: boolean } = {}) {
  const hub = new SqsTestHub();
  const queue = new SqsQueue(hub.ctx, { name: 'orders.fifo', ...options });
  const out: SourceCommand[] = [];
  return { hub, queue, out };
}

describe('SQS FIFO queues: SendMessage', () => {
  it('a queue named ….fifo is a FIFO queue; a message needs a group, and a deduplication id unless content-based deduplication is on', () => {
    const { queue, out } = fifo();
    expect(queue.view().fifo).toBe(true);
    expect(new SqsQueue(fifo().hub.ctx, { name: 'orders' }).fifo).toBe(false);
    expect(queue.send('a', undefined, out)).toEqual({ ok: false, error: { code: 'MissingParameter', message: 'The request must contain the parameter MessageGroupId.' } });
    expect(queue.send('a', undefined, out, { messageGroupId: 'g' })).toEqual({
      ok: false,
      error: { code: 'InvalidParameterValue', message: 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly' },
    });
    expect(queue.send('a', undefined, out, { messageGroupId: 'g', messageDeduplicationId: 'd1', delaySeconds: 5 })).toEqual({
      ok: false,
      error: { code: 'InvalidParameterValue', message: 'Value 5 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.' },
    });
    expect(queue.send('a', undefined, out, { messageGroupId: 'g', messageDeduplicationId: 'd1' }).ok).toBe(true);
  });

  it('a deduplication id seen in the last 5 minutes is accepted with the first message id and not delivered again; after 5 minutes it is new', () => {
    const { hub, queue, out } = fifo();
    const first = queue.send('a', undefined, out, { messageGroupId: 'g', messageDeduplicationId: 'same' });
    hub.advance(SQS_DEDUPLICATION_INTERVAL_MS - 1);
    const again = queue.send('b', undefined, out, { messageGroupId: 'g', messageDeduplicationId: 'same' });
    expect(again).toEqual(first);
    expect(queue.view().sent).toBe(1);
    hub.advance(1);
    const later = queue.send('c', undefined, out, { messageGroupId: 'g', messageDeduplicationId: 'same' });
    expect(later.ok && first.ok && later.messageId !== first.messageId).toBe(true);
    expect(queue.view().sent).toBe(2);
  });

  it('content-based deduplication uses the SHA-256 of the body, which the message carries as its MessageDeduplicationId', () => {
    const { queue, out } = fifo({ contentBasedDeduplication: true });
    queue.send('{"order":1}', undefined, out, { messageGroupId: 'g' });
    expect(queue.send('{"order":1}', undefined, out, { messageGroupId: 'g' }).ok).toBe(true);
    expect(queue.view().sent).toBe(1);
    const [m] = queue.receive(10, out);
    expect(m?.attributes).toMatchObject({ MessageGroupId: 'g', MessageDeduplicationId: sha256Hex('{"order":1}') });
    expect(m?.attributes.SequenceNumber).toMatch(/^\d{20}$/);
  });
});

describe('SQS FIFO queues: ReceiveMessage', () => {
  it("returns a group's messages in order and none of a group while one of its messages is in flight; other groups go on", () => {
    const { queue, out } = fifo();
    for (const [body, group] of [['a1', 'a'], ['b1', 'b'], ['a2', 'a'], ['b2', 'b'], ['a3', 'a']] as const) queue.send(body, undefined, out, { messageGroupId: group, messageDeduplicationId: body });
    const first = queue.receive(2, out);
    expect(first.map((m) => m.body)).toEqual(['a1', 'b1']);
    // a and b both have a message in flight: nothing more until those are deleted or come back.
    expect(queue.receive(10, out)).toEqual([]);
    queue.deleteMessage(first[0]!.receiptHandle);
    expect(queue.receive(10, out).map((m) => m.body)).toEqual(['a2', 'a3']);
    const seq = first.map((m) => BigInt(m.attributes.SequenceNumber ?? '0'));
    expect(seq[1]! > seq[0]!).toBe(true);
  });

  it('a message whose visibility timeout ran out comes back first in its group, ahead of the ones sent after it', () => {
    const { hub, queue, out } = fifo();
    queue.visibilityTimeoutS = 30;
    for (const body of ['m1', 'm2']) queue.send(body, undefined, out, { messageGroupId: 'g', messageDeduplicationId: body });
    const [m1] = queue.receive(1, out);
    expect(m1?.body).toBe('m1');
    hub.advance(30_000);
    expect(queue.receive(1, out).map((m) => m.body)).toEqual(['m1']);
  });
});

describe('an event source mapping on a FIFO queue', () => {
  it('invokes with the FIFO attributes, in order within a group, one batch of a group at a time', () => {
    const hub = new SqsTestHub();
    const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'q', functionName: 'f', queueName: 'orders.fifo', batchSize: 2, maximumConcurrency: 5 });
    hub.attach(mapping);
    hub.act((out) => mapping.sendMessages(6, out, 1));
    hub.advance(1000);
    // One group: a second batch waits for the first to finish, however many pollers there are.
    expect(hub.pending).toHaveLength(1);
    expect(hub.pending[0]?.event.Records.map((r) => r.body)).toEqual(['{"n":1}', '{"n":2}']);
    expect(hub.pending[0]?.event.Records[0]?.attributes).toMatchObject({ MessageGroupId: 'group-1', MessageDeduplicationId: 'n-1' });
    expect(hub.pending[0]?.event.Records[0]?.eventSourceARN).toBe('arn:aws:sqs:us-east-1:123456789012:orders.fifo');
    const order: string[] = [];
    for (let i = 0; i < 10 && hub.pending.length > 0; i++) {
      order.push(...hub.answer(OK).event.Records.map((r) => r.body));
      hub.advance(1000);
    }
    expect(order).toEqual(['{"n":1}', '{"n":2}', '{"n":3}', '{"n":4}', '{"n":5}', '{"n":6}']);
  });

  it('three message groups are processed concurrently, each in order', () => {
    const hub = new SqsTestHub();
    const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'q', functionName: 'f', queueName: 'orders.fifo', batchSize: 10, maximumConcurrency: 5 });
    hub.attach(mapping);
    hub.act((out) => mapping.sendMessages(9, out, 3));
    hub.advance(1000);
    const groups = hub.pending.map((p) => p.event.Records.map((r) => r.attributes.MessageGroupId));
    // Every batch holds whole groups in order; all 9 messages are in flight at once over the batches.
    expect(groups.flat().sort()).toEqual(['group-1', 'group-1', 'group-1', 'group-2', 'group-2', 'group-2', 'group-3', 'group-3', 'group-3']);
    for (const p of hub.pending) {
      const byGroup = new Map<string, number[]>();
      for (const r of p.event.Records) byGroup.set(r.attributes.MessageGroupId ?? '', [...(byGroup.get(r.attributes.MessageGroupId ?? '') ?? []), JSON.parse(r.body).n as number]);
      for (const ns of byGroup.values()) expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
  });
});
