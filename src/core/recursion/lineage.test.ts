import { describe, expect, it } from 'vitest';
import { LINEAGE_MAX_ENTRIES, formatLineage, lineageEntry, lineageHash, parseLineage, withInvocation } from './lineage';

const A = 'arn:aws:lambda:us-east-1:123456789012:function:a';
const B = 'arn:aws:lambda:us-east-1:123456789012:function:b';

describe('lineage', () => {
  it('reads and writes the documented form hash:count|hash:count', () => {
    const value = 'a87bd80c:1|68fd508a:5|c512fbe3:2';
    const entries = parseLineage(value);
    expect(entries).toEqual([
      { hash: 'a87bd80c', count: 1 },
      { hash: '68fd508a', count: 5 },
      { hash: 'c512fbe3', count: 2 },
    ]);
    expect(entries && formatLineage(entries)).toBe(value);
    expect(parseLineage('12326a9d:0')).toEqual([{ hash: '12326a9d', count: 0 }]);
  });

  it('does not read the undocumented V2 form, or garbage, as lineage', () => {
    expect(parseLineage('1:a87bd80c:2')).toBeNull();
    expect(parseLineage('A87BD80C:1')).toBeNull();
    expect(parseLineage('a87bd80:1')).toBeNull();
    expect(parseLineage('a87bd80c:-1')).toBeNull();
    expect(parseLineage('')).toBeNull();
  });

  it('hashes a function to 8 hex digits, the same every time, different per function (FNV-1a of the ARN)', () => {
    expect(lineageHash(A)).toMatch(/^[0-9a-f]{8}$/);
    expect(lineageHash(A)).toBe(lineageHash(A));
    expect(lineageHash(A)).not.toBe(lineageHash(B));
    expect(lineageHash('')).toBe('811c9dc5');
    expect(lineageHash('a')).toBe('e40c292c');
  });

  it('a first invocation joins at 0; each later one adds 1; other functions keep their counts', () => {
    let entries = withInvocation([], A);
    expect(entries).toEqual([{ hash: lineageHash(A), count: 0 }]);
    entries = withInvocation(withInvocation(entries, B), A);
    expect(lineageEntry(entries, A)?.count).toBe(1);
    expect(lineageEntry(entries, B)?.count).toBe(0);
    expect(entries.map((e) => e.hash)).toEqual([lineageHash(A), lineageHash(B)]);
  });

  it('keeps at most 16 functions, pushing out the oldest', () => {
    let entries = withInvocation([], A);
    for (let i = 0; i < LINEAGE_MAX_ENTRIES; i++) entries = withInvocation(entries, `${B}-${i}`);
    expect(entries).toHaveLength(LINEAGE_MAX_ENTRIES);
    expect(lineageEntry(entries, A)).toBeUndefined();
    expect(lineageEntry(entries, `${B}-15`)?.count).toBe(0);
  });
});
