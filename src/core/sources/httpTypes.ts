/**
 * The HTTP trigger's vocabulary: what a client sends, what the function
 * receives, and what the client gets back (lambda-model.md §7).
 */

/**
 * How the request reaches the function:
 * - `rest-v1`: an API Gateway REST API, Lambda proxy integration (payload 1.0);
 * - `http-v2`: an API Gateway HTTP API, payload format 2.0;
 * - `function-url`: a Lambda function URL, auth type NONE (the 2.0 schema).
 */
export type HttpFormat = 'rest-v1' | 'http-v2' | 'function-url';

export const HTTP_FORMATS: readonly HttpFormat[] = ['rest-v1', 'http-v2', 'function-url'];

/** A request as the client sends it. */
export interface HttpRequestInput {
  method: string;
  /** The path as sent (percent-encoding kept), starting with '/'. */
  path: string;
  /** The raw query string without '?', possibly ''. */
  query: string;
  /** Header lines in the order sent; a name may repeat. */
  headers: [string, string][];
  /** Cookie pairs (`name=value`), sent as one Cookie header after any the headers already hold. */
  cookies: string[];
  body: string;
  /** The body is base64 text standing for bytes (a binary upload). */
  isBase64Encoded: boolean;
}

/** A response as the client receives it. */
export interface HttpResponseView {
  statusCode: number;
  /** Header lines in order; `set-cookie` and multi-value headers give several lines. */
  headers: [string, string][];
  /** The body as the function returned it: base64 text when `isBase64Encoded`. */
  body: string;
  isBase64Encoded: boolean;
}

/** One request and what came of it. */
export interface HttpExchange {
  id: string;
  /** The format in force when the request was sent. */
  format: HttpFormat;
  request: HttpRequestInput;
  /** The event, exactly as sent to the function (JSON text). */
  event: string;
  /** Absent while the function runs. */
  response?: HttpResponseView;
  /**
   * Why the gateway answered as it did, when that is not the function's own
   * response ("Lambda throttled the invoke (429 …); API Gateway answers 500").
   */
  note?: string;
  startedAtMs: number;
  endedAtMs?: number;
}

export interface HttpTriggerView {
  format: HttpFormat;
  /** The endpoint in the current format, e.g. `https://abc123defg.execute-api.us-east-1.amazonaws.com/prod`. */
  url: string;
  /** Oldest first; at most the last 50. */
  exchanges: readonly HttpExchange[];
}

/** The labels the UI shows for each format. */
export const HTTP_FORMAT_LABELS: Record<HttpFormat, string> = {
  'rest-v1': 'REST API (payload 1.0)',
  'http-v2': 'HTTP API (payload 2.0)',
  'function-url': 'Function URL',
};
