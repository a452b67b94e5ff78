import { header } from '../serviceTypes';
import { readByteRange } from './byteRange';
import { evaluatePreconditions, preconditionFailed } from './objectConditions';
import { bytesNotKept, noSuchKey } from './s3Error';
import { bucketOf, fail, isS3Error, type S3Call, type S3OpResult } from './s3Operation';
import type { S3ObjectSummary } from './s3Types';
import { httpDate } from './s3Xml';

/** GetObject and HeadObject: the object's headers, and for GET its bytes (or the bytes of one range). */

/** `response-content-type=…` and its kind override the headers of a GET or HEAD answer. */
const OVERRIDES: Readonly<Record<string, string>> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

/** The headers S3 describes a stored object with. */
export function objectHeaders(object: S3ObjectSummary): Record<string, string> {
  const headers: Record<string, string> = {
    'Last-Modified': httpDate(object.lastModifiedMs),
    ETag: `"${object.eTag}"`,
    'x-amz-server-side-encryption': 'AES256',
    'Accept-Ranges': 'bytes',
    'Content-Type': object.contentType,
  };
  Object.assign(headers, object.httpHeaders);
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

function readObject(call: S3Call, withBody: boolean): S3OpResult {
  const port = bucketOf(call);
  if (isS3Error(port)) return fail(port);
  const object = port.get(call.key);
  if (!object) return fail(noSuchKey(call.key));
  const h = (name: string): string | undefined => header(call.request, name);
  const pre = evaluatePreconditions(
    object,
    { ifMatch: h('if-match'), ifNoneMatch: h('if-none-match'), ifModifiedSince: h('if-modified-since'), ifUnmodifiedSince: h('if-unmodified-since') },
    { ifMatch: 'If-Match', ifNoneMatch: 'If-None-Match', ifModifiedSince: 'If-Modified-Since', ifUnmodifiedSince: 'If-Unmodified-Since' },
  );
  if (pre.kind === 'failed') return fail(preconditionFailed(pre.condition));
  if (pre.kind === 'notModified') return { ok: true, status: 304, headers: { 'Last-Modified': httpDate(object.lastModifiedMs), ETag: `"${object.eTag}"` } };
  const headers = objectHeaders(object);
  for (const [param, name] of Object.entries(OVERRIDES)) {
    const value = call.address.query.get(param);
    if (value !== undefined) headers[name] = value;
  }
  const range = readByteRange(h('range'), object.size);
  if (range.kind === 'unsatisfiable') {
    return fail({
      code: 'InvalidRange',
      message: 'The requested range is not satisfiable',
      status: 416,
      fields: { RangeRequested: h('range') ?? '', ActualObjectSize: object.size },
      headers: { 'Content-Range': `bytes */${object.size}` },
    });
  }
  if (withBody && object.bytes === null) return fail(bytesNotKept(call.key));
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, object.size - 1];
  headers['Content-Length'] = String(end - start + 1);
  if (range.kind === 'part') headers['Content-Range'] = `bytes ${start}-${end}/${object.size}`;
  const status = range.kind === 'part' ? 206 : 200;
  if (!withBody || object.bytes === null) return { ok: true, status, headers };
  return { ok: true, status, headers, body: object.bytes.slice(start, end + 1) };
}

export const getObject = (call: S3Call): S3OpResult => readObject(call, true);
export const headObject = (call: S3Call): S3OpResult => readObject(call, false);
