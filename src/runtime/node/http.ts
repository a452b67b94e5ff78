/**
 * `http` and `https` clients over the worker's `fetch`: request/get with
 * Node's callback and events ('response', 'data', 'end', 'error'). The
 * request goes out only when the function has network access (the sandbox
 * frame's policy); otherwise, as for any failed connection, the error is
 * Node's `getaddrinfo ENOTFOUND <host>`. Servers cannot exist in a tab.
 */
import { Buffer } from './buffer';
import { EventEmitter } from './events';
import { stream } from './stream';

type Headers = Record<string, string | string[] | number | undefined>;
interface RequestOptions {
  protocol?: string;
  hostname?: string;
  host?: string;
  port?: number | string;
  path?: string;
  method?: string;
  headers?: Headers;
  timeout?: number;
  signal?: AbortSignal;
}
type ResponseListener = (res: IncomingMessage) => void;

export const STATUS_CODES: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

const ReadableBase = stream.Readable as unknown as new (o?: object) => InstanceType<typeof stream.Readable>;

export class IncomingMessage extends ReadableBase {
  statusCode = 0;
  statusMessage = '';
  httpVersion = '1.1';
  headers: Record<string, string> = {};
  rawHeaders: string[] = [];
  _read(): void {}
}

class ClientRequest extends (EventEmitter as unknown as new () => InstanceType<typeof EventEmitter> & { emit(n: string, ...a: unknown[]): boolean }) {
  private readonly chunks: Uint8Array[] = [];
  private readonly controller = new AbortController();
  private readonly headers: Record<string, string> = {};
  destroyed = false;
  finished = false;

  constructor(
    private readonly url: URL,
    readonly method: string,
    options: RequestOptions,
  ) {
    super();
    for (const [k, v] of Object.entries(options.headers ?? {})) if (v !== undefined) this.headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    options.signal?.addEventListener('abort', () => this.destroy(Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' })));
    if (options.timeout) this.setTimeout(options.timeout);
  }

  get path(): string {
    return this.url.pathname + this.url.search;
  }
  setHeader(name: string, value: string | number | string[]): this {
    this.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    return this;
  }
  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }
  removeHeader(name: string): void {
    delete this.headers[name.toLowerCase()];
  }
  setTimeout(ms: number, cb?: () => void): this {
    if (cb) this.on('timeout', cb);
    setTimeout(() => {
      if (!this.finished && !this.destroyed) this.emit('timeout');
    }, ms);
    return this;
  }
  write(chunk: string | Uint8Array, encoding?: string | (() => void), cb?: () => void): boolean {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as 'utf8') : chunk);
    const done = typeof encoding === 'function' ? encoding : cb;
    if (done) queueMicrotask(done);
    return true;
  }
  end(chunk?: string | Uint8Array | (() => void), encoding?: string | (() => void), cb?: () => void): this {
    if (typeof chunk === 'function') cb = chunk;
    else if (chunk !== undefined) this.write(chunk, typeof encoding === 'string' ? encoding : undefined);
    if (typeof encoding === 'function') cb = encoding;
    if (this.finished) return this;
    this.finished = true;
    void this.send().then(cb);
    return this;
  }
  destroy(err?: Error): this {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.controller.abort();
    queueMicrotask(() => {
      if (err) this.emit('error', err);
      this.emit('close');
    });
    return this;
  }
  abort(): void {
    this.destroy();
  }

  private async send(): Promise<void> {
    const hasBody = !['GET', 'HEAD'].includes(this.method);
    let response: Response;
    try {
      response = await fetch(this.url, { method: this.method, headers: this.headers, signal: this.controller.signal, ...(hasBody && this.chunks.length ? { body: Buffer.concat(this.chunks) } : {}) });
    } catch (cause) {
      if (this.destroyed) return;
      const host = this.url.hostname;
      this.destroy(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { errno: -3008, code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host, cause }));
      return;
    }
    const res = new IncomingMessage();
    res.statusCode = response.status;
    res.statusMessage = response.statusText || STATUS_CODES[response.status] || '';
    response.headers.forEach((value, key) => {
      res.headers[key] = value;
      res.rawHeaders.push(key, value);
    });
    this.emit('response', res);
    try {
      const reader = response.body?.getReader();
      for (;;) {
        const next = reader ? await reader.read() : { done: true as const, value: undefined };
        if (next.done) break;
        res.push(Buffer.from(next.value));
      }
      res.push(null);
    } catch (err) {
      res.destroy(err as Error);
    }
  }
}

function parseArgs(protocol: 'http:' | 'https:', a: unknown, b: unknown, c: unknown): [URL, RequestOptions, ResponseListener | undefined] {
  let options: RequestOptions = {};
  let url: URL | undefined;
  if (typeof a === 'string' || a instanceof URL) url = new URL(String(a));
  else if (a && typeof a === 'object') options = a as RequestOptions;
  let cb = (typeof b === 'function' ? b : c) as ResponseListener | undefined;
  if (b && typeof b === 'object') options = { ...options, ...(b as RequestOptions) };
  if (typeof a === 'function') cb = a as ResponseListener;
  const proto = options.protocol ?? url?.protocol ?? protocol;
  if (proto !== protocol) {
    throw Object.assign(new TypeError(`Protocol "${proto}" not supported. Expected "${protocol}"`), { code: 'ERR_INVALID_PROTOCOL' });
  }
  if (!url || options.hostname || options.host || options.path) {
    const host = options.hostname ?? options.host?.replace(/:\d+$/, '') ?? url?.hostname ?? 'localhost';
    const port = options.port ?? url?.port ?? '';
    url = new URL(`${proto}//${host}${port ? `:${port}` : ''}${options.path ?? (url ? url.pathname + url.search : '/')}`);
  }
  return [url, options, cb];
}

function client(protocol: 'http:' | 'https:') {
  const request = (a: unknown, b?: unknown, c?: unknown): ClientRequest => {
    const [url, options, cb] = parseArgs(protocol, a, b, c);
    const req = new ClientRequest(url, (options.method ?? 'GET').toUpperCase(), options);
    if (cb) req.once('response', cb as (...args: never[]) => void);
    return req;
  };
  const get = (a: unknown, b?: unknown, c?: unknown): ClientRequest => {
    const req = request(a, b, c);
    req.end();
    return req;
  };
  const refuse = (): never => {
    throw Object.assign(new Error(`${protocol.slice(0, -1)}.createServer cannot run in the browser playground: a browser tab cannot listen on ports. A Lambda function answers through its handler (or a function URL / API Gateway trigger).`), { code: 'ERR_PLAYGROUND_UNAVAILABLE' });
  };
  class Agent {
    constructor(readonly options: object = {}) {}
    destroy(): void {}
  }
  return {
    request, get, Agent, globalAgent: new Agent(), STATUS_CODES, IncomingMessage, ClientRequest,
    METHODS: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'], createServer: refuse, Server: refuse,
  };
}

export default client('http:');
export const variants = { https: client('https:') };
