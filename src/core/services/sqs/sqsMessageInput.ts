import { obj, str, type JsonObject } from '../awsJson';
import { checkSqsMessage, type SqsBatchEntry, type SqsMessageAttributes } from '../../sources/sqsMessage';
import { invalidValue, missing, sqsErrorFromCode, type SqsServiceError } from './sqsServiceErrors';

/** A message as SendMessage or a SendMessageBatch entry gives it, read from the JSON wire form and checked as SQS checks it. */

/** The characters SQS allows in a body (XML 1.0's): #x9 | #xA | #xD | #x20–#xD7FF | #xE000–#xFFFD | #x10000–#x10FFFF. */
function invalidCharacter(body: string): number | null {
  for (const ch of body) {
    const c = ch.codePointAt(0)!;
    const ok = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
    if (!ok) return c;
  }
  return null;
}

/** MessageAttributes as the JSON protocol carries them: name → {DataType, StringValue | BinaryValue (base64)}. */
export function readMessageAttributes(value: unknown): SqsMessageAttributes {
  const out: SqsMessageAttributes = {};
  for (const [name, raw] of Object.entries(obj(value) ?? {})) {
    const a = obj(raw) ?? {};
    out[name] = {
      DataType: str(a, 'DataType') ?? '',
      ...(str(a, 'StringValue') !== undefined ? { StringValue: str(a, 'StringValue') } : {}),
      ...(str(a, 'BinaryValue') !== undefined ? { BinaryValue: str(a, 'BinaryValue') } : {}),
    };
  }
  return out;
}

/** The entry a message input describes, or SQS's error for it (the queue's own FIFO rules come later). */
export function readMessageInput(input: JsonObject, fifo: boolean, queueDelayS: number): SqsBatchEntry | SqsServiceError {
  const body = str(input, 'MessageBody');
  if (body === undefined) return missing('MessageBody');
  const bad = invalidCharacter(body);
  if (bad !== null) {
    return {
      name: 'InvalidMessageContents',
      message: `Invalid binary character '#x${bad.toString(16).toUpperCase()}' was found in the message body, the set of allowed characters is #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF`,
    };
  }
  const messageAttributes = readMessageAttributes(input['MessageAttributes']);
  const delay = input['DelaySeconds'];
  const delaySeconds = typeof delay === 'number' ? delay : undefined;
  const problem = checkSqsMessage(body, messageAttributes, delaySeconds ?? queueDelayS);
  if (problem) return sqsErrorFromCode(problem.code, problem.message);
  const messageDeduplicationId = str(input, 'MessageDeduplicationId');
  if (!fifo && messageDeduplicationId !== undefined) {
    return invalidValue(`Value ${messageDeduplicationId} for parameter MessageDeduplicationId is invalid. Reason: The request include parameter that is not valid for this queue type.`);
  }
  const messageGroupId = str(input, 'MessageGroupId');
  return {
    body,
    messageAttributes,
    ...(delaySeconds !== undefined ? { delaySeconds } : {}),
    ...(messageGroupId !== undefined ? { messageGroupId } : {}),
    ...(messageDeduplicationId !== undefined ? { messageDeduplicationId } : {}),
  };
}

export const isServiceError = (x: object): x is SqsServiceError => 'name' in x && 'message' in x;
