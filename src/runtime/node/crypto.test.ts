import * as node from 'node:crypto';
import { describe, expect, it } from 'vitest';
import crypto from './crypto';

const inputs = ['', 'hello', 'héllo ✓ 😀', 'x'.repeat(10_000)];

describe('crypto against Node', () => {
  it.each(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'ripemd160', 'SHA256', 'RSA-SHA1'])('createHash(%s) digests as Node does', (alg) => {
    for (const input of inputs) {
      for (const enc of ['hex', 'base64', 'base64url', 'latin1'] as const) {
        expect(crypto.createHash(alg).update(input).digest(enc)).toBe(node.createHash(alg).update(input).digest(enc as 'hex'));
      }
      expect(Buffer.from(crypto.createHash(alg).update(input).update(Buffer.from([1, 2, 3])).digest() as Uint8Array)).toEqual(node.createHash(alg).update(input).update(Buffer.from([1, 2, 3])).digest());
    }
  });

  it('takes input encodings, copies, and hashes in one shot', () => {
    expect(crypto.createHash('sha256').update('68656c6c6f', 'hex').digest('hex')).toBe(node.createHash('sha256').update('hello').digest('hex'));
    expect(crypto.createHash('md5').update('aGVsbG8=', 'base64').digest('hex')).toBe(node.createHash('md5').update('hello').digest('hex'));
    const h = crypto.createHash('sha1').update('a');
    const copy = h.copy().update('b');
    expect(h.digest('hex')).toBe(node.createHash('sha1').update('a').digest('hex'));
    expect(copy.digest('hex')).toBe(node.createHash('sha1').update('ab').digest('hex'));
    expect(crypto.hash('sha256', 'x')).toBe(node.createHash('sha256').update('x').digest('hex'));
  });

  it.each(['md5', 'sha1', 'sha256', 'sha512'])('createHmac(%s) as Node', (alg) => {
    for (const key of ['', 'key', 'k'.repeat(200)]) {
      expect(crypto.createHmac(alg, key).update('message').digest('hex')).toBe(node.createHmac(alg, key).update('message').digest('hex'));
    }
    expect(crypto.createHmac(alg, Buffer.from('bin')).update('m').digest('base64')).toBe(node.createHmac(alg, Buffer.from('bin')).update('m').digest('base64'));
  });

  it('pbkdf2Sync as Node', () => {
    expect((crypto.pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256') as Uint8Array).toString()).toBe(node.pbkdf2Sync('pw', 'salt', 1000, 32, 'sha256').toString());
  });

  it('refuses bad input with Node errors', () => {
    expect(() => crypto.createHash('sha999')).toThrow('Digest method not supported');
    expect(() => node.createHash('sha999')).toThrow('Digest method not supported');
    expect(() => crypto.createHmac('sha999', 'k')).toThrow(expect.objectContaining({ code: 'ERR_CRYPTO_INVALID_DIGEST', message: 'Invalid digest: sha999' }));
    const h = crypto.createHash('md5');
    h.digest();
    expect(() => h.digest()).toThrow(expect.objectContaining({ code: 'ERR_CRYPTO_HASH_FINALIZED', message: 'Digest already called' }));
    expect(() => h.update('x')).toThrow('Digest already called');
    for (const bad of [1, undefined, null, {}]) {
      let nodeErr: Error & { code?: string } = new Error();
      try {
        node.createHash('md5').update(bad as never);
      } catch (e) {
        nodeErr = e as Error;
      }
      expect(() => crypto.createHash('md5').update(bad as never)).toThrow(expect.objectContaining({ code: nodeErr.code, message: nodeErr.message }));
    }
  });

  it('timingSafeEqual, random bytes, UUIDs and ints as Node', () => {
    expect(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(crypto.timingSafeEqual(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(() => crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab'))).toThrow(expect.objectContaining({ code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', message: 'Input buffers must have the same byte length' }));
    expect(() => node.timingSafeEqual(Buffer.from('a'), Buffer.from('ab'))).toThrow('Input buffers must have the same byte length');
    const bytes = crypto.randomBytes(100_000) as Uint8Array;
    expect(bytes.length).toBe(100_000);
    expect(new Set(bytes.subarray(0, 1000)).size).toBeGreaterThan(200);
    expect(crypto.randomUUID()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 0; i < 100; i++) expect(crypto.randomInt(3, 7)).toBeGreaterThanOrEqual(3);
    expect(() => crypto.randomBytes(-1)).toThrow(expect.objectContaining({ code: 'ERR_OUT_OF_RANGE' }));
  });
});
