import { LambdaClient } from '@aws-sdk/client-lambda';
import { HttpResponse, type HttpRequest } from '@smithy/core/protocols';
import { decodeBase64Text, utf8Bytes, utf8Decode } from '../../codec';
import type { ServiceRequest, ServiceResponse } from '../serviceTypes';

/**
 * Drives the real `@aws-sdk/client-lambda` against a pure service model:
 * the client's `requestHandler` turns the signed `HttpRequest` into a
 * `ServiceRequest` (path with its query string, headers, body as UTF-8
 * text) and the model's `ServiceResponse` into the `HttpResponse` the SDK
 * deserializes (header names lower-cased as Node's HTTP client gives them, a
 * Uint8Array body, which the SDK's `collectBody` takes as is).
 * Kept local to the Lambda model: other services' tests have their own.
 */

export type ServiceHandler = (request: ServiceRequest) => ServiceResponse | Promise<ServiceResponse>;

/** Every request the client sent, as the model saw it. */
export interface SdkHarness {
  requests: ServiceRequest[];
  requestHandler: { handle(request: HttpRequest): Promise<{ response: HttpResponse }> };
}

export function sdkHarness(handler: ServiceHandler): SdkHarness {
  const requests: ServiceRequest[] = [];
  return {
    requests,
    requestHandler: {
      async handle(request: HttpRequest) {
        const serviceRequest = toServiceRequest(request);
        requests.push(serviceRequest);
        const r = await handler(serviceRequest);
        // Node's HTTP client hands the SDK lower-case header names; the SDK's metadata reads them so.
        const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v]));
        return { response: new HttpResponse({ statusCode: r.status, headers, body: utf8Bytes(r.body) }) };
      },
    },
  };
}

/** A LambdaClient in us-east-1 with fake static credentials, answering through `handler`. One attempt by default: throttles and 5xx are not retried. */
export function lambdaTestClient(handler: ServiceHandler, options: { maxAttempts?: number } = {}): { client: LambdaClient; requests: ServiceRequest[] } {
  const harness = sdkHarness(handler);
  const client = new LambdaClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: options.maxAttempts ?? 1,
    requestHandler: harness.requestHandler,
  });
  return { client, requests: harness.requests };
}

function toServiceRequest(request: HttpRequest): ServiceRequest {
  const pairs: string[] = [];
  for (const [k, v] of Object.entries(request.query ?? {})) {
    const values = v === null ? [null] : Array.isArray(v) ? v : [v];
    for (const value of values) pairs.push(value === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(value)}`);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k] = v;
  return { method: request.method, path: pairs.length ? `${request.path}?${pairs.join('&')}` : request.path, headers, body: bodyText(request.body) };
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return utf8Decode(body) ?? '';
  throw new Error(`The harness takes string or Uint8Array bodies, not ${typeof body}`);
}

/** The text of the SDK's Uint8Array payload (undefined stays undefined). */
export function payloadText(payload: Uint8Array | undefined): string | undefined {
  return payload === undefined ? undefined : (utf8Decode(payload) ?? undefined);
}

/** Base64 text as a string, for `LogResult`. */
export function base64Text(b64: string): string {
  const bytes = decodeBase64Text(b64);
  if (!bytes) throw new Error(`Not base64: ${b64}`);
  return utf8Decode(bytes) ?? '';
}
