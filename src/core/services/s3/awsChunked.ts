import { utf8Decode } from '../../codec';

/**
 * The `aws-chunked` content encoding the SDK uses for a streamed body of
 * known length (a Node.js Readable): `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n`
 * … then `0\r\n`, trailer lines (`x-amz-checksum-crc32:…`) and `\r\n`.
 */
export interface AwsChunkedBody {
  bytes: Uint8Array;
  /** Trailing headers, names lower case. */
  trailers: Record<string, string>;
}

const CR = 13;
const LF = 10;

function lineEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 1 < bytes.length; i++) if (bytes[i] === CR && bytes[i + 1] === LF) return i;
  return -1;
}

/** The decoded body, or null when it is not well-formed. */
export function decodeAwsChunked(body: Uint8Array): AwsChunkedBody | null {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const end = lineEnd(body, at);
    if (end < 0) return null;
    const header = utf8Decode(body.subarray(at, end)) ?? '';
    const size = /^([0-9a-fA-F]+)(;.*)?$/.exec(header.trim());
    if (!size) return null;
    const n = parseInt(size[1]!, 16);
    at = end + 2;
    if (n === 0) break;
    if (at + n + 2 > body.length || body[at + n] !== CR || body[at + n + 1] !== LF) return null;
    parts.push(body.subarray(at, at + n));
    at += n + 2;
  }
  const trailers: Record<string, string> = {};
  for (;;) {
    const end = lineEnd(body, at);
    if (end < 0) break; // a body may end without the final empty line
    const line = utf8Decode(body.subarray(at, end)) ?? '';
    at = end + 2;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const bytes = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return { bytes, trailers };
}
