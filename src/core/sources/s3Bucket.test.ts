import type { S3Event, S3EventRecord } from 'aws-lambda';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createRandom } from '../random';
import { S3Bucket, encodeS3EventKey, type S3NotificationConfig } from './s3Bucket';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, type SourceCommand, type SourceContext } from './sourceTypes';

const T0 = Date.UTC(2025, 0, 2, 3, 4, 5, 678);

function setup(seed = 1) {
  const clock = new ManualClock(T0);
  const ctx: SourceContext = { clock, random: createRandom(seed), region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT, waitScale: () => 1 };
  const bucket = new S3Bucket(ctx, { id: 'bucket1', bucketName: 'photos-bucket' });
  return { clock, bucket };
}

const invokes = (out: SourceCommand[]) => out.filter((c): c is Extract<SourceCommand, { type: 'invoke' }> => c.type === 'invoke');
const lambda = (id: string, events: S3NotificationConfig['events'], prefix?: string, suffix?: string): S3NotificationConfig => ({
  id, functionName: 'thumbnailer', events, ...(prefix !== undefined ? { prefix } : {}), ...(suffix !== undefined ? { suffix } : {}),
});
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** The `ObjectCreated:Put` record in the shape of lambda-model.md §7 (AWS's sample, values ours). */
const SAMPLE_PUT: S3Event = {
  Records: [{
    eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'us-east-1', eventTime: '1970-01-01T00:00:00.000Z', eventName: 'ObjectCreated:Put',
    userIdentity: { principalId: 'EXAMPLE' }, requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': 'EXAMPLE123456789', 'x-amz-id-2': 'EXAMPLE123/5678abcdefghijklambdaisawesome/mnopqrstuvwxyzABCDEFGH' },
    s3: {
      s3SchemaVersion: '1.0', configurationId: 'testConfigRule',
      bucket: { name: 'example-bucket', ownerIdentity: { principalId: 'EXAMPLE' }, arn: 'arn:aws:s3:::example-bucket' },
      object: { key: 'test%2Fkey', size: 1024, eTag: '0123456789abcdef0123456789abcdef', sequencer: '0A1B2C3D4E5F678901' },
    },
  }],
};

/** Every key path of a JSON value, e.g. `Records.0.s3.object.key`. */
function paths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k)).sort();
}

type RemovedEvent = {
  Records: (Omit<S3EventRecord, 's3'> & { s3: Omit<S3EventRecord['s3'], 'object'> & { object: Omit<S3EventRecord['s3']['object'], 'size' | 'eTag'> } })[];
};

describe('S3Bucket notifications', () => {
  it('sends one asynchronous invoke per matching PUT, in the shape of S3 events', () => {
    const { bucket } = setup();
    expect(bucket.addNotification(lambda('onUpload', ['s3:ObjectCreated:*']))).toEqual({ ok: true });
    const out: SourceCommand[] = [];
    expect(bucket.putText('images/red flower.jpg', 'hello', out)).toEqual({ ok: true });
    const [invoke, ...rest] = invokes(out);
    expect(rest).toEqual([]);
    expect(invoke).toMatchObject({ functionName: 'thumbnailer', invocationType: 'Event', invocationId: 's3-1' });
    const sent = bucket.view().recent[0]!;
    const record = sent.event.Records[0];
    if (record.eventName !== 'ObjectCreated:Put') throw new Error('expected a put');
    const typed = { Records: [record] } satisfies S3Event;
    expect(JSON.parse(invoke!.payload)).toEqual(typed);
    expect(paths(typed)).toEqual(paths(SAMPLE_PUT));
    expect(Object.keys(record)).toEqual(Object.keys(SAMPLE_PUT.Records[0]!)); // S3's order, as a handler prints it
    expect(Object.keys(record.s3.object)).toEqual(['key', 'size', 'eTag', 'sequencer']);
    expect(record).toMatchObject({
      eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: 'us-east-1', eventTime: '2025-01-02T03:04:05.678Z', eventName: 'ObjectCreated:Put',
      requestParameters: { sourceIPAddress: '198.51.100.7' },
      s3: {
        s3SchemaVersion: '1.0', configurationId: 'onUpload',
        bucket: { name: 'photos-bucket', arn: 'arn:aws:s3:::photos-bucket' },
        object: { key: 'images/red+flower.jpg', size: 5, eTag: createHash('md5').update('hello').digest('hex') },
      },
    });
    expect(record.userIdentity.principalId).toMatch(/^AWS:AIDA[A-Z0-9]{17}$/);
    expect(record.s3.bucket.ownerIdentity.principalId).toMatch(/^A[A-Z0-9]{13}$/);
    expect(record.responseElements['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(record.responseElements['x-amz-id-2']).toMatch(/^[A-Za-z0-9+/]{76}$/);
    expect(record.s3.object.sequencer).toMatch(/^[0-9A-F]{18}$/);
    expect(sent).toMatchObject({ functionName: 'thumbnailer', configurationId: 'onUpload', key: 'images/red flower.jpg', status: 'sent' });
  });

  it('sends ObjectRemoved:Delete without size or eTag, and sequencers increase per key', () => {
    const { bucket, clock } = setup();
    bucket.addNotification(lambda('all', ['s3:ObjectCreated:Put', 's3:ObjectRemoved:*']));
    const out: SourceCommand[] = [];
    bucket.putText('a.txt', 'one', out);
    bucket.putText('a.txt', 'two', out); // same millisecond
    clock.advance(1);
    bucket.deleteObject('a.txt', out);
    const events = invokes(out).map((c) => JSON.parse(c.payload) as S3Event);
    const sequencers = events.map((e) => e.Records[0]!.s3.object.sequencer);
    expect([...sequencers].sort()).toEqual(sequencers);
    expect(new Set(sequencers).size).toBe(3);
    const removed = bucket.view().recent[0]!.event.Records[0];
    if (removed.eventName !== 'ObjectRemoved:Delete') throw new Error('expected a delete');
    const typed = { Records: [removed] } satisfies RemovedEvent;
    expect(JSON.parse(invokes(out)[2]!.payload)).toEqual(typed);
    expect(Object.keys(removed.s3.object).sort()).toEqual(['key', 'sequencer']);
    expect(paths(typed)).toEqual(paths(SAMPLE_PUT).filter((p) => !p.endsWith('object.size') && !p.endsWith('object.eTag')));
    expect(bucket.view().objects).toEqual([]);
  });

  it('shares one request id between the records of one request, and differs between requests', () => {
    const { bucket } = setup();
    bucket.addNotification(lambda('jpg', ['s3:ObjectCreated:*'], undefined, '.jpg'));
    bucket.addNotification({ ...lambda('png', ['s3:ObjectCreated:*'], undefined, '.png'), functionName: 'other' });
    const out: SourceCommand[] = [];
    bucket.putText('x.jpg', 'a', out);
    bucket.putText('x.png', 'b', out);
    const [a, b] = invokes(out).map((c) => (JSON.parse(c.payload) as S3Event).Records[0]!);
    expect(a!.s3.configurationId).toBe('jpg');
    expect(b!.s3.configurationId).toBe('png');
    expect(invokes(out).map((c) => c.functionName)).toEqual(['thumbnailer', 'other']);
    expect(a!.responseElements['x-amz-request-id']).not.toBe(b!.responseElements['x-amz-request-id']);
  });

  it.each([
    { events: ['s3:ObjectCreated:*'], key: 'a.txt', put: true, del: false },
    { events: ['s3:ObjectCreated:Put'], key: 'a.txt', put: true, del: false },
    { events: ['s3:ObjectRemoved:*'], key: 'a.txt', put: false, del: true },
    { events: ['s3:ObjectRemoved:Delete'], key: 'a.txt', put: false, del: true },
  ] as const)('event types $events: put notifies $put, delete notifies $del', ({ events, key, put, del }) => {
    const { bucket } = setup();
    bucket.addNotification(lambda('c', [...events]));
    const putOut: SourceCommand[] = [];
    bucket.putText(key, 'x', putOut);
    const delOut: SourceCommand[] = [];
    bucket.deleteObject(key, delOut);
    expect(invokes(putOut).length).toBe(put ? 1 : 0);
    expect(invokes(delOut).length).toBe(del ? 1 : 0);
  });

  it.each([
    ['images/', undefined, 'images/cat.jpg', true],
    ['images/', undefined, 'docs/cat.jpg', false],
    [undefined, '.jpg', 'images/cat.jpg', true],
    [undefined, '.jpg', 'images/cat.png', false],
    ['images/', '.jpg', 'images/cat.jpg', true],
    ['images/', '.jpg', 'images/cat.png', false],
    // S3 matches filters against the URL-encoded key: a space is written "+" in a filter.
    ['my+photos/', undefined, 'my photos/cat.jpg', true],
    ['my photos/', undefined, 'my photos/cat.jpg', false],
    ['dt%3D2024/', undefined, 'dt=2024/part-0', true],
  ])('prefix %j suffix %j on %j notifies: %s', (prefix, suffix, key, expected) => {
    const { bucket } = setup();
    bucket.addNotification(lambda('c', ['s3:ObjectCreated:*'], prefix, suffix));
    const out: SourceCommand[] = [];
    bucket.putText(key, 'x', out);
    expect(invokes(out).length).toBe(expected ? 1 : 0);
  });

  it('sends nothing without a notification configuration, and stops when one is removed', () => {
    const { bucket } = setup();
    const out: SourceCommand[] = [];
    bucket.putText('a', 'x', out);
    expect(invokes(out)).toEqual([]);
    bucket.addNotification(lambda('c', ['s3:ObjectCreated:*']));
    expect(bucket.removeNotification('c')).toEqual({ ok: true });
    bucket.putText('a', 'x', out);
    expect(invokes(out)).toEqual([]);
    expect(bucket.removeNotification('c')).toMatchObject({ ok: false, code: 'InvalidArgument' });
  });

  it('records what the function platform answered', () => {
    const { bucket } = setup();
    bucket.addNotification(lambda('c', ['s3:ObjectCreated:*']));
    const out: SourceCommand[] = [];
    bucket.putText('a', 'x', out);
    bucket.putText('b', 'x', out);
    const [first, second] = invokes(out);
    const after: SourceCommand[] = [];
    bucket.onResult(first!.invocationId, { kind: 'accepted' }, after);
    bucket.onResult(second!.invocationId, { kind: 'rejected', statusCode: 429, error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate exceeded', trace: [] } }, after);
    const recent = bucket.view().recent;
    expect(recent.map((r) => [r.key, r.status, r.detail])).toEqual([['b', 'rejected', '429 TooManyRequestsException'], ['a', 'accepted', undefined]]);
    expect(after.filter((c) => c.type === 'log').map((c) => (c.type === 'log' ? c.text : ''))).toEqual([
      'Lambda refused the notification s3-2 for thumbnailer: 429 TooManyRequestsException',
    ]);
    expect(after.some((c) => c.type === 'changed')).toBe(true);
  });

  it('keeps the last 50 notifications, newest first', () => {
    const { bucket } = setup();
    bucket.addNotification(lambda('c', ['s3:ObjectCreated:*']));
    const out: SourceCommand[] = [];
    for (let i = 0; i < 60; i++) bucket.putText(`k${i}`, 'x', out);
    const recent = bucket.view().recent;
    expect(recent.length).toBe(50);
    expect(recent[0]!.key).toBe('k59');
    expect(recent[49]!.key).toBe('k10');
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const { bucket } = setup(7);
      bucket.addNotification(lambda('c', ['s3:ObjectCreated:*']));
      const out: SourceCommand[] = [];
      bucket.putText('a', 'x', out);
      return invokes(out)[0]!.payload;
    };
    expect(run()).toBe(run());
  });
});

describe('encodeS3EventKey', () => {
  it.each([
    ['red flower.jpg', 'red+flower.jpg'], // AWS's own example
    ['images/photo.jpg', 'images/photo.jpg'], // "/" is kept
    ['dt=2018-05-04/_SUCCESS', 'dt%3D2018-05-04/_SUCCESS'],
    ['test/10:47:07.log', 'test/10%3A47%3A07.log'],
    ['test_file(3).png', 'test_file%283%29.png'],
    ['a+b', 'a%2Bb'],
    ['100%', '100%25'],
    ['a~b!c\'d', 'a%7Eb%21c%27d'],
    ['star*.-_', 'star*.-_'],
    ['q?x#y&z', 'q%3Fx%23y%26z'],
    ['café', 'caf%C3%A9'],
    ['日本', '%E6%97%A5%E6%9C%AC'],
    ['😀', '%F0%9F%98%80'],
    ['tab\there', 'tab%09here'],
  ])('%j → %j', (key, encoded) => {
    expect(encodeS3EventKey(key)).toBe(encoded);
  });
});

describe('S3Bucket notification validation', () => {
  const AMBIGUOUS = 'Configuration is ambiguously defined. Cannot have overlapping suffixes in two rules if the prefixes are overlapping for the same event type.';
  it.each([
    // [first, second, accepted?]
    [lambda('a', ['s3:ObjectCreated:*'], 'images/'), lambda('b', ['s3:ObjectCreated:*'], 'logs/'), true],
    [lambda('a', ['s3:ObjectCreated:*'], 'images/', '.jpg'), lambda('b', ['s3:ObjectCreated:*'], 'images/', '.png'), true],
    [lambda('a', ['s3:ObjectCreated:*']), lambda('b', ['s3:ObjectRemoved:*']), true],
    [lambda('a', ['s3:ObjectCreated:*']), lambda('b', ['s3:ObjectCreated:*'], 'images/'), false],
    [lambda('a', ['s3:ObjectCreated:*'], 'images'), lambda('b', ['s3:ObjectCreated:*'], 'images/2024/'), false],
    [lambda('a', ['s3:ObjectCreated:*'], undefined, '.jpg'), lambda('b', ['s3:ObjectCreated:*'], undefined, 'jpg'), false],
    [lambda('a', ['s3:ObjectCreated:*'], 'images/', '.jpg'), lambda('b', ['s3:ObjectCreated:*'], undefined, '.jpg'), false],
    [lambda('a', ['s3:ObjectCreated:*'], 'a/'), lambda('b', ['s3:ObjectCreated:Put'], 'a/'), false],
    [lambda('a', ['s3:ObjectCreated:Put'], 'a/'), lambda('b', ['s3:ObjectCreated:Put', 's3:ObjectRemoved:Delete'], 'a/'), false],
    [lambda('a', ['s3:ObjectRemoved:Delete'], 'a/'), lambda('b', ['s3:ObjectCreated:Put'], 'a/'), true],
  ])('%o then %o: accepted %s', (first, second, accepted) => {
    const { bucket } = setup();
    expect(bucket.addNotification(first)).toEqual({ ok: true });
    const result = bucket.addNotification(second);
    expect(result).toEqual(accepted ? { ok: true } : { ok: false, code: 'InvalidArgument', message: AMBIGUOUS });
    expect(bucket.view().notifications.length).toBe(accepted ? 2 : 1);
    expect(bucket.view().lastError).toBe(accepted ? null : `InvalidArgument: ${AMBIGUOUS}`);
  });

  it('refuses duplicate ids, no events and unknown events', () => {
    const { bucket } = setup();
    bucket.addNotification(lambda('a', ['s3:ObjectCreated:*'], 'x/'));
    expect(bucket.addNotification(lambda('a', ['s3:ObjectCreated:*'], 'y/'))).toMatchObject({ ok: false, code: 'InvalidArgument' });
    expect(bucket.addNotification(lambda('b', []))).toMatchObject({ ok: false, message: 'The event is not supported for notifications' });
    expect(bucket.addNotification(lambda('c', ['s3:ObjectTagging:*' as never]))).toMatchObject({ ok: false });
    expect(bucket.addNotification(lambda('', ['s3:ObjectCreated:*'], 'z/'))).toMatchObject({ ok: false });
  });

  it('refuses an invalid bucket name', () => {
    const ctx = { clock: new ManualClock(), random: createRandom(1), region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT, waitScale: () => 1 };
    for (const bucketName of ['ab', 'Upper', 'a..b', '-abc', '192.168.1.1', 'x'.repeat(64)]) {
      expect(() => new S3Bucket(ctx, { id: 'b', bucketName })).toThrow('InvalidBucketName');
    }
  });
});

describe('S3Bucket objects', () => {
  it('validates keys: 1 to 1,024 bytes of UTF-8', () => {
    const { bucket } = setup();
    bucket.addNotification(lambda('c', ['s3:ObjectCreated:*']));
    const out: SourceCommand[] = [];
    expect(bucket.putText('', 'x', out)).toMatchObject({ ok: false, code: 'InvalidArgument' });
    expect(bucket.putText('é'.repeat(512), 'x', out)).toEqual({ ok: true }); // 1,024 bytes
    expect(bucket.putText('é'.repeat(512) + 'a', 'x', out)).toMatchObject({ ok: false, code: 'KeyTooLongError' });
    expect(bucket.view().lastError).toMatch(/^KeyTooLongError: Your key is too long/);
    expect(invokes(out).length).toBe(1);
    bucket.putText('ok', 'x', out);
    expect(bucket.view().lastError).toBeNull();
  });

  it('refuses objects over 10 MB and keeps bytes only up to 1 MB', () => {
    const { bucket } = setup();
    const out: SourceCommand[] = [];
    const result = bucket.putObject('huge.bin', new Uint8Array(10 * 1024 * 1024 + 1), 'application/octet-stream', out);
    expect(result).toMatchObject({ ok: false, code: 'EntityTooLarge' });
    expect(bucket.view().objects).toEqual([]);
    expect(bucket.putObject('big.bin', new Uint8Array(2 * 1024 * 1024), '', out)).toEqual({ ok: true });
    expect(bucket.putObject('small.bin', new Uint8Array([1, 2, 3]), '', out)).toEqual({ ok: true });
    expect(bucket.getObjectBytes('big.bin')).toBeNull();
    expect(Array.from(bucket.getObjectBytes('small.bin')!)).toEqual([1, 2, 3]);
    expect(bucket.view().objects.map((o) => [o.key, o.size, o.contentType])).toEqual([
      ['big.bin', 2 * 1024 * 1024, 'binary/octet-stream'],
      ['small.bin', 3, 'binary/octet-stream'],
    ]);
  });

  it('lists objects in UTF-8 byte order with size, ETag, time, type and a text preview', () => {
    const { bucket, clock } = setup();
    const out: SourceCommand[] = [];
    bucket.putText('😀', 'emoji', out);
    bucket.putText('\uFF5E', 'fullwidth tilde', out);
    clock.advance(1000);
    bucket.putObject('b.json', bytes('{"a":1}'), 'application/json', out);
    bucket.putObject('a.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png', out);
    bucket.putObject('bad.txt', new Uint8Array([0xff, 0xfe]), 'text/plain', out);
    const objects = bucket.view().objects;
    expect(objects.map((o) => o.key)).toEqual(['a.png', 'b.json', 'bad.txt', '\uFF5E', '😀']);
    expect(objects[1]).toEqual({
      key: 'b.json', size: 7, eTag: createHash('md5').update('{"a":1}').digest('hex'), lastModifiedMs: T0 + 1000, contentType: 'application/json', textPreview: '{"a":1}',
    });
    expect(objects[0]!.textPreview).toBeNull();
    expect(objects[2]!.textPreview).toBeNull();
    expect(objects[3]).toMatchObject({ contentType: 'text/plain; charset=utf-8', textPreview: 'fullwidth tilde' });
  });

  it('cuts a text preview at a character boundary', () => {
    const { bucket } = setup();
    bucket.putText('long.txt', 'a' + 'é'.repeat(3000), []);
    const preview = bucket.view().objects[0]!.textPreview!;
    expect(preview).toBe('a' + 'é'.repeat(2047));
  });

  it('pushes changed and log lines, and keeps the view stable between changes', () => {
    const { bucket } = setup();
    const out: SourceCommand[] = [];
    bucket.putText('a', 'x', out);
    expect(out.map((c) => c.type)).toEqual(['log', 'changed']);
    expect(bucket.view()).toBe(bucket.view());
    const before = bucket.view();
    bucket.deleteObject('missing', out);
    expect(bucket.view()).not.toBe(before);
    expect(out.filter((c) => c.type === 'log').map((c) => (c.type === 'log' ? c.text : ''))).toEqual([
      'PUT a (1 byte, ETag 9dd4e461268c8034f5c8564e155c67a6)',
      'DELETE missing (no such key; S3 still answers 204)',
    ]);
  });
});

