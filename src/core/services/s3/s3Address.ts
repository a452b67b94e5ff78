import type { S3Request } from './s3Types';

/**
 * Which bucket and key a request names. The SDK v3 addresses a bucket by
 * virtual host (`my-bucket.s3.us-east-1.amazonaws.com/key`) unless the name
 * is not DNS-compatible or has dots (then `s3.us-east-1.amazonaws.com/my.bucket/key`),
 * or `forcePathStyle` is set; a custom endpoint (any other host) is path style.
 */

export interface S3Address {
  bucket: string | null;
  key: string | null;
  style: 'virtual' | 'path';
  /** Query parameters, decoded; a parameter without a value (`?delete`) is "". The first of repeated ones. */
  query: ReadonlyMap<string, string>;
}

/** `[bucket.]s3[.dualstack][.region | -region].amazonaws.com[.cn]`: the greedy bucket group leaves the last `s3` label to the endpoint. */
const AWS_HOST = /^(?:(.+)\.)?s3(?:\.dualstack)?(?:[.-][a-z]{2}(?:-[a-z]+)+-\d)?\.amazonaws\.com(?:\.cn)?$/;

function decode(text: string, plusIsSpace: boolean): string {
  const t = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}

function parseQuery(query: S3Request['query'], pathQuery: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (k: string, v: string): void => {
    if (!out.has(k)) out.set(k, v);
  };
  const text = typeof query === 'string' ? query.replace(/^\?/, '') : pathQuery;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    add(decode(eq < 0 ? part : part.slice(0, eq), true), eq < 0 ? '' : decode(part.slice(eq + 1), true));
  }
  if (query !== undefined && typeof query !== 'string') {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      add(k, typeof v === 'string' ? v : v === null ? '' : (v[0] ?? ''));
    }
  }
  return out;
}

export function parseS3Address(request: Pick<S3Request, 'hostname' | 'path' | 'query'>): S3Address {
  const q = request.path.indexOf('?');
  const rawPath = q < 0 ? request.path : request.path.slice(0, q);
  const query = parseQuery(request.query, q < 0 ? '' : request.path.slice(q + 1));
  const path = decode(rawPath, false);
  const host = AWS_HOST.exec(request.hostname.toLowerCase().replace(/\.$/, ''));
  const hostBucket = host?.[1];
  if (hostBucket !== undefined) {
    const key = path.replace(/^\//, '');
    return { bucket: hostBucket, key: key === '' ? null : key, style: 'virtual', query };
  }
  const rest = path.replace(/^\//, '');
  if (rest === '') return { bucket: null, key: null, style: 'path', query };
  const slash = rest.indexOf('/');
  const bucket = slash < 0 ? rest : rest.slice(0, slash);
  const key = slash < 0 ? '' : rest.slice(slash + 1);
  return { bucket, key: key === '' ? null : key, style: 'path', query };
}
