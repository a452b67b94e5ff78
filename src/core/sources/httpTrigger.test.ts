import type { APIGatewayProxyEventV2, LambdaFunctionURLEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createRandom } from '../random';
import { HttpTrigger, MAX_EXCHANGES, defaultRequest, splitPathAndQuery, type HttpFormat } from './httpTrigger';
import type { HttpV2Event, RestProxyEvent } from './httpEvent';
import { DEFAULT_ACCOUNT, DEFAULT_REGION, type SourceCommand, type SourceContext } from './sourceTypes';

const T0 = Date.UTC(2020, 2, 12, 19, 3, 58, 390);

function setup(format: HttpFormat, seed = 1) {
  const clock = new ManualClock(T0);
  const ctx: SourceContext = { clock, random: createRandom(seed), region: DEFAULT_REGION, accountId: DEFAULT_ACCOUNT, waitScale: () => 1 };
  const trigger = new HttpTrigger(ctx, { id: 'http1', functionName: 'my-function', format });
  return { clock, trigger };
}

const invokes = (out: SourceCommand[]) => out.filter((c): c is Extract<SourceCommand, { type: 'invoke' }> => c.type === 'invoke');
const types = (out: SourceCommand[]) => out.map((c) => c.type);

describe('HttpTrigger', () => {
  it.each<[HttpFormat, string | null]>([
    ['rest-v1', 'timeout-req-1'],
    ['http-v2', 'timeout-req-1'],
    ['function-url', null],
  ])('%s: a request is a RequestResponse invoke, with the gateway timeout as a timer', (format, timerId) => {
    const { trigger } = setup(format);
    const out: SourceCommand[] = [];
    const id = trigger.send(defaultRequest(), out);
    expect(id).toBe('req-1');
    expect(invokes(out)).toEqual([{ type: 'invoke', functionName: 'my-function', invocationId: 'req-1', payload: trigger.view().exchanges[0]?.event, invocationType: 'RequestResponse' }]);
    expect(out.filter((c) => c.type === 'setTimer')).toEqual(timerId ? [{ type: 'setTimer', timerId, atMs: T0 + (format === 'rest-v1' ? 29_000 : 30_000) }] : []);
    expect(types(out)).toContain('changed');
    expect(trigger.view().exchanges[0]).toMatchObject({ id: 'req-1', format, startedAtMs: T0, request: defaultRequest() });
    expect(trigger.view().exchanges[0]?.response).toBeUndefined();
  });

  it('REST: the default request becomes a proxy event', () => {
    const { trigger } = setup('rest-v1');
    const out: SourceCommand[] = [];
    trigger.send(defaultRequest(), out);
    const event = JSON.parse(invokes(out)[0]?.payload ?? '') as RestProxyEvent;
    expect(event).toMatchObject({
      resource: '/{proxy+}',
      path: '/hello',
      httpMethod: 'GET',
      queryStringParameters: { name: 'world' },
      multiValueQueryStringParameters: { name: ['world'] },
      pathParameters: { proxy: 'hello' },
      body: null,
      isBase64Encoded: false,
      requestContext: { stage: 'prod', path: '/prod/hello', requestTimeEpoch: T0, requestTime: '12/Mar/2020:19:03:58 +0000', identity: { userAgent: 'curl/8.7.1' } },
    });
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(event.requestContext.domainName).toBe(`${event.requestContext.apiId}.execute-api.us-east-1.amazonaws.com`);
    expect(trigger.view().url).toBe(`https://${event.requestContext.domainName}/prod`);
  });

  it.each<[HttpFormat, RegExp, RegExp]>([
    ['http-v2', /^[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/, /^[A-Za-z0-9]{15}=$/],
    ['function-url', /^[a-z0-9]{32}\.lambda-url\.us-east-1\.on\.aws$/, /^[0-9a-f-]{36}$/],
  ])('%s: the default request becomes a 2.0 event', (format, domain, requestId) => {
    const { trigger } = setup(format);
    const out: SourceCommand[] = [];
    trigger.send({ ...defaultRequest(), cookies: ['session=abc'] }, out);
    const event = JSON.parse(invokes(out)[0]?.payload ?? '') as HttpV2Event satisfies APIGatewayProxyEventV2 & LambdaFunctionURLEvent;
    expect(event).toMatchObject({ version: '2.0', routeKey: '$default', rawPath: '/hello', rawQueryString: 'name=world', cookies: ['session=abc'], queryStringParameters: { name: 'world' } });
    expect(event.requestContext).toMatchObject({ routeKey: '$default', stage: '$default', time: '12/Mar/2020:19:03:58 +0000', timeEpoch: T0, http: { method: 'GET', path: '/hello', userAgent: 'curl/8.7.1' } });
    expect(event.requestContext.domainName).toMatch(domain);
    expect(event.requestContext.requestId).toMatch(requestId);
    expect(trigger.view().url).toBe(`https://${event.requestContext.domainName}`);
  });

  it('maps the result and ends the exchange', () => {
    const { clock, trigger } = setup('http-v2');
    const out: SourceCommand[] = [];
    trigger.send(defaultRequest(), out);
    clock.advance(12);
    const done: SourceCommand[] = [];
    trigger.onResult('req-1', { kind: 'success', payload: '{"statusCode":201,"body":"made"}' }, done);
    expect(types(done)).toEqual(['clearTimer', 'log', 'changed']);
    expect(done[0]).toEqual({ type: 'clearTimer', timerId: 'timeout-req-1' });
    expect(done[1]).toEqual({ type: 'log', atMs: T0 + 12, text: 'GET /hello → 201 (12 ms)' });
    expect(trigger.view().exchanges[0]).toMatchObject({ endedAtMs: T0 + 12, response: { statusCode: 201, body: 'made', isBase64Encoded: false } });
  });

  it('a throttled REST request shows 500 and says why', () => {
    const { trigger } = setup('rest-v1');
    trigger.send(defaultRequest(), []);
    trigger.onResult('req-1', { kind: 'rejected', statusCode: 429, error: { errorType: 'TooManyRequestsException', errorMessage: 'Rate Exceeded.', trace: [] } }, []);
    const x = trigger.view().exchanges[0];
    expect(x?.response?.statusCode).toBe(500);
    expect(x?.note).toMatch(/Lambda refused the invoke \(429 TooManyRequestsException/);
  });

  it('the gateway gives up at its integration timeout; the late result is only logged', () => {
    const { clock, trigger } = setup('rest-v1');
    trigger.send(defaultRequest(), []);
    clock.advance(29_000);
    const fired: SourceCommand[] = [];
    trigger.onTimer('timeout-req-1', fired);
    expect(trigger.view().exchanges[0]).toMatchObject({ endedAtMs: T0 + 29_000, response: { statusCode: 504 } });
    expect(types(fired)).toEqual(['log', 'changed']);
    const late: SourceCommand[] = [];
    trigger.onResult('req-1', { kind: 'success', payload: '{"statusCode":200}' }, late);
    expect(late).toEqual([{ type: 'log', atMs: T0 + 29_000, text: 'GET /hello: the function finished after the gateway had answered.' }]);
    expect(trigger.view().exchanges[0]?.response?.statusCode).toBe(504);
  });

  it('ignores unknown timers and results', () => {
    const { trigger } = setup('http-v2');
    const out: SourceCommand[] = [];
    trigger.onTimer('timeout-req-9', out);
    trigger.onResult('req-9', { kind: 'success', payload: '1' }, out);
    expect(out).toEqual([]);
  });

  it(`keeps the last ${MAX_EXCHANGES} exchanges and forgets the timers of dropped ones`, () => {
    const { trigger } = setup('rest-v1');
    let out: SourceCommand[] = [];
    for (let i = 0; i < MAX_EXCHANGES; i++) trigger.send(defaultRequest(), out);
    out = [];
    trigger.send(defaultRequest(), out);
    expect(out).toContainEqual({ type: 'clearTimer', timerId: 'timeout-req-1' });
    const view = trigger.view();
    expect(view.exchanges).toHaveLength(MAX_EXCHANGES);
    expect(view.exchanges[0]?.id).toBe('req-2');
    const late: SourceCommand[] = [];
    trigger.onResult('req-1', { kind: 'success', payload: '{"statusCode":200}' }, late);
    expect(late).toEqual([]);
  });

  it('switches format for later requests; earlier exchanges keep theirs', () => {
    const { trigger } = setup('rest-v1');
    trigger.send(defaultRequest(), []);
    const out: SourceCommand[] = [];
    trigger.setFormat('function-url', out);
    expect(out).toEqual([{ type: 'changed' }]);
    trigger.send(defaultRequest(), []);
    const view = trigger.view();
    expect(view.format).toBe('function-url');
    expect(view.exchanges.map((x) => x.format)).toEqual(['rest-v1', 'function-url']);
    const noop: SourceCommand[] = [];
    trigger.setFormat('function-url', noop);
    expect(noop).toEqual([]);
  });

  it('returns the same view until something changes', () => {
    const { trigger } = setup('rest-v1');
    const a = trigger.view();
    expect(trigger.view()).toBe(a);
    trigger.send(defaultRequest(), []);
    expect(trigger.view()).not.toBe(a);
    expect(a.exchanges).toHaveLength(0);
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const { trigger } = setup('http-v2', 42);
      const out: SourceCommand[] = [];
      trigger.send(defaultRequest(), out);
      return invokes(out)[0]?.payload;
    };
    expect(run()).toBe(run());
  });

  it('normalises the request: method case, a path with its query, a missing slash', () => {
    const { trigger } = setup('function-url');
    trigger.send({ ...defaultRequest(), method: 'post', path: 'items?id=7', query: '' }, []);
    expect(trigger.view().exchanges[0]?.request).toMatchObject({ method: 'POST', path: '/items', query: 'id=7' });
  });

  it.each([
    ['/hello?name=world', { path: '/hello', query: 'name=world' }],
    ['/a?b?c', { path: '/a', query: 'b?c' }],
    ['x', { path: '/x', query: '' }],
    ['', { path: '/', query: '' }],
  ])('splitPathAndQuery(%j)', (text, expected) => expect(splitPathAndQuery(text)).toEqual(expected));
});
