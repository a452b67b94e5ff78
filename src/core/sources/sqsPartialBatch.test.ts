import { describe, expect, it } from 'vitest';
import { SqsEventSourceMapping } from './sqsEventSourceMapping';
import { FUNCTION_ERROR, SqsTestHub, type RecordedInvoke } from './sqsTestHub.test-support';
import type { SourceInvokeResult } from './sourceTypes';

/** Send 10 messages with ReportBatchItemFailures on or off, answer the batch, then see what comes back after the visibility timeout. */
function run(answer: (inv: RecordedInvoke) => SourceInvokeResult, reportBatchItemFailures = true) {
  const hub = new SqsTestHub();
  const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', batchSize: 10, reportBatchItemFailures });
  hub.attach(mapping);
  hub.act((out) => mapping.sendMessages(10, out));
  const first = hub.pending[0]!;
  const ids = first.event.Records.map((r) => r.messageId);
  hub.answer(answer(first));
  const after = mapping.view();
  hub.advance(30_000);
  const again = hub.pending.flatMap((p) => p.event.Records.map((r) => r.messageId));
  return { hub, ids, after, again };
}
const payload = (text: string): SourceInvokeResult => ({ kind: 'success', payload: text });
const failures = (...ids: unknown[]) => payload(JSON.stringify({ batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) }));

describe('partial batch responses through the mapping (lambda-model.md §4)', () => {
  it('deletes all but the listed messages; only those come back, one receive later', () => {
    const { hub, ids, after, again } = run((inv) => failures(inv.event.Records[2]!.messageId, inv.event.Records[7]!.messageId));
    expect(after).toMatchObject({ delivered: 8, failed: 2, queue: { inFlight: 2, deleted: 8 } });
    expect(again).toEqual([ids[2], ids[7]]);
    expect(hub.pending[0]!.event.Records.map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['2', '2']);
    expect(hub.logs).toContain('Batch 1: batchItemFailures lists 2 of 10; 2 messages stay in flight until the visibility timeout (30 s); 8 messages deleted');
  });

  it.each([
    ['an empty list', '{"batchItemFailures":[]}'],
    ['a null list', '{"batchItemFailures":null}'],
    ['an empty response', '{}'],
    ['a null response', 'null'],
  ])('treats %s as success of the whole batch', (_, text) => {
    const { after, again } = run(() => payload(text));
    expect(after).toMatchObject({ delivered: 10, failed: 0, queue: { inFlight: 0 } });
    expect(again).toEqual([]);
  });

  it.each([
    ['an empty itemIdentifier', () => failures(''), 'an itemIdentifier is empty'],
    ['a null itemIdentifier', () => failures(null), 'an itemIdentifier is null'],
    ['a bad key', () => payload('{"batchItemFailures":[{"itemId":"x"}]}'), 'a batchItemFailures entry has no itemIdentifier'],
    ['an unknown message id', (inv: RecordedInvoke) => failures(inv.event.Records[0]!.messageId, 'not-in-batch'), 'itemIdentifier "not-in-batch" is not a message of the batch'],
    ['a response that is not JSON', () => payload('{oops'), 'the response is not valid JSON'],
    ['a batchItemFailures that is not a list', () => payload('{"batchItemFailures":{}}'), 'batchItemFailures is not a list'],
  ])('fails the whole batch on %s', (_, answer, reason) => {
    const { hub, ids, after, again } = run(answer);
    expect(after).toMatchObject({ delivered: 0, failed: 10, queue: { inFlight: 10 } });
    expect(again).toEqual(ids);
    expect(hub.logs).toContain(`Batch 1: the whole batch failed: ${reason}; 10 messages stay in flight until the visibility timeout (30 s)`);
  });

  it('fails the whole batch when the function throws, listed failures or not', () => {
    const { after, again, ids } = run(() => FUNCTION_ERROR);
    expect(after).toMatchObject({ delivered: 0, failed: 10, functionErrors: 1 });
    expect(again).toEqual(ids);
  });

  it('ignores batchItemFailures when ReportBatchItemFailures is off', () => {
    const { after, again } = run((inv) => failures(inv.event.Records[0]!.messageId), false);
    expect(after).toMatchObject({ delivered: 10, failed: 0 });
    expect(again).toEqual([]);
  });
});
