import type { SNSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createRandom } from '../random';
import { SnsTopic, matchesFilterPolicy, parseFilterPolicy, type SnsAttributeInput, type SnsFilterPolicy, type SnsLambdaEvent, type SnsPublishInput } from './snsTopic';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, type SourceCommand, type SourceContext } from './sourceTypes';

const T0 = Date.UTC(2025, 5, 6, 7, 8, 9, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setup(seed = 1) {
  const ctx: SourceContext = { clock: new ManualClock(T0), random: createRandom(seed), region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT, waitScale: () => 1 };
  return new SnsTopic(ctx, { id: 'topic1', topicName: 'orders' });
}
const invokes = (out: SourceCommand[]) => out.filter((c): c is Extract<SourceCommand, { type: 'invoke' }> => c.type === 'invoke');
const arnOf = (r: ReturnType<SnsTopic['subscribe']>) => (r.ok ? r.subscriptionArn : '');

/** An SNS record in the shape of lambda-model.md §7 (AWS's sample, values ours). */
const SAMPLE: SNSEvent = {
  Records: [{
    EventVersion: '1.0', EventSubscriptionArn: 'arn:aws:sns:us-east-1:123456789012:sns-lambda:21be56ed-a058-49f5-8c98-aedd2564c486', EventSource: 'aws:sns',
    Sns: {
      SignatureVersion: '1', Timestamp: '2019-01-02T12:45:07.000Z', Signature: 'tcc6faL2yUC6dgZdmrwh1Y4cGa/ebXEkAi6RibDsvpi+tE/1+82j...65r==',
      SigningCertUrl: 'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-ac565b8b1a6c5d002d285f9598aa1d9b.pem',
      MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e', Message: 'Hello from SNS!',
      MessageAttributes: { Test: { Type: 'String', Value: 'TestString' } }, Type: 'Notification',
      UnsubscribeUrl: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-1:123456789012:test-lambda:21be56ed-a058-49f5-8c98-aedd2564c486',
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:sns-lambda', Subject: 'TestInvoke',
    },
  }],
};

function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k)).sort();
}

describe('SnsTopic subscriptions', () => {
  it('gives subscription ARNs under the topic, idempotently for the same function and policy', () => {
    const topic = setup();
    const first = topic.subscribe('worker');
    expect(arnOf(first)).toMatch(/^arn:aws:sns:us-east-1:123456789012:orders:/);
    expect(arnOf(first).split(':')[6]).toMatch(UUID);
    expect(topic.subscribe('worker')).toEqual(first);
    expect(topic.subscribe('worker', { a: ['x'] })).toMatchObject({ ok: false, message: 'Invalid parameter: Attributes Reason: Subscription already exists with different attributes' });
    expect(topic.view().subscriptions).toEqual([{ subscriptionArn: arnOf(first), functionName: 'worker', filterPolicy: null }]);
    expect(topic.unsubscribe(arnOf(first))).toEqual({ ok: true });
    expect(topic.unsubscribe(arnOf(first))).toMatchObject({ ok: false, code: 'NotFound' });
    expect(topic.view().subscriptions).toEqual([]);
  });

  it('refuses an invalid topic name', () => {
    const ctx = { clock: new ManualClock(), random: createRandom(1), region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT, waitScale: () => 1 };
    expect(() => new SnsTopic(ctx, { id: 't', topicName: 'has space' })).toThrow('Topic Name');
    expect(() => new SnsTopic(ctx, { id: 't', topicName: 'x'.repeat(257) })).toThrow('Topic Name');
  });
});

describe('SnsTopic publish', () => {
  it('fans out one asynchronous invoke per subscriber, in the shape of SNS records', () => {
    const topic = setup();
    const a = arnOf(topic.subscribe('alpha'));
    const b = arnOf(topic.subscribe('beta'));
    const out: SourceCommand[] = [];
    const result = topic.publish({ message: 'Hello from SNS!', subject: 'TestInvoke', attributes: [{ name: 'Test', type: 'String', value: 'TestString' }] }, out);
    expect(result).toMatchObject({ ok: true });
    const calls = invokes(out);
    expect(calls.map((c) => [c.functionName, c.invocationType])).toEqual([['alpha', 'Event'], ['beta', 'Event']]);
    const [ea, eb] = topic.view().recent[0]!.deliveries.map((d) => d.event);
    const record = ea!.Records[0];
    if (record.Sns.Subject === null) throw new Error('expected a subject');
    const typed = { Records: [{ ...record, Sns: { ...record.Sns, Subject: record.Sns.Subject } }] } satisfies SNSEvent;
    expect(JSON.parse(calls[0]!.payload)).toEqual(typed);
    expect(paths(typed)).toEqual(paths(SAMPLE));
    expect(record).toMatchObject({ EventVersion: '1.0', EventSubscriptionArn: a, EventSource: 'aws:sns' });
    expect(record.Sns).toMatchObject({
      Type: 'Notification', TopicArn: 'arn:aws:sns:us-east-1:123456789012:orders', Subject: 'TestInvoke', Message: 'Hello from SNS!',
      Timestamp: '2025-06-06T07:08:09.010Z', SignatureVersion: '1', MessageAttributes: { Test: { Type: 'String', Value: 'TestString' } },
      UnsubscribeUrl: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${a}`,
    });
    expect(record.Sns.MessageId).toMatch(UUID);
    expect(result).toEqual({ ok: true, messageId: record.Sns.MessageId });
    expect(record.Sns.Signature).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(record.Sns.SigningCertUrl).toMatch(/^https:\/\/sns\.us-east-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/);
    // The same message to every subscriber; only the subscription differs.
    const rb = eb!.Records[0];
    expect(rb.EventSubscriptionArn).toBe(b);
    expect({ ...rb.Sns, UnsubscribeUrl: '' }).toEqual({ ...record.Sns, UnsubscribeUrl: '' });
  });

  it('gives Subject null when the publisher gave none', () => {
    const topic = setup();
    topic.subscribe('alpha');
    const out: SourceCommand[] = [];
    topic.publish({ message: 'm', attributes: [] }, out);
    const event = JSON.parse(invokes(out)[0]!.payload) as SnsLambdaEvent;
    expect(event.Records[0].Sns.Subject).toBeNull();
    expect(event.Records[0].Sns.MessageAttributes).toEqual({});
  });

  it('carries every attribute type as {Type, Value}', () => {
    const topic = setup();
    topic.subscribe('alpha');
    const out: SourceCommand[] = [];
    const attributes: SnsAttributeInput[] = [
      { name: 'store', type: 'String', value: 'example_corp' },
      { name: 'price_usd', type: 'Number', value: '210.75' },
      { name: 'blob', type: 'Binary', value: 'AQID' },
      { name: 'customer_interests', type: 'String.Array', value: '["soccer", "rugby"]' },
    ];
    topic.publish({ message: 'm', attributes }, out);
    const event = JSON.parse(invokes(out)[0]!.payload) as SNSEvent;
    expect(event.Records[0]!.Sns.MessageAttributes).toEqual({
      store: { Type: 'String', Value: 'example_corp' },
      price_usd: { Type: 'Number', Value: '210.75' },
      blob: { Type: 'Binary', Value: 'AQID' },
      customer_interests: { Type: 'String.Array', Value: '["soccer", "rugby"]' },
    });
  });

  it('returns a message id with no subscriber, and records the publish', () => {
    const topic = setup();
    const out: SourceCommand[] = [];
    expect(topic.publish({ message: 'm', attributes: [] }, out)).toMatchObject({ ok: true });
    expect(invokes(out)).toEqual([]);
    expect(topic.view().recent[0]).toMatchObject({ message: 'm', subject: null, deliveries: [], filteredOut: [] });
    expect(out.map((c) => c.type)).toEqual(['log', 'changed']);
  });

  const s = (name: string, value: string): SnsAttributeInput => ({ name, type: 'String', value });
  it.each<[SnsPublishInput, string, string | RegExp]>([
    [{ message: '', attributes: [] }, 'InvalidParameter', 'Invalid parameter: Empty message'],
    [{ message: 'x'.repeat(262_145), attributes: [] }, 'InvalidParameter', 'Invalid parameter: Message too long'],
    [{ message: 'x'.repeat(262_140), attributes: [s('abc', 'de')] }, 'InvalidParameter', 'Invalid parameter: Message too long'],
    [{ message: 'é'.repeat(131_073), attributes: [] }, 'InvalidParameter', 'Invalid parameter: Message too long'],
    [{ message: 'm', subject: 'x'.repeat(100), attributes: [] }, 'InvalidParameter', 'Invalid parameter: Subject'],
    [{ message: 'm', subject: '', attributes: [] }, 'InvalidParameter', 'Invalid parameter: Subject'],
    [{ message: 'm', subject: 'two\nlines', attributes: [] }, 'InvalidParameter', 'Invalid parameter: Subject'],
    [{ message: 'm', attributes: [s('AWS.reserved', 'x')] }, 'InvalidParameterValue', /name 'AWS.reserved'/],
    [{ message: 'm', attributes: [s('amazon.x', 'x')] }, 'InvalidParameterValue', /name 'amazon.x'/],
    [{ message: 'm', attributes: [s('.lead', 'x')] }, 'InvalidParameterValue', /name '.lead'/],
    [{ message: 'm', attributes: [s('a..b', 'x')] }, 'InvalidParameterValue', /name 'a..b'/],
    [{ message: 'm', attributes: [s('sp ace', 'x')] }, 'InvalidParameterValue', /name 'sp ace'/],
    [{ message: 'm', attributes: [s('', 'x')] }, 'InvalidParameterValue', /name ''/],
    [{ message: 'm', attributes: [s('dup', 'x'), s('dup', 'y')] }, 'InvalidParameterValue', /twice/],
    [{ message: 'm', attributes: [s('e', '')] }, 'InvalidParameterValue', "The message attribute 'e' must contain non-empty message attribute value for message attribute type 'String'."],
    [{ message: 'm', attributes: [{ name: 'n', type: 'Number', value: 'ten' }] }, 'InvalidParameterValue', "Could not cast message attribute 'n' value to number."],
    [{ message: 'm', attributes: [{ name: 'n', type: 'Number', value: '1'.repeat(39) }] }, 'InvalidParameterValue', "Could not cast message attribute 'n' value to number."],
    [{ message: 'm', attributes: [{ name: 'b', type: 'Binary', value: 'not base64!' }] }, 'InvalidParameterValue', /Binary/],
    [{ message: 'm', attributes: [{ name: 'l', type: 'String.Array', value: '["a", {"b": 1}]' }] }, 'InvalidParameterValue', /String.Array/],
    [{ message: 'm', attributes: [{ name: 't', type: 'Timestamp' as never, value: '1' }] }, 'InvalidParameterValue', "The message attribute 't' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."],
  ])('refuses %#', (input, code, message) => {
    const topic = setup();
    topic.subscribe('alpha');
    const out: SourceCommand[] = [];
    const result = topic.publish(input, out);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
    expect(invokes(out)).toEqual([]);
    expect(topic.view().lastError).toMatch(new RegExp(`^${code}: `));
    expect(topic.view().recent).toEqual([]);
  });

  it.each([
    { message: 'x'.repeat(262_144), attributes: [] },
    { message: 'x'.repeat(262_133), attributes: [s('abc', 'de')] }, // 3 + 6 ("String") + 2 bytes of attribute
    { message: 'm', subject: 'x'.repeat(99), attributes: [] },
    { message: 'm', attributes: [{ name: 'n', type: 'Number', value: '-1.5e10' }, { name: 'z', type: 'Number', value: '0.' + '0'.repeat(40) + '1' }] },
    { message: 'm', attributes: [{ name: 'Valid_name-1.x', type: 'String.Array', value: '["a", 1, true, null]' }] },
  ] as const)('accepts limits and valid attributes %#', (input) => {
    const topic = setup();
    expect(topic.publish({ ...input, attributes: [...input.attributes] }, [])).toMatchObject({ ok: true });
    expect(topic.view().lastError).toBeNull();
  });
});

describe('SnsTopic filter policies', () => {
  const attrs: SnsAttributeInput[] = [
    { name: 'store', type: 'String', value: 'example_corp' },
    { name: 'price_usd', type: 'Number', value: '210.75' },
    { name: 'customer_interests', type: 'String.Array', value: '["soccer", "rugby", 7]' },
    { name: 'blob', type: 'Binary', value: 'AQID' },
  ];
  it.each<[SnsFilterPolicy, boolean]>([
    [{ store: ['example_corp'] }, true],
    [{ store: ['other'] }, false],
    [{ store: ['other', 'example_corp'] }, true], // OR within a key
    [{ store: ['example_corp'], price_usd: [{ numeric: ['=', 210.75] }] }, true], // AND across keys
    [{ store: ['example_corp'], price_usd: [{ numeric: ['=', 100] }] }, false],
    [{ price_usd: ['210.75'] }, false], // a string never matches a Number attribute
    [{ store: [{ numeric: ['=', 1] }] }, false],
    [{ customer_interests: ['rugby'] }, true], // any element of a String.Array
    [{ customer_interests: ['golf'] }, false],
    [{ customer_interests: [{ numeric: ['=', 7] }] }, true],
    [{ missing: ['x'] }, false],
    [{ missing: [{ exists: false }] }, true],
    [{ missing: [{ exists: true }] }, false],
    [{ store: [{ exists: true }] }, true],
    [{ store: [{ exists: false }] }, false],
    [{ blob: ['AQID'] }, false], // Binary attributes only exist
    [{ blob: [{ exists: true }] }, true],
  ])('%j matches: %s', (policy, expected) => {
    expect(matchesFilterPolicy(policy, attrs)).toBe(expected);
  });

  it('matches a Number attribute by value, not by spelling', () => {
    expect(matchesFilterPolicy({ n: [{ numeric: ['=', 5] }] }, [{ name: 'n', type: 'Number', value: '5.0' }])).toBe(true);
  });

  it('delivers only to subscribers whose policy accepts the message, and records who was filtered out', () => {
    const topic = setup();
    topic.subscribe('all');
    topic.subscribe('sports', '{"customer_interests": ["rugby"]}');
    topic.subscribe('cheap', { price_usd: [{ numeric: ['=', 1] }] });
    const out: SourceCommand[] = [];
    topic.publish({ message: 'm', attributes: attrs }, out);
    expect(invokes(out).map((c) => c.functionName)).toEqual(['all', 'sports']);
    expect(topic.view().recent[0]!.filteredOut).toEqual(['cheap']);
    expect(topic.view().subscriptions[1]!.filterPolicy).toEqual({ customer_interests: ['rugby'] });
  });

  it.each([
    ['not json', 'Invalid parameter: FilterPolicy: Filter policy is not valid JSON'],
    ['[]', 'Invalid parameter: FilterPolicy: Filter policy must be a JSON object'],
    ['{}', 'Invalid parameter: FilterPolicy: Filter policy must name at least one attribute'],
    ['{"a":["1"],"b":["1"],"c":["1"],"d":["1"],"e":["1"],"f":["1"]}', 'Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys'],
    ['{"a": []}', 'Invalid parameter: FilterPolicy: "a" must be a non-empty array'],
    ['{"a": "x"}', 'Invalid parameter: FilterPolicy: "a" must be a non-empty array'],
    ['{"a": [5]}', /Unsupported condition 5/],
    // Operators SNS has no use for, or malformed ones (the event-pattern rules check them).
    ['{"a": [{"wildcard": "x*"}]}', /Unsupported condition/],
    ['{"a": [{"numeric": ["!", 5]}]}', /Unsupported condition/],
    ['{"a": [{"numeric": [">", 5, ">", 6]}]}', /Unsupported condition/],
    ['{"a": [{"prefix": 5}]}', /Unsupported condition/],
    ['{"a": [{"exists": "yes"}]}', /Unsupported condition/],
    [JSON.stringify({ a: Array(13).fill('x'), b: Array(12).fill('y') }), 'Invalid parameter: FilterPolicy: Filter policy is too complex'],
  ])('refuses the policy %s', (policy, message) => {
    const parsed = parseFilterPolicy(policy);
    expect(parsed).toMatchObject({ ok: false, code: 'InvalidParameter' });
    if (!parsed.ok) expect(parsed.message).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
    const topic = setup();
    expect(topic.subscribe('fn', policy)).toMatchObject({ ok: false });
    expect(topic.view().subscriptions).toEqual([]);
  });

  it.each<[SnsFilterPolicy, boolean]>([
    // Numeric ranges, on Number attributes and on numbers in a String.Array.
    [{ price_usd: [{ numeric: ['>', 200, '<=', 210.75] }] }, true],
    [{ price_usd: [{ numeric: ['>=', 0, '<', 210.75] }] }, false],
    [{ price_usd: [{ numeric: ['<', 100] }, { numeric: ['>', 200] }] }, true],
    [{ customer_interests: [{ numeric: ['>', 5] }] }, true],
    [{ store: [{ numeric: ['>', 0] }] }, false],
    // prefix, suffix, equals-ignore-case on String attributes and String.Array elements.
    [{ store: [{ prefix: 'example' }] }, true],
    [{ store: [{ prefix: 'corp' }] }, false],
    [{ store: [{ suffix: '_corp' }] }, true],
    [{ store: [{ 'equals-ignore-case': 'EXAMPLE_CORP' }] }, true],
    [{ customer_interests: [{ prefix: 'rug' }] }, true],
    [{ price_usd: [{ prefix: '210' }] }, false],
    // anything-but: present and different; absent never matches.
    [{ store: [{ 'anything-but': ['other', 'more'] }] }, true],
    [{ store: [{ 'anything-but': 'example_corp' }] }, false],
    [{ store: [{ 'anything-but': { prefix: 'ex' } }] }, false],
    [{ price_usd: [{ 'anything-but': [100] }] }, true],
    [{ missing: [{ 'anything-but': ['x'] }] }, false],
    [{ blob: [{ 'anything-but': ['x'] }] }, false],
    [{ blob: [{ prefix: 'AQ' }] }, false],
    // exists beside other conditions (OR within the key).
    [{ missing: [{ exists: false }, 'x'], store: [{ prefix: 'ex' }] }, true],
  ])('with SNS operators, %j matches: %s', (policy, expected) => {
    expect(parseFilterPolicy(policy)).toEqual({ ok: true, policy });
    expect(matchesFilterPolicy(policy, attrs)).toBe(expected);
  });

  it('accepts a policy with an attribute named "ok"', () => {
    expect(parseFilterPolicy({ ok: ['yes'] })).toEqual({ ok: true, policy: { ok: ['yes'] } });
  });
});

describe('SnsTopic results and view', () => {
  it('records what the function platform answered per delivery', () => {
    const topic = setup();
    topic.subscribe('alpha');
    topic.subscribe('beta');
    const out: SourceCommand[] = [];
    topic.publish({ message: 'm', attributes: [] }, out);
    const [a, b] = invokes(out);
    const after: SourceCommand[] = [];
    topic.onResult(a!.invocationId, { kind: 'accepted' }, after);
    topic.onResult(b!.invocationId, { kind: 'rejected', statusCode: 413, error: { errorType: 'RequestTooLargeException', errorMessage: 'too large', trace: [] } }, after);
    expect(topic.view().recent[0]!.deliveries.map((d) => [d.functionName, d.status, d.detail])).toEqual([
      ['alpha', 'accepted', undefined],
      ['beta', 'rejected', '413 RequestTooLargeException'],
    ]);
    expect(after).toContainEqual({ type: 'log', atMs: T0, text: 'Lambda refused the delivery sns-2 to beta: 413 RequestTooLargeException' });
  });

  it('keeps the last 50 publishes, newest first, and a stable view between changes', () => {
    const topic = setup();
    for (let i = 0; i < 55; i++) topic.publish({ message: `m${i}`, attributes: [] }, []);
    const view = topic.view();
    expect(view.recent.length).toBe(50);
    expect(view.recent[0]!.message).toBe('m54');
    expect(topic.view()).toBe(view);
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const topic = setup(9);
      topic.subscribe('alpha');
      const out: SourceCommand[] = [];
      topic.publish({ message: 'm', attributes: [] }, out);
      return invokes(out)[0]!.payload;
    };
    expect(run()).toBe(run());
  });
});
