import type { S3Response } from './s3Types';
import { httpDate, xmlElement } from './s3Xml';

/** S3's errors: `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId><HostId>…</HostId></Error>`, no namespace. */

export interface S3Error {
  code: string;
  message: string;
  status: number;
  /** Further elements S3 writes into this error (`Key`, `BucketName`, `ArgumentName` …), in order. */
  fields?: Readonly<Record<string, string | number>>;
  /** Further response headers (InvalidRange's `Content-Range`). */
  headers?: Readonly<Record<string, string>>;
}

/** The ids of one request: `x-amz-request-id` (16 hex digits) and `x-amz-id-2`. */
export interface S3RequestIds {
  requestId: string;
  hostId: string;
  /** The `Date` header's time; null to send none (see S3ServiceState.dateHeader). */
  dateMs: number | null;
}

/** The headers S3 puts on every response. */
export function s3CommonHeaders(ids: S3RequestIds): Record<string, string> {
  const headers: Record<string, string> = { 'x-amz-request-id': ids.requestId, 'x-amz-id-2': ids.hostId, Server: 'AmazonS3' };
  if (ids.dateMs !== null) headers.Date = httpDate(ids.dateMs);
  return headers;
}

export function s3ErrorResponse(error: S3Error, ids: S3RequestIds, method: string): S3Response {
  const headers = { ...s3CommonHeaders(ids), ...error.headers };
  // A HEAD response has no body: the SDK names such errors after the status (404 → NotFound).
  if (method.toUpperCase() === 'HEAD') return { status: error.status, headers, body: '' };
  const fields = Object.entries(error.fields ?? {}).map(([k, v]) => xmlElement(k, v)).join('');
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${xmlElement('Code', error.code)}${xmlElement('Message', error.message)}${fields}` +
    `${xmlElement('RequestId', ids.requestId)}${xmlElement('HostId', ids.hostId)}</Error>`;
  return { status: error.status, headers: { ...headers, 'Content-Type': 'application/xml' }, body };
}

export const noSuchBucket = (bucket: string): S3Error => ({ code: 'NoSuchBucket', message: 'The specified bucket does not exist', status: 404, fields: { BucketName: bucket } });
export const noSuchKey = (key: string): S3Error => ({ code: 'NoSuchKey', message: 'The specified key does not exist.', status: 404, fields: { Key: key } });
export const invalidArgument = (message: string, name: string, value: string): S3Error => ({ code: 'InvalidArgument', message, status: 400, fields: { ArgumentName: name, ArgumentValue: value } });
export const malformedXml = (): S3Error => ({
  code: 'MalformedXML',
  message: 'The XML you provided was not well-formed or did not validate against our published schema',
  status: 400,
});
export const notImplemented = (operation: string): S3Error => ({
  code: 'NotImplemented',
  message: `A header or query you provided implies functionality that is not implemented (${operation} is not modelled by this playground's S3).`,
  status: 501,
});
/** A live bucket keeps the bytes of objects up to 1 MB only; reading a larger one's bytes cannot be answered. */
export const bytesNotKept = (key: string): S3Error => ({
  code: 'NotImplemented',
  message: 'This playground kept only the metadata of this object (it keeps the bytes of objects up to 1 MB).',
  status: 501,
  fields: { Key: key },
});
