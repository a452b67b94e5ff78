import { jsonResponse, readJsonCall, type JsonObject } from '../awsJson';
import type { ServiceEnv, ServiceRequest, ServiceResult } from '../serviceTypes';
import { changeMessageVisibility, deleteMessage, deleteMessageBatch, getQueueUrl, receiveMessage } from './sqsReceiptActions';
import { sendMessage, sendMessageBatch } from './sqsSendActions';
import type { SqsActionResult, SqsServiceEffect } from './sqsServiceEffects';
import { sqsErrorResponse } from './sqsServiceErrors';
import type { SqsServiceState } from './sqsServiceState';

/**
 * SQS on the AWS JSON 1.0 protocol, as current AWS SDKs speak it
 * (`X-Amz-Target: AmazonSQS.<Operation>`, `application/x-amz-json-1.0`):
 * one request in, the next state, SQS's response and the platform's effects
 * out. Pure: `nowMs` and `random` come with the request.
 */

type Action = (state: SqsServiceState, input: JsonObject, env: ServiceEnv) => SqsActionResult;

const ACTIONS: Readonly<Record<string, Action>> = {
  GetQueueUrl: (s, i) => getQueueUrl(s, i),
  SendMessage: sendMessage,
  SendMessageBatch: sendMessageBatch,
  ReceiveMessage: receiveMessage,
  DeleteMessage: (s, i) => deleteMessage(s, i),
  DeleteMessageBatch: (s, i) => deleteMessageBatch(s, i),
  ChangeMessageVisibility: changeMessageVisibility,
};

/** The operations this model answers. */
export const SQS_OPERATIONS = Object.keys(ACTIONS);

export function handleSqsRequest(state: SqsServiceState, request: ServiceRequest, env: ServiceEnv): ServiceResult<SqsServiceState, SqsServiceEffect> {
  const requestId = env.random.uuid();
  const call = readJsonCall(request, '1.0', 'AmazonSQS', requestId);
  if (!call.ok) return { state, response: call.response, effects: [] };
  const action = ACTIONS[call.operation];
  if (!action) {
    return {
      state,
      response: sqsErrorResponse(requestId, { name: 'UnsupportedOperation', message: `The operation ${call.operation} is not modelled by this playground.` }),
      effects: [],
    };
  }
  const result = action(state, call.input, env);
  if (!result.ok) return { state, response: sqsErrorResponse(requestId, result.error), effects: [] };
  return { state: result.state, response: jsonResponse('1.0', requestId, result.output), effects: result.effects };
}
