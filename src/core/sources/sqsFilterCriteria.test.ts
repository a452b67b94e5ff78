import { describe, expect, it } from 'vitest';
import { SqsEventSourceMapping } from './sqsEventSourceMapping';
import { DEFAULT_SQS_MAPPING_SETTINGS, validateSqsMappingSettings } from './sqsMappingSettings';
import { OK, SqsTestHub } from './sqsTestHub.test-support';

function setup(filterPatterns: string[]) {
  const hub = new SqsTestHub();
  const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', batchSize: 10, filterPatterns });
  hub.attach(mapping);
  return { hub, mapping };
}

describe('SQS filter criteria', () => {
  it('invokes only with messages that match a pattern (JSON bodies matched as objects); the rest are deleted without an invoke', () => {
    const { hub, mapping } = setup(['{"body": {"type": ["order"]}}', '{"body": {"amount": [{"numeric": [">", 100]}]}}']);
    hub.act((out) => {
      mapping.send('{"type": "order", "id": 1}', undefined, out);
      mapping.send('{"type": "refund", "amount": 5}', undefined, out);
      mapping.send('{"type": "refund", "amount": 500}', undefined, out);
      mapping.send('not json', undefined, out);
    });
    expect(hub.pending.flatMap((i) => i.event.Records.map((r) => r.body))).toEqual(['{"type": "order", "id": 1}', '{"type": "refund", "amount": 500}']);
    expect(mapping.view()).toMatchObject({ filteredOut: 2, queue: { deleted: 2, inFlight: 2 } });
    // Each message was sent (and polled) on its own here.
    expect(hub.logs.filter((l) => l === 'Filtered out 1 message (no filter matched): deleted without an invoke')).toHaveLength(2);
    hub.answerAll(() => OK);
    expect(mapping.view()).toMatchObject({ delivered: 2, queue: { deleted: 4, visible: 0, inFlight: 0 } });
  });

  it('a batch made only of filtered messages invokes nothing', () => {
    const { hub, mapping } = setup(['{"body": {"type": ["order"]}}']);
    hub.act((out) => mapping.sendMessages(25, out));
    expect(hub.pending).toEqual([]);
    expect(mapping.view()).toMatchObject({ filteredOut: 25, invokes: 0, queue: { visible: 0, inFlight: 0, deleted: 25 } });
  });

  it('matches message attributes as the record carries them; no pattern means no filter', () => {
    const { hub, mapping } = setup(['{"messageAttributes": {"kind": {"stringValue": ["vip"]}}}']);
    hub.act((out) => {
      mapping.send('a', { kind: { DataType: 'String', StringValue: 'vip' } }, out);
      mapping.send('b', { kind: { DataType: 'String', StringValue: 'plain' } }, out);
    });
    expect(hub.pending.flatMap((i) => i.event.Records.map((r) => r.body))).toEqual(['a']);
    const open = setup([]);
    open.hub.act((out) => open.mapping.sendMessages(3, out));
    expect(open.hub.pending.flatMap((i) => i.event.Records)).toHaveLength(3);
  });

  it.each([
    [['{"body": '], 'Invalid filter pattern definition (filter 1): Invalid JSON'],
    [Array.from({ length: 6 }, () => '{"body": {"a": ["b"]}}'), 'The number of filters (6) exceeds the limit of 5 per event source mapping.'],
  ])('refuses what Lambda would: %j', (filterPatterns, message) => {
    const problems = validateSqsMappingSettings({ ...DEFAULT_SQS_MAPPING_SETTINGS, filterPatterns }, { functionTimeoutS: 3, deadLetterTargetArn: 'arn' });
    expect(problems).toContainEqual({ field: 'filterPatterns', errorType: 'InvalidParameterValueException', message });
  });
});
