import { describe, expect, it } from 'vitest';
import { Buffer as Ours } from './buffer';

describe('Buffer against Node', () => {
  const samples = ['', 'f', 'fo', 'foo', 'héllo ✓ 😀', '\u00ff\u00fe binary?'];
  it.each(['utf8', 'hex', 'base64', 'base64url', 'latin1', 'ascii', 'utf16le'] as const)('encodes and decodes %s as Node', (enc) => {
    for (const s of samples) {
      const encoded = Buffer.from(s).toString(enc);
      expect(Ours.from(s).toString(enc)).toBe(encoded);
      expect(Ours.from(encoded, enc).equals(Ours.from(Buffer.from(encoded, enc)))).toBe(true);
      expect(Ours.byteLength(encoded, enc)).toBe(Buffer.byteLength(encoded, enc));
    }
    expect(Ours.isEncoding(enc)).toBe(true);
  });

  it('reads, writes, compares and slices as Node', () => {
    const a = Ours.alloc(8);
    a.writeUInt32BE(0xdeadbeef, 0);
    a.writeInt16LE(-2, 4);
    expect(a.toString('hex')).toBe('deadbeeffeff0000');
    expect(a.readUInt32BE(0)).toBe(0xdeadbeef);
    expect(Ours.compare(Ours.from('a'), Ours.from('b'))).toBe(-1);
    expect(Ours.concat([Ours.from('ab'), Ours.from('cd')]).subarray(1, 3).toString()).toBe('bc');
    expect(() => a.readUInt32BE(6)).toThrow(RangeError);
    expect(Ours.isBuffer(Ours.from('x'))).toBe(true);
    expect(Ours.from('x')).toBeInstanceOf(Uint8Array);
  });
});
