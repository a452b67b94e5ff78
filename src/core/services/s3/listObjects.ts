import { base64Encode, decodeBase64Text, utf8Bytes, utf8Decode } from '../../codec';
import { compareKeys, encodeS3EventKey } from '../../sources/s3Bucket';
import { invalidArgument } from './s3Error';
import { bucketOf, fail, isS3Error, type S3Call, type S3OpResult } from './s3Operation';
import type { S3ObjectSummary } from './s3Types';
import { s3Timestamp, s3XmlDocument, xmlElement } from './s3Xml';

/**
 * ListObjectsV2 (`GET /?list-type=2`) and ListObjects (V1, `GET /`): keys in
 * UTF-8 byte order; with a delimiter, keys sharing a prefix up to it roll up
 * into one CommonPrefixes entry. Keys and common prefixes together count
 * against max-keys (at most 1000 a page). A continuation token is opaque:
 * here, base64 of where the page ended.
 */

const PAGE_MAX = 1000;

type Entry = { kind: 'key'; object: S3ObjectSummary } | { kind: 'prefix'; prefix: string };

interface Page {
  entries: Entry[];
  truncated: boolean;
  /** The last entry's key or common prefix: where the next page starts. */
  last: Entry | undefined;
}

const entryName = (e: Entry): string => (e.kind === 'key' ? e.object.key : e.prefix);

/** One page: keys after `after` (skipping the whole common prefix when `after` was one), under `prefix`. */
function listPage(objects: readonly S3ObjectSummary[], prefix: string, delimiter: string, after: { marker: string; wasPrefix: boolean } | null, maxKeys: number): Page {
  const entries: Entry[] = [];
  let lastPrefix: string | null = after?.wasPrefix ? after.marker : null;
  for (const object of objects) {
    const key = object.key;
    if (after && compareKeys(key, after.marker) <= 0) continue;
    if (!key.startsWith(prefix)) continue;
    if (lastPrefix !== null && key.startsWith(lastPrefix)) continue;
    const cut = delimiter === '' ? -1 : key.indexOf(delimiter, prefix.length);
    const entry: Entry = cut < 0 ? { kind: 'key', object } : { kind: 'prefix', prefix: key.slice(0, cut + delimiter.length) };
    // A common prefix at or before the marker was listed already (a V1 NextMarker is often one).
    if (entry.kind === 'prefix' && after && compareKeys(entry.prefix, after.marker) <= 0) continue;
    if (entries.length >= maxKeys) return { entries, truncated: maxKeys > 0, last: entries.at(-1) };
    if (entry.kind === 'prefix') lastPrefix = entry.prefix;
    entries.push(entry);
  }
  return { entries, truncated: false, last: entries.at(-1) };
}

function encodeToken(last: Entry): string {
  return base64Encode(utf8Bytes(`${last.kind === 'prefix' ? 'p' : 'k'}${entryName(last)}`));
}

function decodeToken(token: string): { marker: string; wasPrefix: boolean } | null {
  const bytes = decodeBase64Text(token);
  const text = bytes === null ? null : utf8Decode(bytes);
  if (text === null || !/^[kp]/.test(text)) return null;
  return { marker: text.slice(1), wasPrefix: text.startsWith('p') };
}

/** max-keys: a non-negative integer (S3 caps a page at 1000 and echoes what was asked). */
function readMaxKeys(value: string | undefined): number | null {
  if (value === undefined) return PAGE_MAX;
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 31 - 1) return null;
  return Number(value);
}

function contentsXml(page: Page, encode: (s: string) => string, owner: string | null): string {
  let contents = '';
  let prefixes = '';
  for (const e of page.entries) {
    if (e.kind === 'prefix') {
      prefixes += `<CommonPrefixes>${xmlElement('Prefix', encode(e.prefix))}</CommonPrefixes>`;
      continue;
    }
    const o = e.object;
    contents +=
      `<Contents>${xmlElement('Key', encode(o.key))}${xmlElement('LastModified', s3Timestamp(o.lastModifiedMs))}${xmlElement('ETag', `"${o.eTag}"`)}` +
      `${xmlElement('Size', o.size)}${owner === null ? '' : `<Owner>${xmlElement('ID', owner)}</Owner>`}${xmlElement('StorageClass', 'STANDARD')}</Contents>`;
  }
  return contents + prefixes;
}

export function listObjects(call: S3Call, version: 1 | 2): S3OpResult {
  const port = bucketOf(call);
  if (isS3Error(port)) return fail(port);
  const q = call.address.query;
  const prefix = q.get('prefix') ?? '';
  const delimiter = q.get('delimiter') ?? '';
  const maxKeysParam = q.get('max-keys');
  const maxKeys = readMaxKeys(maxKeysParam);
  if (maxKeys === null) return fail(invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', maxKeysParam ?? ''));
  const encodingType = q.get('encoding-type');
  if (encodingType !== undefined && encodingType.toLowerCase() !== 'url') return fail(invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType));
  const encode = encodingType === undefined ? (s: string) => s : encodeS3EventKey;
  const token = version === 2 ? q.get('continuation-token') : undefined;
  const startAfter = version === 2 ? q.get('start-after') : q.get('marker');
  let after: { marker: string; wasPrefix: boolean } | null = startAfter ? { marker: startAfter, wasPrefix: false } : null;
  if (token !== undefined) {
    after = decodeToken(token);
    if (!after) return fail(invalidArgument('The continuation token provided is incorrect', 'continuation-token', token));
  }
  const page = listPage(port.list(), prefix, delimiter, after, Math.min(maxKeys, PAGE_MAX));
  const opt = (name: string, value: string | undefined): string => (value === undefined || value === '' ? '' : xmlElement(name, value));
  const head =
    version === 2
      ? `${xmlElement('Name', port.name)}${xmlElement('Prefix', encode(prefix))}${opt('ContinuationToken', token)}${opt('StartAfter', startAfter && encode(startAfter))}` +
        `${xmlElement('KeyCount', page.entries.length)}${xmlElement('MaxKeys', maxKeys)}${opt('Delimiter', delimiter && encode(delimiter))}` +
        `${opt('EncodingType', encodingType)}${xmlElement('IsTruncated', page.truncated)}` +
        `${page.truncated && page.last ? xmlElement('NextContinuationToken', encodeToken(page.last)) : ''}`
      : `${xmlElement('Name', port.name)}${xmlElement('Prefix', encode(prefix))}${xmlElement('Marker', encode(startAfter ?? ''))}` +
        `${page.truncated && page.last && delimiter !== '' ? xmlElement('NextMarker', encode(entryName(page.last))) : ''}` +
        `${xmlElement('MaxKeys', maxKeys)}${opt('Delimiter', delimiter && encode(delimiter))}${opt('EncodingType', encodingType)}${xmlElement('IsTruncated', page.truncated)}`;
  const fetchOwner = version === 1 || q.get('fetch-owner') === 'true';
  const body = s3XmlDocument('ListBucketResult', head + contentsXml(page, encode, fetchOwner ? call.state.ownerId : null));
  return { ok: true, headers: { 'Content-Type': 'application/xml' }, body };
}
