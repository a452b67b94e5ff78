/**
 * A subset of Web Crypto's `SubtleCrypto` for `require('crypto').subtle` and
 * `.webcrypto.subtle`. The browser's own `crypto.subtle` exists only in a
 * secure context, and the sandbox (an opaque origin) is not one, so this
 * implements, with `@noble/hashes` (audited, pure JS): `digest` (SHA-1,
 * SHA-256, SHA-384, SHA-512), HMAC keys (`importKey` raw/jwk, `generateKey`,
 * `exportKey` raw, `sign`, `verify`) and PBKDF2 (`importKey` raw,
 * `deriveBits`). Results are Promises of ArrayBuffers, as in Node and browsers.
 * Anything else (AES, RSA, ECDSA, Ed25519, ECDH, HKDF…) rejects with a
 * `NotSupportedError` that says why.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

type Hash = typeof sha256;
const HASHES: Record<string, Hash> = { 'SHA-1': sha1 as unknown as Hash, 'SHA-256': sha256, 'SHA-384': sha384 as unknown as Hash, 'SHA-512': sha512 as unknown as Hash };

type AlgorithmInput = string | { name: string; hash?: string | { name: string }; length?: number; salt?: BufferSource; iterations?: number };

const notSupported = (what: string): DOMException =>
  new DOMException(`${what} is not available in the browser playground: the sandbox is not a secure context, so the browser's own crypto.subtle is absent, and the playground implements only SHA digests, HMAC and PBKDF2 in JavaScript`, 'NotSupportedError');

function name(alg: AlgorithmInput): string {
  return (typeof alg === 'string' ? alg : alg.name).toUpperCase();
}

function hashOf(alg: AlgorithmInput | string | { name: string } | undefined): { name: string; fn: Hash } {
  const n = alg === undefined ? '' : typeof alg === 'string' ? alg.toUpperCase() : alg.name.toUpperCase();
  const fn = HASHES[n];
  if (!fn) throw new DOMException(`Unrecognized or unsupported hash: ${n || 'none'}`, 'NotSupportedError');
  return { name: n, fn };
}

function bytes(data: BufferSource): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  throw new TypeError('Failed to execute on SubtleCrypto: The provided value is not of type (ArrayBuffer or ArrayBufferView)');
}

const buffer = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

/** The playground's CryptoKey: its secret stays in a private field. */
export class PlaygroundCryptoKey {
  readonly type = 'secret';
  #secret: Uint8Array;
  constructor(
    secret: Uint8Array,
    readonly algorithm: { name: string; hash?: { name: string }; length?: number },
    readonly extractable: boolean,
    readonly usages: string[],
  ) {
    this.#secret = secret;
  }
  static secretOf(key: unknown): Uint8Array {
    if (!(key instanceof PlaygroundCryptoKey)) throw new TypeError("Failed to execute on SubtleCrypto: parameter is not of type 'CryptoKey'");
    return key.#secret;
  }
  get [Symbol.toStringTag](): string {
    return 'CryptoKey';
  }
}

function checkUsage(key: PlaygroundCryptoKey, usage: string, algorithm: string): void {
  if (key.algorithm.name !== algorithm) throw new DOMException(`The requested operation is not valid for the provided key`, 'InvalidAccessError');
  if (!key.usages.includes(usage)) throw new DOMException(`key.usages does not permit this operation`, 'InvalidAccessError');
}

function hmacOf(key: PlaygroundCryptoKey, data: BufferSource): Uint8Array {
  return hmac(hashOf(key.algorithm.hash).fn, PlaygroundCryptoKey.secretOf(key), bytes(data));
}

const run = <T>(fn: () => T): Promise<T> => new Promise((resolve) => resolve(fn()));

export const subtle = {
  digest: (algorithm: AlgorithmInput, data: BufferSource): Promise<ArrayBuffer> => run(() => buffer(hashOf(typeof algorithm === 'string' ? algorithm : algorithm.name).fn(bytes(data)))),

  importKey: (format: string, keyData: BufferSource | { k?: string; kty?: string }, algorithm: AlgorithmInput, extractable: boolean, usages: string[]): Promise<PlaygroundCryptoKey> =>
    run(() => {
      const n = name(algorithm);
      if (n !== 'HMAC' && n !== 'PBKDF2') throw notSupported(`importKey for ${n}`);
      let secret: Uint8Array;
      if (format === 'raw') secret = bytes(keyData as BufferSource);
      else if (format === 'jwk' && n === 'HMAC' && (keyData as { kty?: string }).kty === 'oct') secret = Uint8Array.from(atob(String((keyData as { k?: string }).k).replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
      else throw notSupported(`importKey in ${format} format for ${n}`);
      if (n === 'PBKDF2') return new PlaygroundCryptoKey(secret, { name: n }, false, usages);
      const hash = hashOf(typeof algorithm === 'string' ? undefined : algorithm.hash);
      return new PlaygroundCryptoKey(secret, { name: n, hash: { name: hash.name }, length: secret.length * 8 }, extractable, usages);
    }),

  generateKey: (algorithm: AlgorithmInput, extractable: boolean, usages: string[]): Promise<PlaygroundCryptoKey> =>
    run(() => {
      if (name(algorithm) !== 'HMAC' || typeof algorithm === 'string') throw notSupported(`generateKey for ${name(algorithm)}`);
      const hash = hashOf(algorithm.hash);
      const secret = globalThis.crypto.getRandomValues(new Uint8Array((algorithm.length ?? hash.fn.blockLen * 8) / 8));
      return new PlaygroundCryptoKey(secret, { name: 'HMAC', hash: { name: hash.name }, length: secret.length * 8 }, extractable, usages);
    }),

  exportKey: (format: string, key: PlaygroundCryptoKey): Promise<ArrayBuffer> =>
    run(() => {
      if (format !== 'raw') throw notSupported(`exportKey in ${format} format`);
      if (!key.extractable) throw new DOMException('key is not extractable', 'InvalidAccessError');
      return buffer(PlaygroundCryptoKey.secretOf(key));
    }),

  sign: (algorithm: AlgorithmInput, key: PlaygroundCryptoKey, data: BufferSource): Promise<ArrayBuffer> =>
    run(() => {
      if (name(algorithm) !== 'HMAC') throw notSupported(`sign with ${name(algorithm)}`);
      checkUsage(key, 'sign', 'HMAC');
      return buffer(hmacOf(key, data));
    }),

  verify: (algorithm: AlgorithmInput, key: PlaygroundCryptoKey, signature: BufferSource, data: BufferSource): Promise<boolean> =>
    run(() => {
      if (name(algorithm) !== 'HMAC') throw notSupported(`verify with ${name(algorithm)}`);
      checkUsage(key, 'verify', 'HMAC');
      const expected = hmacOf(key, data);
      const given = bytes(signature);
      let diff = expected.length ^ given.length;
      for (let i = 0; i < expected.length; i++) diff |= expected[i]! ^ (given[i] ?? 0);
      return diff === 0;
    }),

  deriveBits: (algorithm: AlgorithmInput, key: PlaygroundCryptoKey, length: number): Promise<ArrayBuffer> =>
    run(() => {
      if (name(algorithm) !== 'PBKDF2' || typeof algorithm === 'string') throw notSupported(`deriveBits with ${name(algorithm)}`);
      checkUsage(key, 'deriveBits', 'PBKDF2');
      const out = pbkdf2(hashOf(algorithm.hash).fn, PlaygroundCryptoKey.secretOf(key), bytes(algorithm.salt ?? new Uint8Array()), { c: algorithm.iterations ?? 1, dkLen: length / 8 });
      return buffer(out);
    }),

  encrypt: (algorithm: AlgorithmInput): Promise<never> => Promise.reject(notSupported(`encrypt with ${name(algorithm)}`)),
  decrypt: (algorithm: AlgorithmInput): Promise<never> => Promise.reject(notSupported(`decrypt with ${name(algorithm)}`)),
  deriveKey: (algorithm: AlgorithmInput): Promise<never> => Promise.reject(notSupported(`deriveKey with ${name(algorithm)}`)),
  wrapKey: (format: string): Promise<never> => Promise.reject(notSupported(`wrapKey (${format})`)),
  unwrapKey: (format: string): Promise<never> => Promise.reject(notSupported(`unwrapKey (${format})`)),
};

/** `crypto.webcrypto`: the browser's Web Crypto when it has `subtle`, otherwise its random functions with this subset. */
export function webcryptoFor(native: Crypto | undefined): { subtle: unknown; getRandomValues: Crypto['getRandomValues']; randomUUID: () => string } {
  if (native?.subtle) return native as unknown as { subtle: unknown; getRandomValues: Crypto['getRandomValues']; randomUUID: () => string };
  return {
    subtle,
    getRandomValues: <T extends ArrayBufferView | null>(view: T) => globalThis.crypto.getRandomValues(view as never) as T,
    randomUUID: () => globalThis.crypto.randomUUID(),
  };
}
