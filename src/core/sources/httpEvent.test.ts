import type { APIGatewayEventIdentity, APIGatewayEventRequestContext, APIGatewayProxyEvent, APIGatewayProxyEventV2, LambdaFunctionURLEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { drawEndpoint, drawRequestIds, type HttpEndpoint, type RequestIds } from './httpEndpoint';
import { buildRestEvent, buildV2Event, formatRequestTime, parseQuery } from './httpEvent';
import type { HttpRequestInput } from './httpTypes';

/**
 * DefinitelyTyped marks `authorizer`, `identity.apiKey`, `apiKeyId` and
 * `clientCert` required; a REST API without authorizer, API key or mTLS
 * leaves them out of the event (DG23:services-apigateway, event.json).
 */
type RestEventAsSent = Omit<APIGatewayProxyEvent, 'requestContext'> & {
  requestContext: Omit<APIGatewayEventRequestContext, 'authorizer' | 'identity'> & {
    identity: Omit<APIGatewayEventIdentity, 'apiKey' | 'apiKeyId' | 'clientCert'>;
  };
};

const AT = 1583348638390; // 04 Mar 2020 19:03:58.390 UTC
const ids: RequestIds = { requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef', extendedRequestId: 'JKJaXmPLvHcESHA=', traceId: 'Root=1-5e5ffb9e-0123456789abcdef01234567' };
const rest: HttpEndpoint = { format: 'rest-v1', region: 'us-east-1', accountId: '123456789012', apiId: '1234567890', stage: 'prod', resourceId: '123456', rootResourceId: 'abcdefghij' };
const httpApi: HttpEndpoint = { ...rest, format: 'http-v2', apiId: 'r3pmxmplak', stage: '$default' };
const url: HttpEndpoint = { ...rest, format: 'function-url', apiId: 'abcdefghijklmnopqrstuvwxyz012345', stage: '$default' };

const post: HttpRequestInput = {
  method: 'POST',
  path: '/my/path',
  query: 'parameter1=value1&parameter1=value2&parameter2=value',
  headers: [
    ['User-Agent', 'agent'],
    ['Header1', 'value1'],
    ['header2', 'value1'],
    ['Header2', 'value2'],
    ['Cookie', 'cookie1=a'],
  ],
  cookies: ['cookie2=b'],
  body: 'Hello from client!',
  isBase64Encoded: false,
};

const gatewayHeaders = (host: string) => ({
  Host: host,
  'X-Amzn-Trace-Id': ids.traceId,
  'X-Forwarded-For': '203.0.113.10',
  'X-Forwarded-Port': '443',
  'X-Forwarded-Proto': 'https',
});

describe('REST API proxy event (payload 1.0)', () => {
  it('matches the documented shape field by field', () => {
    const event = buildRestEvent(rest, post, ids, AT) satisfies RestEventAsSent;
    const expected = {
      resource: '/{proxy+}',
      path: '/my/path',
      httpMethod: 'POST',
      headers: {
        'User-Agent': 'agent',
        Header1: 'value1',
        header2: 'value2',
        Cookie: 'cookie1=a; cookie2=b',
        'Content-Length': '18',
        ...gatewayHeaders('1234567890.execute-api.us-east-1.amazonaws.com'),
      },
      multiValueHeaders: {
        'User-Agent': ['agent'],
        Header1: ['value1'],
        header2: ['value1', 'value2'],
        Cookie: ['cookie1=a; cookie2=b'],
        'Content-Length': ['18'],
        Host: ['1234567890.execute-api.us-east-1.amazonaws.com'],
        'X-Amzn-Trace-Id': [ids.traceId],
        'X-Forwarded-For': ['203.0.113.10'],
        'X-Forwarded-Port': ['443'],
        'X-Forwarded-Proto': ['https'],
      },
      queryStringParameters: { parameter1: 'value2', parameter2: 'value' },
      multiValueQueryStringParameters: { parameter1: ['value1', 'value2'], parameter2: ['value'] },
      pathParameters: { proxy: 'my/path' },
      stageVariables: null,
      requestContext: {
        accountId: '123456789012',
        apiId: '1234567890',
        domainName: '1234567890.execute-api.us-east-1.amazonaws.com',
        domainPrefix: '1234567890',
        extendedRequestId: 'JKJaXmPLvHcESHA=',
        httpMethod: 'POST',
        identity: {
          accessKey: null,
          accountId: null,
          caller: null,
          cognitoAuthenticationProvider: null,
          cognitoAuthenticationType: null,
          cognitoIdentityId: null,
          cognitoIdentityPoolId: null,
          principalOrgId: null,
          sourceIp: '203.0.113.10',
          user: null,
          userAgent: 'agent',
          userArn: null,
        },
        path: '/prod/my/path',
        protocol: 'HTTP/1.1',
        requestId: ids.requestId,
        requestTime: '04/Mar/2020:19:03:58 +0000',
        requestTimeEpoch: AT,
        resourceId: '123456',
        resourcePath: '/{proxy+}',
        stage: 'prod',
      },
      body: 'Hello from client!',
      isBase64Encoded: false,
    } satisfies RestEventAsSent;
    expect(JSON.parse(JSON.stringify(event))).toStrictEqual(expected);
  });

  it.each([
    ['empty query and body are null; the root has no proxy parameter', { path: '/', query: '', body: '' }, { queryStringParameters: null, multiValueQueryStringParameters: null, pathParameters: null, resource: '/', body: null }],
    ['keys without "=" and percent-escapes are decoded', { query: 'flag&q=a%20b%2Bc&x=1+2' }, { queryStringParameters: { flag: '', q: 'a b+c', x: '1+2' } }],
    ['a base64 body is passed as sent, with its decoded length', { body: 'AAEC/w==', isBase64Encoded: true }, { body: 'AAEC/w==', isBase64Encoded: true }],
  ] as const)('%s', (_, change, fields) => {
    const event = buildRestEvent(rest, { ...post, ...change }, ids, AT) satisfies RestEventAsSent;
    expect(event).toMatchObject(fields);
    if ('isBase64Encoded' in change) expect(event.headers['Content-Length']).toBe('4');
  });

  it('appends the client address to a forwarded chain and replaces a client Host', () => {
    const event = buildRestEvent(rest, { ...post, headers: [['X-Forwarded-For', '198.51.100.7'], ['Host', 'evil.example']] }, ids, AT);
    expect(event.headers['X-Forwarded-For']).toBe('198.51.100.7, 203.0.113.10');
    expect(event.multiValueHeaders.Host).toEqual(['1234567890.execute-api.us-east-1.amazonaws.com']);
  });
});

describe('payload 2.0 events', () => {
  const v2Common = {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/my/path',
    rawQueryString: 'parameter1=value1&parameter1=value2&parameter2=value',
    cookies: ['cookie1=a', 'cookie2=b'],
    queryStringParameters: { parameter1: 'value1,value2', parameter2: 'value' },
    body: 'Hello from client!',
    isBase64Encoded: false,
  };
  const v2Context = {
    http: { method: 'POST', path: '/my/path', protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'agent' },
    requestId: ids.requestId,
    routeKey: '$default',
    stage: '$default',
    time: '04/Mar/2020:19:03:58 +0000',
    timeEpoch: AT,
  };
  const v2Headers = (host: string) => ({ 'user-agent': 'agent', header1: 'value1', header2: 'value1,value2', 'content-length': '18', host });
  const forwarded = { 'x-amzn-trace-id': ids.traceId, 'x-forwarded-for': '203.0.113.10', 'x-forwarded-port': '443', 'x-forwarded-proto': 'https' };

  it('HTTP API: matches the documented shape field by field', () => {
    const event = buildV2Event(httpApi, post, ids, AT) satisfies APIGatewayProxyEventV2;
    const expected = {
      ...v2Common,
      headers: { ...v2Headers('r3pmxmplak.execute-api.us-east-1.amazonaws.com'), ...forwarded },
      requestContext: { ...v2Context, accountId: '123456789012', apiId: 'r3pmxmplak', domainName: 'r3pmxmplak.execute-api.us-east-1.amazonaws.com', domainPrefix: 'r3pmxmplak' },
    } satisfies APIGatewayProxyEventV2;
    expect(JSON.parse(JSON.stringify(event))).toStrictEqual(expected);
  });

  it('function URL: matches the documented shape field by field (auth NONE)', () => {
    const domain = 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws';
    const event = buildV2Event(url, post, ids, AT) satisfies LambdaFunctionURLEvent;
    const expected = {
      ...v2Common,
      headers: { ...v2Headers(domain), 'x-amzn-tls-version': 'TLSv1.2', 'x-amzn-tls-cipher-suite': 'ECDHE-RSA-AES128-GCM-SHA256', ...forwarded },
      requestContext: { ...v2Context, accountId: 'anonymous', apiId: 'abcdefghijklmnopqrstuvwxyz012345', domainName: domain, domainPrefix: 'abcdefghijklmnopqrstuvwxyz012345' },
    } satisfies LambdaFunctionURLEvent;
    expect(JSON.parse(JSON.stringify(event))).toStrictEqual(expected);
  });

  it('leaves out cookies, query and body when there are none', () => {
    const event = buildV2Event(url, { ...post, query: '', headers: [], cookies: [], body: '' }, ids, AT) satisfies LambdaFunctionURLEvent;
    const json = JSON.parse(JSON.stringify(event)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['version', 'routeKey', 'rawPath', 'rawQueryString', 'headers', 'requestContext', 'isBase64Encoded']);
    expect(event.requestContext.http.userAgent).toBe('');
  });

  it('takes cookies from Cookie headers too, and drops the header', () => {
    const event = buildV2Event(httpApi, { ...post, headers: [['cookie', 'a=1; b=2'], ['Cookie', 'c=3']], cookies: [] }, ids, AT);
    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(Object.keys(event.headers)).not.toContain('cookie');
  });

  it('keeps a named HTTP API stage in rawPath and http.path', () => {
    const event = buildV2Event({ ...httpApi, stage: 'default' }, post, ids, AT);
    expect([event.rawPath, event.requestContext.http.path, event.requestContext.stage]).toEqual(['/default/my/path', '/default/my/path', 'default']);
  });
});

describe('helpers', () => {
  it('formats request times in UTC', () => {
    expect(formatRequestTime(Date.UTC(2020, 2, 12, 19, 3, 58))).toBe('12/Mar/2020:19:03:58 +0000');
    expect(formatRequestTime(Date.UTC(2021, 8, 7, 2, 5, 9, 999))).toBe('07/Sep/2021:02:05:09 +0000');
  });

  it('parses queries, keeping malformed escapes', () => {
    expect(parseQuery('a=1&&a=%E2%82%AC&b=%zz&=x')).toEqual([['a', '1'], ['a', '€'], ['b', '%zz'], ['', 'x']]);
  });

  it('draws ids as each service shapes them', () => {
    const random = createRandom(7);
    expect(drawEndpoint(random, 'rest-v1', 'us-east-1', '123456789012').apiId).toMatch(/^[a-z0-9]{10}$/);
    expect(drawEndpoint(random, 'function-url', 'us-east-1', '123456789012').apiId).toMatch(/^[a-z0-9]{32}$/);
    expect(drawEndpoint(random, 'http-v2', 'us-east-1', '123456789012', 'v1').stage).toBe('v1');
    expect(drawRequestIds(random, 'http-v2', AT).requestId).toMatch(/^[A-Za-z0-9]{15}=$/);
    const restIds = drawRequestIds(random, 'rest-v1', AT);
    expect(restIds.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(restIds.traceId).toMatch(/^Root=1-5e5ffb9e-[0-9a-f]{24}$/);
  });
});
