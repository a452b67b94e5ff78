import { xmlUnescape } from '../core/services/s3/s3Xml';
import type { WireAwsRequest } from '../protocol/messages';
import { CONSOLE_CALLER, currentServices, REGION, type ConsoleServices, type Failure } from './serviceConsole';

/** How much of an object "View" shows. */
export const VIEW_BYTES = 4096;

export interface ConsoleObject {
  key: string;
  size: number;
  /** ISO 8601, as ListObjectsV2 gives it. */
  lastModified: string;
}

const objectPath = (bucket: string, key?: string): string =>
  `/${encodeURIComponent(bucket)}${key === undefined ? '' : `/${key.split('/').map(encodeURIComponent).join('/')}`}`;

/** A path-style S3 request; the answer's status, headers and text, or S3's error by its code. */
type S3Answer = { status: number; headers: Record<string, string>; text: string } | { error: string; status?: number };

async function s3Call(services: ConsoleServices, request: Pick<WireAwsRequest, 'method' | 'path'> & Partial<WireAwsRequest>): Promise<S3Answer> {
  const response = await services.handle({ hostname: `s3.${REGION}.amazonaws.com`, query: {}, headers: {}, body: '', ...request }, CONSOLE_CALLER);
  if ('error' in response) return { error: `${response.error.code}: ${response.error.message}` };
  const text = new TextDecoder().decode(response.body);
  if (response.status >= 300) return { error: s3ErrorOf(response.status, text), status: response.status };
  return { status: response.status, headers: response.headers, text };
}

function tag(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? xmlUnescape(m[1] ?? '') : undefined;
}

function s3ErrorOf(status: number, xml: string): string {
  const code = tag(xml, 'Code') ?? `HTTP ${status}`;
  const message = tag(xml, 'Message');
  return message ? `${code}: ${message}` : code;
}

/** ListObjectsV2: the bucket's first 1,000 keys with their sizes and times, and whether there are more. */
export async function listObjects(bucket: string, services: ConsoleServices = currentServices()): Promise<{ objects: ConsoleObject[]; more: boolean } | Failure> {
  const r = await s3Call(services, { method: 'GET', path: objectPath(bucket), query: { 'list-type': '2' } });
  if ('error' in r) return { error: r.error };
  const objects = [...r.text.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)].map(([, c = '']) => ({
    key: tag(c, 'Key') ?? '',
    size: Number(tag(c, 'Size') ?? 0),
    lastModified: tag(c, 'LastModified') ?? '',
  }));
  return { objects, more: tag(r.text, 'IsTruncated') === 'true' };
}

/** GetObject of the first 4 KB, as text; `truncated` when the object is longer. */
export async function getObjectText(bucket: string, key: string, services: ConsoleServices = currentServices()): Promise<{ text: string; contentType: string; truncated: boolean } | Failure> {
  const r = await s3Call(services, { method: 'GET', path: objectPath(bucket, key), headers: { range: `bytes=0-${VIEW_BYTES - 1}` } });
  // An empty object has no byte 0: S3 answers a range on it with InvalidRange.
  if ('error' in r) return r.status === 416 ? { text: '', contentType: '', truncated: false } : { error: r.error };
  const total = /\/(\d+)$/.exec(r.headers['content-range'] ?? '')?.[1];
  return { text: r.text, contentType: r.headers['content-type'] ?? '', truncated: total !== undefined && Number(total) > VIEW_BYTES };
}

/** PutObject of text with its content type. */
export async function putObjectText(bucket: string, key: string, text: string, contentType: string, services: ConsoleServices = currentServices()): Promise<{ eTag: string } | Failure> {
  const body = new TextEncoder().encode(text);
  const r = await s3Call(services, { method: 'PUT', path: objectPath(bucket, key), headers: { 'content-type': contentType, 'content-length': String(body.byteLength) }, body });
  if ('error' in r) return { error: r.error };
  return { eTag: r.headers.etag ?? '' };
}

/** DeleteObject. */
export async function deleteObject(bucket: string, key: string, services: ConsoleServices = currentServices()): Promise<{ ok: true } | Failure> {
  const r = await s3Call(services, { method: 'DELETE', path: objectPath(bucket, key) });
  return 'error' in r ? { error: r.error } : { ok: true };
}
