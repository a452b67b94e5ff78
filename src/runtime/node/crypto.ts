/**
 * `crypto`: hashes, HMAC and PBKDF2 from `@noble/hashes` (audited, pure JS,
 * so they are synchronous as Node's are); random values from the worker's
 * `crypto.getRandomValues`. `webcrypto` is the worker's Web Crypto when it
 * has `subtle`; the browser gives `subtle` only in a secure context, which
 * the opaque-origin sandbox is not, so there `webcrypto.subtle` and `subtle`
 * are subtle.ts's JavaScript subset (digest, HMAC, PBKDF2).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { md5, ripemd160, sha1 } from '@noble/hashes/legacy.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { Buffer } from './buffer';
import { webcryptoFor } from './subtle';

type Incremental = { update(data: Uint8Array): unknown; digest(): Uint8Array; clone(): Incremental };
type Algorithm = { create(): Incremental; outputLen: number; blockLen: number };
type Encoding = 'hex' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'utf8' | 'utf-8' | 'ascii' | 'ucs2' | 'utf16le';
type Data = string | ArrayBufferView;

const ALGORITHMS: Record<string, Algorithm> = {
  md5: md5 as unknown as Algorithm,
  sha1: sha1 as unknown as Algorithm,
  ripemd160: ripemd160 as unknown as Algorithm,
  sha224: sha224 as unknown as Algorithm,
  sha256: sha256 as unknown as Algorithm,
  sha384: sha384 as unknown as Algorithm,
  sha512: sha512 as unknown as Algorithm,
};

function algorithm(name: unknown): Algorithm | undefined {
  if (typeof name !== 'string') return undefined;
  const key = name.toLowerCase().replace(/^rsa-/, '');
  return Object.hasOwn(ALGORITHMS, key) ? ALGORITHMS[key] : undefined;
}

function typeError(message: string, code: string): TypeError {
  return Object.assign(new TypeError(message), { code });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `function ${(value as { name: string }).name}`;
  if (typeof value === 'object') return `an instance of ${(value as object).constructor?.name ?? 'Object'}`;
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  return `type ${typeof value} (${shown})`;
}

function toBytes(data: unknown, encoding: string | undefined, name = 'data'): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, (encoding ?? 'utf8') as 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw typeError(`The "${name}" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ${describe(data)}`, 'ERR_INVALID_ARG_TYPE');
}

function output(bytes: Uint8Array, encoding?: Encoding): Buffer | string {
  const buf = Buffer.from(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  return encoding === undefined || (encoding as string) === 'buffer' ? buf : buf.toString(encoding);
}

class Digest {
  private finished = false;
  constructor(private readonly state: Incremental) {}

  update(data: Data, inputEncoding?: Encoding): this {
    if (this.finished) throw Object.assign(new Error('Digest already called'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
    this.state.update(toBytes(data, inputEncoding));
    return this;
  }

  digest(encoding?: Encoding): Buffer | string {
    if (this.finished) throw Object.assign(new Error('Digest already called'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
    this.finished = true;
    return output(this.state.digest(), encoding);
  }

  protected cloneState(): Incremental {
    if (this.finished) throw Object.assign(new Error('Digest already called'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
    return this.state.clone();
  }
}

export class Hash extends Digest {
  copy(): Hash {
    return new Hash(this.cloneState());
  }
}

export class Hmac extends Digest {}

export function createHash(name: string): Hash {
  if (typeof name !== 'string') throw typeError(`The "algorithm" argument must be of type string. Received ${describe(name)}`, 'ERR_INVALID_ARG_TYPE');
  const alg = algorithm(name);
  if (!alg) throw Object.assign(new Error('Digest method not supported'), { code: 'ERR_OSSL_EVP_UNSUPPORTED' });
  return new Hash(alg.create());
}

export function createHmac(name: string, key: Data, options?: { encoding?: Encoding }): Hmac {
  if (typeof name !== 'string') throw typeError(`The "hmac" argument must be of type string. Received ${describe(name)}`, 'ERR_INVALID_ARG_TYPE');
  const alg = algorithm(name);
  if (!alg) throw typeError(`Invalid digest: ${name}`, 'ERR_CRYPTO_INVALID_DIGEST');
  const keyBytes = toBytes(key, options?.encoding, 'key');
  return new Hmac(hmac.create(alg as never, keyBytes) as unknown as Incremental);
}

export function hash(name: string, data: Data, outputEncoding: Encoding | 'buffer' = 'hex'): Buffer | string {
  return createHash(name).update(data).digest(outputEncoding === 'buffer' ? undefined : outputEncoding);
}

function fillRandom<T extends ArrayBufferView>(view: T): T {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  for (let i = 0; i < bytes.length; i += 65536) globalThis.crypto.getRandomValues(bytes.subarray(i, i + 65536) as Uint8Array<ArrayBuffer>);
  return view;
}

function checkSize(size: unknown): number {
  if (typeof size !== 'number') throw typeError(`The "size" argument must be of type number. Received ${describe(size)}`, 'ERR_INVALID_ARG_TYPE');
  if (!Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1) {
    throw Object.assign(new RangeError(`The value of "size" is out of range. It must be >= 0 && <= ${2 ** 31 - 1}. Received ${size}`), { code: 'ERR_OUT_OF_RANGE' });
  }
  return size;
}

export function randomBytes(size: number, callback?: (err: Error | null, buf: Buffer) => void): Buffer | undefined {
  const buf = fillRandom(Buffer.alloc(checkSize(size)));
  if (!callback) return buf;
  setTimeout(() => callback(null, buf), 0);
  return undefined;
}

export function randomUUID(): string {
  const b = fillRandom(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function randomInt(minOrMax: number, max?: number): number {
  const [lo, hi] = max === undefined ? [0, minOrMax] : [minOrMax, max];
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || hi <= lo) {
    throw Object.assign(new RangeError(`The value of "max" is out of range. It must be greater than the value of "min" (${lo}). Received ${hi}`), { code: 'ERR_OUT_OF_RANGE' });
  }
  const range = hi - lo;
  const limit = Math.floor(2 ** 48 / range) * range;
  for (;;) {
    const b = fillRandom(new Uint8Array(6));
    const x = b.reduce((acc, v) => acc * 256 + v, 0);
    if (x < limit) return lo + (x % range);
  }
}

export function timingSafeEqual(a: ArrayBufferView, b: ArrayBufferView): boolean {
  const x = toBytes(a, undefined, 'buf1');
  const y = toBytes(b, undefined, 'buf2');
  if (x.byteLength !== y.byteLength) {
    throw Object.assign(new RangeError('Input buffers must have the same byte length'), { code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH' });
  }
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

export function pbkdf2Sync(password: Data, salt: Data, iterations: number, keylen: number, digest: string): Buffer {
  const alg = algorithm(digest);
  if (!alg) throw typeError(`Invalid digest: ${digest}`, 'ERR_CRYPTO_INVALID_DIGEST');
  return output(pbkdf2(alg as never, toBytes(password, undefined, 'password'), toBytes(salt, undefined, 'salt'), { c: iterations, dkLen: keylen })) as Buffer;
}

function pbkdf2Async(password: Data, salt: Data, iterations: number, keylen: number, digest: string, callback: (err: Error | null, key?: Buffer) => void): void {
  const key = pbkdf2Sync(password, salt, iterations, keylen, digest);
  setTimeout(() => callback(null, key), 0);
}

const webcrypto = webcryptoFor(globalThis.crypto);

const crypto = {
  createHash,
  createHmac,
  hash,
  Hash,
  Hmac,
  randomBytes,
  randomFillSync: fillRandom,
  randomUUID,
  randomInt,
  timingSafeEqual,
  pbkdf2: pbkdf2Async,
  pbkdf2Sync,
  getHashes: () => Object.keys(ALGORITHMS).sort(),
  getRandomValues: <T extends ArrayBufferView>(view: T) => globalThis.crypto.getRandomValues(view as never) as T,
  webcrypto,
  subtle: webcrypto.subtle,
  constants: {},
};

export default crypto;
