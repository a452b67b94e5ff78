import { utf8Bytes, utf8Decode } from '../../codec';
import type { ServiceEnv } from '../serviceTypes';
import type { S3Address } from './s3Address';
import { noSuchBucket, type S3Error } from './s3Error';
import type { S3BucketPort, S3Request, S3ServiceEffect, S3ServiceState } from './s3Types';

/** What every operation gets: the request, where it points, the state and the platform's time. */
export interface S3Call {
  state: S3ServiceState;
  request: S3Request;
  address: S3Address;
  /** The bucket and key the request names ("" when it names none). */
  bucket: string;
  key: string;
  env: ServiceEnv;
}

/** An operation's answer before the common headers are added; the body defaults to empty. */
export type S3OpResult =
  | { ok: true; status?: number; headers?: Record<string, string>; body?: Uint8Array | string; effects?: S3ServiceEffect[] }
  | { ok: false; error: S3Error };

export const fail = (error: S3Error): S3OpResult => ({ ok: false, error });

/** The bucket the call names, or NoSuchBucket. */
export function bucketOf(call: S3Call): S3BucketPort | S3Error {
  return call.state.backend.bucket(call.bucket) ?? noSuchBucket(call.bucket);
}

export const isS3Error = (x: object): x is S3Error => 'code' in x && 'status' in x;

/** The request body as bytes. */
export function bodyBytes(request: S3Request): Uint8Array {
  return typeof request.body === 'string' ? utf8Bytes(request.body) : request.body;
}

/** The request body as text; null when it is not UTF-8. */
export function bodyText(request: S3Request): string | null {
  return typeof request.body === 'string' ? request.body : utf8Decode(request.body);
}
