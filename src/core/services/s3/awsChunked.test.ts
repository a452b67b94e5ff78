import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../codec';
import { decodeAwsChunked } from './awsChunked';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('aws-chunked bodies', () => {
  it('chunks, signatures and trailers', () => {
    const d = decodeAwsChunked(utf8Bytes('3;chunk-signature=abc\r\nabc\r\n2\r\nde\r\n0\r\nx-amz-checksum-crc32:AAAA==\r\n\r\n'));
    expect(d && [text(d.bytes), d.trailers]).toEqual(['abcde', { 'x-amz-checksum-crc32': 'AAAA==' }]);
    expect(text(decodeAwsChunked(utf8Bytes('0\r\n\r\n'))!.bytes)).toBe('');
  });

  it('a body cut short or with a bad size is refused', () => {
    expect(decodeAwsChunked(utf8Bytes('5\r\nabc\r\n0\r\n\r\n'))).toBeNull();
    expect(decodeAwsChunked(utf8Bytes('zz\r\nabc\r\n'))).toBeNull();
    expect(decodeAwsChunked(utf8Bytes('3\r\nabc\r\n'))).toBeNull();
  });
});
