import { num, str, strings, type JsonObject } from '../awsJson';
import { SQS_MAX_BATCH_ENTRIES, SQS_MAX_VISIBILITY_TIMEOUT_S, type SqsMessage } from '../../sources/sqsMessage';
import type { ServiceEnv } from '../serviceTypes';
import { md5OfMessageAttributes } from './md5OfMessageAttributes';
import { checkBatchEntries } from './sqsBatchChecks';
import { isServiceError } from './sqsMessageInput';
import { receiveFromQueue, receivedBytes, selectMessageAttributes, selectSystemAttributes } from './sqsReceive';
import { queueOf } from './sqsSendActions';
import { sqsBilled, type SqsActionResult, type SqsServiceEffect } from './sqsServiceEffects';
import { QUEUE_DOES_NOT_EXIST, SQS_QUERY_CODES, invalidValue, missing, type SqsServiceError } from './sqsServiceErrors';
import { withQueue, type SqsServiceQueue, type SqsServiceState } from './sqsServiceState';

/** GetQueueUrl, ReceiveMessage, DeleteMessage(Batch) and ChangeMessageVisibility on the JSON protocol. */

export const SQS_MAX_WAIT_TIME_S = 20;

export function getQueueUrl(state: SqsServiceState, input: JsonObject): SqsActionResult {
  const name = str(input, 'QueueName');
  if (name === undefined) return { ok: false, error: missing('QueueName') };
  const owner = str(input, 'QueueOwnerAWSAccountId') ?? state.accountId;
  const queue = owner === state.accountId ? state.queues[name] : undefined;
  if (!queue) return { ok: false, error: QUEUE_DOES_NOT_EXIST };
  return { ok: true, state, output: { QueueUrl: queue.url }, effects: [sqsBilled('GetQueueUrl', 0, queue.fifo)] };
}

const rangeError = (parameter: string, value: number | string, reason: string): SqsServiceError =>
  invalidValue(`Value ${value} for parameter ${parameter} is invalid. Reason: ${reason}`);

function receivedOutput(m: Readonly<SqsMessage>, systemNames: readonly string[], attributeNames: readonly string[]): Record<string, unknown> {
  const attributes = selectSystemAttributes(m, systemNames);
  const messageAttributes = selectMessageAttributes(m.messageAttributes, attributeNames);
  const md5 = md5OfMessageAttributes(messageAttributes);
  return {
    MessageId: m.messageId,
    ReceiptHandle: m.receiptHandle,
    MD5OfBody: m.md5OfBody,
    Body: m.body,
    ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
    ...(md5 !== undefined ? { MD5OfMessageAttributes: md5, MessageAttributes: messageAttributes } : {}),
  };
}

export function receiveMessage(state: SqsServiceState, input: JsonObject, env: ServiceEnv): SqsActionResult {
  const queue = queueOf(state, input);
  if (isServiceError(queue)) return { ok: false, error: queue };
  const max = num(input, 'MaxNumberOfMessages') ?? 1;
  if (!Number.isInteger(max) || max < 1 || max > SQS_MAX_BATCH_ENTRIES) return { ok: false, error: rangeError('MaxNumberOfMessages', max, 'Must be between 1 and 10, if provided.') };
  const wait = num(input, 'WaitTimeSeconds') ?? 0;
  if (!Number.isInteger(wait) || wait < 0 || wait > SQS_MAX_WAIT_TIME_S) return { ok: false, error: rangeError('WaitTimeSeconds', wait, 'Must be >= 0 and <= 20, if provided.') };
  const visibility = num(input, 'VisibilityTimeout') ?? queue.visibilityTimeoutS;
  if (!Number.isInteger(visibility) || visibility < 0 || visibility > SQS_MAX_VISIBILITY_TIMEOUT_S) {
    return { ok: false, error: rangeError('VisibilityTimeout', visibility, `Must be >= 0 and <= ${SQS_MAX_VISIBILITY_TIMEOUT_S}, if provided.`) };
  }
  const r = receiveFromQueue(queue, max, visibility, env.nowMs, env.random);
  const systemNames = [...strings(input, 'AttributeNames'), ...strings(input, 'MessageSystemAttributeNames')];
  const attributeNames = strings(input, 'MessageAttributeNames');
  const effects: SqsServiceEffect[] = [];
  if (r.deadLettered.length > 0) effects.push({ type: 'sqsDeadLettered', queueName: queue.name, queueArn: queue.arn, messages: r.deadLettered });
  if (r.received.length === 0 && wait > 0) effects.push({ type: 'sqsLongPoll', queueName: queue.name, untilMs: env.nowMs + wait * 1000 });
  return {
    ok: true,
    state: withQueue(state, r.queue),
    output: r.received.length > 0 ? { Messages: r.received.map((m) => receivedOutput(m, systemNames, attributeNames)) } : {},
    effects: [...effects, sqsBilled('ReceiveMessage', receivedBytes(r.received), queue.fifo)],
  };
}

/** Receipt handles this model issues: "AQEB" and 128 base64 characters (newReceiptHandle). */
const HANDLE = /^AQEB[A-Za-z0-9+/]{128}$/;
const invalidHandle = (handle: string): SqsServiceError => ({ name: 'ReceiptHandleIsInvalid', message: `The input receipt handle "${handle}" is not a valid receipt handle.` });

/**
 * One delete. Only a message's latest receipt handle deletes it; an older
 * (or already used) handle of the right form succeeds without deleting, as
 * SQS documents.
 */
function deleteOne(queue: SqsServiceQueue, handle: string | undefined): SqsServiceQueue | SqsServiceError {
  if (handle === undefined) return missing('ReceiptHandle');
  if (!HANDLE.test(handle)) return invalidHandle(handle);
  return { ...queue, messages: queue.messages.filter((m) => m.receiptHandle !== handle) };
}

export function deleteMessage(state: SqsServiceState, input: JsonObject): SqsActionResult {
  const queue = queueOf(state, input);
  if (isServiceError(queue)) return { ok: false, error: queue };
  const next = deleteOne(queue, str(input, 'ReceiptHandle'));
  if (isServiceError(next)) return { ok: false, error: next };
  return { ok: true, state: withQueue(state, next), output: {}, effects: [sqsBilled('DeleteMessage', 0, queue.fifo)] };
}

export function deleteMessageBatch(state: SqsServiceState, input: JsonObject): SqsActionResult {
  const found = queueOf(state, input);
  if (isServiceError(found)) return { ok: false, error: found };
  let queue: SqsServiceQueue = found;
  const checked = checkBatchEntries(input['Entries'], 'DeleteMessageBatchRequestEntry');
  if (isServiceError(checked)) return { ok: false, error: checked };
  const successful: { Id: string }[] = [];
  const failed: { Id: string; SenderFault: boolean; Code: string; Message: string }[] = [];
  for (const { id, entry } of checked) {
    const next = deleteOne(queue, str(entry, 'ReceiptHandle'));
    if (isServiceError(next)) failed.push({ Id: id, SenderFault: true, Code: SQS_QUERY_CODES[next.name], Message: next.message });
    else {
      queue = next;
      successful.push({ Id: id });
    }
  }
  return { ok: true, state: withQueue(state, queue), output: { Successful: successful, Failed: failed }, effects: [sqsBilled('DeleteMessageBatch', 0, queue.fifo)] };
}

/**
 * ChangeMessageVisibility: an in-flight message becomes visible `VisibilityTimeout`
 * seconds from now (0: at once). A handle that is no message's latest is
 * InvalidParameterValue, a message whose visibility timeout ran out
 * MessageNotInflight; a total beyond 12 hours from the first receive is
 * refused.
 */
export function changeMessageVisibility(state: SqsServiceState, input: JsonObject, env: ServiceEnv): SqsActionResult {
  const queue = queueOf(state, input);
  if (isServiceError(queue)) return { ok: false, error: queue };
  const handle = str(input, 'ReceiptHandle');
  if (handle === undefined) return { ok: false, error: missing('ReceiptHandle') };
  const timeout = num(input, 'VisibilityTimeout');
  if (timeout === undefined) return { ok: false, error: missing('VisibilityTimeout') };
  if (!HANDLE.test(handle)) return { ok: false, error: invalidHandle(handle) };
  if (!Number.isInteger(timeout) || timeout < 0 || timeout > SQS_MAX_VISIBILITY_TIMEOUT_S) {
    return { ok: false, error: rangeError('VisibilityTimeout', timeout, `Must be >= 0 and <= ${SQS_MAX_VISIBILITY_TIMEOUT_S}, if provided.`) };
  }
  const m = queue.messages.find((x) => x.receiptHandle === handle);
  if (!m) return { ok: false, error: rangeError('ReceiptHandle', handle, 'Message does not exist or is not available for visibility timeout change.') };
  if (m.visibleAtMs <= env.nowMs) return { ok: false, error: { name: 'MessageNotInflight', message: "The specified message isn't in flight." } };
  const usedS = (env.nowMs - (m.firstReceivedAtMs ?? env.nowMs)) / 1000;
  if (usedS + timeout > SQS_MAX_VISIBILITY_TIMEOUT_S) {
    return { ok: false, error: rangeError('VisibilityTimeout', timeout, `Total VisibilityTimeout for the message is beyond the limit [${SQS_MAX_VISIBILITY_TIMEOUT_S} seconds].`) };
  }
  const next = { ...queue, messages: queue.messages.map((x) => (x === m ? { ...x, visibleAtMs: env.nowMs + timeout * 1000 } : x)) };
  return { ok: true, state: withQueue(state, next), output: {}, effects: [sqsBilled('ChangeMessageVisibility', 0, queue.fifo)] };
}
