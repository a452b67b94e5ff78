import { ListObjectsCommand, ListObjectsV2Command, paginateListObjectsV2, PutObjectCommand, type ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { rejection, s3TestRig, T0, type S3TestRig } from './s3TestRig.test-support';

let rig: S3TestRig;
const KEYS = ['a.txt', 'photos/2024/x.jpg', 'photos/2024/y.jpg', 'photos/2025/z.jpg', 'photos/cover.jpg', 'readme', 'z z/q', '\uE000', '\u{1F600}'];
beforeEach(async () => {
  rig = s3TestRig();
  rig.state.backend.createBucket('docs', T0);
  for (const Key of [...KEYS].reverse()) await rig.client.send(new PutObjectCommand({ Bucket: 'docs', Key, Body: Key }));
});
const list = (extra: Partial<ConstructorParameters<typeof ListObjectsV2Command>[0]> = {}) => rig.client.send(new ListObjectsV2Command({ Bucket: 'docs', ...extra }));
const keys = (out: ListObjectsV2CommandOutput) => (out.Contents ?? []).map((c) => c.Key);
const prefixes = (out: ListObjectsV2CommandOutput) => (out.CommonPrefixes ?? []).map((c) => c.Prefix);

describe('ListObjectsV2', () => {
  it('lists every key in UTF-8 byte order with its size, ETag and storage class', async () => {
    const out = await list();
    expect(keys(out)).toEqual(KEYS); // U+E000 sorts before U+1F600 in UTF-8, after it in UTF-16
    expect(out).toMatchObject({ Name: 'docs', KeyCount: KEYS.length, MaxKeys: 1000, IsTruncated: false, Prefix: '' });
    expect(out.NextContinuationToken).toBeUndefined();
    expect(out.Contents?.[0]).toMatchObject({ Key: 'a.txt', Size: 5, StorageClass: 'STANDARD', ETag: `"${createHash('md5').update('a.txt').digest('hex')}"` });
    expect(out.Contents?.[0]?.LastModified?.getTime()).toBe(T0);
    expect(rig.handler.requests.at(-1)?.query).toMatchObject({ 'list-type': '2' });
  });

  it('prefix and delimiter: keys under the prefix, the rest rolled up into CommonPrefixes', async () => {
    const out = await list({ Prefix: 'photos/', Delimiter: '/' });
    expect(keys(out)).toEqual(['photos/cover.jpg']);
    expect(prefixes(out)).toEqual(['photos/2024/', 'photos/2025/']);
    expect(out.KeyCount).toBe(3);
    expect([out.Prefix, out.Delimiter]).toEqual(['photos/', '/']);
    const top = await list({ Delimiter: '/' });
    expect(prefixes(top)).toEqual(['photos/', 'z z/']);
  });

  it('max-keys pages with NextContinuationToken; common prefixes count against it', async () => {
    const first = await list({ MaxKeys: 2, Delimiter: '/' });
    expect(keys(first)).toEqual(['a.txt']);
    expect(prefixes(first)).toEqual(['photos/']);
    expect([first.IsTruncated, first.KeyCount, first.MaxKeys]).toEqual([true, 2, 2]);
    const second = await list({ MaxKeys: 2, Delimiter: '/', ContinuationToken: first.NextContinuationToken });
    expect(second.ContinuationToken).toBe(first.NextContinuationToken);
    expect(keys(second)).toEqual(['readme']);
    expect(prefixes(second)).toEqual(['z z/']);
    const third = await list({ MaxKeys: 2, Delimiter: '/', ContinuationToken: second.NextContinuationToken });
    expect(keys(third)).toEqual(['\uE000', '\u{1F600}']);
    expect(third.IsTruncated).toBe(false);
  });

  it('the SDK paginator walks every page', async () => {
    const pages: string[][] = [];
    for await (const page of paginateListObjectsV2({ client: rig.client, pageSize: 4 }, { Bucket: 'docs' })) pages.push(keys(page) as string[]);
    expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
    expect(pages.flat()).toEqual(KEYS);
  });

  it('start-after, a page that ends exactly at the last key, and max-keys 0', async () => {
    expect(keys(await list({ StartAfter: 'photos/cover.jpg' }))).toEqual(['readme', 'z z/q', '\uE000', '\u{1F600}']);
    const exact = await list({ StartAfter: 'readme', MaxKeys: 3 });
    expect([keys(exact), exact.IsTruncated]).toEqual([['z z/q', '\uE000', '\u{1F600}'], false]);
    const none = await list({ MaxKeys: 0 });
    expect([keys(none), none.KeyCount, none.IsTruncated]).toEqual([[], 0, false]);
  });

  it('encoding-type=url encodes keys and prefixes as S3 does (space as +, slash kept); the SDK hands them over encoded', async () => {
    const out = await list({ EncodingType: 'url', Delimiter: '/', Prefix: 'z z/' });
    expect(out.EncodingType).toBe('url');
    expect(keys(out)).toEqual(['z+z/q']);
    expect(out.Prefix).toBe('z+z/');
    expect(keys(await list({ EncodingType: 'url', StartAfter: 'z z/q' }))).toEqual(['%EE%80%80', '%F0%9F%98%80']);
  });

  it('a bad continuation token or max-keys is InvalidArgument; a missing bucket NoSuchBucket', async () => {
    const token = await rejection(list({ ContinuationToken: '!!not a token' }));
    expect([token.name, token.message, token.$metadata.httpStatusCode, token.ArgumentName]).toEqual(['InvalidArgument', 'The continuation token provided is incorrect', 400, 'continuation-token']);
    const missing = await rejection(rig.client.send(new ListObjectsV2Command({ Bucket: 'nobody' })));
    expect(missing.name).toBe('NoSuchBucket');
  });

  it('more than 1000 keys: pages of 1000', async () => {
    const port = rig.state.backend.bucket('docs')!;
    for (let i = 0; i < 1100; i++) {
      const key = `bulk/${String(i).padStart(4, '0')}`;
      port.put({ key, bytes: new Uint8Array(), size: 0, contentType: 'x', eTag: 'd41d8cd98f00b204e9800998ecf8427e', lastModifiedMs: T0, metadata: {} });
    }
    const first = await list({ Prefix: 'bulk/', MaxKeys: 5000 });
    expect([first.KeyCount, first.IsTruncated, first.MaxKeys]).toEqual([1000, true, 5000]);
    const second = await list({ Prefix: 'bulk/', ContinuationToken: first.NextContinuationToken });
    expect([second.KeyCount, second.IsTruncated, keys(second)[0]]).toEqual([100, false, 'bulk/1000']);
  });
});

describe('ListObjects (V1)', () => {
  it('marker, and NextMarker when a delimited listing is truncated', async () => {
    const out = await rig.client.send(new ListObjectsCommand({ Bucket: 'docs', Delimiter: '/', MaxKeys: 2 }));
    expect((out.Contents ?? []).map((c) => c.Key)).toEqual(['a.txt']);
    expect([out.IsTruncated, out.NextMarker]).toEqual([true, 'photos/']);
    const next = await rig.client.send(new ListObjectsCommand({ Bucket: 'docs', Delimiter: '/', Marker: 'photos/', MaxKeys: 2 }));
    expect((next.Contents ?? []).map((c) => c.Key)).toEqual(['readme']);
    expect((next.CommonPrefixes ?? []).map((c) => c.Prefix)).toEqual(['z z/']);
  });
});
