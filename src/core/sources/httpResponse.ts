import { bodyByteLength } from './bodyDescription';
import type { RequestIds } from './httpEndpoint';
import type { HttpFormat, HttpResponseView } from './httpTypes';
import type { SourceInvokeResult } from './sourceTypes';

/**
 * What the client gets for what the function did (lambda-model.md §7).
 *
 * Sources:
 * - REST: DG:services-apigateway-errors: a rejected Invoke (a 429 throttle
 *   included) gives 500, a function error or a malformed response 502, both
 *   with `{"message": "Internal server error"}`. Lambda's 429 is not passed
 *   on: it "will always be considered as 500" (API Gateway team on the AWS
 *   forum, quoted on Stack Overflow q. 36363280; re:Post
 *   QUfI6bsdd0SOiPeyimzxSkfQ shows the same today). API Gateway's own
 *   `429 {"message":"Too Many Requests"}` is its stage throttle, which this
 *   model does not have. Headers and multiValueHeaders merge; a pair given in
 *   both appears once (API Gateway developer guide, proxy output format).
 * - HTTP API: every integration failure is `500 {"message":"Internal Server
 *   Error"}`. A 2.0 result without `statusCode` is 200, application/json, the
 *   JSON as body (repost.aws knowledge-center/api-gateway-status-codes-http-api).
 * - Function URL: the same inference (DG23:urls-invocation); cookies become
 *   set-cookie lines. A function error is `502` "Internal Server Error" (user
 *   reports: awsdocs/aws-lambda-developer-guide#430, swift-cloud/swift-cloud#16;
 *   AWS does not document it). A throttle is 429 with `{"message":"Rate
 *   Exceeded."}`: the status from user reports, the body as reported for URL
 *   throttles in huntharo/lambda-provisioned-throttling; both unverified.
 * - Gateway timeouts: REST gives up after 29 s (504 `{"message": "Endpoint
 *   request timed out"}`), HTTP API after 30 s (503 `{"message":"Service
 *   Unavailable"}`); a function URL waits for the function's own timeout.
 */

export interface MappedResponse {
  response: HttpResponseView;
  note?: string;
}

/** How long the gateway waits for the function, or null (function URLs wait as long as the function may run). */
export function integrationTimeoutMs(format: HttpFormat): number | null {
  return format === 'rest-v1' ? 29_000 : format === 'http-v2' ? 30_000 : null;
}

const REST_ERROR = '{"message": "Internal server error"}';
const HTTP_API_ERROR = '{"message":"Internal Server Error"}';
const URL_ERROR = 'Internal Server Error';

type Lines = [string, string][];
type Parsed = { statusCode: number; lines: Lines; body: string; isBase64Encoded: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const optional = (v: unknown): boolean => v === undefined || v === null;

function validStatus(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 100 && v <= 599;
}

/** A header map of scalars, or null when it is malformed. */
function headerLines(v: unknown): Lines | null {
  if (optional(v)) return [];
  if (!isRecord(v)) return null;
  const lines: Lines = [];
  for (const [name, value] of Object.entries(v)) {
    if (!isScalar(value)) return null;
    lines.push([name, String(value)]);
  }
  return lines;
}

function multiValueLines(v: unknown): Lines | null {
  if (optional(v)) return [];
  if (!isRecord(v)) return null;
  const lines: Lines = [];
  for (const [name, values] of Object.entries(v)) {
    if (!Array.isArray(values) || !values.every(isScalar)) return null;
    for (const value of values) lines.push([name, String(value)]);
  }
  return lines;
}

function bodyAndFlag(r: Record<string, unknown>): { body: string; isBase64Encoded: boolean } | null {
  if (!optional(r.body) && typeof r.body !== 'string') return null;
  if (!optional(r.isBase64Encoded) && typeof r.isBase64Encoded !== 'boolean') return null;
  return { body: typeof r.body === 'string' ? r.body : '', isBase64Encoded: r.isBase64Encoded === true };
}

function parseJson(payload: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(payload) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Payload 1.0: an object with an integer statusCode; body a string. */
function parseRest(payload: string): Parsed | null {
  const parsed = parseJson(payload);
  if (!parsed.ok || !isRecord(parsed.value)) return null;
  const r = parsed.value;
  const single = headerLines(r.headers);
  const multi = multiValueLines(r.multiValueHeaders);
  const content = bodyAndFlag(r);
  if (!validStatus(r.statusCode) || single === null || multi === null || content === null) return null;
  const inMulti = new Set(multi.map(([n, v]) => `${n.toLowerCase()}\n${v}`));
  const lines = [...single.filter(([n, v]) => !inMulti.has(`${n.toLowerCase()}\n${v}`)), ...multi];
  return { statusCode: r.statusCode, lines, ...content };
}

/** Payload 2.0: a structured response when the JSON is an object with `statusCode`, otherwise inferred. */
function parseV2(payload: string): Parsed | null {
  const parsed = parseJson(payload);
  if (!parsed.ok) return null;
  const r = parsed.value;
  if (!isRecord(r) || !('statusCode' in r)) {
    // AWS's response-mapping table: a string result is the body itself (no JSON quotes); any other value is its JSON.
    return { statusCode: 200, lines: [['content-type', 'application/json']], body: typeof r === 'string' ? r : payload, isBase64Encoded: false };
  }
  const lines = headerLines(r.headers);
  const content = bodyAndFlag(r);
  const cookies = r.cookies;
  const cookiesOk = optional(cookies) || (Array.isArray(cookies) && cookies.every((c) => typeof c === 'string'));
  if (!validStatus(r.statusCode) || lines === null || content === null || !cookiesOk) return null;
  for (const c of (cookies as string[] | null | undefined) ?? []) lines.push(['set-cookie', c]);
  return { statusCode: r.statusCode, lines, ...content };
}

/** What the gateway adds to every response, then the function's lines. */
function finish(format: HttpFormat, p: Parsed, ids: RequestIds, atMs: number): HttpResponseView {
  const own = p.lines.filter(([n]) => n.toLowerCase() !== 'content-length');
  const has = (name: string) => own.some(([n]) => n.toLowerCase() === name);
  const length = String(bodyByteLength(p.body, p.isBase64Encoded));
  const date = new Date(atMs).toUTCString();
  let lines: Lines;
  if (format === 'rest-v1') {
    lines = [['Date', date]];
    // REST APIs answer application/json when the function names no type.
    if (!has('content-type')) lines.push(['Content-Type', 'application/json']);
    lines.push(['Content-Length', length], ['Connection', 'keep-alive'], ['x-amzn-RequestId', ids.requestId], ['x-amz-apigw-id', ids.extendedRequestId], ...own, ['X-Amzn-Trace-Id', ids.traceId]);
  } else if (format === 'http-v2') {
    lines = [['date', date], ['content-length', length], ['apigw-requestid', ids.requestId], ...own];
  } else {
    lines = [['date', date], ['content-length', length], ['x-amzn-requestid', ids.requestId], ['x-amzn-trace-id', ids.traceId], ...own];
  }
  return { statusCode: p.statusCode, headers: lines, body: p.body, isBase64Encoded: p.isBase64Encoded };
}

function gatewayError(format: HttpFormat, statusCode: number, body: string, ids: RequestIds, atMs: number, extra: Lines = []): HttpResponseView {
  const type: Lines = format === 'function-url' && body === URL_ERROR ? [] : [['content-type', 'application/json']];
  return finish(format, { statusCode, lines: [...type, ...extra], body, isBase64Encoded: false }, ids, atMs);
}

const GATEWAY: Record<HttpFormat, string> = { 'rest-v1': 'API Gateway', 'http-v2': 'The HTTP API', 'function-url': 'The function URL' };

/** The client's response for the function's result. */
export function mapResult(format: HttpFormat, result: SourceInvokeResult, ids: RequestIds, atMs: number): MappedResponse {
  const failed = (reason: string): MappedResponse => {
    if (format === 'rest-v1') {
      return { response: gatewayError(format, 502, REST_ERROR, ids, atMs, [['x-amzn-ErrorType', 'InternalServerErrorException']]), note: `${reason}: API Gateway answers 502.` };
    }
    if (format === 'http-v2') return { response: gatewayError(format, 500, HTTP_API_ERROR, ids, atMs), note: `${reason}: the HTTP API answers 500.` };
    return { response: gatewayError(format, 502, URL_ERROR, ids, atMs), note: `${reason}: the function URL answers 502.` };
  };
  switch (result.kind) {
    case 'success': {
      const parsed = format === 'rest-v1' ? parseRest(result.payload) : parseV2(result.payload);
      if (parsed) return { response: finish(format, parsed, ids, atMs) };
      const need = format === 'rest-v1' ? 'an object with an integer statusCode (100–599), a string body and scalar headers' : 'a valid statusCode (100–599), a string body, scalar headers and string cookies';
      return failed(`Malformed response: a proxy response needs ${need}`);
    }
    case 'functionError':
      return failed(`The function failed (${result.error.errorType}: ${result.error.errorMessage})`);
    case 'accepted':
      // Never asked for: the trigger invokes RequestResponse only.
      return failed('The invoke was queued instead of answered');
    case 'rejected': {
      const lambda = `Lambda refused the invoke (${result.statusCode} ${result.error.errorType}: ${result.error.errorMessage})`;
      if (format === 'function-url') {
        if (result.statusCode === 429) {
          return {
            response: gatewayError(format, 429, '{"message":"Rate Exceeded."}', ids, atMs, [['x-amzn-ErrorType', 'TooManyRequestsException']]),
            note: `${lambda}: the function URL passes the throttle on as 429.`,
          };
        }
        return failed(lambda);
      }
      const body = format === 'rest-v1' ? REST_ERROR : HTTP_API_ERROR;
      const extra: Lines = format === 'rest-v1' ? [['x-amzn-ErrorType', 'InternalServerErrorException']] : [];
      return { response: gatewayError(format, 500, body, ids, atMs, extra), note: `${lambda}: ${GATEWAY[format]} does not pass Lambda's status on and answers 500.` };
    }
  }
}

/** The gateway stopped waiting for the function. */
export function timeoutResponse(format: HttpFormat, ids: RequestIds, atMs: number): MappedResponse {
  if (format === 'rest-v1') {
    return {
      response: gatewayError(format, 504, '{"message": "Endpoint request timed out"}', ids, atMs, [['x-amzn-ErrorType', 'InternalServerErrorException']]),
      note: 'The function ran past the REST API’s 29-second integration timeout: API Gateway answers 504 (the function keeps running).',
    };
  }
  return {
    response: gatewayError(format, 503, '{"message":"Service Unavailable"}', ids, atMs),
    note: 'The function ran past the HTTP API’s 30-second integration timeout: it answers 503 (the function keeps running).',
  };
}

const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 413: 'Content Too Large',
  415: 'Unsupported Media Type', 418: "I'm a teapot", 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** `HTTP/1.1 200 OK` (RFC 9110 reason phrases; none for codes without a common one). */
export function statusLine(statusCode: number): string {
  const reason = REASONS[statusCode];
  return reason ? `HTTP/1.1 ${statusCode} ${reason}` : `HTTP/1.1 ${statusCode}`;
}
