import type { Random } from '../random';

/**
 * What a service model takes and gives: an HTTP request as the AWS SDK's
 * request handler would send it, and the response the real service would
 * answer with. Pure: time and randomness come in with each request.
 */

/** An HTTP request as the SDK sends it; header names in any case. */
export interface ServiceRequest {
  method: string;
  path: string;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** The HTTP response the service answers with; header names as AWS writes them. */
export interface ServiceResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Platform time and the workspace's seeded randomness, for one request. */
export interface ServiceEnv {
  nowMs: number;
  random: Random;
}

/**
 * Requests a call is billed as (SQS counts each 64 KiB of payload as one
 * request); for DynamoDB, the request units it consumed (`count` may be a
 * half: an eventually consistent read of up to 4 KB).
 */
export interface BilledRequests {
  type: 'billedRequests';
  service: 'sqs' | 'sns' | 'eventbridge' | 's3' | 'dynamodb';
  action: string;
  count: number;
  /** S3 only: its price tier. 1: PUT, COPY, POST and LIST requests; 2: GET, HEAD and the rest (DELETE is free, and bills nothing). */
  tier?: 1 | 2;
  /** DynamoDB only: read or write request units. */
  unit?: 'read' | 'write';
  /** SQS only: a FIFO queue's request (priced higher). */
  fifo?: boolean;
}

/** A request's outcome: the service's next state, its answer, and what the platform must do next. */
export interface ServiceResult<State, Effect> {
  state: State;
  response: ServiceResponse;
  effects: (Effect | BilledRequests)[];
}

/** A header's value, whatever the case of its name. */
export function header(request: Pick<ServiceRequest, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of Object.entries(request.headers)) if (k.toLowerCase() === wanted) return v;
  return undefined;
}
