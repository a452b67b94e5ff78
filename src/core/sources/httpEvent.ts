import { bodyByteLength } from './bodyDescription';
import { domainName, SOURCE_IP, type HttpEndpoint, type RequestIds } from './httpEndpoint';
import type { HttpRequestInput } from './httpTypes';

/**
 * The events API Gateway and function URLs send (lambda-model.md §7).
 * Shapes: DT:trigger/api-gateway-proxy.d.ts; the sample events of
 * DG23:services-apigateway (event.json, event-v2.json) and DG23:urls-invocation.
 *
 * Modelled setups:
 * - REST API: a regional API, stage `prod` unless told, a `/{proxy+}` resource
 *   with an ANY method and an ANY method on the root `/` (so `/` has resource
 *   `/` and no path parameters), Lambda proxy integration, no authorizer.
 * - HTTP API: stage `$default` unless told and the `$default` route (every
 *   method and path reach the function; no path parameters). A named stage is
 *   part of the URL, and HTTP APIs keep it in `rawPath` (as event-v2.json shows).
 * - Function URL: auth type NONE, so no `authorizer`, and `accountId` is
 *   "anonymous" (what URLs without IAM auth report; not in the docs' sample,
 *   which shows an IAM caller).
 */

/** The payload 1.0 event, as a REST API without authorizer, API key or mTLS sends it. */
export interface RestProxyEvent {
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string> | null;
  multiValueQueryStringParameters: Record<string, string[]> | null;
  pathParameters: Record<string, string> | null;
  stageVariables: null;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    extendedRequestId: string;
    httpMethod: string;
    identity: {
      accessKey: null;
      accountId: null;
      caller: null;
      cognitoAuthenticationProvider: null;
      cognitoAuthenticationType: null;
      cognitoIdentityId: null;
      cognitoIdentityPoolId: null;
      principalOrgId: null;
      sourceIp: string;
      user: null;
      userAgent: string | null;
      userArn: null;
    };
    path: string;
    protocol: string;
    requestId: string;
    requestTime: string;
    requestTimeEpoch: number;
    resourceId: string;
    resourcePath: string;
    stage: string;
  };
  body: string | null;
  isBase64Encoded: boolean;
}

/** The payload 2.0 event (HTTP API and function URL). Absent keys are left out of the JSON, as AWS does. */
export interface HttpV2Event {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
    requestId: string;
    routeKey: string;
    stage: string;
    time: string;
    timeEpoch: number;
  };
  body?: string;
  isBase64Encoded: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `12/Mar/2020:19:03:58 +0000`: the request time of both payload formats, in UTC. */
export function formatRequestTime(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

function percentDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * `a=1&a=2&b` → [['a','1'],['a','2'],['b','']], percent-decoded. '+' is kept
 * as '+' (not a space): only percent-escapes are decoded.
 */
export function parseQuery(raw: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const [k, v] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    out.push([percentDecode(k), percentDecode(v)]);
  }
  return out;
}

/** Cookie pairs of Cookie header values: `a=1; b=2` → ['a=1', 'b=2']. */
export function cookiePairs(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(';').map((c) => c.trim())).filter((c) => c !== '');
}

const is = (name: string, lower: string): boolean => name.toLowerCase() === lower;

/**
 * The header lines that reach the function: the client's (its cookies folded
 * into its Cookie header, a Content-Length for a body), then what the
 * gateway sets: Host, the X-Ray trace header, X-Forwarded-For (the client's
 * address appended), -Port and -Proto; function URLs also pass the TLS version
 * and cipher (values from published URL events). Names keep the client's case;
 * the gateway's are as REST events show them (payload 2.0 lower-cases all).
 */
export function requestHeaderLines(e: HttpEndpoint, request: HttpRequestInput, ids: RequestIds): [string, string][] {
  const replaced = ['host', 'x-amzn-trace-id', 'x-forwarded-port', 'x-forwarded-proto', 'x-forwarded-for', 'x-amzn-tls-version', 'x-amzn-tls-cipher-suite'];
  const lines: [string, string][] = request.headers.filter(([n]) => !replaced.includes(n.toLowerCase())).map(([n, v]) => [n, v]);
  if (request.cookies.length > 0) {
    const i = lines.findIndex(([n]) => is(n, 'cookie'));
    const joined = request.cookies.join('; ');
    if (i < 0) lines.push(['Cookie', joined]);
    else lines[i] = [lines[i]?.[0] ?? 'Cookie', `${lines[i]?.[1] ?? ''}; ${joined}`];
  }
  if (request.body !== '' && !lines.some(([n]) => is(n, 'content-length'))) {
    lines.push(['Content-Length', String(bodyByteLength(request.body, request.isBase64Encoded))]);
  }
  const forwarded = request.headers.filter(([n]) => is(n, 'x-forwarded-for')).map(([, v]) => v);
  lines.push(['Host', domainName(e)]);
  if (e.format === 'function-url') {
    lines.push(['x-amzn-tls-version', 'TLSv1.2'], ['x-amzn-tls-cipher-suite', 'ECDHE-RSA-AES128-GCM-SHA256']);
  }
  lines.push(
    ['X-Amzn-Trace-Id', ids.traceId],
    ['X-Forwarded-For', [...forwarded, SOURCE_IP].join(', ')],
    ['X-Forwarded-Port', '443'],
    ['X-Forwarded-Proto', 'https'],
  );
  return lines;
}

function userAgentOf(lines: readonly [string, string][]): string | null {
  return lines.find(([n]) => is(n, 'user-agent'))?.[1] ?? null;
}

/** REST API, Lambda proxy integration, payload 1.0. */
export function buildRestEvent(e: HttpEndpoint, request: HttpRequestInput, ids: RequestIds, atMs: number): RestProxyEvent {
  const lines = requestHeaderLines(e, request, ids);
  // Names are matched without regard to case; the first spelling seen is kept.
  // `headers` holds the last value of a repeated header, `multiValueHeaders` all of them.
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  const spelling = new Map<string, string>();
  for (const [n, v] of lines) {
    const name = spelling.get(n.toLowerCase()) ?? n;
    spelling.set(n.toLowerCase(), name);
    headers[name] = v;
    (multiValueHeaders[name] ??= []).push(v);
  }
  const query = parseQuery(request.query);
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [k, v] of query) {
    single[k] = v;
    (multi[k] ??= []).push(v);
  }
  const root = request.path === '/';
  const resource = root ? '/' : '/{proxy+}';
  return {
    resource,
    path: request.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: query.length > 0 ? single : null,
    multiValueQueryStringParameters: query.length > 0 ? multi : null,
    pathParameters: root ? null : { proxy: request.path.slice(1) },
    stageVariables: null,
    requestContext: {
      accountId: e.accountId,
      apiId: e.apiId,
      domainName: domainName(e),
      domainPrefix: e.apiId,
      extendedRequestId: ids.extendedRequestId,
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        caller: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: SOURCE_IP,
        user: null,
        userAgent: userAgentOf(lines),
        userArn: null,
      },
      path: `/${e.stage}${request.path}`,
      protocol: 'HTTP/1.1',
      requestId: ids.requestId,
      requestTime: formatRequestTime(atMs),
      requestTimeEpoch: atMs,
      resourceId: root ? e.rootResourceId : e.resourceId,
      resourcePath: resource,
      stage: e.stage,
    },
    body: request.body === '' ? null : request.body,
    isBase64Encoded: request.isBase64Encoded,
  };
}

/**
 * Payload 2.0: header names lower-cased and repeated values comma-joined;
 * Cookie headers leave `headers` for `cookies`; repeated query values are
 * comma-joined (DG23:urls-invocation's request sample shows both joins).
 */
export function buildV2Event(e: HttpEndpoint, request: HttpRequestInput, ids: RequestIds, atMs: number): HttpV2Event {
  const lines = requestHeaderLines(e, request, ids);
  const headers: Record<string, string> = {};
  const cookieValues: string[] = [];
  for (const [n, v] of lines) {
    const name = n.toLowerCase();
    if (name === 'cookie') cookieValues.push(v);
    else headers[name] = name in headers ? `${headers[name]},${v}` : v;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of parseQuery(request.query)) query[k] = k in query ? `${query[k]},${v}` : v;
  const cookies = cookiePairs(cookieValues);
  const url = e.format === 'function-url';
  const rawPath = e.stage === '$default' ? request.path : `/${e.stage}${request.path}`;
  const routeKey = '$default';
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: request.query,
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    requestContext: {
      accountId: url ? 'anonymous' : e.accountId,
      apiId: e.apiId,
      domainName: domainName(e),
      domainPrefix: e.apiId,
      http: { method: request.method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: SOURCE_IP, userAgent: userAgentOf(lines) ?? '' },
      requestId: ids.requestId,
      routeKey,
      stage: e.stage,
      time: formatRequestTime(atMs),
      timeEpoch: atMs,
    },
    ...(request.body !== '' ? { body: request.body } : {}),
    isBase64Encoded: request.isBase64Encoded,
  };
}

export function buildEvent(e: HttpEndpoint, request: HttpRequestInput, ids: RequestIds, atMs: number): RestProxyEvent | HttpV2Event {
  return e.format === 'rest-v1' ? buildRestEvent(e, request, ids, atMs) : buildV2Event(e, request, ids, atMs);
}
