import type { ServiceRequest, ServiceResponse } from './serviceTypes';
import { header } from './serviceTypes';

/**
 * The AWS JSON protocols (awsJson1_0, awsJson1_1): POST to `/`, the
 * operation in `X-Amz-Target: <prefix>.<Operation>`, a JSON body; an error
 * is an HTTP 4xx/5xx whose body names its shape in `__type`.
 */

export type JsonVersion = '1.0' | '1.1';
export type JsonObject = { [key: string]: unknown };

/** The operation a request names, or why it names none. */
export type JsonCall = { ok: true; operation: string; input: JsonObject } | { ok: false; response: ServiceResponse };

export function jsonResponse(version: JsonVersion, requestId: string, output: unknown, status = 200, extra: Record<string, string> = {}): ServiceResponse {
  return {
    status,
    headers: { 'Content-Type': `application/x-amz-json-${version}`, 'x-amzn-RequestId': requestId, ...extra },
    body: JSON.stringify(output),
  };
}

/** An error as the JSON protocols carry it: `{"__type": …, "message": …}`. */
export function jsonError(version: JsonVersion, requestId: string, type: string, message: string, status = 400, extra: Record<string, string> = {}): ServiceResponse {
  return jsonResponse(version, requestId, { __type: type, message }, status, extra);
}

/**
 * The operation and input of a JSON-protocol request, checked as an AWS
 * JSON endpoint checks them: POST, the target prefix, a JSON object body
 * (an empty body reads as `{}`).
 */
export function readJsonCall(request: ServiceRequest, version: JsonVersion, targetPrefix: string, requestId: string): JsonCall {
  const fail = (type: string, message: string, status = 400): JsonCall => ({ ok: false, response: jsonError(version, requestId, type, message, status) });
  if (request.method.toUpperCase() !== 'POST') return fail('com.amazon.coral.service#UnknownOperationException', 'The requested operation is not supported.', 404);
  const target = header(request, 'x-amz-target') ?? '';
  if (!target.startsWith(`${targetPrefix}.`)) return fail('com.amazon.coral.service#UnknownOperationException', '');
  let input: unknown = {};
  if (request.body.trim() !== '') {
    try {
      input = JSON.parse(request.body);
    } catch {
      return fail('com.amazon.coral.service#SerializationException', '');
    }
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('com.amazon.coral.service#SerializationException', '');
  return { ok: true, operation: target.slice(targetPrefix.length + 1), input: input as JsonObject };
}

/** A field read as the wire gives it: the right JSON type, or undefined when absent or of another type. */
export const str = (o: JsonObject, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
export const num = (o: JsonObject, k: string): number | undefined => (typeof o[k] === 'number' ? (o[k] as number) : undefined);
export const obj = (v: unknown): JsonObject | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined);
export const list = (o: JsonObject, k: string): unknown[] | undefined => (Array.isArray(o[k]) ? (o[k] as unknown[]) : undefined);
export const strings = (o: JsonObject, k: string): string[] => (list(o, k) ?? []).filter((x): x is string => typeof x === 'string');
