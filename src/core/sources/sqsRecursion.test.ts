import { describe, expect, it } from 'vitest';
import { formatLineage, lineageHash } from '../recursion/lineage';
import type { SqsMessage } from './sqsMessage';
import { SqsEventSourceMapping } from './sqsEventSourceMapping';
import { SqsTestHub, T0 } from './sqsTestHub.test-support';

const ARN = 'arn:aws:lambda:us-east-1:123456789012:function:fn';
const ROOT = 'Root=1-6b14abd2-a9101747e5334f228f542582;Parent=8f5425829a18c0e3;Sampled=0';

/** A message as the SQS API stores it, sent with a trace header whose lineage reads `count` for `fn` (during a function's Nth invocation it reads N − 1). */
function traced(id: string, count: number | null): SqsMessage {
  const lineage = count === null ? '' : `;Lineage=${formatLineage([{ hash: lineageHash(ARN), count }])}`;
  return {
    messageId: id, body: `{"id":"${id}"}`, md5OfBody: '', messageAttributes: {}, senderId: 'AIDAEXAMPLE', sentAtMs: T0,
    receiveCount: 0, firstReceivedAtMs: null, visibleAtMs: T0, receiptHandle: null, fifo: null, traceHeader: `${ROOT}${lineage}`,
  };
}

function rig(maxReceiveCount: number | null) {
  const hub = new SqsTestHub();
  const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', batchSize: 1, maxReceiveCount });
  hub.attach(mapping);
  return { hub, mapping };
}

describe("the SQS mapping and Lambda's recursive loop detection (the AWSTraceHeader a sender's SDK call carried)", () => {
  it('invokes a message early in its chain with the trace continued: AWSTraceHeader in the record, the lineage one further on the invoke', () => {
    const { hub, mapping } = rig(null);
    hub.act((out) => mapping.queue.accept([traced('m1', 3)], out));
    expect(hub.invokes).toHaveLength(1);
    const inv = hub.invokes[0]!;
    expect(inv.event.Records[0]!.attributes.AWSTraceHeader).toBe(`${ROOT};Lineage=${lineageHash(ARN)}:3`);
    expect((inv as { traceHeader?: string }).traceHeader).toMatch(new RegExp(`^Root=1-6b14abd2-a9101747e5334f228f542582;Parent=[0-9a-f]{16};Sampled=0;Lineage=${lineageHash(ARN)}:4$`));
  });

  it('stops the 17th invocation of a chain: no invoke, the message goes to the dead-letter queue, and the queue says why', () => {
    const { hub, mapping } = rig(3);
    hub.act((out) => mapping.queue.accept([traced('m1', 15)], out));
    expect(hub.invokes).toHaveLength(0);
    expect(mapping.view()).toMatchObject({ queue: { deadLetterCount: 1, visible: 0, inFlight: 0 } });
    expect(hub.logs.some((l) => l.startsWith('Lambda stopped invocation 17 of fn (from an SQS queue)') && l.includes("The message goes to the queue's dead-letter queue."))).toBe(true);
    expect(hub.logs.some((l) => l.startsWith('Batch '))).toBe(false);
  });

  it('without a dead-letter queue the stopped message is dropped, and the mapping goes on polling others', () => {
    const { hub, mapping } = rig(null);
    hub.act((out) => mapping.queue.accept([traced('m1', 15)], out));
    expect(hub.invokes).toHaveLength(0);
    expect(mapping.view()).toMatchObject({ queue: { deadLetterCount: 0, visible: 0, inFlight: 0, deleted: 1 } });
    expect(hub.logs.some((l) => l.includes('The event is dropped'))).toBe(true);
    hub.act((out) => mapping.queue.accept([traced('m2', null)], out));
    hub.advance(20_000);
    expect(hub.invokes.map((i) => i.event.Records[0]!.messageId)).toEqual(['m2']);
  });
});
