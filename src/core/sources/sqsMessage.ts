import type { Random } from '../random';
import { base64Encode, utf8Length } from '../codec';

/** An SQS message, SendMessage's limits and their errors, in SQS's words. */

/** SQS's maximum message size, 1 MiB since 2025 (lambda-model.md §2); also the cap on a whole SendMessageBatch. */
export const SQS_MAX_MESSAGE_BYTES = 1_048_576;
export const SQS_MAX_BATCH_ENTRIES = 10;
export const SQS_MAX_MESSAGE_ATTRIBUTES = 10;
export const SQS_MAX_DELAY_S = 900;
export const SQS_MAX_VISIBILITY_TIMEOUT_S = 43_200;

/** A message attribute as SendMessage takes it. */
export interface SqsMessageAttributeValue {
  DataType: string;
  StringValue?: string;
  /** Base64. */
  BinaryValue?: string;
}
export type SqsMessageAttributes = Record<string, SqsMessageAttributeValue>;

export interface SqsSystemAttributes {
  ApproximateReceiveCount: string;
  SentTimestamp: string;
  SenderId: string;
  ApproximateFirstReceiveTimestamp: string;
  /** The sender's X-Ray trace header, when it sent one (SendMessage's X-Amzn-Trace-Id). */
  AWSTraceHeader?: string;
  /** FIFO queues only. */
  SequenceNumber?: string;
  MessageGroupId?: string;
  MessageDeduplicationId?: string;
}

/** What a message of a FIFO queue carries besides a standard one's. */
export interface SqsFifoFields {
  groupId: string;
  deduplicationId: string;
  /** SQS's 128-bit, increasing within the queue. */
  sequenceNumber: string;
}

export interface SqsMessage {
  readonly messageId: string;
  readonly body: string;
  readonly md5OfBody: string;
  readonly messageAttributes: SqsMessageAttributes;
  readonly senderId: string;
  readonly sentAtMs: number;
  receiveCount: number;
  firstReceivedAtMs: number | null;
  /** Visible (receivable) from this time on; later than now = in flight, or delayed if never received. */
  visibleAtMs: number;
  /** The handle of the latest receive; a new one per receive. */
  receiptHandle: string | null;
  /** FIFO queues: its group, deduplication id and sequence number (null on a standard queue). */
  readonly fifo: SqsFifoFields | null;
  /** The X-Ray trace header it was sent with (SQS's AWSTraceHeader system attribute); absent when none. */
  readonly traceHeader?: string;
}

/** A message as ReceiveMessage returns it: a snapshot with its system attributes. */
export interface SqsReceivedMessage extends Readonly<SqsMessage> {
  readonly receiptHandle: string;
  readonly attributes: SqsSystemAttributes;
}

export interface SqsError {
  code: string;
  message: string;
}
export type SqsSendResult = { ok: true; messageId: string; md5OfMessageBody: string } | { ok: false; error: SqsError };
export interface SqsBatchEntry {
  body: string;
  messageAttributes?: SqsMessageAttributes;
  delaySeconds?: number;
  /** FIFO queues: required. */
  messageGroupId?: string;
  /** FIFO queues: required unless the queue has content-based deduplication. */
  messageDeduplicationId?: string;
}

/** The FIFO attributes a message of a FIFO queue shows (ReceiveMessage, the Lambda event). */
export function fifoAttributes(fifo: SqsFifoFields | null): Pick<SqsSystemAttributes, 'SequenceNumber' | 'MessageGroupId' | 'MessageDeduplicationId'> {
  return fifo ? { SequenceNumber: fifo.sequenceNumber, MessageGroupId: fifo.groupId, MessageDeduplicationId: fifo.deduplicationId } : {};
}
export type SqsSendBatchResult =
  | { ok: true; successful: { index: number; messageId: string }[]; failed: { index: number; error: SqsError }[] }
  | { ok: false; error: SqsError };

const invalid = (message: string): SqsError => ({ code: 'InvalidParameterValue', message: `One or more parameters are invalid. Reason: ${message}` });

/** The size SQS counts: the body and every attribute's name, type and value. */
export function sqsMessageBytes(body: string, attributes: SqsMessageAttributes): number {
  let bytes = utf8Length(body);
  for (const [name, a] of Object.entries(attributes)) bytes += utf8Length(name) + utf8Length(a.DataType) + utf8Length(a.StringValue ?? a.BinaryValue ?? '');
  return bytes;
}

/** SendMessage's checks, in SQS's words; null if the message may be sent. */
export function checkSqsMessage(body: string, attributes: SqsMessageAttributes, delaySeconds: number): SqsError | null {
  if (body.length === 0) return invalid('Message must be at least one character.');
  const names = Object.keys(attributes);
  if (names.length > SQS_MAX_MESSAGE_ATTRIBUTES) {
    return { code: 'InvalidParameterValue', message: `Number of message attributes [${names.length}] exceeds the allowed maximum [${SQS_MAX_MESSAGE_ATTRIBUTES}].` };
  }
  for (const name of names) {
    const a = attributes[name]!;
    if (!/^(String|Number|Binary)(\..+)?$/.test(a.DataType)) {
      return { code: 'InvalidParameterValue', message: `The type of message (user) attribute '${name}' is invalid. You must use only the following supported type prefixes: Binary, Number, String.` };
    }
    const value = a.DataType.startsWith('Binary') ? a.BinaryValue : a.StringValue;
    if (!value) {
      return { code: 'InvalidParameterValue', message: `Message (user) attribute '${name}' must contain a non-empty message attribute value for message attribute type '${a.DataType.split('.')[0]}'.` };
    }
  }
  if (!Number.isInteger(delaySeconds) || delaySeconds < 0 || delaySeconds > SQS_MAX_DELAY_S) {
    return { code: 'InvalidParameterValue', message: `Value ${delaySeconds} for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= ${SQS_MAX_DELAY_S}.` };
  }
  if (sqsMessageBytes(body, attributes) > SQS_MAX_MESSAGE_BYTES) return invalid(`Message must be shorter than ${SQS_MAX_MESSAGE_BYTES} bytes.`);
  return null;
}


const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Opaque, like SQS's ("AQEB…", base64): 96 random bytes. */
export function newReceiptHandle(random: Random): string {
  const hex = random.hex(192);
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return 'AQEB' + base64Encode(bytes);
}

/** An IAM user's unique id ("AIDA…"), as SenderId shows for a message a user sent. */
export function newSenderId(random: Random): string {
  return 'AIDA' + Array.from({ length: 17 }, () => BASE32[Math.floor(random.next() * 32)]).join('');
}

export function cloneAttributes(attributes: SqsMessageAttributes): SqsMessageAttributes {
  const copy: SqsMessageAttributes = {};
  for (const [k, v] of Object.entries(attributes)) copy[k] = { ...v };
  return copy;
}
