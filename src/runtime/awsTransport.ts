import type { WireAwsRequest, WireAwsResponse } from '../protocol/messages';

/** What the SDK hands its request handler (@smithy/types HttpRequest), as far as the transport reads it. */
interface SdkHttpRequest {
  method: string;
  hostname: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

interface SdkHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array>;
}

type CodedError = Error & { code: string; errno?: number; syscall?: string; hostname?: string };

/** A request body as the SDK may hold it (string, bytes, a Blob, a web stream), read whole. */
async function bodyOf(body: unknown): Promise<string | Uint8Array> {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body.slice(0));
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength));
  if (typeof Blob !== 'undefined' && body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  if (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) return new Uint8Array(await new Response(body).arrayBuffer());
  // A Node-style stream (our `stream` built-in): its chunks.
  if (typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function') {
    const parts: Uint8Array[] = [];
    for await (const chunk of body as AsyncIterable<unknown>) parts.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk as ArrayBuffer));
    return new Uint8Array(await new Blob(parts as BlobPart[]).arrayBuffer());
  }
  return String(body);
}

/** A host no service answers: what Node's HTTP client says when DNS has no such name. */
function networkError(code: string, message: string, hostname: string): CodedError {
  return Object.assign(new Error(message), { code, errno: -3008, syscall: 'getaddrinfo', hostname });
}

/**
 * The AWS SDK's request handler inside an environment: it carries each
 * request over the environment's port to the workspace's services in the
 * app (never to the network, whatever the function's network setting), and
 * hands the SDK the service's response as fetch would. A request in flight
 * keeps the runtime's event loop alive, as a socket would in Node.
 */
export class AwsTransport {
  private next = 1;
  private readonly waiting = new Map<number, { resolve(r: WireAwsResponse): void }>();

  constructor(
    private readonly send: (id: number, request: WireAwsRequest) => void,
    private readonly track: <T>(p: Promise<T>) => Promise<T>,
  ) {}

  /** The object the SDK's configuration defaults to (`requestHandler`), with the methods its HTTP handler extensions call. */
  handler(): object {
    return {
      handle: (request: SdkHttpRequest, options?: { abortSignal?: AbortSignal }) => this.track(this.handle(request, options?.abortSignal)),
      updateHttpClientConfig: () => undefined,
      httpHandlerConfigs: () => ({}),
      destroy: () => undefined,
    };
  }

  /** The app's answer to request `id`. */
  answer(id: number, response: WireAwsResponse): void {
    const w = this.waiting.get(id);
    if (!w) return;
    this.waiting.delete(id);
    w.resolve(response);
  }

  private async handle(request: SdkHttpRequest, signal: AbortSignal | undefined): Promise<{ response: SdkHttpResponse }> {
    if (signal?.aborted) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
    const wire: WireAwsRequest = {
      method: request.method,
      hostname: request.hostname,
      path: request.path,
      query: { ...(request.query ?? {}) },
      headers: { ...request.headers },
      body: await bodyOf(request.body),
    };
    const id = this.next++;
    const answered = new Promise<WireAwsResponse>((resolve) => this.waiting.set(id, { resolve }));
    this.send(id, wire);
    const response = await (signal
      ? Promise.race([
          answered,
          new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' })), { once: true })),
        ])
      : answered);
    if ('error' in response) throw networkError(response.error.code, response.error.message, request.hostname);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(response.headers)) headers[k.toLowerCase()] = v;
    // Enqueued at once: reading it takes no trip through the browser's I/O (which the runtime could not count as
    // pending work, so an idle-looking event loop between reads could end the invocation as Runtime.NodeJsExit).
    const bytes = response.body;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (bytes.byteLength > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
    return { response: { statusCode: response.status, headers, body } };
  }
}
