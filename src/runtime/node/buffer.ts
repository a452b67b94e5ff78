/**
 * `buffer`: feross's `buffer` package, the Node.js Buffer API for browsers
 * (a Uint8Array subclass with Node's encodings, read/write methods and
 * errors), as browserify and webpack's Node polyfills use it.
 */
import * as lib from 'buffer/index.js';

const { Buffer } = lib;
type Buffer = lib.Buffer;
const { SlowBuffer, kMaxLength, INSPECT_MAX_BYTES } = lib as unknown as { SlowBuffer: unknown; kMaxLength: number; INSPECT_MAX_BYTES: number };

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
