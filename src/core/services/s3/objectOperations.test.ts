import { CopyObjectCommand, DeleteObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { S3_LIMITS } from '../../sources/s3Bucket';
import { rejection, s3TestRig, T0, type S3TestRig } from './s3TestRig.test-support';

const md5 = (data: string | Uint8Array) => createHash('md5').update(data).digest('hex');

let rig: S3TestRig;
beforeEach(async () => {
  rig = s3TestRig();
  rig.state.backend.createBucket('photos', T0);
});
const put = (Key: string, Body: string | Uint8Array, extra: Partial<ConstructorParameters<typeof PutObjectCommand>[0]> = {}) =>
  rig.client.send(new PutObjectCommand({ Bucket: 'photos', Key, Body, ...extra }));

describe('PutObject and GetObject through the SDK', () => {
  it('stores text with its type and metadata; GetObject gives it back as a handler sees it', async () => {
    const out = await put('notes/a b+c~é.txt', 'hello world', { ContentType: 'text/plain', Metadata: { Author: 'ana', 'x-trace': '1' } });
    expect(out.ETag).toBe(`"${md5('hello world')}"`);
    expect(out.ServerSideEncryption).toBe('AES256');
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
    rig.nowMs += 60_000;
    const got = await rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'notes/a b+c~é.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello world');
    expect(got).toMatchObject({ ContentType: 'text/plain', ContentLength: 11, ETag: `"${md5('hello world')}"`, AcceptRanges: 'bytes', Metadata: { author: 'ana', 'x-trace': '1' } });
    expect(got.LastModified?.getTime()).toBe(Math.floor(T0 / 1000) * 1000);
    expect(rig.effects.filter((e) => e.type === 's3ObjectCreated')).toEqual([
      { type: 's3ObjectCreated', bucket: 'photos', key: 'notes/a b+c~é.txt', size: 11, eTag: md5('hello world'), eventName: 'ObjectCreated:Put', notifiedByPort: false },
    ]);
  });

  it('binary bodies round-trip byte for byte; no content type is binary/octet-stream from a raw request', async () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i * 7) % 256);
    await put('blob.bin', bytes);
    const got = await rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'blob.bin' }));
    expect(Array.from(await got.Body!.transformToByteArray())).toEqual(Array.from(bytes));
    expect(got.ETag).toBe(`"${md5(bytes)}"`);
  });

  it('a streamed body (a Node.js Readable of known length) arrives aws-chunked and is stored decoded', async () => {
    const Body = Readable.from([Buffer.from('hello '), Buffer.from('stream')]);
    const out = await put('streamed.txt', '', { Body, ContentLength: 12 });
    expect(rig.handler.requests.at(-1)?.headers['content-encoding']).toBe('aws-chunked');
    expect(out.ETag).toBe(`"${md5('hello stream')}"`);
    expect(out.ChecksumCRC32).toMatch(/^[A-Za-z0-9+/]{6}==$/);
    const got = await rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'streamed.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello stream');
  });

  it('an empty object', async () => {
    await put('empty', '');
    const got = await rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'empty' }));
    expect(await got.Body?.transformToString()).toBe('');
    expect(got.ContentLength).toBe(0);
    expect(got.ETag).toBe('"d41d8cd98f00b204e9800998ecf8427e"');
  });

  it('a missing key is NoSuchKey (404) with S3’s message and the key; a missing bucket is NoSuchBucket', async () => {
    const e = await rejection(rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'nope/x.txt' })));
    expect(e.name).toBe('NoSuchKey');
    expect(e.message).toBe('The specified key does not exist.');
    expect(e.$metadata.httpStatusCode).toBe(404);
    expect(e.Key).toBe('nope/x.txt');
    expect(e.$metadata.requestId).toMatch(/^[0-9A-F]{16}$/);
    const b = await rejection(rig.client.send(new GetObjectCommand({ Bucket: 'other-bucket', Key: 'x' })));
    expect([b.name, b.message, b.$metadata.httpStatusCode, b.BucketName]).toEqual(['NoSuchBucket', 'The specified bucket does not exist', 404, 'other-bucket']);
  });

  it('objects over the playground’s limit are EntityTooLarge in S3’s words', async () => {
    const e = await rejection(put('big', new Uint8Array(S3_LIMITS.objectBytes + 1)));
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual(['EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400]);
    expect(e.ProposedSize).toBe(String(S3_LIMITS.objectBytes + 1));
    expect(e.MaxSizeAllowed).toBe(String(S3_LIMITS.objectBytes));
    await expect(put('limit', new Uint8Array(S3_LIMITS.objectBytes))).resolves.toBeDefined();
  });

  it('keys over 1,024 bytes are KeyTooLongError; a bad Content-MD5 is BadDigest', async () => {
    expect((await rejection(put('é'.repeat(513), 'x'))).name).toBe('KeyTooLongError');
    const wrong = Buffer.from(createHash('md5').update('other').digest()).toString('base64');
    const e = await rejection(put('k', 'x', { ContentMD5: wrong }));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['BadDigest', 400]);
    const right = Buffer.from(createHash('md5').update('x').digest()).toString('base64');
    await expect(put('k', 'x', { ContentMD5: right })).resolves.toBeDefined();
  });

  it('Cache-Control, Content-Disposition, Content-Encoding, Content-Language and Expires are kept with the object', async () => {
    const Expires = new Date(Date.UTC(2030, 0, 1));
    await put('page.html', '<p>', { CacheControl: 'max-age=60', ContentDisposition: 'attachment; filename="p.html"', ContentEncoding: 'identity', ContentLanguage: 'en', Expires });
    const got = await rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'page.html' }));
    expect(got).toMatchObject({ CacheControl: 'max-age=60', ContentDisposition: 'attachment; filename="p.html"', ContentEncoding: 'identity', ContentLanguage: 'en' });
    expect(got.Expires?.getTime()).toBe(Expires.getTime());
    await put('plain', 'x');
    expect((await rig.client.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'plain' }))).CacheControl).toBeUndefined();
  });

  it('conditional writes: If-None-Match * only creates, If-Match only overwrites that version', async () => {
    await put('lock', 'first', { IfNoneMatch: '*' });
    const taken = await rejection(put('lock', 'second', { IfNoneMatch: '*' }));
    expect([taken.name, taken.$metadata.httpStatusCode]).toEqual(['PreconditionFailed', 412]);
    const stale = await rejection(put('lock', 'third', { IfMatch: '"0123"' }));
    expect([stale.name, stale.$metadata.httpStatusCode]).toEqual(['PreconditionFailed', 412]);
    await put('lock', 'fourth', { IfMatch: `"${md5('first')}"` });
    const got = await rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'lock' }));
    expect(await got.Body?.transformToString()).toBe('fourth');
    expect((await rejection(put('free', 'x', { IfMatch: '"abc"' }))).name).toBe('NoSuchKey');
  });

  it('buckets are unversioned: a version id other than "null" is InvalidArgument', async () => {
    await put('v', 'x');
    expect((await rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'v', VersionId: 'null' }))).$metadata.httpStatusCode).toBe(200);
    const e = await rejection(rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'v', VersionId: '3HL4kqtJlcpXroDTDmJ' })));
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual(['InvalidArgument', 'Invalid version id specified', 400]);
  });

  it('metadata over 2 KB is MetadataTooLarge', async () => {
    const e = await rejection(put('k', 'x', { Metadata: { big: 'v'.repeat(2046) } }));
    expect(e.name).toBe('MetadataTooLarge');
  });
});

describe('GetObject ranges and conditions', () => {
  beforeEach(async () => {
    await put('abc.txt', '0123456789', { ContentType: 'text/plain' });
  });
  const get = (extra: Partial<ConstructorParameters<typeof GetObjectCommand>[0]>) => rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'abc.txt', ...extra }));

  it.each([
    ['bytes=2-4', '234', 'bytes 2-4/10'],
    ['bytes=7-', '789', 'bytes 7-9/10'],
    ['bytes=-3', '789', 'bytes 7-9/10'],
    ['bytes=8-100', '89', 'bytes 8-9/10'],
  ])('Range %s → 206 with Content-Range', async (Range, text, contentRange) => {
    const got = await get({ Range });
    expect(got.$metadata.httpStatusCode).toBe(206);
    expect(await got.Body?.transformToString()).toBe(text);
    expect(got.ContentRange).toBe(contentRange);
    expect(got.ContentLength).toBe(text.length);
  });

  it('a range past the end is InvalidRange (416); a malformed one gets the whole object', async () => {
    const e = await rejection(get({ Range: 'bytes=10-12' }));
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual(['InvalidRange', 'The requested range is not satisfiable', 416]);
    const whole = await get({ Range: 'items=1-2' });
    expect([whole.$metadata.httpStatusCode, await whole.Body?.transformToString()]).toEqual([200, '0123456789']);
  });

  it('If-None-Match with the current ETag → 304; If-Match with another → PreconditionFailed (412)', async () => {
    const eTag = `"${md5('0123456789')}"`;
    const notModified = await rejection(get({ IfNoneMatch: eTag }));
    expect(notModified.$metadata.httpStatusCode).toBe(304);
    expect((await get({ IfNoneMatch: '"other"' })).$metadata.httpStatusCode).toBe(200);
    const failed = await rejection(get({ IfMatch: '"other"' }));
    expect([failed.name, failed.$metadata.httpStatusCode, failed.Condition]).toEqual(['PreconditionFailed', 412, 'If-Match']);
    expect((await get({ IfMatch: eTag })).$metadata.httpStatusCode).toBe(200);
  });

  it('If-Modified-Since compares whole seconds', async () => {
    expect((await rejection(get({ IfModifiedSince: new Date(T0) }))).$metadata.httpStatusCode).toBe(304);
    expect((await get({ IfModifiedSince: new Date(T0 - 1000) })).$metadata.httpStatusCode).toBe(200);
  });

  it('response-content-type overrides the stored type', async () => {
    expect((await get({ ResponseContentType: 'application/json' })).ContentType).toBe('application/json');
  });
});

describe('HeadObject, DeleteObject, DeleteObjects, CopyObject', () => {
  it('HeadObject gives the headers without a body; a missing key is NotFound (404, empty body)', async () => {
    await put('h.json', '{"a":1}', { ContentType: 'application/json', Metadata: { k: 'v' } });
    const head = await rig.client.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'h.json' }));
    expect(head).toMatchObject({ ContentLength: 7, ContentType: 'application/json', ETag: `"${md5('{"a":1}')}"`, Metadata: { k: 'v' } });
    const e = await rejection(rig.client.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'missing' })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['NotFound', 404]);
    expect(rig.handler.requests.at(-1)?.method).toBe('HEAD');
  });

  it('DeleteObject answers 204, even for a key that does not exist, and reports the removal', async () => {
    await put('d.txt', 'bye');
    const out = await rig.client.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'd.txt' }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect((await rejection(rig.client.send(new GetObjectCommand({ Bucket: 'photos', Key: 'd.txt' })))).name).toBe('NoSuchKey');
    const again = await rig.client.send(new DeleteObjectCommand({ Bucket: 'photos', Key: 'd.txt' }));
    expect(again.$metadata.httpStatusCode).toBe(204);
    expect(rig.effects.filter((e) => e.type === 's3ObjectRemoved')).toEqual([
      { type: 's3ObjectRemoved', bucket: 'photos', key: 'd.txt', size: 3, eTag: md5('bye'), eventName: 'ObjectRemoved:Delete', notifiedByPort: false },
      { type: 's3ObjectRemoved', bucket: 'photos', key: 'd.txt', eventName: 'ObjectRemoved:Delete', notifiedByPort: false },
    ]);
  });

  it('DeleteObjects lists what it deleted, or nothing when Quiet', async () => {
    await put('a', '1');
    await put('b&<c>', '2');
    const out = await rig.client.send(new DeleteObjectsCommand({ Bucket: 'photos', Delete: { Objects: [{ Key: 'a' }, { Key: 'b&<c>' }, { Key: 'never' }] } }));
    expect(out.Deleted?.map((d) => d.Key)).toEqual(['a', 'b&<c>', 'never']);
    expect(out.Errors ?? []).toEqual([]);
    expect(rig.state.backend.bucket('photos')?.list()).toEqual([]);
    await put('q', '1');
    const quiet = await rig.client.send(new DeleteObjectsCommand({ Bucket: 'photos', Delete: { Objects: [{ Key: 'q' }], Quiet: true } }));
    expect(quiet.Deleted ?? []).toEqual([]);
    expect(rig.state.backend.bucket('photos')?.get('q')).toBeUndefined();
  });

  it('CopyObject copies bytes, type and metadata (or replaces them), even across buckets', async () => {
    rig.state.backend.createBucket('backup', T0);
    await put('src key.txt', 'copy me', { ContentType: 'text/plain', Metadata: { a: '1' } });
    rig.nowMs = T0 + 5000;
    const out = await rig.client.send(new CopyObjectCommand({ Bucket: 'backup', Key: 'dst.txt', CopySource: 'photos/src%20key.txt' }));
    expect(out.CopyObjectResult?.ETag).toBe(`"${md5('copy me')}"`);
    expect(out.CopyObjectResult?.LastModified?.getTime()).toBe(T0 + 5000);
    const got = await rig.client.send(new GetObjectCommand({ Bucket: 'backup', Key: 'dst.txt' }));
    expect([await got.Body?.transformToString(), got.ContentType, got.Metadata]).toEqual(['copy me', 'text/plain', { a: '1' }]);
    await rig.client.send(new CopyObjectCommand({ Bucket: 'photos', Key: 'src key.txt', CopySource: 'photos/src key.txt', MetadataDirective: 'REPLACE', ContentType: 'text/markdown', Metadata: { b: '2' } }));
    const head = await rig.client.send(new HeadObjectCommand({ Bucket: 'photos', Key: 'src key.txt' }));
    expect([head.ContentType, head.Metadata]).toEqual(['text/markdown', { b: '2' }]);
    expect(rig.effects.filter((e) => e.type === 's3ObjectCreated').map((e) => e.eventName)).toEqual(['ObjectCreated:Put', 'ObjectCreated:Copy', 'ObjectCreated:Copy']);
  });

  it('CopyObject errors: a missing source key, copying onto itself unchanged', async () => {
    const missing = await rejection(rig.client.send(new CopyObjectCommand({ Bucket: 'photos', Key: 'x', CopySource: 'photos/none' })));
    expect([missing.name, missing.$metadata.httpStatusCode]).toEqual(['NoSuchKey', 404]);
    await put('same', 's');
    const self = await rejection(rig.client.send(new CopyObjectCommand({ Bucket: 'photos', Key: 'same', CopySource: 'photos/same' })));
    expect([self.name, self.$metadata.httpStatusCode]).toEqual(['InvalidRequest', 400]);
  });
});
