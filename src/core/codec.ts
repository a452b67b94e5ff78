/**
 * Bytes and text, for a core that runs on bare ECMAScript (no TextEncoder,
 * TextDecoder, btoa or atob): UTF-8 and base64 (RFC 4648 §4 and, for share
 * links, §5 base64url). The one place either is written.
 */

/** UTF-8 byte length of a string, without TextEncoder (the core runs on bare ECMAScript). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(s: string): Uint8Array {
  const out = new Uint8Array(utf8Length(s));
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) out[o++] = c;
    else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 0x3f);
    } else if (c < 0x10000) {
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    } else {
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 0x3f);
      out[o++] = 0x80 | ((c >> 6) & 0x3f);
      out[o++] = 0x80 | (c & 0x3f);
    }
  }
  return out;
}

/** Text of UTF-8 bytes, or null when they are not valid UTF-8 (overlong forms and surrogates included). */
export function utf8Decode(bytes: Uint8Array): string | null {
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

/** The standard base64 alphabet (RFC 4648 §4): also what the sources draw opaque random ids from. */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** base64url (RFC 4648 §5): the last two letters are - and _. */
const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type Base64Variant = 'base64' | 'base64url';

const alphabetOf = (variant: Base64Variant): string => (variant === 'base64' ? BASE64_ALPHABET : BASE64URL_ALPHABET);

function lookupOf(alphabet: string): Int16Array {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}

const LOOKUP: Record<Base64Variant, Int16Array> = { base64: lookupOf(BASE64_ALPHABET), base64url: lookupOf(BASE64URL_ALPHABET) };

/** base64 of bytes: `base64` with padding (RFC 4648 §4), `base64url` without (§5). */
export function base64Encode(bytes: Uint8Array, variant: Base64Variant = 'base64'): string {
  const alphabet = alphabetOf(variant);
  const pad = variant === 'base64';
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[n >>> 18]! + alphabet[(n >>> 12) & 63]! + alphabet[(n >>> 6) & 63]! + alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += alphabet[n >>> 18]! + alphabet[(n >>> 12) & 63]! + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += alphabet[n >>> 18]! + alphabet[(n >>> 12) & 63]! + alphabet[(n >>> 6) & 63]! + (pad ? '=' : '');
  }
  return out;
}

/**
 * The bytes of base64 text without padding, or the index of the first
 * character outside the variant's alphabet (a length of 1 mod 4 is refused:
 * its index is the last character's).
 */
export function base64Decode(text: string, variant: Base64Variant = 'base64'): { ok: true; bytes: Uint8Array } | { ok: false; index: number } {
  if (text.length % 4 === 1) return { ok: false, index: text.length - 1 };
  const lookup = LOOKUP[variant];
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? (lookup[code] ?? -1) : -1;
    if (v < 0) return { ok: false, index: i };
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >>> bits) & 0xff;
    }
  }
  return { ok: true, bytes: out.subarray(0, o) };
}

/** base64url without padding (RFC 4648 §5), for share links. */
export const base64urlEncode = (bytes: Uint8Array): string => base64Encode(bytes, 'base64url');
export const base64urlDecode = (text: string): ReturnType<typeof base64Decode> => base64Decode(text, 'base64url');

/**
 * Bytes of standard base64 text as people and API Gateway write it (padding
 * optional, whitespace ignored), or null when it is not base64.
 */
export function decodeBase64Text(text: string): Uint8Array | null {
  const decoded = base64Decode(text.replace(/[\s]/g, '').replace(/={1,2}$/, ''));
  return decoded.ok ? decoded.bytes : null;
}
