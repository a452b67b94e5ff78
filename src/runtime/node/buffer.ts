/**
 * `buffer`: feross's `buffer` package, the Node.js Buffer API for browsers
 * (a Uint8Array subclass with Node's encodings, read/write methods and
 * errors), as browserify and webpack's Node polyfills use it.
 */
import * as lib from 'buffer/index.js';

const { Buffer } = lib;
type Buffer = lib.Buffer;
const { SlowBuffer, kMaxLength, INSPECT_MAX_BYTES } = lib as unknown as { SlowBuffer: unknown; kMaxLength: number; INSPECT_MAX_BYTES: number };

/**
 * `base64url` (Node 15.7+) is the one encoding the package lacks. Its
 * base64 decoder already accepts `-` and `_`, so only the names and the
 * encoder need adding.
 */
type Enc = string | undefined;
const isUrl = (enc: unknown): boolean => typeof enc === 'string' && enc.toLowerCase() === 'base64url';
const proto = Buffer.prototype as unknown as { toString(enc?: Enc, start?: number, end?: number): string; write(s: string, ...a: unknown[]): number };
const toStringBase = proto.toString;
proto.toString = function (this: Uint8Array, enc?: Enc, start?: number, end?: number): string {
  if (!isUrl(enc)) return toStringBase.call(this, enc, start, end);
  return toStringBase.call(this, 'base64', start, end).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const writeBase = proto.write;
proto.write = function (this: Uint8Array, str: string, ...rest: unknown[]): number {
  return writeBase.call(this, str, ...rest.map((a) => (isUrl(a) ? 'base64' : a)));
};
const statics = Buffer as unknown as Record<'from' | 'byteLength' | 'isEncoding' | 'alloc', (...a: unknown[]) => unknown>;
for (const name of ['from', 'byteLength', 'alloc'] as const) {
  const base = statics[name].bind(Buffer);
  statics[name] = (...args: unknown[]) => base(...args.map((a, i) => (i > 0 && isUrl(a) ? 'base64' : a)));
}
const isEncodingBase = statics.isEncoding.bind(Buffer);
statics.isEncoding = (enc: unknown) => isUrl(enc) || isEncodingBase(enc);

const constants = { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 };

const api = {
  Buffer,
  SlowBuffer,
  kMaxLength,
  INSPECT_MAX_BYTES,
  constants,
  Blob: globalThis.Blob,
  File: globalThis.File,
  atob: globalThis.atob,
  btoa: globalThis.btoa,
  isUtf8: (input: ArrayBufferView | ArrayBuffer): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(input);
      return true;
    } catch {
      return false;
    }
  },
};

export { Buffer };
export default api;
