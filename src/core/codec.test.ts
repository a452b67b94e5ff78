import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, decodeBase64Text, utf8Bytes, utf8Decode } from './codec';

const texts = ['', 'a', 'ab', 'abc', 'abcd', 'héllo ✓ 日本 😀', '\u0000\u00ff binary-ish'];

describe('codec: one base64 and UTF-8', () => {
  it.each(texts)('base64 and base64url of %j match Node', (text) => {
    const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
    expect(base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64Encode(bytes, 'base64url')).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it.each(texts)('decodes what it encodes: %j', (text) => {
    const bytes = utf8Bytes(text);
    expect(decodeBase64Text(base64Encode(bytes))).toEqual(bytes);
    const url = base64Decode(base64Encode(bytes, 'base64url'), 'base64url');
    expect(url.ok && [...url.bytes]).toEqual([...bytes]);
    expect(utf8Decode(bytes)).toBe(text);
  });

  it('names the first character outside the alphabet', () => {
    expect(base64Decode('ab-d')).toEqual({ ok: false, index: 2 });
    expect(base64Decode('ab+d', 'base64url')).toEqual({ ok: false, index: 2 });
    expect(decodeBase64Text(' YW Jj\n')).toEqual(new Uint8Array([97, 98, 99]));
    expect(decodeBase64Text('YWJj!')).toBeNull();
  });
});
