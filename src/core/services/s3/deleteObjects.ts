import { header } from '../serviceTypes';
import { checkContentMd5 } from './putObject';
import { malformedXml } from './s3Error';
import { bodyBytes, bodyText, bucketOf, fail, isS3Error, type S3Call, type S3OpResult } from './s3Operation';
import type { S3BucketPort, S3ObjectRemoved } from './s3Types';
import { s3XmlDocument, xmlChildren, xmlElement, xmlUnescape } from './s3Xml';

/** DeleteObject and DeleteObjects: deleting a key that does not exist succeeds (and still notifies). */

const DELETE_MAX = 1000;

function removeKey(port: S3BucketPort, key: string): { ok: true; effect: S3ObjectRemoved } | { ok: false; code: string; message: string } {
  const old = port.get(key);
  const done = port.delete(key);
  if (!done.ok) return done;
  const effect: S3ObjectRemoved = { type: 's3ObjectRemoved', bucket: port.name, key, eventName: 'ObjectRemoved:Delete', notifiedByPort: port.notifies };
  if (old) Object.assign(effect, { size: old.size, eTag: old.eTag });
  return { ok: true, effect };
}

export function deleteObject(call: S3Call): S3OpResult {
  const port = bucketOf(call);
  if (isS3Error(port)) return fail(port);
  const done = removeKey(port, call.key);
  if (!done.ok) return fail({ code: done.code, message: done.message, status: 400 });
  return { ok: true, status: 204, effects: [done.effect] };
}

/** `POST /?delete` with `<Delete><Object><Key>…</Key></Object>…<Quiet>true</Quiet></Delete>`; a Content-MD5 or a flexible checksum is required. */
export function deleteObjects(call: S3Call): S3OpResult {
  const port = bucketOf(call);
  if (isS3Error(port)) return fail(port);
  const hasChecksum = Object.keys(call.request.headers).some((k) => /^x-amz-checksum-/i.test(k));
  if (header(call.request, 'content-md5') === undefined && !hasChecksum) {
    return fail({ code: 'InvalidRequest', message: 'Missing required header for this request: Content-MD5', status: 400 });
  }
  const badDigest = checkContentMd5(call.request, bodyBytes(call.request));
  if (badDigest) return fail(badDigest);
  const root = xmlChildren(bodyText(call.request) ?? '', 'Delete');
  if (root.length !== 1) return fail(malformedXml());
  const objects = xmlChildren(root[0]!, 'Object');
  const keys = objects.map((o) => xmlChildren(o, 'Key'));
  if (objects.length === 0 || objects.length > DELETE_MAX || keys.some((k) => k.length !== 1)) return fail(malformedXml());
  const quiet = xmlChildren(root[0]!, 'Quiet')[0]?.trim().toLowerCase() === 'true';
  const effects: S3ObjectRemoved[] = [];
  let xml = '';
  for (const raw of keys) {
    const key = xmlUnescape(raw[0]!);
    const done = removeKey(port, key);
    if (done.ok) {
      effects.push(done.effect);
      if (!quiet) xml += `<Deleted>${xmlElement('Key', key)}</Deleted>`;
    } else {
      xml += `<Error>${xmlElement('Key', key)}${xmlElement('Code', done.code)}${xmlElement('Message', done.message)}</Error>`;
    }
  }
  return { ok: true, headers: { 'Content-Type': 'application/xml' }, body: s3XmlDocument('DeleteResult', xml), effects };
}
