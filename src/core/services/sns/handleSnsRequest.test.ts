import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random';
import { env, formRequest } from '../serviceTest.test-support';
import { handleSnsRequest } from './handleSnsRequest';
import { parseQueryForm } from './queryForm';
import { createSnsServiceState } from './snsServiceState';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:orders';
const state = createSnsServiceState(
  [{ name: 'orders', subscriptions: [{ functionName: 'all' }, { functionName: 'big-only', filterPolicy: { size: ['big'] } }] }],
  createRandom(3),
);
const NOW = Date.UTC(2026, 11, 5, 12, 0, 0, 123);
const send = (params: Record<string, string>) => handleSnsRequest(state, formRequest({ Version: '2010-03-31', ...params }), env(NOW));
const tag = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);

describe('SNS query protocol: errors as SNS writes them', () => {
  const cases: { name: string; params: Record<string, string>; status: number; code: string; message: string }[] = [
    { name: 'an unknown topic', params: { Action: 'Publish', TopicArn: 'arn:aws:sns:us-east-1:123456789012:nope', Message: 'x' }, status: 404, code: 'NotFound', message: 'Topic does not exist' },
    { name: 'another account’s topic', params: { Action: 'Publish', TopicArn: 'arn:aws:sns:us-east-1:999999999999:orders', Message: 'x' }, status: 404, code: 'NotFound', message: 'Topic does not exist' },
    { name: 'not a topic ARN', params: { Action: 'Publish', TopicArn: 'orders', Message: 'x' }, status: 400, code: 'InvalidParameter', message: 'Invalid parameter: TopicArn' },
    { name: 'no topic', params: { Action: 'Publish', Message: 'x' }, status: 400, code: 'InvalidParameter', message: 'Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter' },
    { name: 'an empty message', params: { Action: 'Publish', TopicArn: TOPIC, Message: '' }, status: 400, code: 'InvalidParameter', message: 'Invalid parameter: Empty message' },
    { name: 'a message over 256 KB', params: { Action: 'Publish', TopicArn: TOPIC, Message: 'x'.repeat(262_145) }, status: 400, code: 'InvalidParameter', message: 'Invalid parameter: Message too long' },
    { name: 'json structure without default', params: { Action: 'Publish', TopicArn: TOPIC, Message: '{"lambda":"x"}', MessageStructure: 'json' }, status: 400, code: 'InvalidParameter', message: 'Invalid parameter: Message Structure - No default entry in JSON message body' },
    { name: 'an empty batch', params: { Action: 'PublishBatch', TopicArn: TOPIC }, status: 400, code: 'EmptyBatchRequest', message: "The batch request doesn't contain any entries." },
    { name: 'repeated batch ids', params: { Action: 'PublishBatch', TopicArn: TOPIC, 'PublishBatchRequestEntries.member.1.Id': 'a', 'PublishBatchRequestEntries.member.1.Message': 'x', 'PublishBatchRequestEntries.member.2.Id': 'a', 'PublishBatchRequestEntries.member.2.Message': 'y' }, status: 400, code: 'BatchEntryIdsNotDistinct', message: 'Two or more batch entries in the request have the same Id.' },
    { name: 'an unknown action', params: { Action: 'Subscribe', TopicArn: TOPIC }, status: 400, code: 'InvalidAction', message: 'Could not find operation Subscribe for version 2010-03-31' },
  ];
  it.each(cases)('$name', ({ params, status, code, message }) => {
    const r = send(params);
    expect(r.response.status).toBe(status);
    expect(r.response.headers['Content-Type']).toBe('text/xml');
    expect(r.response.body).toMatch(new RegExp(`^<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>`));
    expect(tag(r.response.body, 'Message')).toEqual([message.replace(/'/g, '&apos;')]);
    expect(tag(r.response.body, 'RequestId')).toHaveLength(1);
    expect(r.effects).toEqual([]);
  });

  it('eleven batch entries are too many', () => {
    const params: Record<string, string> = { Action: 'PublishBatch', TopicArn: TOPIC };
    for (let i = 1; i <= 11; i++) Object.assign(params, { [`PublishBatchRequestEntries.member.${i}.Id`]: `m${i}`, [`PublishBatchRequestEntries.member.${i}.Message`]: 'x' });
    expect(tag(send(params).response.body, 'Code')).toEqual(['TooManyEntriesInBatchRequest']);
  });
});

describe('SNS Publish', () => {
  it('answers a PublishResponse and notifies each subscriber whose filter policy accepts the message', () => {
    const r = send({
      Action: 'Publish', TopicArn: TOPIC, Message: 'hello & <world>', Subject: 'Hi',
      'MessageAttributes.entry.1.Name': 'size', 'MessageAttributes.entry.1.Value.DataType': 'String', 'MessageAttributes.entry.1.Value.StringValue': 'small',
    });
    expect(r.response.status).toBe(200);
    expect(r.response.body).toMatch(/^<PublishResponse xmlns="http:\/\/sns.amazonaws.com\/doc\/2010-03-31\/"><PublishResult><MessageId>[0-9a-f-]{36}<\/MessageId><\/PublishResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/PublishResponse>$/);
    const messageId = tag(r.response.body, 'MessageId')[0];
    const deliveries = r.effects.filter((e) => e.type === 'snsDelivery');
    expect(deliveries.map((d) => d.functionName)).toEqual(['all']);
    const record = deliveries[0]!.event.Records[0];
    expect(record).toMatchObject({
      EventVersion: '1.0', EventSource: 'aws:sns', EventSubscriptionArn: deliveries[0]!.subscriptionArn,
      Sns: {
        Type: 'Notification', MessageId: messageId, TopicArn: TOPIC, Subject: 'Hi', Message: 'hello & <world>', Timestamp: '2026-12-05T12:00:00.123Z',
        SignatureVersion: '1', MessageAttributes: { size: { Type: 'String', Value: 'small' } },
      },
    });
    expect(record.Sns.Signature).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(record.Sns.UnsubscribeUrl).toBe(`https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${deliveries[0]!.subscriptionArn}`);
    expect(r.effects.at(-1)).toEqual({ type: 'billedRequests', service: 'sns', action: 'Publish', count: 1 });
  });

  it('a message the filter accepts reaches the filtered subscriber too; no Subject is null', () => {
    const r = send({ Action: 'Publish', TopicArn: TOPIC, Message: 'm', 'MessageAttributes.entry.1.Name': 'size', 'MessageAttributes.entry.1.Value.DataType': 'String', 'MessageAttributes.entry.1.Value.StringValue': 'big' });
    const deliveries = r.effects.filter((e) => e.type === 'snsDelivery');
    expect(deliveries.map((d) => d.functionName)).toEqual(['all', 'big-only']);
    expect(deliveries[0]!.event.Records[0].Sns.Subject).toBeNull();
  });

  it('MessageStructure json: a Lambda subscriber gets the lambda entry, else default', () => {
    const own = send({ Action: 'Publish', TopicArn: TOPIC, MessageStructure: 'json', Message: '{"default":"d","lambda":"l"}' });
    expect(own.effects.filter((e) => e.type === 'snsDelivery')[0]!.event.Records[0].Sns.Message).toBe('l');
    const fallback = send({ Action: 'Publish', TopicArn: TOPIC, MessageStructure: 'json', Message: '{"default":"d"}' });
    expect(fallback.effects.filter((e) => e.type === 'snsDelivery')[0]!.event.Records[0].Sns.Message).toBe('d');
  });

  it('PublishBatch answers Successful and Failed members and notifies per message', () => {
    const r = send({
      Action: 'PublishBatch', TopicArn: TOPIC,
      'PublishBatchRequestEntries.member.1.Id': 'one', 'PublishBatchRequestEntries.member.1.Message': 'first',
      'PublishBatchRequestEntries.member.2.Id': 'two', 'PublishBatchRequestEntries.member.2.Message': '',
      'PublishBatchRequestEntries.member.3.Id': 'three', 'PublishBatchRequestEntries.member.3.Message': 'third',
    });
    expect(r.response.status).toBe(200);
    expect(r.response.body).toMatch(/^<PublishBatchResponse xmlns="[^"]+"><PublishBatchResult><Successful><member><Id>one<\/Id><MessageId>[0-9a-f-]{36}<\/MessageId><\/member><member><Id>three<\/Id>/);
    expect(r.response.body).toContain('<Failed><member><Id>two</Id><Code>InvalidParameter</Code><Message>Invalid parameter: Empty message</Message><SenderFault>true</SenderFault></member></Failed>');
    expect(r.effects.filter((e) => e.type === 'snsDelivery').map((d) => d.event.Records[0].Sns.Message)).toEqual(['first', 'third']);
  });
});

describe('SNS PublishBatch entries with attributes', () => {
  it('each entry’s MessageAttributes are its own, and filter policies apply per message', () => {
    const m = 'PublishBatchRequestEntries.member';
    const r = send({
      Action: 'PublishBatch', TopicArn: TOPIC,
      [`${m}.1.Id`]: 'a', [`${m}.1.Message`]: 'small one',
      [`${m}.1.MessageAttributes.entry.1.Name`]: 'size', [`${m}.1.MessageAttributes.entry.1.Value.DataType`]: 'String', [`${m}.1.MessageAttributes.entry.1.Value.StringValue`]: 'small',
      [`${m}.2.Id`]: 'b', [`${m}.2.Message`]: 'big one',
      [`${m}.2.MessageAttributes.entry.1.Name`]: 'size', [`${m}.2.MessageAttributes.entry.1.Value.DataType`]: 'String', [`${m}.2.MessageAttributes.entry.1.Value.StringValue`]: 'big',
      [`${m}.2.MessageAttributes.entry.2.Name`]: 'blob', [`${m}.2.MessageAttributes.entry.2.Value.DataType`]: 'Binary', [`${m}.2.MessageAttributes.entry.2.Value.BinaryValue`]: 'AAE=',
    });
    const deliveries = r.effects.filter((e) => e.type === 'snsDelivery');
    expect(deliveries.map((d) => [d.functionName, d.event.Records[0].Sns.Message])).toEqual([['all', 'small one'], ['all', 'big one'], ['big-only', 'big one']]);
    expect(deliveries[2]!.event.Records[0].Sns.MessageAttributes).toEqual({ size: { Type: 'String', Value: 'big' }, blob: { Type: 'Binary', Value: 'AAE=' } });
    expect(r.effects.at(-1)).toEqual({ type: 'billedRequests', service: 'sns', action: 'PublishBatch', count: 1 });
  });
});

describe('query form decoding', () => {
  it('decodes + and percent escapes, and keeps a malformed escape', () => {
    expect([...parseQueryForm('a=x+y%26z&b=%E2%82%AC&c=%ZZ&d')]).toEqual([['a', 'x y&z'], ['b', '€'], ['c', '%ZZ'], ['d', '']]);
  });
});
