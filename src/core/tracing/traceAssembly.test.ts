import { describe, expect, it } from 'vitest';
import { invocationRecordOf } from '../invocationRecord';
import { awsCallName } from './awsCallName';
import { CLIENT_NODE, serviceMap } from './serviceMap';
import { invocationSpans, type TraceSpan } from './traceSpan';
import { traceSummary, waterfall } from './traceTree';

const ROOT = '1-6553f100-0123456789abcdef01234567';

/** A sampled invocation's record: arrived at `arrived`, Init of `initMs` (0: warm), then `durationMs`, ending `overheadMs` later. */
function sampledRecord(arrived: number, initMs: number, durationMs: number, ids: { service: string; segment: string; upstream: string | null }, outcome: 'success' | 'error' = 'success') {
  const started = arrived + 2 + initMs;
  const r = invocationRecordOf('req', 'env-1', initMs > 0, arrived, started, started + durationMs + 1, initMs > 0 ? initMs : undefined, durationMs, 128, 60, 'x86_64', outcome,
    outcome === 'success' ? { ok: true, payload: '1' } : { ok: false, error: { errorType: 'Error', errorMessage: 'x', trace: [] } }, 'RequestResponse', 1, false, durationMs, 1, 1, false);
  r.trace = { root: ROOT, upstreamParent: ids.upstream, sampled: true, serviceSegmentId: ids.service, segmentId: ids.segment, header: '' };
  return r;
}

const aws = (id: string, parentId: string, name: string, operation: string, resource: string, startMs: number, endMs: number, status: TraceSpan['status'] = 'ok'): TraceSpan =>
  ({ traceId: ROOT, id, parentId, kind: 'aws', name, operation, resource, startMs, endMs, status, httpStatus: status === 'ok' ? 200 : 400 });

/** An API function writing to DynamoDB and sending to SQS, whose consumer runs warm. */
function orderTrace(): TraceSpan[] {
  return [
    ...invocationSpans(sampledRecord(1000, 150, 40, { service: 'a000000000000001', segment: 'a000000000000002', upstream: null }), 'api'),
    aws('b000000000000001', 'a000000000000002', 'DynamoDB', 'PutItem', 'orders', 1160, 1166),
    aws('b000000000000002', 'a000000000000002', 'SQS', 'SendMessage', 'jobs', 1170, 1190),
    ...invocationSpans(sampledRecord(1200, 0, 10, { service: 'c000000000000001', segment: 'c000000000000002', upstream: 'b000000000000002' }, 'error'), 'worker'),
  ];
}

describe('trace assembly', () => {
  it("an invocation's segments: the service's, the function's, and Initialization, Invocation and Overhead", () => {
    const spans = invocationSpans(sampledRecord(1000, 150, 40, { service: 's1', segment: 'f1', upstream: 'up' }), 'api');
    expect(spans.map((s) => [s.kind, s.name, s.parentId, s.startMs, s.endMs])).toEqual([
      ['lambda', 'api', 'up', 1000, 1193],
      ['function', 'api', 's1', 1002, 1193],
      ['phase', 'Initialization', 'f1', 1002, 1152],
      ['phase', 'Invocation', 'f1', 1152, 1192],
      ['phase', 'Overhead', 'f1', 1192, 1193],
    ]);
  });

  it('an invocation that was not sampled has no segments', () => {
    const r = sampledRecord(0, 0, 1, { service: 's', segment: 'f', upstream: null });
    delete r.trace;
    expect(invocationSpans(r, 'x')).toEqual([]);
  });

  it('the waterfall nests each span under its parent, in start order, with bars from the trace start', () => {
    const rows = waterfall(orderTrace());
    expect(rows.map((r) => `${'  '.repeat(r.depth)}${r.label} @${r.offsetMs} +${r.durationMs}`)).toEqual([
      'api (Lambda) @0 +193',
      '  api (function) @2 +191',
      '    Initialization @2 +150',
      '    Invocation @152 +40',
      '    DynamoDB PutItem orders @160 +6',
      '    SQS SendMessage jobs @170 +20',
      '      worker (Lambda) @200 +13',
      '        worker (function) @202 +11',
      '          Invocation @202 +10',
      '          Overhead @212 +1',
      '    Overhead @192 +1',
    ]);
  });

  it("the summary names the entry, spans the whole trace, counts segments and takes the worst status", () => {
    expect(traceSummary(ROOT, orderTrace())).toEqual({ traceId: ROOT, entry: 'api', startMs: 1000, durationMs: 213, status: 'fault', segments: 6 });
  });

  it('the service map: client → api → DynamoDB and SQS, SQS → worker, with counts, averages and errors', () => {
    const map = serviceMap(orderTrace());
    expect(map.nodes.map((n) => [n.id, n.kind, n.label, n.requests, n.errors])).toEqual([
      ['function:api', 'function', 'api', 1, 0],
      [CLIENT_NODE, 'client', 'Client', 1, 0],
      ['service:DynamoDB orders', 'service', 'DynamoDB orders', 1, 0],
      ['service:SQS jobs', 'service', 'SQS jobs', 1, 0],
      ['function:worker', 'function', 'worker', 1, 1],
    ]);
    expect(map.edges.map((e) => [e.from, e.to, e.requests, e.averageMs, e.errors])).toEqual([
      [CLIENT_NODE, 'function:api', 1, 193, 0],
      ['function:api', 'service:DynamoDB orders', 1, 6, 0],
      ['function:api', 'service:SQS jobs', 1, 20, 0],
      ['service:SQS jobs', 'function:worker', 1, 13, 1],
    ]);
  });

  it('a Lambda Invoke call is an edge from the caller to the function it names, averaged over requests', () => {
    const spans = [
      ...invocationSpans(sampledRecord(0, 0, 100, { service: 's1', segment: 'f1', upstream: null }), 'caller'),
      aws('i1', 'f1', 'Lambda', 'Invoke', 'callee', 10, 30),
      aws('i2', 'f1', 'Lambda', 'Invoke', 'callee', 40, 80, 'error'),
    ];
    const edge = serviceMap(spans).edges.find((e) => e.to === 'function:callee');
    expect(edge).toEqual({ from: 'function:caller', to: 'function:callee', requests: 2, errors: 1, averageMs: 30 });
  });
});

describe('the name of an SDK call', () => {
  const req = (method: string, path: string, headers: Record<string, string>, body = '') => ({ method, path, query: {}, headers, body });
  it('reads the JSON protocol target and body', () => {
    expect(awsCallName('dynamodb', req('POST', '/', { 'X-Amz-Target': 'DynamoDB_20120810.PutItem' }, '{"TableName":"orders","Item":{}}'))).toEqual({ service: 'DynamoDB', operation: 'PutItem', resource: 'orders' });
    expect(awsCallName('sqs', req('POST', '/', { 'x-amz-target': 'AmazonSQS.SendMessage' }, '{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/jobs","MessageBody":"x"}'))).toEqual({ service: 'SQS', operation: 'SendMessage', resource: 'jobs' });
    expect(awsCallName('events', req('POST', '/', { 'x-amz-target': 'AWSEvents.PutEvents' }, '{"Entries":[{"Source":"a"}]}'))).toEqual({ service: 'EventBridge', operation: 'PutEvents', resource: 'default' });
  });
  it('reads the query protocol form, and the REST paths of Lambda and S3', () => {
    expect(awsCallName('sns', req('POST', '/', { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, 'Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Aalerts&Message=hi'))).toEqual({ service: 'SNS', operation: 'Publish', resource: 'alerts' });
    expect(awsCallName('lambda', req('POST', '/2015-03-31/functions/worker%3Alive/invocations', {}))).toEqual({ service: 'Lambda', operation: 'Invoke', resource: 'worker' });
    expect(awsCallName('s3', req('PUT', '/uploads/a/b.txt', {}))).toEqual({ service: 'S3', operation: 'PutObject', resource: 'uploads' });
    expect(awsCallName('s3', req('GET', '/a.txt', {}), 'photos')).toEqual({ service: 'S3', operation: 'GetObject', resource: 'photos' });
  });
});
