import type { APIGatewayProxyResult, APIGatewayProxyStructuredResultV2, LambdaFunctionURLResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { LambdaError } from '../lambdaError';
import { decodeBase64Text as decodeBase64, utf8Decode as decodeUtf8 } from '../codec';
import { describeBody } from './bodyDescription';
import type { RequestIds } from './httpEndpoint';
import { integrationTimeoutMs, mapResult, statusLine, timeoutResponse } from './httpResponse';
import type { HttpFormat } from './httpTypes';
import type { SourceInvokeResult } from './sourceTypes';

const ids: RequestIds = { requestId: 'req-id', extendedRequestId: 'ext-id=', traceId: 'Root=1-trace' };
const AT = Date.UTC(2021, 8, 8, 18, 2, 24);
const DATE = 'Wed, 08 Sep 2021 18:02:24 GMT';

const ok = (value: unknown): SourceInvokeResult => ({ kind: 'success', payload: JSON.stringify(value) });
const error: LambdaError = { errorType: 'Error', errorMessage: 'boom', trace: [] };
const throttled: SourceInvokeResult = {
  kind: 'rejected',
  statusCode: 429,
  error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [], reason: 'ReservedFunctionConcurrentInvocationLimitExceeded' },
};
const notFound: SourceInvokeResult = { kind: 'rejected', statusCode: 404, error: { errorType: 'ResourceNotFoundException', errorMessage: 'Function not found', trace: [] } };

/** The response's own lines, without what the gateway adds to every response. */
const PLATFORM = new Set(['date', 'content-length', 'connection', 'x-amzn-requestid', 'x-amz-apigw-id', 'x-amzn-trace-id', 'apigw-requestid']);
const own = (headers: [string, string][]) => headers.filter(([n]) => !PLATFORM.has(n.toLowerCase()));

describe('successful responses', () => {
  const restResult = {
    statusCode: 201,
    headers: { 'Content-Type': 'text/plain', 'X-Custom-Header': 'My value', 'X-Single': 1 },
    multiValueHeaders: { 'X-Custom-Header': ['My value', 'My other value'], 'Set-Cookie': ['a=1', 'b=2'] },
    body: 'created',
    isBase64Encoded: false,
  } satisfies APIGatewayProxyResult;
  const v2Result = {
    statusCode: 201,
    headers: { 'Content-Type': 'application/json', 'My-Custom-Header': 'Custom Value' },
    body: '{"message":"Hello, world!"}',
    cookies: ['Cookie_1=Value1; Expires=21 Oct 2021 07:48 GMT', 'Cookie_2=Value2; Max-Age=78000'],
    isBase64Encoded: false,
  } satisfies APIGatewayProxyStructuredResultV2;

  it.each<[string, HttpFormat, SourceInvokeResult, number, [string, string][], string]>([
    ['REST merges headers and multiValueHeaders; a pair in both appears once', 'rest-v1', ok(restResult), 201,
      [['Content-Type', 'text/plain'], ['X-Single', '1'], ['X-Custom-Header', 'My value'], ['X-Custom-Header', 'My other value'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']], 'created'],
    ['REST defaults the content type to application/json', 'rest-v1', ok({ statusCode: 204 } satisfies Partial<APIGatewayProxyResult>), 204, [['Content-Type', 'application/json']], ''],
    ['HTTP API: cookies become set-cookie lines', 'http-v2', ok(v2Result), 201,
      [['Content-Type', 'application/json'], ['My-Custom-Header', 'Custom Value'], ['set-cookie', v2Result.cookies[0]!], ['set-cookie', v2Result.cookies[1]!]], v2Result.body],
    ['function URL: cookies become set-cookie lines', 'function-url', ok(v2Result), 201,
      [['Content-Type', 'application/json'], ['My-Custom-Header', 'Custom Value'], ['set-cookie', v2Result.cookies[0]!], ['set-cookie', v2Result.cookies[1]!]], v2Result.body],
    ['function URL: a bare string is 200 JSON whose body is the string itself, no quotes', 'function-url', ok('Hello, world!' satisfies LambdaFunctionURLResult), 200, [['content-type', 'application/json']], 'Hello, world!'],
    ['HTTP API: a bare number is its JSON', 'http-v2', ok(42), 200, [['content-type', 'application/json']], '42'],
    ['HTTP API: an object without statusCode is 200 JSON', 'http-v2', ok({ message: 'Hello, world!' }), 200, [['content-type', 'application/json']], '{"message":"Hello, world!"}'],
    ['function URL: null (a handler returning nothing) is 200 JSON', 'function-url', { kind: 'success', payload: 'null' }, 200, [['content-type', 'application/json']], 'null'],
    ['HTTP API: an array is 200 JSON', 'http-v2', ok([1, 2]), 200, [['content-type', 'application/json']], '[1,2]'],
    ['v2 ignores multiValueHeaders (not in 2.0)', 'http-v2', ok({ statusCode: 200, multiValueHeaders: { a: ['1'] }, body: 'x' }), 200, [], 'x'],
  ])('%s', (_, format, result, statusCode, headers, body) => {
    const { response, note } = mapResult(format, result, ids, AT);
    expect(response.statusCode).toBe(statusCode);
    expect(own(response.headers)).toEqual(headers);
    expect(response.body).toBe(body);
    expect(note).toBeUndefined();
  });

  it.each<[HttpFormat, [string, string][]]>([
    ['rest-v1', [['Date', DATE], ['Content-Type', 'application/json'], ['Content-Length', '2'], ['Connection', 'keep-alive'], ['x-amzn-RequestId', 'req-id'], ['x-amz-apigw-id', 'ext-id='], ['X-Amzn-Trace-Id', 'Root=1-trace']]],
    ['http-v2', [['date', DATE], ['content-length', '2'], ['apigw-requestid', 'req-id'], ['content-type', 'application/json']]],
    ['function-url', [['date', DATE], ['content-length', '2'], ['x-amzn-requestid', 'req-id'], ['x-amzn-trace-id', 'Root=1-trace'], ['content-type', 'application/json']]],
  ])('%s adds its own headers (a v2 string result is its own body, hi: 2 bytes)', (format, headers) => {
    const payload = format === 'rest-v1' ? { statusCode: 200, body: 'hi' } : 'hi';
    expect(mapResult(format, ok(payload), ids, AT).response.headers).toEqual(headers);
  });

  it('passes a base64 body on, counting its decoded bytes', () => {
    const { response } = mapResult('function-url', ok({ statusCode: 200, body: 'AAEC/w==', isBase64Encoded: true }), ids, AT);
    expect(response).toMatchObject({ body: 'AAEC/w==', isBase64Encoded: true });
    expect(response.headers).toContainEqual(['content-length', '4']);
    expect(describeBody(response.body, true)).toEqual({ bytes: 4, text: null });
    expect(describeBody('aGVsbG8gd29ybGQ=', true)).toEqual({ bytes: 11, text: 'hello world' });
  });

  it('replaces a Content-Length the function set with the real one', () => {
    const { response } = mapResult('http-v2', ok({ statusCode: 200, headers: { 'Content-Length': '99' }, body: '€' }), ids, AT);
    expect(response.headers.filter(([n]) => n.toLowerCase() === 'content-length')).toEqual([['content-length', '3']]);
  });
});

describe('failures', () => {
  const REST_502 = { statusCode: 502, body: '{"message": "Internal server error"}' };
  const REST_500 = { statusCode: 500, body: '{"message": "Internal server error"}' };
  const HTTP_500 = { statusCode: 500, body: '{"message":"Internal Server Error"}' };
  const URL_502 = { statusCode: 502, body: 'Internal Server Error' };
  const URL_429 = { statusCode: 429, body: '{"message":"Rate Exceeded."}' };

  it.each<[string, HttpFormat, SourceInvokeResult, { statusCode: number; body: string }, RegExp]>([
    ['REST: function error', 'rest-v1', { kind: 'functionError', error }, REST_502, /function failed \(Error: boom\).*502/],
    ['REST: no statusCode', 'rest-v1', ok({ body: 'x' }), REST_502, /Malformed/],
    ['REST: a bare string', 'rest-v1', ok('hello'), REST_502, /Malformed/],
    ['REST: body not a string', 'rest-v1', ok({ statusCode: 200, body: { a: 1 } }), REST_502, /Malformed/],
    ['REST: header value an object', 'rest-v1', ok({ statusCode: 200, headers: { a: { b: 1 } } }), REST_502, /Malformed/],
    ['REST: multiValueHeaders not arrays', 'rest-v1', ok({ statusCode: 200, multiValueHeaders: { a: 'x' } }), REST_502, /Malformed/],
    ['REST: statusCode out of range', 'rest-v1', ok({ statusCode: 999 }), REST_502, /Malformed/],
    ['REST: invalid JSON', 'rest-v1', { kind: 'success', payload: '{' }, REST_502, /Malformed/],
    ['REST: Lambda throttles (429 is not passed on)', 'rest-v1', throttled, REST_500, /429 TooManyRequestsException.*answers 500/],
    ['REST: other rejection', 'rest-v1', notFound, REST_500, /404 ResourceNotFoundException/],
    ['HTTP API: function error', 'http-v2', { kind: 'functionError', error }, HTTP_500, /answers 500/],
    ['HTTP API: statusCode a string', 'http-v2', ok({ statusCode: '200' }), HTTP_500, /Malformed/],
    ['HTTP API: cookies not strings', 'http-v2', ok({ statusCode: 200, cookies: [1] }), HTTP_500, /Malformed/],
    ['HTTP API: Lambda throttles', 'http-v2', throttled, HTTP_500, /429 TooManyRequestsException.*answers 500/],
    ['HTTP API: other rejection', 'http-v2', notFound, HTTP_500, /answers 500/],
    ['function URL: function error', 'function-url', { kind: 'functionError', error }, URL_502, /answers 502/],
    ['function URL: body not a string', 'function-url', ok({ statusCode: 200, body: 1 }), URL_502, /Malformed/],
    ['function URL: throttle', 'function-url', throttled, URL_429, /passes the throttle on as 429/],
    ['function URL: other rejection', 'function-url', notFound, URL_502, /answers 502/],
  ])('%s', (_, format, result, expected, note) => {
    const mapped = mapResult(format, result, ids, AT);
    expect({ statusCode: mapped.response.statusCode, body: mapped.response.body }).toEqual(expected);
    expect(mapped.note).toMatch(note);
  });

  it('marks gateway errors as API Gateway does', () => {
    expect(own(mapResult('rest-v1', throttled, ids, AT).response.headers)).toEqual([['content-type', 'application/json'], ['x-amzn-ErrorType', 'InternalServerErrorException']]);
    expect(own(mapResult('function-url', throttled, ids, AT).response.headers)).toEqual([['content-type', 'application/json'], ['x-amzn-ErrorType', 'TooManyRequestsException']]);
  });

  it.each<[HttpFormat, number | null, number | null, string | null]>([
    ['rest-v1', 29_000, 504, '{"message": "Endpoint request timed out"}'],
    ['http-v2', 30_000, 503, '{"message":"Service Unavailable"}'],
    ['function-url', null, null, null],
  ])('%s integration timeout', (format, ms, statusCode, body) => {
    expect(integrationTimeoutMs(format)).toBe(ms);
    if (statusCode !== null) expect(timeoutResponse(format, ids, AT).response).toMatchObject({ statusCode, body });
  });
});

describe('bodies and status lines', () => {
  it.each([
    ['', []],
    ['AA==', [0]],
    ['AAE', [0, 1]],
    ['//79', [255, 254, 253]],
    ['aGk=\n', [104, 105]],
  ] as const)('decodes base64 %j', (text, bytes) => {
    expect([...(decodeBase64(text) ?? [])]).toEqual(bytes);
  });

  it.each(['A', 'AA=A', 'a-b_', '!!!!'])('refuses %j', (text) => expect(decodeBase64(text)).toBeNull());

  it('decodes UTF-8 strictly', () => {
    expect(decodeUtf8(new Uint8Array([0x68, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]))).toBe('hé€😀');
    expect(decodeUtf8(new Uint8Array([0xc0, 0x80]))).toBeNull();
    expect(decodeUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBeNull();
    expect(decodeUtf8(new Uint8Array([0xe2, 0x82]))).toBeNull();
  });

  it('describes bodies for display', () => {
    expect(describeBody('héllo', false)).toEqual({ bytes: 6, text: 'héllo' });
    expect(describeBody('a\u0000b', false)).toEqual({ bytes: 3, text: null });
    expect(describeBody('not base64!', true)).toEqual({ bytes: null, text: null });
  });

  it.each([
    [200, 'HTTP/1.1 200 OK'],
    [429, 'HTTP/1.1 429 Too Many Requests'],
    [502, 'HTTP/1.1 502 Bad Gateway'],
    [299, 'HTTP/1.1 299'],
  ])('status line of %i', (code, line) => expect(statusLine(code)).toBe(line));
});
