import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5Hex } from './md5';

describe('md5Hex', () => {
  it.each(['', 'a', 'abc', 'message digest', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'héllo wörld ✓', 'y'.repeat(1000)])(
    'matches Node for %j',
    (text) => {
      expect(md5Hex(text)).toBe(createHash('md5').update(text, 'utf8').digest('hex'));
    },
  );
  it('hashes bytes', () => {
    const bytes = new Uint8Array(300).map((_, i) => (i * 7) & 0xff);
    expect(md5Hex(bytes)).toBe(createHash('md5').update(bytes).digest('hex'));
  });
});

describe('utf8Bytes', () => {
  it.each(['', 'abc', 'héllo', '✓ 日本', '😀 x', 'lone \ud800 surrogate'])('matches TextEncoder for %j', async (text) => {
    const { utf8Bytes } = await import('../codec');
    expect(Array.from(utf8Bytes(text))).toEqual(Array.from(new TextEncoder().encode(text)));
  });
});
