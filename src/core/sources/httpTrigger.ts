import { domainName, drawEndpoint, drawRequestIds, type HttpEndpoint, type RequestIds } from './httpEndpoint';
import { buildEvent } from './httpEvent';
import { integrationTimeoutMs, mapResult, timeoutResponse, type MappedResponse } from './httpResponse';
import { HTTP_FORMATS, type HttpExchange, type HttpFormat, type HttpRequestInput, type HttpTriggerView } from './httpTypes';
import type { EventSource, SourceCommand, SourceContext, SourceInvokeResult } from './sourceTypes';

export type { HttpExchange, HttpFormat, HttpRequestInput, HttpResponseView, HttpTriggerView } from './httpTypes';

export interface HttpTriggerOptions {
  id: string;
  functionName: string;
  format: HttpFormat;
  /** REST API stage (default `prod`) and HTTP API stage (default `$default`); function URLs have none. */
  stage?: string;
}

/** How many exchanges the view keeps. */
export const MAX_EXCHANGES = 50;

/** A request to start from: what `curl 'https://…/hello?name=world'` sends. */
export function defaultRequest(): HttpRequestInput {
  return {
    method: 'GET',
    path: '/hello',
    query: 'name=world',
    headers: [
      ['user-agent', 'curl/8.7.1'],
      ['accept', '*/*'],
    ],
    cookies: [],
    body: '',
    isBase64Encoded: false,
  };
}

/** `/a/b?x=1` → { path: '/a/b', query: 'x=1' }; a missing leading '/' is added. */
export function splitPathAndQuery(text: string): { path: string; query: string } {
  const q = text.indexOf('?');
  const path = (q < 0 ? text : text.slice(0, q)).trim();
  return { path: path.startsWith('/') ? path : `/${path}`, query: q < 0 ? '' : text.slice(q + 1) };
}

function normalize(request: HttpRequestInput): HttpRequestInput {
  const split = splitPathAndQuery(request.path);
  return {
    method: request.method.trim().toUpperCase() || 'GET',
    path: split.path,
    query: request.query !== '' ? request.query.replace(/^\?/, '') : split.query,
    headers: request.headers.map(([n, v]) => [n.trim(), v]),
    cookies: request.cookies.map((c) => c.trim()).filter((c) => c !== ''),
    body: request.body,
    isBase64Encoded: request.isBase64Encoded,
  };
}

interface Pending {
  ids: RequestIds;
  format: HttpFormat;
  timerId: string | null;
}

/**
 * An API Gateway REST API, HTTP API or Lambda function URL in front of one
 * function: each request becomes a synchronous (RequestResponse) invoke with
 * the event that format sends, and the function's result becomes the HTTP
 * response the client gets. The gateway's integration timeout is a timer on
 * the clock the hub keeps; it is never compressed by the platform-wait scale,
 * as function timeouts are not.
 */
export class HttpTrigger implements EventSource {
  readonly id: string;
  readonly functionName: string;
  private format: HttpFormat;
  private readonly endpoints: Record<HttpFormat, HttpEndpoint>;
  private exchanges: HttpExchange[] = [];
  private readonly pending = new Map<string, Pending>();
  private seq = 0;
  private cached: HttpTriggerView | null = null;

  constructor(
    private readonly ctx: SourceContext,
    options: HttpTriggerOptions,
  ) {
    this.id = options.id;
    this.functionName = options.functionName;
    this.format = options.format;
    const draw = (f: HttpFormat) => drawEndpoint(ctx.random, f, ctx.region, ctx.accountId, options.stage);
    this.endpoints = { 'rest-v1': draw('rest-v1'), 'http-v2': draw('http-v2'), 'function-url': draw('function-url') };
  }

  /** Where the client sends its requests in the current format: `https://…/prod`, `https://….on.aws`. */
  url(format: HttpFormat = this.format): string {
    const e = this.endpoints[format];
    return `https://${domainName(e)}${e.stage === '$default' ? '' : `/${e.stage}`}`;
  }

  setFormat(format: HttpFormat, out: SourceCommand[]): void {
    if (!HTTP_FORMATS.includes(format) || format === this.format) return;
    this.format = format;
    this.touch(out);
  }

  /** Send a request: the invoke goes into `out`. Returns the exchange id. */
  send(input: HttpRequestInput, out: SourceCommand[]): string {
    const atMs = this.ctx.clock.now();
    const format = this.format;
    const request = normalize(input);
    const ids = drawRequestIds(this.ctx.random, format, atMs);
    const event = JSON.stringify(buildEvent(this.endpoints[format], request, ids, atMs));
    const id = `req-${++this.seq}`;
    const timeout = integrationTimeoutMs(format);
    const timerId = timeout === null ? null : `timeout-${id}`;
    this.pending.set(id, { ids, format, timerId });
    this.exchanges.push({ id, format, request, event, startedAtMs: atMs });
    while (this.exchanges.length > MAX_EXCHANGES) this.forget(this.exchanges.shift()?.id ?? '', out);
    out.push({ type: 'invoke', functionName: this.functionName, invocationId: id, payload: event, invocationType: 'RequestResponse' });
    if (timerId !== null && timeout !== null) out.push({ type: 'setTimer', timerId, atMs: atMs + timeout });
    this.touch(out);
    return id;
  }

  onResult(invocationId: string, result: SourceInvokeResult, out: SourceCommand[]): void {
    const p = this.pending.get(invocationId);
    const atMs = this.ctx.clock.now();
    if (!p) {
      const late = this.exchanges.find((x) => x.id === invocationId);
      if (late) out.push({ type: 'log', atMs, text: `${late.request.method} ${late.request.path}: the function finished after the gateway had answered.` });
      return;
    }
    if (p.timerId !== null) out.push({ type: 'clearTimer', timerId: p.timerId });
    this.finish(invocationId, mapResult(p.format, result, p.ids, atMs), atMs, out);
  }

  onTimer(timerId: string, out: SourceCommand[]): void {
    const id = timerId.replace(/^timeout-/, '');
    const p = this.pending.get(id);
    if (!p || p.timerId !== timerId) return;
    const atMs = this.ctx.clock.now();
    this.finish(id, timeoutResponse(p.format, p.ids, atMs), atMs, out);
  }

  view(): HttpTriggerView {
    this.cached ??= { format: this.format, url: this.url(), exchanges: this.exchanges.slice() };
    return this.cached;
  }

  private finish(id: string, mapped: MappedResponse, atMs: number, out: SourceCommand[]): void {
    this.pending.delete(id);
    const i = this.exchanges.findIndex((x) => x.id === id);
    const x = this.exchanges[i];
    if (!x) return;
    this.exchanges[i] = { ...x, response: mapped.response, ...(mapped.note ? { note: mapped.note } : {}), endedAtMs: atMs };
    const ms = Math.round(atMs - x.startedAtMs);
    out.push({ type: 'log', atMs, text: `${x.request.method} ${x.request.path} → ${mapped.response.statusCode} (${ms} ms)` });
    this.touch(out);
  }

  /** An exchange dropped from the view: its timer goes too, and a late result is ignored. */
  private forget(id: string, out: SourceCommand[]): void {
    const p = this.pending.get(id);
    if (p?.timerId) out.push({ type: 'clearTimer', timerId: p.timerId });
    this.pending.delete(id);
  }

  private touch(out: SourceCommand[]): void {
    this.cached = null;
    out.push({ type: 'changed' });
  }
}
