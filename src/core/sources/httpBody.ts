import { utf8Length } from '../utf8';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

/**
 * Bytes of standard base64 text (RFC 4648 §4; padding optional, whitespace
 * ignored), or null when the text is not base64. The core has no `atob`.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const s = text.replace(/[\s]/g, '').replace(/={1,2}$/, '');
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of s) {
    const v = VALUES.get(c);
    if (v === undefined) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Text of UTF-8 bytes, or null when they are not valid UTF-8 (overlong forms and surrogates included). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let cp: number;
    let min: number;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, cp, min] = [1, b & 0x1f, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, cp, min] = [2, b & 0x0f, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, cp, min] = [3, b & 0x07, 0x10000];
    else return null;
    if (i + need >= bytes.length) return null;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** What a body is, for display: its size in bytes and its text when it is printable. */
export interface BodyDescription {
  /** null when a base64 body is not valid base64. */
  bytes: number | null;
  /** The text, when the bytes are UTF-8 without control characters other than tab, CR and LF. */
  text: string | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function describeBody(body: string, isBase64Encoded: boolean): BodyDescription {
  if (!isBase64Encoded) return { bytes: utf8Length(body), text: CONTROL.test(body) ? null : body };
  const bytes = decodeBase64(body);
  if (bytes === null) return { bytes: null, text: null };
  const text = decodeUtf8(bytes);
  return { bytes: bytes.length, text: text === null || CONTROL.test(text) ? null : text };
}

/** The number of bytes a body stands for (decoded when base64; its UTF-8 length otherwise). */
export function bodyByteLength(body: string, isBase64Encoded: boolean): number {
  if (!isBase64Encoded) return utf8Length(body);
  return decodeBase64(body)?.length ?? utf8Length(body);
}
