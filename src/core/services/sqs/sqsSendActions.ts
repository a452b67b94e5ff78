import { str, type JsonObject } from '../awsJson';
import { SQS_MAX_MESSAGE_BYTES, sqsMessageBytes, type SqsMessage } from '../../sources/sqsMessage';
import type { BilledRequests, ServiceEnv } from '../serviceTypes';
import { checkBatchEntries } from './sqsBatchChecks';
import { isServiceError, readMessageInput } from './sqsMessageInput';
import { sendToQueue, type SqsSent } from './sqsSend';
import { sqsBilled, type SqsActionResult, type SqsServiceEffect } from './sqsServiceEffects';
import { QUEUE_DOES_NOT_EXIST, SQS_QUERY_CODES, missing, type SqsServiceError } from './sqsServiceErrors';
import { queueByUrl, withQueue, type SqsServiceQueue, type SqsServiceState } from './sqsServiceState';

/** SendMessage and SendMessageBatch on the JSON protocol. */

function sentOutput(s: SqsSent): Record<string, string> {
  return {
    MessageId: s.messageId,
    MD5OfMessageBody: s.md5OfMessageBody,
    ...(s.md5OfMessageAttributes !== undefined ? { MD5OfMessageAttributes: s.md5OfMessageAttributes } : {}),
    ...(s.sequenceNumber !== undefined ? { SequenceNumber: s.sequenceNumber } : {}),
  };
}

function effectsOf(queue: SqsServiceQueue, stored: Readonly<SqsMessage>[], action: string, bytes: number): (SqsServiceEffect | BilledRequests)[] {
  const sent: SqsServiceEffect[] = stored.length > 0 ? [{ type: 'sqsMessagesSent', queueName: queue.name, queueArn: queue.arn, messages: stored }] : [];
  return [...sent, sqsBilled(action, bytes, queue.fifo)];
}

function queueOf(state: SqsServiceState, input: JsonObject): SqsServiceQueue | SqsServiceError {
  const url = str(input, 'QueueUrl');
  if (url === undefined) return missing('QueueUrl');
  return queueByUrl(state, url) ?? QUEUE_DOES_NOT_EXIST;
}

export function sendMessage(state: SqsServiceState, input: JsonObject, env: ServiceEnv): SqsActionResult {
  const queue = queueOf(state, input);
  if (isServiceError(queue)) return { ok: false, error: queue };
  const entry = readMessageInput(input, queue.fifo, queue.delaySeconds);
  if (isServiceError(entry)) return { ok: false, error: entry };
  const sent = sendToQueue(queue, entry, env.nowMs, env.random, state.senderId);
  if (isServiceError(sent)) return { ok: false, error: sent };
  const bytes = sqsMessageBytes(entry.body, entry.messageAttributes ?? {});
  return { ok: true, state: withQueue(state, sent.queue), output: sentOutput(sent), effects: effectsOf(sent.queue, sent.stored ? [sent.stored] : [], 'SendMessage', bytes) };
}

/** Each entry succeeds or fails on its own; the batch as a whole fails only on its shape or its total size. */
export function sendMessageBatch(state: SqsServiceState, input: JsonObject, env: ServiceEnv): SqsActionResult {
  const found = queueOf(state, input);
  if (isServiceError(found)) return { ok: false, error: found };
  let queue: SqsServiceQueue = found;
  const checked = checkBatchEntries(input['Entries'], 'SendMessageBatchRequestEntry');
  if (isServiceError(checked)) return { ok: false, error: checked };
  const read = checked.map(({ id, entry }) => ({ id, entry: readMessageInput(entry, found.fifo, found.delaySeconds) }));
  const total = read.reduce((n, r) => n + (isServiceError(r.entry) ? 0 : sqsMessageBytes(r.entry.body, r.entry.messageAttributes ?? {})), 0);
  if (total > SQS_MAX_MESSAGE_BYTES) {
    return { ok: false, error: { name: 'BatchRequestTooLong', message: `Batch requests cannot be longer than ${SQS_MAX_MESSAGE_BYTES} bytes. You have sent ${total} bytes.` } };
  }
  const successful: Record<string, string>[] = [];
  const failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] = [];
  const stored: Readonly<SqsMessage>[] = [];
  for (const { id, entry } of read) {
    const sent: SqsSent | SqsServiceError = isServiceError(entry) ? entry : sendToQueue(queue, entry, env.nowMs, env.random, state.senderId);
    if (isServiceError(sent)) {
      failed.push({ Id: id, SenderFault: true, Code: SQS_QUERY_CODES[sent.name], Message: sent.message });
      continue;
    }
    queue = sent.queue;
    if (sent.stored) stored.push(sent.stored);
    successful.push({ Id: id, ...sentOutput(sent) });
  }
  return { ok: true, state: withQueue(state, queue), output: { Successful: successful, Failed: failed }, effects: effectsOf(queue, stored, 'SendMessageBatch', total) };
}

export { queueOf };
