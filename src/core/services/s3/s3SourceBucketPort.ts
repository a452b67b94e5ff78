import type { S3Bucket, S3BucketView } from '../../sources/s3Bucket';
import type { SourceCommand } from '../../sources/sourceTypes';
import type { S3BucketPort, S3ObjectSummary, S3PortResult, S3PutInput, S3StoredObject } from './s3Types';

/**
 * A live workspace bucket (`sources/s3Bucket.ts`) as a port: writes go
 * through `S3Bucket.putObject` and `deleteObject`, which validate them, log
 * them and send the bucket's notifications (`notifies: true`). The commands
 * the bucket issues collect here until `takeCommands()`: after each request,
 * hand them to the workspace as the bucket's own commands.
 *
 * S3Bucket keeps no user metadata (nor Cache-Control and the like): this port keeps them beside the bucket, for
 * as long as the object is the one written with it (same ETag and time).
 * Objects over 1 MB keep no bytes (S3_LIMITS.keptObjectBytes): `get` gives
 * `bytes: null` and GetObject answers 501.
 */
export class S3SourceBucketPort implements S3BucketPort {
  readonly notifies = true;
  private commands: SourceCommand[] = [];
  private readonly metadata = new Map<string, { eTag: string; lastModifiedMs: number; metadata: Readonly<Record<string, string>>; httpHeaders?: Readonly<Record<string, string>> }>();
  private listed: { view: S3BucketView; objects: S3ObjectSummary[] } | null = null;

  constructor(readonly source: S3Bucket, readonly creationDateMs: number) {}

  get name(): string {
    return this.source.bucketName;
  }

  /** The commands the bucket issued since the last call (invokes of notified functions, log lines, `changed`). */
  takeCommands(): SourceCommand[] {
    const out = this.commands;
    this.commands = [];
    return out;
  }

  get(key: string): S3StoredObject | undefined {
    const summary = this.list().find((o) => o.key === key);
    return summary && { ...summary, bytes: this.source.getObjectBytes(key) };
  }

  put(object: S3PutInput): S3PortResult {
    const done = this.source.putObject(object.key, object.bytes, object.contentType, this.commands);
    if (!done.ok) return done;
    const written = this.source.view().objects.find((o) => o.key === object.key);
    if (written && (Object.keys(object.metadata).length > 0 || object.httpHeaders)) {
      this.metadata.set(object.key, { eTag: written.eTag, lastModifiedMs: written.lastModifiedMs, metadata: { ...object.metadata }, ...(object.httpHeaders ? { httpHeaders: object.httpHeaders } : {}) });
    } else this.metadata.delete(object.key);
    return done;
  }

  delete(key: string): S3PortResult {
    const done = this.source.deleteObject(key, this.commands);
    if (done.ok) this.metadata.delete(key);
    return done;
  }

  list(): readonly S3ObjectSummary[] {
    const view = this.source.view();
    if (this.listed?.view !== view) {
      const objects = view.objects.map(({ key, size, contentType, eTag, lastModifiedMs }): S3ObjectSummary => {
        const kept = this.metadata.get(key);
        const current = kept && kept.eTag === eTag && kept.lastModifiedMs === lastModifiedMs ? kept : undefined;
        return { key, size, contentType, eTag, lastModifiedMs, metadata: current?.metadata ?? {}, ...(current?.httpHeaders ? { httpHeaders: current.httpHeaders } : {}) };
      });
      this.listed = { view, objects };
    }
    return this.listed.objects;
  }
}
