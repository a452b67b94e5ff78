import type { WireError } from '../protocol/messages';

/** The address Lambda gives a runtime in AWS_LAMBDA_RUNTIME_API, and the API's version prefix. */
export const RUNTIME_API_HOST = '127.0.0.1:9001';
const BASE = '/2018-06-01/runtime';

/** One invocation as the Runtime API hands it to the runtime (`next`'s body and headers). */
export interface ApiInvocation {
  requestId: string;
  payload: string;
  deadlineMs: number;
  invokedFunctionArn: string;
  traceId: string;
}

/** What the environment does with what the runtime tells the API. */
export interface RuntimeApiHost {
  /** The runtime asked for its first event: Init is over. */
  initDone(): void;
  /** POST /runtime/init/error: Init failed with this error. */
  initFailed(error: WireError): void;
  /** POST /runtime/invocation/{id}/response. */
  respond(requestId: string, payload: string): void;
  /** POST /runtime/invocation/{id}/error. */
  fail(requestId: string, error: WireError): void;
}

export interface Reply {
  status: number;
  body: string;
  headers: Record<string, string>;
}

const json = (status: number, body: unknown): Reply => ({ status, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
const accepted = (): Reply => json(202, { status: 'OK' });
const refused = (status: number, errorType: string, errorMessage: string): Reply => json(status, { errorMessage, errorType });

/**
 * Lambda's Runtime API (version 2018-06-01, lambda-model.md §8), as the
 * execution environment serves it to a custom runtime's `bootstrap`: a
 * blocking `next` that hands out one invocation at a time, `response` and
 * `error` for it, and `init/error`. Init ends when the runtime first asks
 * for `next`. It answers what the OpenAPI description lists: 202 accepted,
 * 400 for a request id it does not know, 403 for one already answered (or
 * an init error after Init), 404 for a path it does not serve.
 */
export class RuntimeApi {
  private phase: 'init' | 'ready' | 'ended' = 'init';
  /** The runtime's `next` waiting for an event. */
  private waiting: ((r: Reply) => void) | null = null;
  /** An event that arrived before the runtime asked for it. */
  private queued: ApiInvocation | null = null;
  /** The invocation handed out and not yet answered. */
  private current: string | null = null;
  private readonly answered = new Set<string>();

  constructor(private readonly host: RuntimeApiHost) {}

  /** The platform's next invocation for this environment. */
  deliver(inv: ApiInvocation): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(this.hand(inv));
    } else this.queued = inv;
  }

  /** The environment is going away: nothing more is served. */
  end(): void {
    this.phase = 'ended';
  }

  /** One HTTP request from the runtime to `http://${AWS_LAMBDA_RUNTIME_API}…`. */
  async handle(method: string, path: string, headers: Headers, body: string): Promise<Reply> {
    if (this.phase === 'ended') return refused(500, 'Runtime.ExitError', 'The environment is shutting down.');
    if (method === 'GET' && path === `${BASE}/invocation/next`) return this.next();
    if (method === 'POST' && path === `${BASE}/init/error`) {
      if (this.phase !== 'init') return refused(403, 'InvalidStateTransition', 'Init has already completed: an init error can no longer be reported.');
      this.phase = 'ended';
      this.host.initFailed(errorOf(headers, body, 'Runtime.Unknown'));
      return accepted();
    }
    const m = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/.exec(path);
    if (method === 'POST' && m) {
      const requestId = decodeURIComponent(m[1] ?? '');
      if (this.answered.has(requestId)) return refused(403, 'InvalidStateTransition', `The invocation ${requestId} has already been answered.`);
      if (requestId !== this.current) return refused(400, 'InvalidRequestID', `Invalid request ID: ${requestId}`);
      this.current = null;
      this.answered.add(requestId);
      if (m[2] === 'response') this.host.respond(requestId, body);
      else this.host.fail(requestId, errorOf(headers, body, 'Unhandled'));
      return accepted();
    }
    return refused(404, 'NotFound', `No such Runtime API resource: ${method} ${path}`);
  }

  private next(): Promise<Reply> | Reply {
    if (this.phase === 'init') {
      this.phase = 'ready';
      this.host.initDone();
    }
    if (this.queued) {
      const inv = this.queued;
      this.queued = null;
      return this.hand(inv);
    }
    return new Promise<Reply>((resolve) => {
      this.waiting = resolve;
    });
  }

  private hand(inv: ApiInvocation): Reply {
    this.current = inv.requestId;
    // An asynchronous retry comes back with the event's own request id, often to the same warm environment: a new delivery, to be answered again.
    this.answered.delete(inv.requestId);
    return {
      status: 200,
      body: inv.payload,
      headers: {
        'Content-Type': 'application/json',
        'Lambda-Runtime-Aws-Request-Id': inv.requestId,
        'Lambda-Runtime-Deadline-Ms': String(Math.round(inv.deadlineMs)),
        'Lambda-Runtime-Invoked-Function-Arn': inv.invokedFunctionArn,
        'Lambda-Runtime-Trace-Id': inv.traceId,
      },
    };
  }
}

/**
 * The error a runtime posts: the body's `errorMessage`, `errorType` and
 * `stackTrace` (Lambda's error format); when the body is missing or not that
 * JSON, the `Lambda-Runtime-Function-Error-Type` header's type, as Lambda does.
 */
function errorOf(headers: Headers, body: string, fallbackType: string): WireError {
  const headerType = headers.get('Lambda-Runtime-Function-Error-Type');
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const p = parsed as { errorMessage?: unknown; errorType?: unknown; stackTrace?: unknown; trace?: unknown; requestId?: unknown };
      // Lambda's format names the frames `stackTrace`; the Node.js runtime's own body names them `trace`.
      const frames = Array.isArray(p.stackTrace) ? p.stackTrace : Array.isArray(p.trace) ? p.trace : [];
      const trace = frames.map(String);
      return {
        errorType: typeof p.errorType === 'string' ? p.errorType : (headerType ?? fallbackType),
        errorMessage: typeof p.errorMessage === 'string' ? p.errorMessage : '',
        trace,
        // Python's runtime names the request in its error body, and Lambda hands the body on as it is.
        ...(typeof p.requestId === 'string' ? { requestId: p.requestId } : {}),
      };
    }
  } catch {
    // Not JSON: the header says what it was.
  }
  return { errorType: headerType ?? fallbackType, errorMessage: body, trace: [] };
}

/**
 * A `fetch` that serves the Runtime API's address from `api` and passes every
 * other request to `inner` (so the function's network setting still rules
 * the rest): the address is always reachable, as it is on Lambda.
 */
export function runtimeApiFetch(api: RuntimeApi, inner: typeof fetch): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.host !== RUNTIME_API_HOST) return inner(input, init);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const reply = await api.handle(request.method, url.pathname, request.headers, body);
    return new Response(reply.body, { status: reply.status, headers: reply.headers });
  };
}
