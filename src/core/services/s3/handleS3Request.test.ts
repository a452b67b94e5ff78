import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../codec';
import { createRandom } from '../../random';
import { handleS3Request } from './handleS3Request';
import { parseS3Address } from './s3Address';
import { createS3ServiceState } from './s3ServiceState';
import type { S3Request } from './s3Types';

const T0 = Date.UTC(2026, 11, 5, 12, 0, 0);
const setup = (options: { dateHeader?: boolean } = {}) => {
  const state = createS3ServiceState(options);
  state.backend.createBucket('bkt', T0);
  const random = createRandom(5);
  const send = (r: Partial<S3Request> & { method: string; path: string }) =>
    handleS3Request(state, { hostname: 'bkt.s3.us-east-1.amazonaws.com', headers: {}, body: '', ...r }, { nowMs: T0, random });
  return { state, send };
};
const text = (body: Uint8Array | string) => (typeof body === 'string' ? body : new TextDecoder().decode(body));

describe('addressing: virtual-hosted and path style', () => {
  it.each([
    ['bkt.s3.us-east-1.amazonaws.com', '/a/b%20c.txt', 'bkt', 'a/b c.txt', 'virtual'],
    ['bkt.s3.amazonaws.com', '/k', 'bkt', 'k', 'virtual'],
    ['my.s3.bucket.s3.eu-west-1.amazonaws.com', '/k', 'my.s3.bucket', 'k', 'virtual'],
    ['bkt.s3.dualstack.us-east-1.amazonaws.com', '/', 'bkt', null, 'virtual'],
    ['bkt.s3-us-west-2.amazonaws.com', '/k', 'bkt', 'k', 'virtual'],
    ['s3.us-east-1.amazonaws.com', '/my.bucket/dir/k', 'my.bucket', 'dir/k', 'path'],
    ['s3.us-east-1.amazonaws.com', '/my.bucket/', 'my.bucket', null, 'path'],
    ['s3.us-east-1.amazonaws.com', '/', null, null, 'path'],
    ['localhost', '/bkt//lead', 'bkt', '/lead', 'path'],
  ])('%s%s', (hostname, path, bucket, key, style) => {
    expect(parseS3Address({ hostname, path })).toMatchObject({ bucket, key, style });
  });

  it('query as a string (a raw request) or as the SDK’s record', () => {
    expect([...parseS3Address({ hostname: 'x', path: '/b', query: '?list-type=2&prefix=a%20b%2B&delete' }).query]).toEqual([['list-type', '2'], ['prefix', 'a b+'], ['delete', '']]);
    expect([...parseS3Address({ hostname: 'x', path: '/b?uploads' }).query]).toEqual([['uploads', '']]);
    expect([...parseS3Address({ hostname: 'x', path: '/b', query: { delete: null, tag: ['x', 'y'] } }).query]).toEqual([['delete', ''], ['tag', 'x']]);
  });
});

describe('S3’s wire format', () => {
  it('an error: S3’s XML without namespace, with the key, the request id and host id; the ids in headers too', () => {
    const r = setup().send({ method: 'GET', path: '/missing%20key' });
    expect(r.response.status).toBe(404);
    expect(r.response.headers['Content-Type']).toBe('application/xml');
    const requestId = r.response.headers['x-amz-request-id']!;
    expect(requestId).toMatch(/^[0-9A-F]{16}$/);
    expect(r.response.headers['x-amz-id-2']).toMatch(/^[A-Za-z0-9+/]{76}$/);
    expect(r.response.body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>missing key</Key>` +
        `<RequestId>${requestId}</RequestId><HostId>${r.response.headers['x-amz-id-2']}</HostId></Error>`,
    );
    expect(r.response.headers.Date).toBeUndefined();
  });

  it('a HEAD error has no body; a result is in S3’s namespace', () => {
    const { send } = setup();
    const head = send({ method: 'HEAD', path: '/nope' });
    expect([head.response.status, head.response.body]).toEqual([404, '']);
    const list = send({ method: 'GET', path: '/', query: { 'list-type': '2' } });
    expect(text(list.response.body)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>bkt</Name><Prefix></Prefix>' +
        '<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>',
    );
  });

  it('GetObject’s body is the bytes; keys and values are XML-escaped in listings', () => {
    const { send } = setup();
    const bytes = Uint8Array.from([0, 255, 128, 10]);
    send({ method: 'PUT', path: '/bin', body: bytes });
    send({ method: 'PUT', path: '/a%26b%3Cc%3E', body: 'x' });
    expect(Array.from(send({ method: 'GET', path: '/bin' }).response.body as Uint8Array)).toEqual([0, 255, 128, 10]);
    expect(text(send({ method: 'GET', path: '/', query: 'list-type=2' }).response.body)).toContain('<Key>a&amp;b&lt;c&gt;</Key>');
    expect(send({ method: 'GET', path: '/bin' }).response.headers['Content-Type']).toBe('binary/octet-stream');
  });

  it('dateHeader: S3’s Date header in platform time, when asked', () => {
    expect(setup({ dateHeader: true }).send({ method: 'HEAD', path: '/' }).response.headers.Date).toBe('Sat, 05 Dec 2026 12:00:00 GMT');
  });

  it('the same seed gives the same answers', () => {
    expect(setup().send({ method: 'GET', path: '/x' })).toEqual(setup().send({ method: 'GET', path: '/x' }));
  });
});

describe('what is not modelled, and requests S3 refuses', () => {
  it('an unmodelled subresource is NotImplemented (501), billed as nothing', () => {
    const r = setup().send({ method: 'GET', path: '/k', query: { tagging: '' } });
    expect(r.response.status).toBe(501);
    expect(text(r.response.body)).toContain('<Code>NotImplemented</Code>');
    expect(text(r.response.body)).toContain('GET ?tagging');
    expect(r.effects).toEqual([]);
    expect(setup().send({ method: 'POST', path: '/k', query: 'uploads' }).response.status).toBe(501);
  });

  it('a method the resource does not take is MethodNotAllowed (405)', () => {
    const r = setup().send({ method: 'POST', path: '/k' });
    expect(r.response.status).toBe(405);
    expect(text(r.response.body)).toContain('<Method>POST</Method><ResourceType>OBJECT</ResourceType>');
  });

  it('DeleteObjects needs Content-MD5 or a checksum, and well-formed XML of 1 to 1000 keys', () => {
    const { send } = setup();
    const body = '<Delete><Object><Key>a</Key></Object></Delete>';
    const code = (r: ReturnType<typeof send>) => /<Code>([^<]*)<\/Code>/.exec(text(r.response.body))?.[1];
    expect(code(send({ method: 'POST', path: '/', query: 'delete', body }))).toBe('InvalidRequest');
    const withSum = { 'x-amz-checksum-crc32': 'AAAAAA==' };
    expect(code(send({ method: 'POST', path: '/', query: 'delete', body: '<Nope/>', headers: withSum }))).toBe('MalformedXML');
    expect(code(send({ method: 'POST', path: '/', query: 'delete', body: '<Delete></Delete>', headers: withSum }))).toBe('MalformedXML');
    const many = `<Delete>${'<Object><Key>k</Key></Object>'.repeat(1001)}</Delete>`;
    expect(code(send({ method: 'POST', path: '/', query: 'delete', body: many, headers: withSum }))).toBe('MalformedXML');
    const ok = send({ method: 'POST', path: '/', query: 'delete', body: utf8Bytes(body), headers: withSum });
    expect(text(ok.response.body)).toContain('<DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Deleted><Key>a</Key></Deleted></DeleteResult>');
  });
});

describe('billing', () => {
  it('PUT, COPY, POST and LIST are tier 1; GET and HEAD tier 2; DELETE free; refused requests are billed too', () => {
    const { send } = setup();
    const billed = (r: ReturnType<typeof send>) => r.effects.filter((e) => e.type === 'billedRequests');
    expect(billed(send({ method: 'PUT', path: '/k', body: 'v' }))).toEqual([{ type: 'billedRequests', service: 's3', action: 'PutObject', count: 1, tier: 1 }]);
    expect(billed(send({ method: 'PUT', path: '/k2', headers: { 'x-amz-copy-source': 'bkt/k' } }))).toMatchObject([{ action: 'CopyObject', tier: 1 }]);
    expect(billed(send({ method: 'GET', path: '/', query: 'list-type=2' }))).toMatchObject([{ action: 'ListObjectsV2', tier: 1 }]);
    expect(billed(send({ method: 'GET', path: '/k' }))).toMatchObject([{ action: 'GetObject', tier: 2 }]);
    expect(billed(send({ method: 'HEAD', path: '/k' }))).toMatchObject([{ action: 'HeadObject', tier: 2 }]);
    expect(billed(send({ method: 'GET', path: '/nope' }))).toMatchObject([{ action: 'GetObject', tier: 2 }]);
    expect(send({ method: 'DELETE', path: '/k' }).effects.map((e) => e.type)).toEqual(['s3ObjectRemoved']);
  });
});
