import { checkSnsPublish, type SnsAttributeInput, type SnsAttributeType, type SnsPublishInput } from '../../sources/snsTopic';
import { queryMembers } from './queryForm';
import type { SnsServiceError } from './snsXml';

/** A Publish request (or a PublishBatch entry) read from its query parameters and checked as SNS checks it. */

export interface SnsPublishRequest extends SnsPublishInput {
  /** `json`: Message is a JSON object of per-protocol messages with a `default`. */
  messageStructure: string | undefined;
}

export const invalidParameter = (message: string): SnsServiceError => ({ code: 'InvalidParameter', message, status: 400 });

/** MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue | .Value.BinaryValue. */
function readAttributes(params: ReadonlyMap<string, string>): SnsAttributeInput[] {
  return queryMembers(params, 'MessageAttributes.entry').map((m) => ({
    name: m.get('Name') ?? '',
    type: (m.get('Value.DataType') ?? '') as SnsAttributeType,
    value: m.get('Value.StringValue') ?? m.get('Value.BinaryValue') ?? '',
  }));
}

export function readPublish(params: ReadonlyMap<string, string>): SnsPublishRequest | SnsServiceError {
  const message = params.get('Message');
  if (message === undefined) return invalidParameter('Invalid parameter: Message Reason: no value for required parameter');
  const subject = params.get('Subject');
  const input: SnsPublishRequest = { message, attributes: readAttributes(params), messageStructure: params.get('MessageStructure'), ...(subject !== undefined ? { subject } : {}) };
  const refusal = checkSnsPublish(input);
  if (refusal) return { code: refusal.code, message: refusal.message, status: 400 };
  if (input.messageStructure === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(message);
    } catch {
      return invalidParameter('Invalid parameter: Message Structure - JSON message body failed to parse');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as Record<string, unknown>)['default'] !== 'string') {
      return invalidParameter('Invalid parameter: Message Structure - No default entry in JSON message body');
    }
  }
  return input;
}

/** The message a Lambda subscriber gets: with MessageStructure json, the `lambda` entry, else `default`. */
export function lambdaMessage(input: SnsPublishRequest): string {
  if (input.messageStructure !== 'json') return input.message;
  const parsed = JSON.parse(input.message) as Record<string, unknown>;
  const own = parsed['lambda'];
  return typeof own === 'string' ? own : (parsed['default'] as string);
}

export const isSnsError = (x: object): x is SnsServiceError => 'code' in x && 'status' in x;
