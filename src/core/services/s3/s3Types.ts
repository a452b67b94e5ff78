import type { BilledRequests } from '../serviceTypes';

/**
 * The S3 REST API as the AWS SDK for JavaScript v3 sends it, and the store
 * the model reads and writes through: an `S3Backend` of `S3BucketPort`s. A
 * port may be a plain in-memory bucket (`InMemoryS3Backend`) or a live
 * workspace bucket (`S3SourceBucketPort` over `sources/s3Bucket.ts`).
 */

/**
 * An HTTP request as the SDK's request handler receives it: `path` as sent
 * (percent-encoded), `query` as the raw query string or as the SDK's parsed
 * record, header names in any case, the body as bytes or text.
 */
export interface S3Request {
  method: string;
  /** `bucket.s3.us-east-1.amazonaws.com` (virtual-hosted) or `s3.us-east-1.amazonaws.com` (path style); any other host is path style. */
  hostname: string;
  path: string;
  query?: string | Readonly<Record<string, string | readonly string[] | null | undefined>>;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array | string;
}

/** S3's answer; GetObject's body is the object's bytes, every other body is XML text (or empty). */
export interface S3Response {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** An object's description, without its bytes (what ListObjectsV2 and HeadObject need). */
export interface S3ObjectSummary {
  key: string;
  size: number;
  contentType: string;
  /** MD5 hex of the bytes, without quotes. */
  eTag: string;
  lastModifiedMs: number;
  /** User metadata (`x-amz-meta-<name>`), names lower case, without the prefix. */
  metadata: Readonly<Record<string, string>>;
  /** Cache-Control, Content-Disposition, Content-Encoding, Content-Language and Expires as written with the object; absent when none. */
  httpHeaders?: Readonly<Record<string, string>>;
}

/** An object with its bytes; null when the store did not keep them (a live bucket keeps objects up to 1 MB). */
export interface S3StoredObject extends S3ObjectSummary {
  bytes: Uint8Array | null;
}

/** What PutObject and CopyObject write; eTag and lastModifiedMs are computed by the model. */
export interface S3PutInput extends S3ObjectSummary {
  bytes: Uint8Array;
}

/** A port's refusal becomes an S3 error with this code and message (status 400). */
export type S3PortResult = { ok: true } | { ok: false; code: string; message: string };

/** One bucket, as the model reads and writes it. Calls are synchronous and happen in request order. */
export interface S3BucketPort {
  readonly name: string;
  readonly creationDateMs: number;
  /**
   * True when the port sends the bucket's event notifications itself (a live
   * `S3Bucket` does, from putObject and deleteObject); the model's
   * `s3ObjectCreated`/`s3ObjectRemoved` effects then carry `notifiedByPort: true`.
   */
  readonly notifies: boolean;
  get(key: string): S3StoredObject | undefined;
  put(object: S3PutInput): S3PortResult;
  delete(key: string): S3PortResult;
  /** Every object, sorted by key in UTF-8 byte order (`compareKeys` of sources/s3Bucket.ts). */
  list(): readonly S3ObjectSummary[];
}

/** The buckets the model serves. CreateBucket and DeleteBucket are checked by the model before these are called. */
export interface S3Backend {
  bucket(name: string): S3BucketPort | undefined;
  /** Every bucket, in any order (ListBuckets sorts them by name). */
  buckets(): readonly S3BucketPort[];
  createBucket(name: string, nowMs: number): S3BucketPort;
  /** Called for an existing, empty bucket; a refusal becomes an S3 error (status 403 for `AccessDenied`, else 400). */
  deleteBucket(name: string): S3PortResult;
}

/** An object written by PutObject or CopyObject. */
export interface S3ObjectCreated {
  type: 's3ObjectCreated';
  bucket: string;
  key: string;
  size: number;
  /** MD5 hex, without quotes (as S3 writes it into a notification). */
  eTag: string;
  /** The notification's event name: `ObjectCreated:Put` or `ObjectCreated:Copy`. */
  eventName: 'ObjectCreated:Put' | 'ObjectCreated:Copy';
  /** True when the bucket's port already sent the notifications (the integrator must not send them again). */
  notifiedByPort: boolean;
}

/** A key deleted by DeleteObject or DeleteObjects; S3 notifies even when the key did not exist (then size and eTag are absent). */
export interface S3ObjectRemoved {
  type: 's3ObjectRemoved';
  bucket: string;
  key: string;
  size?: number;
  eTag?: string;
  eventName: 'ObjectRemoved:Delete';
  notifiedByPort: boolean;
}

export type S3ServiceEffect = S3ObjectCreated | S3ObjectRemoved;

/** The S3 endpoint of one account and region, over its buckets. */
export interface S3ServiceState {
  readonly region: string;
  /** The account's canonical user id (64 hex digits), as ListBuckets writes the Owner. */
  readonly ownerId: string;
  readonly backend: S3Backend;
  /**
   * Send S3's `Date` header (platform time). Off by default: the SDK compares
   * it with the handler's wall clock, and when they differ by over 5 minutes
   * (platform time runs ahead when waits are compressed) it takes every error
   * for clock skew and retries it, up to 3 attempts.
   */
  readonly dateHeader: boolean;
}

/** One request's outcome. The backend is mutated through its ports; `state` is the same state. */
export interface S3HandleResult {
  state: S3ServiceState;
  response: S3Response;
  effects: (S3ServiceEffect | BilledRequests)[];
}
