import { describe, expect, it } from 'vitest';
import { readByteRange } from './byteRange';

describe('Range headers against an object of 10 bytes', () => {
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-0', { kind: 'part', start: 0, end: 0 }],
    ['bytes=3-', { kind: 'part', start: 3, end: 9 }],
    ['bytes=-20', { kind: 'part', start: 0, end: 9 }],
    ['bytes=9-9', { kind: 'part', start: 9, end: 9 }],
    ['bytes=10-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=5-2', { kind: 'whole' }],
    ['bytes=0-1,4-5', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
  ])('%s', (header, outcome) => {
    expect(readByteRange(header, 10)).toEqual(outcome);
  });

  it('no range of an empty object is satisfiable', () => {
    expect(readByteRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(readByteRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});
