import { decodeBase64Text, utf8Bytes } from '../../codec';
import { md5Hex } from '../../sources/md5';
import type { SqsMessageAttributes } from '../../sources/sqsMessage';

/**
 * MD5OfMessageAttributes as SQS computes it (SQS Developer Guide, "Calculating
 * the MD5 message digest for message attributes"): the attributes sorted by
 * name; for each, the name, the data type and the value, each preceded by
 * its length as a 4-byte big-endian integer, with a 1-byte transport type
 * (1 for String and Number, 2 for Binary) before the value; the MD5 of the
 * whole, as hex. Undefined when there are no attributes: SQS then sends no
 * MD5OfMessageAttributes.
 */
export function md5OfMessageAttributes(attributes: SqsMessageAttributes): string | undefined {
  const names = Object.keys(attributes).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) return undefined;
  const parts: Uint8Array[] = [];
  const withLength = (bytes: Uint8Array): void => {
    const length = new Uint8Array(4);
    new DataView(length.buffer).setUint32(0, bytes.length, false);
    parts.push(length, bytes);
  };
  for (const name of names) {
    const a = attributes[name]!;
    withLength(utf8Bytes(name));
    withLength(utf8Bytes(a.DataType));
    const binary = a.DataType.startsWith('Binary');
    parts.push(Uint8Array.of(binary ? 2 : 1));
    withLength(binary ? (decodeBase64Text(a.BinaryValue ?? '') ?? new Uint8Array()) : utf8Bytes(a.StringValue ?? ''));
  }
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return md5Hex(all);
}
