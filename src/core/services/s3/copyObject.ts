import { header } from '../serviceTypes';
import { evaluatePreconditions, preconditionFailed } from './objectConditions';
import { checkWrite, storedHeaders, userMetadata, writeObject } from './putObject';
import { bytesNotKept, invalidArgument, noSuchBucket, noSuchKey } from './s3Error';
import { bucketOf, fail, isS3Error, type S3Call, type S3OpResult } from './s3Operation';
import { s3Timestamp, s3XmlDocument, xmlElement } from './s3Xml';

/**
 * CopyObject: `PUT /key` with `x-amz-copy-source: [/]bucket/key[?versionId=…]`
 * (URL-encoded). Metadata and content type are copied unless
 * `x-amz-metadata-directive: REPLACE` takes them from the request.
 */

function copySource(value: string): { bucket: string; key: string } | null {
  let text = value.split('?')[0] ?? '';
  try {
    text = decodeURIComponent(text);
  } catch {
    // S3 takes an unencoded source as it is.
  }
  text = text.replace(/^\//, '');
  const slash = text.indexOf('/');
  if (slash <= 0 || slash === text.length - 1) return null;
  return { bucket: text.slice(0, slash), key: text.slice(slash + 1) };
}

export function copyObject(call: S3Call): S3OpResult {
  const raw = header(call.request, 'x-amz-copy-source') ?? '';
  const source = copySource(raw);
  if (!source) return fail(invalidArgument('Copy Source must mention the source bucket and key: sourcebucket/sourcekey', 'x-amz-copy-source', raw));
  const directive = (header(call.request, 'x-amz-metadata-directive') ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE') return fail(invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', directive));
  const port = bucketOf(call);
  if (isS3Error(port)) return fail(port);
  const from = call.state.backend.bucket(source.bucket);
  if (!from) return fail(noSuchBucket(source.bucket));
  const object = from.get(source.key);
  if (!object) return fail(noSuchKey(source.key));
  const h = (name: string): string | undefined => header(call.request, name);
  const pre = evaluatePreconditions(
    object,
    {
      ifMatch: h('x-amz-copy-source-if-match'),
      ifNoneMatch: h('x-amz-copy-source-if-none-match'),
      ifModifiedSince: h('x-amz-copy-source-if-modified-since'),
      ifUnmodifiedSince: h('x-amz-copy-source-if-unmodified-since'),
    },
    {
      ifMatch: 'x-amz-copy-source-If-Match',
      ifNoneMatch: 'x-amz-copy-source-If-None-Match',
      ifModifiedSince: 'x-amz-copy-source-If-Modified-Since',
      ifUnmodifiedSince: 'x-amz-copy-source-If-Unmodified-Since',
    },
  );
  // A copy has no 304: an If-None-Match or If-Modified-Since that does not hold fails the copy.
  if (pre.kind === 'failed') return fail(preconditionFailed(pre.condition));
  if (pre.kind === 'notModified') return fail(preconditionFailed(h('x-amz-copy-source-if-none-match') !== undefined ? 'x-amz-copy-source-If-None-Match' : 'x-amz-copy-source-If-Modified-Since'));
  if (source.bucket === port.name && source.key === call.key && directive === 'COPY') {
    return fail({
      code: 'InvalidRequest',
      message: "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      status: 400,
    });
  }
  if (object.bytes === null) return fail(bytesNotKept(source.key));
  const replace = directive === 'REPLACE';
  const metadata = replace ? userMetadata(call.request) : object.metadata;
  const contentType = replace ? h('content-type')?.trim() || 'binary/octet-stream' : object.contentType;
  const refused = checkWrite(call.key, object.size, metadata);
  if (refused) return fail(refused);
  const httpHeaders = replace ? storedHeaders(call.request) : object.httpHeaders;
  const input = { key: call.key, bytes: object.bytes, size: object.size, contentType, eTag: object.eTag, lastModifiedMs: call.env.nowMs, metadata, ...(httpHeaders ? { httpHeaders } : {}) };
  const failed = writeObject(port, input);
  if (failed) return fail(failed);
  return {
    ok: true,
    headers: { 'Content-Type': 'application/xml', 'x-amz-server-side-encryption': 'AES256' },
    body: s3XmlDocument('CopyObjectResult', `${xmlElement('ETag', `"${object.eTag}"`)}${xmlElement('LastModified', s3Timestamp(call.env.nowMs))}`),
    effects: [{ type: 's3ObjectCreated', bucket: port.name, key: call.key, size: object.size, eTag: object.eTag, eventName: 'ObjectCreated:Copy', notifiedByPort: port.notifies }],
  };
}
