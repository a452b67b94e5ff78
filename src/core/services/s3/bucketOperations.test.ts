import {
  CreateBucketCommand, DeleteBucketCommand, GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand, ListBucketsCommand, PutObjectCommand,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { rejection, s3TestRig, T0 } from './s3TestRig.test-support';

describe('buckets through the SDK', () => {
  it('CreateBucket, HeadBucket, ListBuckets (by name, with creation dates), DeleteBucket', async () => {
    const rig = s3TestRig();
    const created = await rig.client.send(new CreateBucketCommand({ Bucket: 'zeta-bucket' }));
    expect([created.$metadata.httpStatusCode, created.Location]).toEqual([200, '/zeta-bucket']);
    rig.nowMs = T0 + 1000;
    await rig.client.send(new CreateBucketCommand({ Bucket: 'alpha-bucket' }));
    const head = await rig.client.send(new HeadBucketCommand({ Bucket: 'alpha-bucket' }));
    expect([head.$metadata.httpStatusCode, head.BucketRegion]).toEqual([200, 'us-east-1']);
    const listed = await rig.client.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((b) => [b.Name, b.CreationDate?.getTime()])).toEqual([['alpha-bucket', T0 + 1000], ['zeta-bucket', T0]]);
    expect(listed.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const deleted = await rig.client.send(new DeleteBucketCommand({ Bucket: 'zeta-bucket' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const gone = await rejection(rig.client.send(new HeadBucketCommand({ Bucket: 'zeta-bucket' })));
    expect([gone.name, gone.$metadata.httpStatusCode, gone.$metadata.attempts]).toEqual(['NotFound', 404, 1]);
    expect(rig.effects.filter((e) => e.type === 'billedRequests').map((e) => [e.action, e.tier])).toEqual([
      ['CreateBucket', 1], ['CreateBucket', 1], ['HeadBucket', 2], ['ListBuckets', 1], ['HeadBucket', 2],
    ]);
  });

  it('us-east-1 answers 200 to creating a bucket you own; other regions BucketAlreadyOwnedByYou (409)', async () => {
    const east = s3TestRig();
    await east.client.send(new CreateBucketCommand({ Bucket: 'mine' }));
    expect((await east.client.send(new CreateBucketCommand({ Bucket: 'mine' }))).$metadata.httpStatusCode).toBe(200);
    const west = s3TestRig({ region: 'eu-west-1' });
    const config = { LocationConstraint: 'eu-west-1' as const };
    await west.client.send(new CreateBucketCommand({ Bucket: 'mine', CreateBucketConfiguration: config }));
    const again = await rejection(west.client.send(new CreateBucketCommand({ Bucket: 'mine', CreateBucketConfiguration: config })));
    expect([again.name, again.message, again.$metadata.httpStatusCode, again.BucketName]).toEqual([
      'BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, 'mine',
    ]);
    expect(west.handler.requests[0]?.hostname).toBe('mine.s3.eu-west-1.amazonaws.com');
    // The SDK fills in the client's region as the LocationConstraint when it is left out.
    await west.client.send(new CreateBucketCommand({ Bucket: 'implied' }));
    expect(String(west.handler.requests.at(-1)?.body)).toContain('<LocationConstraint>eu-west-1</LocationConstraint>');
    const elsewhere = await rejection(west.client.send(new CreateBucketCommand({ Bucket: 'other', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } })));
    expect([elsewhere.name, elsewhere.message]).toEqual(['IllegalLocationConstraintException', 'The us-west-2 location constraint is incompatible for the region specific endpoint this request was sent to.']);
    expect((await west.client.send(new GetBucketLocationCommand({ Bucket: 'mine' }))).LocationConstraint).toBe('eu-west-1');
  });

  it('an invalid name is InvalidBucketName (sent path style, as the SDK does for names that are not DNS-compatible)', async () => {
    const rig = s3TestRig();
    for (const Bucket of ['My_Bucket', 'ab', 'a..b', '192.168.1.1', 'name-s3alias']) {
      const e = await rejection(rig.client.send(new CreateBucketCommand({ Bucket })));
      expect([Bucket, e.name, e.message, e.$metadata.httpStatusCode]).toEqual([Bucket, 'InvalidBucketName', 'The specified bucket is not valid.', 400]);
    }
    expect(rig.handler.requests[0]).toMatchObject({ hostname: 's3.us-east-1.amazonaws.com', path: '/My_Bucket/' });
  });

  it('DeleteBucket of a bucket with objects is BucketNotEmpty (409); of a missing one NoSuchBucket', async () => {
    const rig = s3TestRig();
    await rig.client.send(new CreateBucketCommand({ Bucket: 'full' }));
    await rig.client.send(new PutObjectCommand({ Bucket: 'full', Key: 'k', Body: 'v' }));
    const e = await rejection(rig.client.send(new DeleteBucketCommand({ Bucket: 'full' })));
    expect([e.name, e.message, e.$metadata.httpStatusCode]).toEqual(['BucketNotEmpty', 'The bucket you tried to delete is not empty', 409]);
    expect((await rejection(rig.client.send(new DeleteBucketCommand({ Bucket: 'never' })))).name).toBe('NoSuchBucket');
  });

  it('path style works the same: forcePathStyle, and bucket names with dots', async () => {
    const rig = s3TestRig({ forcePathStyle: true });
    await rig.client.send(new CreateBucketCommand({ Bucket: 'plain' }));
    await rig.client.send(new CreateBucketCommand({ Bucket: 'with.dots' }));
    await rig.client.send(new PutObjectCommand({ Bucket: 'plain', Key: 'dir/a b.txt', Body: 'p' }));
    const dotted = s3TestRig({ backend: rig.state.backend });
    await dotted.client.send(new PutObjectCommand({ Bucket: 'with.dots', Key: 'k', Body: 'd' }));
    expect(rig.handler.requests.map((r) => `${r.hostname}${r.path}`)).toEqual(['s3.us-east-1.amazonaws.com/plain/', 's3.us-east-1.amazonaws.com/with.dots/', 's3.us-east-1.amazonaws.com/plain/dir/a%20b.txt']);
    expect(dotted.handler.requests[0]).toMatchObject({ hostname: 's3.us-east-1.amazonaws.com', path: '/with.dots/k' });
    const got = await dotted.client.send(new GetObjectCommand({ Bucket: 'plain', Key: 'dir/a b.txt' }));
    expect(dotted.handler.requests.at(-1)?.hostname).toBe('plain.s3.us-east-1.amazonaws.com');
    expect(await got.Body?.transformToString()).toBe('p');
    expect(await (await rig.client.send(new GetObjectCommand({ Bucket: 'with.dots', Key: 'k' }))).Body?.transformToString()).toBe('d');
  });
});
