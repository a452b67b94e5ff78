import { HttpResponse } from '@smithy/core/protocols';
import type { HttpRequest } from '@smithy/core/protocols';
import { utf8Bytes } from '../codec';

/**
 * Drive a real AWS SDK v3 client against a service model: pass
 * `sdkRequestHandler(serve)` as the client's `requestHandler`, and the SDK's
 * signed HTTP request reaches `serve` as plain data instead of the network;
 * `serve`'s answer goes back to the SDK as a web ReadableStream body (what
 * the SDK's stream collector and GetObject's `Body` mixin both accept in
 * Node.js and in browsers).
 *
 *   const client = new S3Client({ ...SDK_TEST_CLIENT_CONFIG, requestHandler: sdkRequestHandler((r) => model(r)) });
 */

/** The request the SDK sent: body collected to bytes (a string body stays a string). */
export interface SdkWireRequest {
  method: string;
  hostname: string;
  /** As sent: percent-encoded. */
  path: string;
  query: Record<string, string | string[] | null>;
  /** Header names as the SDK wrote them (lower case). */
  headers: Record<string, string>;
  body: Uint8Array | string;
}

export interface SdkWireResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

/** Static credentials and us-east-1, as a handler's `new Client({})` would get them from its Lambda environment. */
export const SDK_TEST_CLIENT_CONFIG = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', sessionToken: 'test-session-token' },
} as const;

// The web streams of the runtime (Node.js 18+ and browsers); declared here as the core's lib has no DOM.
declare const ReadableStream: new (source: { start(controller: { enqueue(chunk: Uint8Array): void; close(): void }): void }) => object;

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const isAsyncIterable = (x: object): x is AsyncIterable<unknown> => Symbol.asyncIterator in x;
const isBlob = (x: object): x is { arrayBuffer(): Promise<ArrayBuffer> } => 'arrayBuffer' in x && typeof x.arrayBuffer === 'function';

/** A request body as bytes: strings stay strings; typed arrays, Blobs, Node.js Readables and web ReadableStreams are read whole. */
async function collectBody(body: unknown): Promise<Uint8Array | string> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice();
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (typeof body === 'object' && isBlob(body)) return new Uint8Array(await body.arrayBuffer());
  if (typeof body === 'object' && isAsyncIterable(body)) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(typeof chunk === 'string' ? utf8Bytes(chunk) : ArrayBuffer.isView(chunk) ? new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength) : new Uint8Array());
    return concat(chunks);
  }
  throw new Error(`sdkRequestHandler: cannot read a request body of type ${Object.prototype.toString.call(body)}`);
}

function stream(body: Uint8Array | string): object {
  const bytes = typeof body === 'string' ? utf8Bytes(body) : body;
  return new ReadableStream({
    start(controller) {
      if (bytes.length > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
}

export interface SdkRequestHandler {
  handle(request: HttpRequest): Promise<{ response: HttpResponse }>;
  /** Every request the SDK sent, in order (retries included). */
  readonly requests: SdkWireRequest[];
}

export function sdkRequestHandler(serve: (request: SdkWireRequest) => SdkWireResponse | Promise<SdkWireResponse>): SdkRequestHandler {
  const requests: SdkWireRequest[] = [];
  return {
    requests,
    async handle(request) {
      const query: Record<string, string | string[] | null> = {};
      for (const [k, v] of Object.entries(request.query ?? {})) query[k] = v === undefined ? null : Array.isArray(v) ? [...v] : v;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers ?? {})) headers[k] = v;
      const wire: SdkWireRequest = { method: request.method, hostname: request.hostname, path: request.path, query, headers, body: await collectBody(request.body) };
      requests.push(wire);
      const answer = await serve(wire);
      // Header names arrive lower case, as Node.js's http module and fetch's Headers give them.
      const responseHeaders = Object.fromEntries(Object.entries(answer.headers).map(([k, v]) => [k.toLowerCase(), v]));
      return { response: new HttpResponse({ statusCode: answer.status, headers: responseHeaders, body: stream(answer.body) }) };
    },
  };
}
