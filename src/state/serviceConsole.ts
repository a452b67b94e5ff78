import type { AwsCaller } from '../bridge/liveDriver';
import { CONSOLE_ENV_ID } from '../bridge/services/consoleCaller';
import type { WireAwsRequest, WireAwsResponse } from '../protocol/messages';
import { session } from './currentSession';
// Not for its exports: the contents views' chunks must reach the same first-load modules as the Resources view's,
// or the bundler splits the session's modules out of the shared first-load chunk (+1.1 KB gzip on first load).
import './resourcesStore';

/**
 * The Resources view's side of the workspace's AWS services, as the AWS
 * console's: it reads and edits a resource's contents with the same API
 * calls a handler makes, so there is one store per resource and no copy.
 * Each call answers its result, or `{ error: 'Name: message' }` in the
 * service's words.
 */

/** Who the services see calling: the console, not a function. */
export const CONSOLE_CALLER: AwsCaller = { functionName: 'console', envId: CONSOLE_ENV_ID, requestId: null };

/** What the console calls: the session's services (`LazyAwsServices`), or a hub in a test. */
export interface ConsoleServices {
  handle(request: WireAwsRequest, caller: AwsCaller): Promise<WireAwsResponse>;
  queueCounts(name: string): Promise<QueueCounts | undefined> | QueueCounts | undefined;
}

export interface QueueCounts {
  visible: number;
  inFlight: number;
  delayed: number;
}

export interface Failure {
  error: string;
}

export const isFailure = (r: object): r is Failure => 'error' in r && typeof (r as Failure).error === 'string';

export const currentServices = (): ConsoleServices => session().services;

export const REGION = 'us-east-1';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonRecord = Record<string, unknown>;

/** An AWS JSON 1.0 call (DynamoDB, SQS): the answer's body, or the service's error by its name. */
export async function jsonCall(services: ConsoleServices, service: 'dynamodb' | 'sqs', target: string, input: JsonRecord): Promise<{ output: JsonRecord } | Failure> {
  const request: WireAwsRequest = {
    method: 'POST',
    hostname: `${service}.${REGION}.amazonaws.com`,
    path: '/',
    query: {},
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
    body: JSON.stringify(input),
  };
  const response = await services.handle(request, CONSOLE_CALLER);
  if ('error' in response) return { error: `${response.error.code}: ${response.error.message}` };
  const text = new TextDecoder().decode(response.body);
  let output: JsonRecord = {};
  try {
    output = text ? (JSON.parse(text) as JsonRecord) : {};
  } catch {
    if (response.status < 300) return { error: `The service answered something other than JSON (status ${response.status})` };
  }
  if (response.status >= 300) {
    const type = String(output.__type ?? response.headers['x-amzn-errortype'] ?? `HTTP ${response.status}`);
    const name = type.slice(type.lastIndexOf('#') + 1).split(':')[0] ?? type;
    const message = output.message ?? output.Message;
    return { error: typeof message === 'string' ? `${name}: ${message}` : name };
  }
  return { output };
}
