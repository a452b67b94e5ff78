import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SqsMessageAttributes } from '../../sources/sqsMessage';
import { md5OfMessageAttributes } from './md5OfMessageAttributes';

/** The same digest with Node's own MD5 and Buffers, written from the SQS Developer Guide's steps. */
function reference(attributes: SqsMessageAttributes): string {
  const hash = createHash('md5');
  const lengthPrefixed = (b: Buffer) => {
    const n = Buffer.alloc(4);
    n.writeUInt32BE(b.length);
    hash.update(n);
    hash.update(b);
  };
  for (const name of Object.keys(attributes).sort()) {
    const a = attributes[name]!;
    lengthPrefixed(Buffer.from(name, 'utf8'));
    lengthPrefixed(Buffer.from(a.DataType, 'utf8'));
    const binary = a.DataType.startsWith('Binary');
    hash.update(Buffer.from([binary ? 2 : 1]));
    lengthPrefixed(binary ? Buffer.from(a.BinaryValue ?? '', 'base64') : Buffer.from(a.StringValue ?? '', 'utf8'));
  }
  return hash.digest('hex');
}

describe('md5OfMessageAttributes', () => {
  const cases: [string, SqsMessageAttributes][] = [
    ['one string', { color: { DataType: 'String', StringValue: 'blue' } }],
    ['a number and a custom type', { n: { DataType: 'Number', StringValue: '42' }, t: { DataType: 'String.custom', StringValue: 'x' } }],
    ['binary, decoded from base64', { bin: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2, 255]).toString('base64') } }],
    ['names sorted, unicode values', { zeta: { DataType: 'String', StringValue: 'é中' }, alpha: { DataType: 'String', StringValue: '🚀' } }],
  ];
  it.each(cases)('%s agrees with a Node implementation', (_, attributes) => {
    expect(md5OfMessageAttributes(attributes)).toBe(reference(attributes));
  });
  it('is absent without attributes, as SQS sends none', () => {
    expect(md5OfMessageAttributes({})).toBeUndefined();
  });
});
