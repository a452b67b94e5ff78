import { describe, expect, it } from 'vitest';
import { formatHeaderLines, parseCookieLine, parseHeaderLines } from './httpRequestText';

describe('request builder text', () => {
  it.each([
    ['User-Agent: curl/8.7.1\nAccept: */*', [['User-Agent', 'curl/8.7.1'], ['Accept', '*/*']], []],
    ['X-A: 1\r\n\r\nX-A: 2', [['X-A', '1'], ['X-A', '2']], []],
    ['Empty:', [['Empty', '']], []],
    ['Time: 12:30', [['Time', '12:30']], []],
    ['no colon\nBad Name: x\n: novalue\nOk: y', [['Ok', 'y']], [1, 2, 3]],
  ] as const)('parses %j', (text, headers, invalidLines) => {
    expect(parseHeaderLines(text)).toEqual({ headers, invalidLines });
  });

  it('formats header lines back', () => {
    expect(formatHeaderLines([['a', '1'], ['b', '2']])).toBe('a: 1\nb: 2');
  });

  it.each([
    ['a=1; b=2', ['a=1', 'b=2']],
    [' ;a=1;;', ['a=1']],
    ['', []],
  ])('splits cookies %j', (text, cookies) => expect(parseCookieLine(text)).toEqual(cookies));
});
