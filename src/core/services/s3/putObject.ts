import { base64Encode, decodeBase64Text, utf8Length } from '../../codec';
import { md5Bytes, md5Hex } from '../../sources/md5';
import { S3_LIMITS } from '../../sources/s3Bucket';
import { header } from '../serviceTypes';
import { decodeAwsChunked } from './awsChunked';
import { etagMatches, preconditionFailed } from './objectConditions';
import { noSuchKey, type S3Error } from './s3Error';
import { bodyBytes, bucketOf, fail, isS3Error, type S3Call, type S3OpResult } from './s3Operation';
import type { S3BucketPort, S3ObjectSummary, S3PutInput, S3Request } from './s3Types';

/** PutObject, and the checks and the write CopyObject shares with it. */

/** User metadata takes at most 2 KB: the UTF-8 bytes of each name (without `x-amz-meta-`) and value. */
const METADATA_BYTES = 2048;

/** `x-amz-meta-*` headers: names lower case, without the prefix. */
export function userMetadata(request: S3Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) {
    const name = k.toLowerCase();
    if (name.startsWith('x-amz-meta-')) out[name.slice('x-amz-meta-'.length)] = v;
  }
  return out;
}

/** The headers S3 keeps with an object besides its type (`aws-chunked` is the transfer's, not the object's). */
const STORED_HEADERS = ['Cache-Control', 'Content-Disposition', 'Content-Encoding', 'Content-Language', 'Expires'];

export function storedHeaders(request: S3Request): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const name of STORED_HEADERS) {
    let value = header(request, name);
    if (name === 'Content-Encoding' && value !== undefined) value = value.split(',').map((v) => v.trim()).filter((v) => v !== '' && v.toLowerCase() !== 'aws-chunked').join(',');
    if (value) out[name] = value;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The limits S3 (and this playground's smaller object limit) puts on a write. */
export function checkWrite(key: string, size: number, metadata: Readonly<Record<string, string>>): S3Error | null {
  const keyBytes = utf8Length(key);
  if (keyBytes > S3_LIMITS.keyBytes) return { code: 'KeyTooLongError', message: 'Your key is too long', status: 400, fields: { Size: keyBytes, MaxSizeAllowed: S3_LIMITS.keyBytes } };
  if (size > S3_LIMITS.objectBytes) {
    return { code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size', status: 400, fields: { ProposedSize: size, MaxSizeAllowed: S3_LIMITS.objectBytes } };
  }
  const metaBytes = Object.entries(metadata).reduce((n, [k, v]) => n + utf8Length(k) + utf8Length(v), 0);
  if (metaBytes > METADATA_BYTES) {
    return { code: 'MetadataTooLarge', message: 'Your metadata headers exceed the maximum allowed metadata size.', status: 400, fields: { Size: metaBytes, MaxSizeAllowed: METADATA_BYTES } };
  }
  return null;
}

/** A Content-MD5 header that is not 16 bytes of base64 (InvalidDigest) or not the body's MD5 (BadDigest). */
export function checkContentMd5(request: S3Request, bytes: Uint8Array): S3Error | null {
  const given = header(request, 'content-md5');
  if (given === undefined) return null;
  const decoded = decodeBase64Text(given);
  if (decoded === null || decoded.length !== 16) return { code: 'InvalidDigest', message: 'The Content-MD5 you specified was invalid.', status: 400, fields: { 'Content-MD5': given } };
  const actual = base64Encode(md5Bytes(bytes));
  if (actual !== base64Encode(decoded)) {
    return { code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.', status: 400, fields: { ExpectedDigest: given, CalculatedDigest: actual } };
  }
  return null;
}

/** Write through the port; a port's refusal is an S3 error. */
export function writeObject(port: S3BucketPort, input: S3PutInput): S3Error | null {
  const done = port.put(input);
  return done.ok ? null : { code: done.code, message: done.message, status: 400 };
}

/** The flexible checksums the SDK sends (`x-amz-checksum-crc32` …, as headers or aws-chunked trailers), echoed as S3 echoes them. */
function checksumHeaders(request: S3Request, trailers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of [...Object.entries(request.headers), ...Object.entries(trailers)]) {
    if (/^x-amz-checksum-(crc32|crc32c|crc64nvme|sha1|sha256)$/i.test(k)) out[k.toLowerCase()] = v;
  }
  if (Object.keys(out).length > 0) out['x-amz-checksum-type'] = 'FULL_OBJECT';
  return out;
}

/** The object's bytes: the body, decoded when the SDK streamed it `aws-chunked`. */
function payload(request: S3Request): { bytes: Uint8Array; trailers: Record<string, string> } | S3Error {
  const raw = bodyBytes(request);
  const chunked = /aws-chunked/i.test(header(request, 'content-encoding') ?? '') || /^STREAMING-/.test(header(request, 'x-amz-content-sha256') ?? '');
  if (!chunked) return { bytes: raw, trailers: {} };
  const decoded = decodeAwsChunked(raw);
  const declared = header(request, 'x-amz-decoded-content-length');
  if (!decoded || (declared !== undefined && Number(declared) !== decoded.bytes.length)) {
    return { code: 'IncompleteBody', message: 'The request body terminated unexpectedly', status: 400 };
  }
  return decoded;
}

/** Conditional writes: `If-None-Match: *` (only if the key is free), `If-Match: <ETag>` (only over that object). */
function checkConditionalWrite(request: S3Request, existing: S3ObjectSummary | undefined, key: string): S3Error | null {
  const ifNoneMatch = header(request, 'if-none-match');
  const ifMatch = header(request, 'if-match');
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== '*') {
    return { code: 'NotImplemented', message: 'A header you provided implies functionality that is not implemented', status: 501, fields: { Header: 'If-None-Match' } };
  }
  if (ifNoneMatch !== undefined && existing) return preconditionFailed('If-None-Match');
  if (ifMatch !== undefined) {
    if (!existing) return noSuchKey(key);
    if (!etagMatches(ifMatch, existing.eTag)) return preconditionFailed('If-Match');
  }
  return null;
}

export function putObject(call: S3Call): S3OpResult {
  const port = bucketOf(call);
  if (isS3Error(port)) return fail(port);
  const conflict = checkConditionalWrite(call.request, port.get(call.key), call.key);
  if (conflict) return fail(conflict);
  const body = payload(call.request);
  if (isS3Error(body)) return fail(body);
  const bytes = body.bytes;
  const metadata = userMetadata(call.request);
  const refused = checkWrite(call.key, bytes.length, metadata) ?? checkContentMd5(call.request, bytes);
  if (refused) return fail(refused);
  const eTag = md5Hex(bytes);
  const contentType = header(call.request, 'content-type')?.trim() || 'binary/octet-stream';
  const httpHeaders = storedHeaders(call.request);
  const input: S3PutInput = { key: call.key, bytes, size: bytes.length, contentType, eTag, lastModifiedMs: call.env.nowMs, metadata, ...(httpHeaders ? { httpHeaders } : {}) };
  const failed = writeObject(port, input);
  if (failed) return fail(failed);
  return {
    ok: true,
    headers: { ETag: `"${eTag}"`, 'x-amz-server-side-encryption': 'AES256', ...checksumHeaders(call.request, body.trailers) },
    effects: [{ type: 's3ObjectCreated', bucket: port.name, key: call.key, size: bytes.length, eTag, eventName: 'ObjectCreated:Put', notifiedByPort: port.notifies }],
  };
}
