import { createHash, createHmac, pbkdf2Sync, webcrypto as nodeWebcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { subtle, webcryptoFor } from './subtle';

const enc = new TextEncoder();
const hex = (b: ArrayBuffer): string => Buffer.from(b).toString('hex');

describe('crypto.subtle where the sandbox has none (not a secure context)', () => {
  it('webcrypto is the native one when it has subtle, the JavaScript subset when not', () => {
    expect(webcryptoFor(nodeWebcrypto as unknown as Crypto).subtle).toBe(nodeWebcrypto.subtle);
    const fallback = webcryptoFor({ getRandomValues: nodeWebcrypto.getRandomValues.bind(nodeWebcrypto) } as unknown as Crypto);
    expect(fallback.subtle).toBe(subtle);
    expect(fallback.randomUUID()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['SHA-1', 'SHA-256', 'SHA-384', 'SHA-512'])('digest %s gives the bytes Node gives', async (alg) => {
    const data = enc.encode('hello subtle');
    expect(hex(await subtle.digest(alg, data))).toBe(createHash(alg.replace('-', '').toLowerCase()).update('hello subtle').digest('hex'));
    expect(hex(await subtle.digest({ name: alg }, data.buffer))).toBe(hex(await nodeWebcrypto.subtle.digest(alg, data)));
  });

  it('HMAC: importKey raw, sign and verify as a JWT library does', async () => {
    const key = await subtle.importKey('raw', enc.encode('secret'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    expect(key.algorithm).toEqual({ name: 'HMAC', hash: { name: 'SHA-256' }, length: 48 });
    const sig = await subtle.sign('HMAC', key, enc.encode('header.payload'));
    expect(hex(sig)).toBe(createHmac('sha256', 'secret').update('header.payload').digest('hex'));
    expect(await subtle.verify('HMAC', key, sig, enc.encode('header.payload'))).toBe(true);
    expect(await subtle.verify('HMAC', key, sig, enc.encode('header.tampered'))).toBe(false);
    await expect(subtle.exportKey('raw', key)).rejects.toMatchObject({ name: 'InvalidAccessError' });
  });

  it('HMAC keys from jwk and generateKey; usages are enforced', async () => {
    const key = await subtle.importKey('jwk', { kty: 'oct', k: Buffer.from('secret').toString('base64url') }, { name: 'HMAC', hash: { name: 'SHA-512' } }, true, ['sign']);
    expect(Buffer.from(await subtle.exportKey('raw', key)).toString()).toBe('secret');
    await expect(subtle.verify('HMAC', key, new Uint8Array(64), enc.encode('x'))).rejects.toMatchObject({ name: 'InvalidAccessError' });
    const generated = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign']);
    expect((await subtle.exportKey('raw', generated)).byteLength).toBe(64);
  });

  it('PBKDF2 deriveBits matches Node', async () => {
    const key = await subtle.importKey('raw', enc.encode('password'), 'PBKDF2', false, ['deriveBits']);
    const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: enc.encode('salt'), iterations: 1000 }, key, 256);
    expect(hex(bits)).toBe(pbkdf2Sync('password', 'salt', 1000, 32, 'sha256').toString('hex'));
  });

  it('what it does not implement rejects with NotSupportedError saying why', async () => {
    await expect(subtle.encrypt({ name: 'AES-GCM' })).rejects.toMatchObject({ name: 'NotSupportedError', message: expect.stringContaining('not a secure context') as string });
    await expect(subtle.importKey('spki', new Uint8Array(1), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify'])).rejects.toMatchObject({ name: 'NotSupportedError' });
    await expect(subtle.digest('MD5', new Uint8Array(1))).rejects.toMatchObject({ name: 'NotSupportedError' });
  });
});
