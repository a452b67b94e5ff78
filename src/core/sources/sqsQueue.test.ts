import { describe, expect, it } from 'vitest';
import { SQS_MAX_MESSAGE_BYTES } from './sqsMessage';
import { SqsQueue } from './sqsQueue';
import { SqsTestHub, T0 } from './sqsTestHub.test-support';
import type { SourceCommand } from './sourceTypes';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(options: Partial<ConstructorParameters<typeof SqsQueue>[1]> = {}) {
  const hub = new SqsTestHub();
  const queue = new SqsQueue(hub.ctx, { name: 'orders', ...options });
  const out: SourceCommand[] = [];
  return { hub, queue, out };
}

describe('SqsQueue: SendMessage', () => {
  it('gives a uuid and the MD5 of the body', () => {
    const { queue, out } = setup();
    const r = queue.send('hello', undefined, out);
    expect(r.ok && r.messageId).toMatch(UUID);
    expect(r.ok && r.md5OfMessageBody).toBe('5d41402abc4b2a76b9719d911017c592');
    expect(queue.view()).toMatchObject({ visible: 1, inFlight: 0, delayed: 0, sent: 1, arn: 'arn:aws:sqs:us-east-1:123456789012:orders' });
    expect(out).toContainEqual({ type: 'log', atMs: T0, text: `Sent message ${r.ok ? r.messageId : ''}` });
  });

  it.each([
    ['', 'One or more parameters are invalid. Reason: Message must be at least one character.'],
    ['x'.repeat(SQS_MAX_MESSAGE_BYTES + 1), `One or more parameters are invalid. Reason: Message must be shorter than ${SQS_MAX_MESSAGE_BYTES} bytes.`],
    ['é'.repeat(SQS_MAX_MESSAGE_BYTES / 2 + 1), `One or more parameters are invalid. Reason: Message must be shorter than ${SQS_MAX_MESSAGE_BYTES} bytes.`],
  ])('refuses a body of %#', (body, message) => {
    const { queue, out } = setup();
    expect(queue.send(body, undefined, out)).toEqual({ ok: false, error: { code: 'InvalidParameterValue', message } });
    expect(queue.view().sent).toBe(0);
  });

  it('takes a body of exactly 1 MiB', () => {
    const { queue, out } = setup();
    expect(queue.send('x'.repeat(SQS_MAX_MESSAGE_BYTES), undefined, out).ok).toBe(true);
  });

  it('checks message attributes as SQS does', () => {
    const { queue, out } = setup();
    const many = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]));
    expect(queue.send('x', many, out)).toMatchObject({ ok: false, error: { message: 'Number of message attributes [11] exceeds the allowed maximum [10].' } });
    expect(queue.send('x', { a: { DataType: 'Date', StringValue: 'v' } }, out)).toMatchObject({
      ok: false,
      error: { message: "The type of message (user) attribute 'a' is invalid. You must use only the following supported type prefixes: Binary, Number, String." },
    });
    expect(queue.send('x', { a: { DataType: 'String' } }, out)).toMatchObject({
      ok: false,
      error: { message: "Message (user) attribute 'a' must contain a non-empty message attribute value for message attribute type 'String'." },
    });
    expect(queue.send('x', { a: { DataType: 'Number.int', StringValue: '3' } }, out).ok).toBe(true);
  });
});

describe('SqsQueue: SendMessageBatch', () => {
  it('takes up to 10 entries and refuses 11', () => {
    const { queue, out } = setup();
    const ten = Array.from({ length: 10 }, (_, i) => `m${i}`);
    const r = queue.sendBatch(ten, out);
    expect(r.ok && r.successful.length).toBe(10);
    expect(queue.sendBatch([...ten, 'm10'], out)).toEqual({
      ok: false,
      error: { code: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', message: 'Maximum number of entries per request are 10. You have sent 11.' },
    });
    expect(queue.sendBatch([], out)).toMatchObject({ ok: false, error: { code: 'AWS.SimpleQueueService.EmptyBatchRequest' } });
    expect(queue.view().sent).toBe(10);
  });

  it('refuses a batch over 1 MiB in all, and fails a bad entry alone', () => {
    const { queue, out } = setup();
    const half = 'x'.repeat(SQS_MAX_MESSAGE_BYTES / 2);
    expect(queue.sendBatch([half, half, 'y'], out)).toEqual({
      ok: false,
      error: { code: 'AWS.SimpleQueueService.BatchRequestTooLong', message: `Batch requests cannot be longer than ${SQS_MAX_MESSAGE_BYTES} bytes. You have sent ${SQS_MAX_MESSAGE_BYTES + 1} bytes.` },
    });
    const r = queue.sendBatch(['a', '', 'c'], out);
    expect(r.ok && r.successful.map((s) => s.index)).toEqual([0, 2]);
    expect(r.ok && r.failed.map((f) => f.index)).toEqual([1]);
  });

  it('"send N" loops SendMessageBatch calls of 10 and numbers the bodies on', () => {
    const { queue, out } = setup();
    expect(queue.sendNumbered(25, out)).toBe(25);
    expect(out.filter((c) => c.type === 'log').map((c) => c.type === 'log' && c.text)).toEqual(['Sent 25 messages in 3 SendMessageBatch calls']);
    queue.sendNumbered(1, out);
    const bodies = queue.receive(100, out).map((m) => m.body);
    expect(bodies[0]).toBe('{"n":1}');
    expect(bodies.at(-1)).toBe('{"n":26}');
    expect(queue.sendNumbered(0, out)).toBe(0);
  });
});

describe('SqsQueue: receive, visibility timeout, delete', () => {
  it('hides received messages for the visibility timeout, with a new receipt handle per receive', () => {
    const { hub, queue, out } = setup({ visibilityTimeoutS: 30 });
    queue.send('a', undefined, out);
    hub.clock.advance(5);
    const [first] = queue.receive(10, out);
    expect(first).toMatchObject({ receiveCount: 1, body: 'a', attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(T0), ApproximateFirstReceiveTimestamp: String(T0 + 5) } });
    expect(first!.receiptHandle).toMatch(/^AQEB[A-Za-z0-9+/]{128}$/);
    expect(first!.attributes.SenderId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(queue.view()).toMatchObject({ visible: 0, inFlight: 1 });
    expect(queue.receive(10, out)).toEqual([]);
    expect(queue.nextChangeAtMs()).toBe(T0 + 5 + 30_000);

    hub.clock.advance(30_000);
    expect(queue.view()).toMatchObject({ visible: 1, inFlight: 0 });
    const [second] = queue.receive(10, out);
    expect(second).toMatchObject({ messageId: first!.messageId, receiveCount: 2, attributes: { ApproximateReceiveCount: '2', ApproximateFirstReceiveTimestamp: String(T0 + 5) } });
    expect(second!.receiptHandle).not.toBe(first!.receiptHandle);

    expect(queue.deleteMessage(first!.receiptHandle)).toBe(false);
    expect(queue.deleteMessage(second!.receiptHandle)).toBe(true);
    expect(queue.view()).toMatchObject({ visible: 0, inFlight: 0, deleted: 1 });
  });

  it("visibility timeouts and delays are Lambda's, in platform time (which the clock compresses while nothing executes)", () => {
    const { hub, queue, out } = setup({ visibilityTimeoutS: 30 });
    hub.scale = 60;
    queue.send('a', undefined, out, { delaySeconds: 60 });
    expect(queue.view()).toMatchObject({ visible: 0, delayed: 1 });
    expect(queue.nextChangeAtMs()).toBe(T0 + 60_000);
    hub.clock.advance(1_000);
    expect(hub.clock.now()).toBe(T0 + 60_000);
    queue.receive(1, out);
    expect(queue.nextChangeAtMs()).toBe(T0 + 60_000 + 30_000);
    hub.clock.begin(); // a handler executes: real speed
    hub.clock.advance(500);
    expect(hub.clock.now()).toBe(T0 + 60_500);
    hub.clock.end();
  });

  it('moves a message received maxReceiveCount times to the dead-letter queue on the next receive attempt', () => {
    const { hub, queue, out } = setup({ visibilityTimeoutS: 10, maxReceiveCount: 2 });
    const sent = queue.send('poison', undefined, out);
    const id = sent.ok ? sent.messageId : '';
    for (let i = 0; i < 2; i += 1) {
      expect(queue.receive(1, out)).toHaveLength(1);
      hub.clock.advance(10_000);
    }
    expect(queue.view()).toMatchObject({ visible: 1, deadLetterCount: 0 });
    expect(queue.receive(1, out)).toEqual([]);
    expect(queue.view()).toMatchObject({ visible: 0, deadLetterCount: 1, deadLetter: [{ messageId: id, body: 'poison', receiveCount: 2 }] });
    expect(out).toContainEqual({ type: 'log', atMs: T0 + 20_000, text: `Message ${id} moved to the dead-letter queue after 2 receives` });
  });

  it('counts the messages that came back since it was last asked', () => {
    const { hub, queue, out } = setup({ visibilityTimeoutS: 10 });
    queue.sendBatch(['a', 'b', 'c'], out);
    queue.receive(2, out);
    hub.clock.advance(9_999);
    expect(queue.takeReturned()).toBe(0);
    hub.clock.advance(1);
    expect(queue.view()).toMatchObject({ visible: 3, inFlight: 0 });
    expect(queue.takeReturned()).toBe(2);
    expect(queue.takeReturned()).toBe(0);
  });
});
