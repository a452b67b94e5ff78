import { describe, expect, it } from 'vitest';
import { env, jsonRequest } from '../serviceTest.test-support';
import { handleEventBridgeRequest } from './handleEventBridgeRequest';
import { createEventBridgeServiceState } from './eventBridgeServiceState';

const state = createEventBridgeServiceState({
  busNames: ['orders'],
  rules: [
    { busName: 'orders', name: 'placed', pattern: '{"source":["shop"],"detail-type":["OrderPlaced"]}', functionNames: ['fulfil', 'email'] },
    { busName: 'orders', name: 'big', pattern: '{"detail":{"total":[{"numeric":[">",100]}]}}', functionNames: ['audit'] },
    { name: 'on-default', pattern: '{"source":["shop"]}', functionNames: ['default-fn'] },
  ],
});
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0, 500);
const put = (entries: unknown) => {
  const r = handleEventBridgeRequest(state, jsonRequest('1.1', 'AWSEvents.PutEvents', { Entries: entries }), env(NOW));
  return { ...r, json: JSON.parse(r.response.body) as Record<string, unknown> };
};
const entry = (over: Record<string, unknown> = {}) => ({ Source: 'shop', DetailType: 'OrderPlaced', Detail: '{"total":150}', EventBusName: 'orders', ...over });

describe('EventBridge PutEvents: per-entry results', () => {
  const cases: { name: string; entry: Record<string, unknown>; result: Record<string, unknown> }[] = [
    { name: 'a valid entry', entry: entry(), result: { EventId: expect.stringMatching(/^[0-9a-f-]{36}$/) } },
    { name: 'no Source', entry: entry({ Source: undefined }), result: { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' } },
    { name: 'no DetailType', entry: entry({ DetailType: undefined }), result: { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter DetailType is not valid. Reason: DetailType is a required argument.' } },
    { name: 'no Detail', entry: entry({ Detail: undefined }), result: { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Detail is not valid. Reason: Detail is a required argument.' } },
    { name: 'Detail not JSON', entry: entry({ Detail: '{nope' }), result: { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } },
    { name: 'Detail a JSON array', entry: entry({ Detail: '[1]' }), result: { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' } },
  ];
  it.each(cases)('$name', ({ entry: e, result }) => {
    const r = put([e]);
    expect(r.response.status).toBe(200);
    expect(r.response.headers['Content-Type']).toBe('application/x-amz-json-1.1');
    expect(r.json).toEqual({ FailedEntryCount: 'ErrorCode' in result ? 1 : 0, Entries: [result] });
  });

  it('good and bad entries in one call: FailedEntryCount counts the bad, in order', () => {
    const r = put([entry(), entry({ Detail: 'x' }), entry()]);
    expect(r.json['FailedEntryCount']).toBe(1);
    expect((r.json['Entries'] as Record<string, unknown>[]).map((e) => ('EventId' in e ? 'ok' : e['ErrorCode']))).toEqual(['ok', 'MalformedDetail', 'ok']);
  });
});

describe('EventBridge PutEvents: the call refused as a whole', () => {
  const cases: { name: string; entries: unknown[]; message: string }[] = [
    { name: 'no entries', entries: [], message: "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1" },
    { name: 'eleven entries', entries: Array.from({ length: 11 }, () => entry()), message: "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to 10" },
    { name: 'over 256 KB in all', entries: [entry({ Detail: JSON.stringify({ a: 'x'.repeat(140_000) }) }), entry({ Detail: JSON.stringify({ a: 'x'.repeat(140_000) }) })], message: 'Total size of the entries in the request is over the limit.' },
  ];
  it.each(cases)('$name', ({ entries, message }) => {
    const r = put(entries);
    expect(r.response.status).toBe(400);
    expect(r.json).toEqual({ __type: 'ValidationException', message });
    expect(r.effects).toEqual([]);
  });
});

describe('EventBridge PutEvents: events as targets receive them', () => {
  it('matches the rules of the entry’s bus and delivers to every target, with the §7 event shape', () => {
    const r = put([entry({ Resources: ['arn:aws:s3:::b'] })]);
    const id = (r.json['Entries'] as { EventId: string }[])[0]!.EventId;
    const deliveries = r.effects.filter((e) => e.type === 'eventBridgeDelivery');
    expect(deliveries.map((d) => [d.ruleName, d.functionName])).toEqual([['placed', 'fulfil'], ['placed', 'email'], ['big', 'audit']]);
    expect(deliveries[0]!.event).toEqual({
      version: '0', id, 'detail-type': 'OrderPlaced', source: 'shop', account: '123456789012', time: '2026-12-05T12:00:00Z',
      region: 'us-east-1', resources: ['arn:aws:s3:::b'], detail: { total: 150 },
    });
    expect(deliveries[0]!.ruleArn).toBe('arn:aws:events:us-east-1:123456789012:rule/orders/placed');
    expect(r.effects.at(-1)).toEqual({ type: 'billedRequests', service: 'eventbridge', action: 'PutEvents', count: 1 });
  });

  it('without EventBusName the default bus is used; a bus ARN names its bus; an entry’s Time becomes the event time', () => {
    expect(put([entry({ EventBusName: undefined })]).effects.filter((e) => e.type === 'eventBridgeDelivery').map((d) => d.functionName)).toEqual(['default-fn']);
    const byArn = put([entry({ EventBusName: 'arn:aws:events:us-east-1:123456789012:event-bus/orders', Time: 1_700_000_000 })]);
    const d = byArn.effects.filter((e) => e.type === 'eventBridgeDelivery');
    expect(d.map((x) => x.functionName)).toEqual(['fulfil', 'email', 'audit']);
    expect(d[0]!.event.time).toBe('2023-11-14T22:13:20Z');
  });

  it('a bus that does not exist: accepted with an EventId, as AWS does, and delivered nowhere', () => {
    const r = put([entry({ EventBusName: 'nope' })]);
    expect(r.json['FailedEntryCount']).toBe(0);
    expect(r.effects.filter((e) => e.type === 'eventBridgeDelivery')).toEqual([]);
  });

  it('another operation is unknown', () => {
    const r = handleEventBridgeRequest(state, jsonRequest('1.1', 'AWSEvents.PutRule', {}), env(NOW));
    expect(JSON.parse(r.response.body)).toMatchObject({ __type: 'UnknownOperationException' });
  });
});
