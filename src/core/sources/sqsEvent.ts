import { utf8Length } from '../codec';
import { fifoAttributes, type SqsMessage, type SqsMessageAttributes, type SqsReceivedMessage, type SqsSystemAttributes } from './sqsMessage';

/**
 * The event an SQS event source mapping sends its function (lambda-model.md
 * §7; the shape of @types/aws-lambda's SQSEvent): one record per message.
 */

/** A message attribute as the mapping delivers it: lower-case keys, and the (unused) list fields always present. */
export interface SqsRecordMessageAttribute {
  stringValue?: string;
  binaryValue?: string;
  stringListValues: string[];
  binaryListValues: string[];
  dataType: string;
}

export interface SqsEventRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  /** A FIFO queue's messages also have SequenceNumber, MessageGroupId and MessageDeduplicationId. */
  attributes: SqsSystemAttributes;
  messageAttributes: Record<string, SqsRecordMessageAttribute>;
  md5OfBody: string;
  eventSource: 'aws:sqs';
  eventSourceARN: string;
  awsRegion: string;
}

export interface SqsEvent {
  Records: SqsEventRecord[];
}

/** A batch's event is capped at the synchronous invoke payload, 6 MB (lambda-model.md §2, §4). */
export const SQS_EVENT_MAX_BYTES = 6 * 1024 * 1024;
/** `{"Records":[` + `]}`. */
const EVENT_OVERHEAD_BYTES = 14;
/** Receipt handles this model issues ("AQEB" + 128 base64 characters). */
const RECEIPT_HANDLE_LENGTH = 132;

export function recordMessageAttributes(attributes: SqsMessageAttributes): Record<string, SqsRecordMessageAttribute> {
  const out: Record<string, SqsRecordMessageAttribute> = {};
  for (const [name, a] of Object.entries(attributes)) {
    out[name] = a.DataType.startsWith('Binary')
      ? { binaryValue: a.BinaryValue ?? '', stringListValues: [], binaryListValues: [], dataType: a.DataType }
      : { stringValue: a.StringValue ?? '', stringListValues: [], binaryListValues: [], dataType: a.DataType };
  }
  return out;
}

export function sqsRecord(message: SqsReceivedMessage, queueArn: string, region: string): SqsEventRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: { ...message.attributes },
    messageAttributes: recordMessageAttributes(message.messageAttributes),
    md5OfBody: message.md5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: region,
  };
}

export function buildSqsEvent(messages: readonly SqsReceivedMessage[], queueArn: string, region: string): SqsEvent {
  return { Records: messages.map((m) => sqsRecord(m, queueArn, region)) };
}

/**
 * The bytes a message will add to a batch's event (its record and a comma),
 * before it is received: the receipt handle and counts it will then have
 * are stood in for by values of the same length or longer.
 */
export function sqsRecordBytes(message: SqsMessage, queueArn: string, region: string): number {
  const stand: SqsReceivedMessage = {
    ...message,
    receiptHandle: 'A'.repeat(RECEIPT_HANDLE_LENGTH),
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount + 1),
      SentTimestamp: String(Math.floor(message.sentAtMs)),
      SenderId: message.senderId,
      ApproximateFirstReceiveTimestamp: String(Math.floor(message.firstReceivedAtMs ?? message.sentAtMs)),
      ...fifoAttributes(message.fifo),
    },
  };
  return utf8Length(JSON.stringify(sqsRecord(stand, queueArn, region))) + 1;
}

/** Bytes of an event made of records totalling `recordBytes` (as sqsRecordBytes counts them). */
export function sqsEventBytes(recordBytes: number): number {
  return EVENT_OVERHEAD_BYTES + Math.max(0, recordBytes - 1);
}
