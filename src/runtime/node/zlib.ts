/**
 * `zlib`: `pako`, a port of zlib itself to JavaScript; its deflate output is
 * byte-for-byte Node's (checked in zlib.test.ts). Sync, callback and stream
 * forms; errors carry Node's code and errno (`Z_DATA_ERROR`, -3). Brotli is
 * not here: no well-kept JavaScript brotli encoder matches Node's output.
 */
import { Deflate, Inflate } from 'pako';
import { Buffer } from './buffer';
import { stream } from './stream';
import type { TransformLike } from './streamTypes';

type Options = { level?: number; windowBits?: number; memLevel?: number; strategy?: number; chunkSize?: number; dictionary?: Uint8Array; info?: boolean };
type Input = string | ArrayBuffer | ArrayBufferView;
type Callback = (err: Error | null, result?: Buffer) => void;
type Mode = 'deflate' | 'inflate' | 'gzip' | 'gunzip' | 'deflateRaw' | 'inflateRaw' | 'unzip';

const constants = {
  Z_NO_FLUSH: 0, Z_PARTIAL_FLUSH: 1, Z_SYNC_FLUSH: 2, Z_FULL_FLUSH: 3, Z_FINISH: 4, Z_BLOCK: 5,
  Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6,
  Z_NO_COMPRESSION: 0, Z_BEST_SPEED: 1, Z_BEST_COMPRESSION: 9, Z_DEFAULT_COMPRESSION: -1,
  Z_FILTERED: 1, Z_HUFFMAN_ONLY: 2, Z_RLE: 3, Z_FIXED: 4, Z_DEFAULT_STRATEGY: 0, ZLIB_VERNUM: 4865,
  DEFLATE: 1, INFLATE: 2, GZIP: 3, GUNZIP: 4, DEFLATERAW: 5, INFLATERAW: 6, UNZIP: 7,
  Z_MIN_WINDOWBITS: 8, Z_MAX_WINDOWBITS: 15, Z_DEFAULT_WINDOWBITS: 15, Z_MIN_CHUNK: 64, Z_DEFAULT_CHUNK: 16384,
  Z_MIN_LEVEL: -1, Z_MAX_LEVEL: 9, Z_DEFAULT_LEVEL: -1, Z_MIN_MEMLEVEL: 1, Z_MAX_MEMLEVEL: 9, Z_DEFAULT_MEMLEVEL: 8,
};

const CODES: Record<number, string> = { [-2]: 'Z_STREAM_ERROR', [-3]: 'Z_DATA_ERROR', [-4]: 'Z_MEM_ERROR', [-5]: 'Z_BUF_ERROR', [2]: 'Z_NEED_DICT' };

function zlibError(errno: number, message: string): Error {
  return Object.assign(new Error(message), { errno, code: CODES[errno] ?? 'Z_DATA_ERROR' });
}

function failure(e: Engine): Error {
  return zlibError(e.err, e.err === -5 ? 'unexpected end of file' : e.msg || 'zlib error');
}

function bytes(input: Input): Uint8Array {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  throw Object.assign(new TypeError(`The "buffer" argument must be of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer. Received ${input === null ? 'null' : typeof input}`), { code: 'ERR_INVALID_ARG_TYPE' });
}

interface Engine {
  push(data: Uint8Array, final: boolean): boolean;
  onData(chunk: Uint8Array): void;
  err: number;
  msg: string;
}

function engine(mode: Mode, options: Options = {}): Engine {
  const windowBits = options.windowBits ?? 15;
  const common = { chunkSize: options.chunkSize ?? 16384, ...(options.dictionary ? { dictionary: options.dictionary } : {}) };
  const compress = mode === 'deflate' || mode === 'gzip' || mode === 'deflateRaw';
  if (compress) {
    const bits = mode === 'gzip' ? windowBits + 16 : mode === 'deflateRaw' ? -windowBits : windowBits;
    const level = options.level ?? -1;
    if (!Number.isInteger(level) || level < -1 || level > 9) {
      throw Object.assign(new RangeError(`The value of "options.level" is out of range. It must be >= -1 and <= 9. Received ${level}`), { code: 'ERR_OUT_OF_RANGE' });
    }
    return new Deflate({ ...common, level: level as never, windowBits: bits, memLevel: options.memLevel ?? 8, strategy: (options.strategy ?? 0) as never, ...(mode === 'gzip' ? { gzip: true, header: { os: 3 } } : {}) } as never) as unknown as Engine;
  }
  const bits = mode === 'gunzip' ? windowBits + 16 : mode === 'inflateRaw' ? -windowBits : mode === 'unzip' ? windowBits + 32 : windowBits;
  const inflater = new Inflate({ ...common, windowBits: bits } as never) as unknown as Engine;
  return inflater;
}

/** Run a whole input through an engine; throw Node's error when zlib reports one or the input ends early. */
function runSync(mode: Mode, input: Input, options?: Options): Buffer {
  const e = engine(mode, options);
  const chunks: Uint8Array[] = [];
  e.onData = (chunk) => chunks.push(chunk);
  e.push(bytes(input), true);
  if (e.err) throw failure(e);
  return Buffer.concat(chunks);
}

function asyncForm(mode: Mode) {
  return (input: Input, options?: Options | Callback, callback?: Callback): void => {
    const cb = (typeof options === 'function' ? options : callback) as Callback;
    const opts = typeof options === 'function' ? undefined : options;
    if (typeof cb !== 'function') {
      throw Object.assign(new TypeError(`The "callback" argument must be of type function. Received ${cb === undefined ? 'undefined' : typeof cb}`), { code: 'ERR_INVALID_ARG_TYPE' });
    }
    let result: Buffer | undefined;
    let error: Error | null = null;
    try {
      result = runSync(mode, input, opts);
    } catch (err) {
      error = err as Error;
    }
    setTimeout(() => (error ? cb(error) : cb(null, result)), 0);
  };
}

function streamForm(mode: Mode) {
  return (options?: Options): TransformLike => {
    const e = engine(mode, options);
    const t: TransformLike = new stream.Transform({
      transform(chunk, _enc, cb) {
        e.push(bytes(chunk), false);
        cb(e.err ? failure(e) : null);
      },
      flush(cb) {
        e.push(new Uint8Array(0), true);
        cb(e.err ? failure(e) : null);
      },
    });
    e.onData = (chunk) => t.push(Buffer.from(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength));
    return t;
  };
}

const BROTLI_WHY = {
  compress: "no well-kept JavaScript brotli encoder produces Node's bytes",
  decompress: 'the playground ships no brotli decoder (none is among its dependencies; a WebAssembly build of Google\'s decoder would be faithful, see README)',
};

function brotli(name: string, why: string): () => never {
  return () => {
    throw Object.assign(new Error(`zlib.${name}: Brotli is not available in the browser playground: ${why}. Use gzip or deflate.`), { code: 'ERR_PLAYGROUND_UNAVAILABLE' });
  };
}

const MODES: Mode[] = ['deflate', 'inflate', 'gzip', 'gunzip', 'deflateRaw', 'inflateRaw', 'unzip'];
const zlib: Record<string, unknown> = { constants, ...constants, codes: { Z_OK: 0, Z_STREAM_END: 1, Z_NEED_DICT: 2, Z_ERRNO: -1, Z_STREAM_ERROR: -2, Z_DATA_ERROR: -3, Z_MEM_ERROR: -4, Z_BUF_ERROR: -5, Z_VERSION_ERROR: -6 } };
for (const mode of MODES) {
  const cap = mode[0]!.toUpperCase() + mode.slice(1);
  zlib[`${mode}Sync`] = (input: Input, options?: Options) => runSync(mode, input, options);
  zlib[mode] = asyncForm(mode);
  zlib[`create${cap}`] = streamForm(mode);
}
for (const name of ['brotliCompress', 'brotliCompressSync', 'createBrotliCompress']) zlib[name] = brotli(name, BROTLI_WHY.compress);
for (const name of ['brotliDecompress', 'brotliDecompressSync', 'createBrotliDecompress']) zlib[name] = brotli(name, BROTLI_WHY.decompress);

export const gzipSync = zlib.gzipSync as (input: Input, options?: Options) => Buffer;
export const gunzipSync = zlib.gunzipSync as (input: Input, options?: Options) => Buffer;
export default zlib;
