import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './bucketOperations';
import { copyObject } from './copyObject';
import { deleteObject, deleteObjects } from './deleteObjects';
import { getObject, headObject } from './getObject';
import { listObjects } from './listObjects';
import { putObject } from './putObject';
import type { S3Address } from './s3Address';
import type { S3Call, S3OpResult } from './s3Operation';

/** Which operation a REST request is: by method, by whether it names a bucket and a key, and by its subresource (`?delete`, `?location` …). */

export interface S3Operation {
  name: string;
  run: (call: S3Call) => S3OpResult;
  /** S3's price tier; null for free requests (DELETE). */
  tier: 1 | 2 | null;
}

/** Query parameters that are arguments, not subresources. */
const ARGUMENTS = new Set(['x-id', 'list-type', 'prefix', 'delimiter', 'max-keys', 'continuation-token', 'start-after', 'encoding-type', 'fetch-owner', 'marker', 'versionId']);
const isArgument = (name: string): boolean => ARGUMENTS.has(name) || name.startsWith('response-') || name.toLowerCase().startsWith('x-amz-');

const op = (name: string, run: (call: S3Call) => S3OpResult, tier: 1 | 2 | null): S3Operation => ({ name, run, tier });

const BUCKET: Readonly<Record<string, S3Operation>> = {
  PUT: op('CreateBucket', createBucket, 1),
  HEAD: op('HeadBucket', headBucket, 2),
  DELETE: op('DeleteBucket', deleteBucket, null),
  'GET ?location': op('GetBucketLocation', getBucketLocation, 2),
  'POST ?delete': op('DeleteObjects', deleteObjects, 1),
};
const OBJECT: Readonly<Record<string, S3Operation>> = {
  PUT: op('PutObject', putObject, 1),
  GET: op('GetObject', getObject, 2),
  HEAD: op('HeadObject', headObject, 2),
  DELETE: op('DeleteObject', deleteObject, null),
};
const LIST_V2 = op('ListObjectsV2', (c) => listObjects(c, 2), 1);
const LIST_V1 = op('ListObjects', (c) => listObjects(c, 1), 1);
const LIST_BUCKETS = op('ListBuckets', listBuckets, 1);
const COPY = op('CopyObject', copyObject, 1);

/** The operations this model answers. */
export const S3_OPERATIONS = [LIST_BUCKETS, ...Object.values(BUCKET), LIST_V2, LIST_V1, ...Object.values(OBJECT), COPY].map((o) => o.name);

/** The operation, or what the request asked for that is not one (`GET ?tagging`), or null when the method does not apply to the resource. */
export function routeS3Request(method: string, address: S3Address, hasCopySource: boolean): S3Operation | { unsupported: string } | null {
  const m = method.toUpperCase();
  const subresources = [...address.query.keys()].filter((k) => !isArgument(k));
  if (address.bucket === null) return m === 'GET' && subresources.length === 0 ? LIST_BUCKETS : { unsupported: `${m} /${subresources.length ? `?${subresources.join('&')}` : ''}` };
  const routeKey = subresources.length === 0 ? m : `${m} ?${subresources.sort().join('&')}`;
  if (address.key === null) {
    if (routeKey === 'GET') return address.query.get('list-type') === '2' ? LIST_V2 : LIST_V1;
    return BUCKET[routeKey] ?? (subresources.length > 0 ? { unsupported: routeKey } : null);
  }
  if (routeKey === 'PUT' && hasCopySource) return COPY;
  return OBJECT[routeKey] ?? (subresources.length > 0 ? { unsupported: routeKey } : null);
}
