import { compareKeys } from '../../sources/s3Bucket';
import type { S3Backend, S3BucketPort, S3ObjectSummary, S3PortResult, S3PutInput, S3StoredObject } from './s3Types';

/** Buckets kept in memory: standalone buckets a handler creates, and tests. It sends no notifications (`notifies: false`). */
export class InMemoryS3Bucket implements S3BucketPort {
  readonly notifies = false;
  private readonly objects = new Map<string, S3StoredObject>();
  private sorted: S3ObjectSummary[] | null = null;

  constructor(readonly name: string, readonly creationDateMs: number) {}

  get(key: string): S3StoredObject | undefined {
    return this.objects.get(key);
  }

  put(object: S3PutInput): S3PortResult {
    this.objects.set(object.key, { ...object, bytes: object.bytes.slice(), metadata: { ...object.metadata } });
    this.sorted = null;
    return { ok: true };
  }

  delete(key: string): S3PortResult {
    if (this.objects.delete(key)) this.sorted = null;
    return { ok: true };
  }

  list(): readonly S3ObjectSummary[] {
    this.sorted ??= [...this.objects.values()].sort((a, b) => compareKeys(a.key, b.key)).map(({ bytes: _bytes, ...summary }) => summary);
    return this.sorted;
  }
}

/**
 * The account's buckets: in-memory ones, plus live workspace buckets
 * attached as ports (`attach`), which DeleteBucket refuses to remove (the
 * workspace owns them).
 */
export class InMemoryS3Backend implements S3Backend {
  private readonly all = new Map<string, { port: S3BucketPort; attached: boolean }>();

  /** Serve a bucket through this port (a live `S3SourceBucketPort`); replaces a bucket of the same name. */
  attach(port: S3BucketPort): void {
    this.all.set(port.name, { port, attached: true });
  }

  /** Stop serving an attached bucket (the workspace deleted it). */
  detach(name: string): void {
    if (this.all.get(name)?.attached) this.all.delete(name);
  }

  bucket(name: string): S3BucketPort | undefined {
    return this.all.get(name)?.port;
  }

  buckets(): readonly S3BucketPort[] {
    return [...this.all.values()].map((b) => b.port);
  }

  createBucket(name: string, nowMs: number): S3BucketPort {
    const port = new InMemoryS3Bucket(name, nowMs);
    this.all.set(name, { port, attached: false });
    return port;
  }

  deleteBucket(name: string): S3PortResult {
    if (this.all.get(name)?.attached) {
      return { ok: false, code: 'AccessDenied', message: 'Access Denied (this bucket belongs to the workspace: delete it there).' };
    }
    this.all.delete(name);
    return { ok: true };
  }
}
