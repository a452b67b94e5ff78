import { DeleteBucketCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../clock';
import { createRandom } from '../../random';
import { S3Bucket, S3_LIMITS } from '../../sources/s3Bucket';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, type SourceCommand } from '../../sources/sourceTypes';
import { InMemoryS3Backend } from './inMemoryS3Backend';
import { S3SourceBucketPort } from './s3SourceBucketPort';
import { rejection, s3TestRig, T0 } from './s3TestRig.test-support';

/** A workspace bucket with a notification, served through the port, as the integrator wires it. */
function live() {
  const clock = new ManualClock(T0);
  const bucket = new S3Bucket({ clock, random: createRandom(3), region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT, waitScale: () => 1 }, { id: 'b1', bucketName: 'uploads' });
  bucket.addNotification({ id: 'onAll', functionName: 'thumbnailer', events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'] });
  const port = new S3SourceBucketPort(bucket, T0 - 86_400_000);
  const backend = new InMemoryS3Backend();
  backend.attach(port);
  const rig = s3TestRig({ backend });
  return { clock, bucket, port, rig };
}
const invokes = (out: SourceCommand[]) => out.filter((c): c is Extract<SourceCommand, { type: 'invoke' }> => c.type === 'invoke');

describe('a live workspace bucket behind the SDK', () => {
  it('PutObject writes into the S3Bucket, which notifies its functions itself', async () => {
    const { bucket, port, rig } = live();
    await rig.client.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'in/cat photo.jpg', Body: 'meow', ContentType: 'image/jpeg', Metadata: { owner: 'ana' }, CacheControl: 'no-cache' }));
    expect(bucket.view().objects.map((o) => [o.key, o.size, o.contentType])).toEqual([['in/cat photo.jpg', 4, 'image/jpeg']]);
    const commands = port.takeCommands();
    const [invoke] = invokes(commands);
    expect(invoke).toMatchObject({ functionName: 'thumbnailer', invocationType: 'Event' });
    expect(JSON.parse(invoke!.payload).Records[0]).toMatchObject({ eventName: 'ObjectCreated:Put', s3: { object: { key: 'in/cat+photo.jpg', size: 4 } } });
    expect(commands.some((c) => c.type === 'changed')).toBe(true);
    expect(port.takeCommands()).toEqual([]);
    expect(rig.effects.find((e) => e.type === 's3ObjectCreated')).toMatchObject({ bucket: 'uploads', key: 'in/cat photo.jpg', notifiedByPort: true });
    const got = await rig.client.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'in/cat photo.jpg' }));
    expect([await got.Body?.transformToString(), got.Metadata, got.CacheControl]).toEqual(['meow', { owner: 'ana' }, 'no-cache']);
  });

  it('objects the workspace put are listed and read; metadata is kept only for the object written with it', async () => {
    const { bucket, clock, port, rig } = live();
    await rig.client.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'k', Body: 'sdk', Metadata: { a: '1' } }));
    clock.advance(1000);
    bucket.putText('k', 'from the UI', []);
    bucket.putText('other', 'x', []);
    const head = await rig.client.send(new HeadObjectCommand({ Bucket: 'uploads', Key: 'k' }));
    expect([head.ContentLength, head.Metadata, head.ContentType]).toEqual([11, {}, 'text/plain; charset=utf-8']);
    const listed = await rig.client.send(new ListObjectsV2Command({ Bucket: 'uploads' }));
    expect(listed.Contents?.map((c) => c.Key)).toEqual(['k', 'other']);
    await rig.client.send(new DeleteObjectCommand({ Bucket: 'uploads', Key: 'other' }));
    expect(invokes(port.takeCommands()).map((c) => JSON.parse(c.payload).Records[0].eventName)).toEqual(['ObjectCreated:Put', 'ObjectRemoved:Delete']);
  });

  it('objects over 1 MB keep no bytes: HeadObject answers, GetObject is NotImplemented (501)', async () => {
    const { rig } = live();
    await rig.client.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'big', Body: new Uint8Array(S3_LIMITS.keptObjectBytes + 1) }));
    expect((await rig.client.send(new HeadObjectCommand({ Bucket: 'uploads', Key: 'big' }))).ContentLength).toBe(S3_LIMITS.keptObjectBytes + 1);
    const e = await rejection(rig.client.send(new GetObjectCommand({ Bucket: 'uploads', Key: 'big' })));
    expect([e.name, e.$metadata.httpStatusCode, e.$metadata.attempts]).toEqual(['NotImplemented', 501, 1]);
  });

  it('the workspace’s bucket is listed with its creation date and cannot be deleted through the API', async () => {
    const { rig } = live();
    const buckets = await rig.client.send(new ListBucketsCommand({}));
    expect(buckets.Buckets?.map((b) => [b.Name, b.CreationDate?.getTime()])).toEqual([['uploads', T0 - 86_400_000]]);
    const e = await rejection(rig.client.send(new DeleteBucketCommand({ Bucket: 'uploads' })));
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
  });
});
