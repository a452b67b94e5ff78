import { createHash } from 'node:crypto';
import { deflateSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HANDLER_TEMPLATES, type HandlerTemplate } from '../state/handlerTemplates/handlerTemplates';
import { CustomEnvironment, Environment, withCorpusRuntime, type Invocation } from './handlerCorpus.test-support';
import { PythonEnvironment } from './python/pythonEnvironment.test-support';

/**
 * Every handler of the template corpus, run unchanged with its own event
 * through the runtime's load and invoke path (handlerCorpus.test-support.ts),
 * and checked against what that handler should answer.
 */
type Json = Record<string, unknown> & { body?: string; statusCode?: number };
type Check = (first: Invocation, env: Pick<Environment, 'invoke'>, event: Json, template: HandlerTemplate) => Promise<void> | void;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const sha = (alg: string, data: string, enc: 'hex' | 'base64' = 'hex') => createHash(alg).update(data).digest(enc);
const ok = (inv: Invocation): Json => {
  expect(inv.outcome.kind, JSON.stringify(inv.outcome)).toBe('success');
  return inv.result as Json;
};
const body = (inv: Invocation): Json => JSON.parse(ok(inv).body ?? 'null') as Json;
const logText = (inv: Invocation): string => inv.logs.map((l) => l.text).join('\n');
const errorOf = (inv: Invocation) => (inv.outcome.kind === 'error' ? inv.outcome.error : undefined);
const withBody = (event: Json, text: string): Json => ({ ...event, body: text, isBase64Encoded: false });

const CHECKS: Record<string, Check> = {
  async httpApi(first, env, event) {
    expect(ok(first).statusCode).toBe(201);
    const item = body(first);
    expect(item).toMatchObject({ name: 'widget', price: 9.5, createdAt: '22/Nov/2026:09:00:00 +0000' });
    expect(item.id).toMatch(UUID);
    const get = (path: string, method = 'GET') => env.invoke({ ...event, rawPath: path, body: undefined, requestContext: { ...(event.requestContext as object), http: { method, path } } });
    const found = await get(`/items/${String(item.id)}`);
    expect(ok(found).statusCode).toBe(200);
    expect(body(found)).toEqual(item);
    expect(body(await get('/items'))).toEqual({ items: [item] });
    const missing = await get('/items/nope');
    expect([ok(missing).statusCode, body(missing)]).toEqual([404, { message: 'Item nope not found' }]);
    expect(ok(await get('/orders')).statusCode).toBe(404);
    const bad = await env.invoke(withBody(event, '{"name": "x"'));
    expect([ok(bad).statusCode, body(bad)]).toEqual([400, { message: 'Body is not valid JSON' }]);
    expect(ok(await env.invoke(withBody(event, '{"name": 3}'))).statusCode).toBe(400);
    expect(ok(await get(`/items/${String(item.id)}`, 'DELETE')).statusCode).toBe(204);
  },
  async restApi(first, env, event) {
    expect(ok(first).statusCode).toBe(200);
    expect(body(first)).toEqual({ title: 'Designing Data-Intensive Applications', year: 2017 });
    const missing = await env.invoke({ ...event, pathParameters: { id: '9' } });
    expect([ok(missing).statusCode, body(missing)]).toEqual([404, { message: 'Book not found' }]);
  },
  albTarget(first) {
    const r = ok(first);
    expect(r).toMatchObject({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, multiValueHeaders: { 'Set-Cookie': ['seen=1', 'theme=dark'] } });
    expect(body(first)).toEqual({ path: '/products', method: 'GET', tags: ['new', 'on sale'], target: 'lambda-products' });
  },
  functionUrlCookies(first) {
    expect(body(first)).toEqual({ session: '3f0c0d5e-4a54-4f5a-9b84-1b6f1c9f7a10', visits: 4, theme: 'dark' });
    expect(ok(first).cookies).toEqual(['session=3f0c0d5e-4a54-4f5a-9b84-1b6f1c9f7a10; Path=/; HttpOnly; Secure; SameSite=Lax', 'visits=4; Path=/; Max-Age=31536000']);
  },
  async gzipResponse(first, env, event) {
    const r = ok(first);
    expect(r).toMatchObject({ isBase64Encoded: true, headers: { 'content-encoding': 'gzip' } });
    const products = (JSON.parse(gunzipSync(Buffer.from(String(r.body), 'base64')).toString()) as { products: unknown[] }).products;
    expect(products).toHaveLength(200);
    expect(products[0]).toEqual({ id: 1, name: 'Product 1', inStock: false });
    const plain = await env.invoke({ ...event, headers: {} });
    expect(ok(plain).headers).toEqual({ 'content-type': 'application/json' });
    expect((body(plain).products as unknown[]).length).toBe(200);
  },
  formPost(first) {
    expect(ok(first)).toEqual({ statusCode: 303, headers: { Location: '/thanks?name=Ana%20Silva&n=2' }, body: '' });
    expect(logText(first)).toContain("Signup { email: 'ana@example.com', interests: [ 'lambda', 's3' ] }");
  },
  typescriptOrders(first) {
    expect(ok(first).statusCode).toBe(201);
    expect(body(first)).toEqual({ orderId: sha('sha1', 'c-7:JKJaXmPLvHcESHA=').slice(0, 12), subtotal: 25.5, discount: 0.1, total: 22.95 });
  },
  s3Gzip(first) {
    const line = 'log line for logs/2026/app server.log\n';
    const original = line.repeat(Math.ceil(20000 / line.length));
    const r = ok(first) as { processed: number; results: Json[] };
    expect(r.processed).toBe(1);
    expect(r.results[0]).toMatchObject({ bucket: 'example-logs', key: 'logs/2026/app server.log', outputKey: 'compressed/logs/2026/app server.log.gz', originalBytes: original.length, sha256: sha('sha256', original), roundTrip: true });
    expect(Number(r.results[0]?.compressedBytes)).toBeLessThan(original.length / 20);
  },
  sqsBatch(first, _env, event) {
    const ids = (event.Records as { messageId: string }[]).map((r) => r.messageId);
    expect(ok(first)).toEqual({ batchItemFailures: [{ itemIdentifier: ids[1] }, { itemIdentifier: ids[2] }] });
    expect(logText(first)).toContain('Processed order o-1 (2 × BOOK-1)');
    expect(logText(first)).toContain(`ERROR\tMessage ${ids[1]} failed: Invalid quantity 0 for order o-2`);
  },
  kinesis(first) {
    expect(ok(first)).toEqual({ records: 3, averages: { 'sensor-a': 21.88, 'sensor-b': 19 } });
  },
  dynamodbStream(first) {
    const { changes } = ok(first) as { changes: Json[] };
    expect(changes[0]).toEqual({ eventName: 'INSERT', keys: { pk: 'CUSTOMER#1' }, after: { pk: 'CUSTOMER#1', name: 'Ana', visits: 1, vip: false, address: { city: 'Lisbon' }, tags: ['new'], note: null }, changed: [] });
    expect(changes[1]).toMatchObject({ eventName: 'MODIFY', after: { visits: 2, vip: true }, changed: ['visits', 'vip'] });
    expect(changes[2]).toEqual({ eventName: 'REMOVE', keys: { pk: 'CUSTOMER#2' }, changed: [] });
  },
  snsFanIn(first) {
    expect(ok(first)).toEqual({ alerts: ['CRITICAL: checkout DOWN', 'WARNING: search DEGRADED'], audit: 1, other: 0 });
  },
  scheduledJob(first) {
    expect(ok(first)).toEqual({ rule: 'nightly-cleanup', coversDay: '2026-11-21', retentionCutoff: '2026-10-22' });
  },
  cloudwatchLogs(first) {
    expect(ok(first)).toEqual({ logGroup: '/aws/lambda/checkout', events: 3, errors: ['37911125555555555555555555555555555555555555555555550001'] });
    expect(logText(first)).toContain('[/aws/lambda/checkout] 2026-11-22T');
  },
  firehoseTransform(first) {
    const { records } = ok(first) as { records: { result: string; data: string }[] };
    expect(records.map((r) => r.result)).toEqual(['Ok', 'Dropped', 'ProcessingFailed']);
    expect(Buffer.from(records[0]!.data, 'base64').toString()).toBe(`{"page":"/home","at":"${new Date(1795338000000).toISOString()}"}\n`);
  },
  async cognitoPreSignUp(first, env, event) {
    expect(ok(first).response).toEqual({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false });
    const outsider = await env.invoke({ ...event, request: { userAttributes: { email: 'eve@elsewhere.org' } } });
    expect(errorOf(outsider)).toMatchObject({ errorType: 'Error', errorMessage: 'Sign-up is limited to @example.com addresses' });
  },
  async webhookHmac(first, env, event) {
    expect(ok(first).statusCode).toBe(202);
    expect(body(first)).toEqual({ accepted: true, event: 'push', ref: 'refs/heads/main' });
    const tampered = await env.invoke(withBody(event, String(event.body).replace('main', 'evil')));
    expect([ok(tampered).statusCode, body(tampered)]).toEqual([401, { message: 'Invalid signature' }]);
  },
  async jwtVerify(first, env, event) {
    expect(body(first)).toEqual({ sub: 'user-123', scope: 'orders:read' });
    const headers = event.headers as { authorization: string };
    const [h, p, s] = headers.authorization.slice(7).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'admin', aud: 'orders-api', exp: 1795341600 })).toString('base64url');
    const tampered = await env.invoke({ ...event, headers: { authorization: `Bearer ${h}.${forged}.${s}` } });
    expect(body(tampered)).toEqual({ message: 'Invalid signature' });
    const late = await env.invoke({ ...event, requestContext: { ...(event.requestContext as object), timeEpoch: 1795341600000 } });
    expect([ok(late).statusCode, body(late)]).toEqual([401, { message: 'Token expired' }]);
    expect(p).toBeTruthy();
  },
  async tokenAuthorizer(first, env, event) {
    expect(ok(first)).toEqual({
      principalId: `key-${sha('sha256', 'password').slice(0, 8)}`,
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/*' }] },
      context: { tier: 'gold' },
    });
    const denied = ok(await env.invoke({ ...event, authorizationToken: 'Bearer guess' })) as { policyDocument: { Statement: { Effect: string }[] } };
    expect(denied.policyDocument.Statement[0]?.Effect).toBe('Deny');
    expect(errorOf(await env.invoke({ ...event, authorizationToken: '' }))?.errorMessage).toBe('Unauthorized');
  },
  async idempotentIds(first, env, event) {
    const r = ok(first);
    expect(r).toMatchObject({ idempotencyKey: sha('sha256', JSON.stringify(event.payment)), amount: 42.5, replayed: false });
    expect(r.paymentId).toMatch(UUID);
    expect(r.reference).toMatch(/^[0-9A-F]{12}$/);
    expect(ok(await env.invoke(event))).toEqual({ ...r, replayed: true });
    const other = ok(await env.invoke({ payment: { ...(event.payment as object), amount: 1 } }));
    expect(other.paymentId).not.toBe(r.paymentId);
  },
  checksums(first) {
    const r = ok(first) as { files: Json[]; manifestSha512: string };
    expect(r.files).toEqual([
      { name: 'a.txt', size: 5, contentMd5: sha('md5', 'hello', 'base64'), sha256: sha('sha256', 'hello'), sha1: sha('sha1', 'hello') },
      { name: 'b.txt', size: 6, contentMd5: sha('md5', 'world\n', 'base64'), sha256: sha('sha256', 'world\n'), sha1: sha('sha1', 'world\n') },
    ]);
    expect(r.manifestSha512).toBe(sha('sha512', `a.txt:${sha('sha256', 'hello')}\nb.txt:${sha('sha256', 'world\n')}\n`).slice(0, 32));
  },
  csvStream(first) {
    expect(ok(first)).toEqual({ rows: 5, totals: { 'eu-west-1': 139.75, 'us-east-1': 87.3, 'ap-south-1': 42 } });
  },
  async tmpCache(first, env, event, template) {
    const value = sha('sha1', '42').slice(0, 8);
    expect(ok(first)).toEqual({ source: 'built', key: 'k42', value });
    expect(ok(await env.invoke(event))).toEqual({ source: 'cache', key: 'k42', value });
    const fresh = await Environment.start(template);
    expect(ok(await fresh.invoke(event)).source).toBe('built');
  },
  promisify(first, _env, event) {
    const text = JSON.stringify(event);
    expect(ok(first)).toEqual({ originalBytes: Buffer.byteLength(text), deflatedBytes: deflateSync(text).length, sameEvent: true });
  },
  async emitterPipeline(first, env) {
    expect(ok(first)).toEqual({ id: 'o-9', status: 'accepted', total: 28.6, stages: ['received', 'validated', 'priced', 'done'], listeners: 1 });
    const empty = ok(await env.invoke({ order: { id: 'o-0', items: [] } }));
    expect(empty).toMatchObject({ status: 'rejected', reason: 'no items', stages: ['received', 'rejected', 'done'] });
  },
  pathUrl(first) {
    expect(ok(first)).toEqual({
      key: 'uploads/2026/Team Photo.JPG',
      outputKey: 'resized/uploads/2026/Team Photo-640w.jpg',
      extension: '.JPG',
      link: 'https://cdn.example.com/resized/uploads/2026/Team%20Photo-640w.jpg?v=2',
      handlerFile: '/var/task/index.mjs',
      relativeToTask: '../../tmp/work',
    });
  },
  commonjs(first) {
    expect(ok(first)).toEqual({ contentMd5: sha('md5', 'Hello from CommonJS', 'base64'), summary: 'corpus on linux//tmp', upper: 'HELLO FROM COMMONJS' });
    expect(logText(first)).toContain('INFO\tHashed 19 characters for corpus');
  },
  async customRuntime(first, env) {
    // The bootstrap's own handler, through the Runtime API: its module state survives between events.
    expect(ok(first)).toEqual({ message: 'Hello, Ada!', served: 1, requestId: 'req-1' });
    expect(ok(await env.invoke({})).served).toBe(2);
    // Its standard output reaches the log as it is: no time, request id or level.
    expect(first.logs.map((l) => l.text)).toEqual(['event for req-1: {"name":"Ada"}']);
    // A handler that throws: the bootstrap posts Lambda's error format to /error.
    const failed = await env.invoke(null);
    expect(failed.outcome).toMatchObject({ kind: 'error', error: { errorType: 'TypeError', errorMessage: expect.stringContaining('null') } });
  },
  async pythonHello(first, env) {
    expect(ok(first)).toMatchObject({ message: 'Hello, Lambda!', invocations: 1, requestId: 'req-1' });
    expect(first.logs.map((l) => l.text)).toEqual([expect.stringMatching(/^\[INFO\]\t\S+Z\treq-1\tReceived event: \{"name": "Lambda"\}$/)]);
    expect(ok(await env.invoke({}))).toMatchObject({ message: 'Hello, world!', invocations: 2 });
  },
  async pythonHttpApi(first, env, event) {
    const created = first.result as { statusCode: number; body: string };
    expect(created.statusCode).toBe(201);
    const item = JSON.parse(created.body) as { id: string; name: string };
    expect(item).toMatchObject({ name: 'widget', price: 9.5 });
    const get = structuredClone(event) as { requestContext: { http: { method: string } }; pathParameters: unknown; body: unknown };
    get.requestContext.http.method = 'GET';
    get.pathParameters = { id: item.id };
    get.body = null;
    expect(JSON.parse((ok(await env.invoke(get)) as { body: string }).body)).toEqual(item);
    get.pathParameters = { id: 'nope' };
    expect(ok(await env.invoke(get))).toMatchObject({ statusCode: 404 });
  },
  pythonSqsBatch(first, _env, event) {
    const records = (event as { Records: { messageId: string }[] }).Records;
    // The order with no quantity and the body that is not JSON go back to the queue.
    expect(ok(first)).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]!.messageId }, { itemIdentifier: records[2]!.messageId }] });
    expect(first.logs.filter((l) => l.text.startsWith('[ERROR]'))).toHaveLength(2);
  },
  async callbackStyle(first, env) {
    expect(ok(first)).toEqual({ sum: 18, average: 6, agent: 'function' });
    expect(errorOf(await env.invoke({ numbers: 'x' }))?.errorMessage).toBe('event.numbers must be an array');
  },
};

withCorpusRuntime();

describe('the handler corpus runs unchanged, each handler with its own event', () => {
  it('has at least 25 handlers, each with a check of its own', () => {
    expect(HANDLER_TEMPLATES.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(CHECKS).sort()).toEqual(HANDLER_TEMPLATES.map((t) => t.id).sort());
  });

  it.each(HANDLER_TEMPLATES.map((t) => [t.id, t] as const))('%s', async (id, template) => {
    const env = template.fileName.endsWith('.py') ? await PythonEnvironment.start(template.code) : template.fileName === 'bootstrap' ? await CustomEnvironment.start(template) : await Environment.start(template);
    const event = JSON.parse(template.event) as Json;
    const first = await env.invoke(event);
    await CHECKS[id]!(first, env, event, template);
  });

  it('the callback-style handler is refused on nodejs24.x, as Lambda refuses it', async () => {
    const template = HANDLER_TEMPLATES.find((t) => t.id === 'callbackStyle')!;
    await expect(Environment.start(template, 'nodejs24.x')).rejects.toMatchObject({ wire: { errorType: 'Runtime.CallbackHandlerDeprecated' } });
  });
});
