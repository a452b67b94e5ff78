import { decodeBase64Text, utf8Decode, utf8Length } from '../codec';

/** What a body is, for display: its size in bytes and its text when it is printable. */
export interface BodyDescription {
  /** null when a base64 body is not valid base64. */
  bytes: number | null;
  /** The text, when the bytes are UTF-8 without control characters other than tab, CR and LF. */
  text: string | null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function describeBody(body: string, isBase64Encoded: boolean): BodyDescription {
  if (!isBase64Encoded) return { bytes: utf8Length(body), text: CONTROL.test(body) ? null : body };
  const bytes = decodeBase64Text(body);
  if (bytes === null) return { bytes: null, text: null };
  const text = utf8Decode(bytes);
  return { bytes: bytes.length, text: text === null || CONTROL.test(text) ? null : text };
}

/** The number of bytes a body stands for (decoded when base64; its UTF-8 length otherwise). */
export function bodyByteLength(body: string, isBase64Encoded: boolean): number {
  if (!isBase64Encoded) return utf8Length(body);
  return decodeBase64Text(body)?.length ?? utf8Length(body);
}
