import * as node from 'node:zlib';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import zlibModule from './zlib';

type Fn = (input: unknown, options?: object) => Uint8Array;
const zlib = zlibModule as Record<string, Fn> & Record<string, unknown>;
const data = Buffer.from('The quick brown fox jumps over the lazy dog. '.repeat(200) + '✓ 😀');

describe('zlib against Node', () => {
  it.each(['deflateSync', 'gzipSync', 'deflateRawSync'] as const)('%s gives the bytes Node gives, at every level', (name) => {
    for (const level of [-1, 0, 1, 6, 9]) {
      expect(Buffer.from(zlib[name]!(data, { level })).equals(node[name](data, { level }))).toBe(true);
    }
    expect(Buffer.from(zlib[name]!('a string')).equals(node[name]('a string'))).toBe(true);
  });

  it('inflates what Node compressed, and the reverse', () => {
    expect(Buffer.from(zlib.gunzipSync!(node.gzipSync(data))).equals(data)).toBe(true);
    expect(Buffer.from(zlib.inflateSync!(node.deflateSync(data))).equals(data)).toBe(true);
    expect(Buffer.from(zlib.inflateRawSync!(node.deflateRawSync(data))).equals(data)).toBe(true);
    expect(Buffer.from(zlib.unzipSync!(node.gzipSync(data))).equals(data)).toBe(true);
    expect(node.gunzipSync(zlib.gzipSync!(data)).equals(data)).toBe(true);
  });

  it.each([
    ['gunzipSync', Buffer.from('not gzip at all')],
    ['inflateSync', Buffer.from('not zlib')],
    ['inflateSync', node.gzipSync('gzip is not zlib')],
    ['gunzipSync', node.gzipSync(data).subarray(0, 40)],
    ['inflateSync', node.deflateSync(data).subarray(0, 30)],
  ] as const)('%s of bad input fails with Node\'s error', (name, input) => {
    let expected: Error & { code?: string; errno?: number } = new Error();
    try {
      node[name](input);
    } catch (e) {
      expected = e as Error;
    }
    expect(() => zlib[name]!(input)).toThrow(expect.objectContaining({ message: expected.message, code: expected.code, errno: expected.errno }));
  });

  it('callback and promisified forms', async () => {
    const gz = await promisify(zlib.gzip as unknown as typeof node.gzip)(data);
    expect(Buffer.from(gz).equals(node.gzipSync(data))).toBe(true);
    await expect(promisify(zlib.gunzip as unknown as typeof node.gunzip)(Buffer.from('bad'))).rejects.toThrow(expect.objectContaining({ code: 'Z_DATA_ERROR' }));
  });

  it('stream forms', async () => {
    const gzip = (zlib.createGzip as unknown as () => NodeJS.ReadWriteStream)();
    const chunks: Buffer[] = [];
    gzip.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => gzip.on('end', resolve));
    gzip.write(data.subarray(0, 1000));
    gzip.end(data.subarray(1000));
    await done;
    expect(node.gunzipSync(Buffer.concat(chunks)).equals(data)).toBe(true);
  });

  it('refuses brotli, saying why', () => {
    expect(() => zlib.brotliCompressSync!(data)).toThrow(/^zlib.brotliCompressSync: Brotli is not available in the browser playground: no well-kept JavaScript brotli encoder produces Node's bytes/);
    expect(() => zlib.brotliDecompressSync!(data)).toThrow(/^zlib.brotliDecompressSync: Brotli is not available in the browser playground: the playground ships no brotli decoder/);
  });
});
