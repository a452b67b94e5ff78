import type { Random } from '../../core/random';
import { handleDynamoDbRequestOn } from '../../core/services/dynamodb/handleDynamoDbRequest';
import { dynamoTableResolver } from '../../core/sources/dynamoTableResolver';
import { storeResolver } from '../../core/services/dynamodb/tableResolver';
import { emptyDynamoDbStore, type DynamoDbStore } from '../../core/services/dynamodb/tableStore';
import { createEventBridgeServiceState, type EventBridgeRuleConfig } from '../../core/services/eventbridge/eventBridgeServiceState';
import { handleEventBridgeRequest } from '../../core/services/eventbridge/handleEventBridgeRequest';
import { utf8Bytes } from '../../core/codec';
import { header, type BilledRequests, type ServiceRequest, type ServiceResponse } from '../../core/services/serviceTypes';
import { handleSnsRequest } from '../../core/services/sns/handleSnsRequest';
import { createSnsServiceState } from '../../core/services/sns/snsServiceState';
import { handleSqsRequest } from '../../core/services/sqs/handleSqsRequest';
import { createSqsServiceState, type SqsServiceQueueConfig, type SqsServiceState } from '../../core/services/sqs/sqsServiceState';
import type { SourceCommand, EventSource } from '../../core/sources/sourceTypes';
import type { WireAwsRequest, WireAwsResponse } from '../../protocol/messages';
import type { AsyncInvokeResult, AwsCaller, InvokeResult } from '../liveDriver';
import { awsEndpointOf, type AwsServiceName } from './awsEndpoint';
import { CONSOLE_ENV_ID } from './consoleCaller';
import { readLambdaInvokeRequest } from '../../core/services/lambda/readLambdaInvokeRequest';
import { checkFunctionRecursion, type RecursionCheck } from '../../core/recursion/checkRecursion';
import { recursionStopNotice, recursiveInvocationError, RECURSIVE_INVOCATION_STATUS } from '../../core/recursion/recursionStop';
import { lambdaErrorResponse } from '../../core/services/lambda/lambdaApiError';
import { handleS3Request } from '../../core/services/s3/handleS3Request';
import { createS3ServiceState } from '../../core/services/s3/s3ServiceState';
import type { S3ServiceState } from '../../core/services/s3/s3Types';
import { InMemoryS3Backend } from '../../core/services/s3/inMemoryS3Backend';
import { S3SourceBucketPort } from '../../core/services/s3/s3SourceBucketPort';
import type { S3Bucket } from '../../core/sources/s3Bucket';
import { lambdaInvokeResponse } from '../../core/services/lambda/lambdaInvokeResponse';
import { LiveResources } from './liveResources';
import { formatTraceHeader, parseTraceHeader } from '../../core/recursion/traceHeader';
import type { SnsTopic } from '../../core/sources/snsTopic';
import { awsCallName } from '../../core/tracing/awsCallName';
import { statusOfHttp, type TraceSpan } from '../../core/tracing/traceSpan';

/**
 * The service latency added to a caller's Duration, per request, from AWS's
 * published figures (README, fidelity notes): the playground's services
 * answer in microseconds, the real ones over the network in milliseconds.
 */
export const MODELLED_LATENCY_MS: Readonly<Record<AwsServiceName, number>> = {
  dynamodb: 5,
  s3: 30,
  sqs: 20,
  sns: 20,
  events: 20,
  lambda: 10,
};

/** What the hub reaches outside itself: the workspace's live sources and functions (set by the stores, `wire`). */
export interface AwsServicePorts {
  /** The workspace's live event sources. */
  sources(): readonly EventSource[];
  /** Run an action on a live source, its commands carried out by the source hub. */
  act(sourceId: string, action: (out: SourceCommand[]) => void): void;
  /** Invoke a function (a name, `name:qualifier`), through the platform's admission; `origin` names the cause in its logs. */
  invoke(functionName: string, payload: string, type: 'RequestResponse', origin: string, traceHeader?: string): Promise<InvokeResult>;
  invoke(functionName: string, payload: string, type: 'Event', origin: string, traceHeader?: string): Promise<AsyncInvokeResult>;
  /** A function's published versions and aliases (`$LATEST` included), or undefined when the workspace has no such function. */
  qualifiers(functionName: string): readonly string[] | undefined;
  /** The workspace's SQS queues that are not triggers' (standalone resources). */
  standaloneQueues(): readonly SqsServiceQueueConfig[];
  /** Standalone DynamoDB tables: name and key schema. */
  standaloneTables(): readonly { name: string; partitionKey: { name: string; type: string }; sortKey?: { name: string; type: string } }[];
  /** A standalone queue's dead-letter queue, by the queue's name (none: undefined). */
  deadLetterQueueOf(queueName: string): string | undefined;
  /** Standalone S3 buckets. */
  standaloneBuckets(): readonly string[];
  /** Standalone SNS topics. */
  standaloneTopics(): readonly string[];
  /** What a request was billed as, for the bill's services section (DynamoDB: the read or write request units it consumed). */
  billed(b: BilledRequests): void;
  /** A request of a sampled trace, as its X-Ray subsegment (the caller's function segment is its parent). */
  traced(span: TraceSpan): void;
}

const NO_PORTS: AwsServicePorts = {
  sources: () => [],
  act: () => undefined,
  invoke: (() => Promise.reject(new Error('not wired'))) as AwsServicePorts['invoke'],
  qualifiers: () => undefined,
  standaloneQueues: () => [],
  standaloneTables: () => [],
  deadLetterQueueOf: () => undefined,
  standaloneBuckets: () => [],
  standaloneTopics: () => [],
  billed: () => undefined,
  traced: () => undefined,
};

export interface AwsServiceHubOptions {
  /** Platform time, epoch ms. */
  now(): number;
  random: Random;
  region: string;
  accountId: string;
  /** Waits `ms` of real time (the modelled latency). */
  delay(ms: number): Promise<void>;
  /** false: no modelled latency (the bench measures the round trip alone). */
  latency?: boolean;
}

const textOf = (body: string | Uint8Array): string => (typeof body === 'string' ? body : new TextDecoder().decode(body));
const bytesOf = (body: string | Uint8Array): Uint8Array => (typeof body === 'string' ? utf8Bytes(body) : body);


function wireResponse(r: Pick<ServiceResponse, 'status' | 'headers'> & { body: string | Uint8Array }): WireAwsResponse {
  return { status: r.status, headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])), body: bytesOf(r.body) };
}

function queryString(query: WireAwsRequest['query']): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    for (const x of Array.isArray(v) ? v : [v]) parts.push(x === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(x)}`);
  }
  return parts.join('&');
}

/** The request as the pure service models take it (path with its query, body as text). */
function serviceRequest(request: WireAwsRequest): ServiceRequest {
  const q = queryString(request.query);
  return { method: request.method, path: q ? `${request.path}?${q}` : request.path, headers: request.headers, body: textOf(request.body) };
}

/**
 * The workspace's AWS services in the tab: every SDK request a handler
 * makes arrives here (through its environment's port and the live driver),
 * goes to the service its host names, and is answered with the real
 * service's response, after the modelled latency. Resources that are a
 * trigger's (a queue, a topic, the bus, a bucket, a table) are the trigger's
 * live source itself; the others are the workspace's standalone resources.
 */
export class AwsServiceHub {
  private ports: AwsServicePorts = NO_PORTS;
  private readonly live = new LiveResources(() => this.ports.sources());
  private dynamo: DynamoDbStore;
  private sqs: SqsServiceState;
  private readonly s3Backend = new InMemoryS3Backend();
  private s3: S3ServiceState;
  /** The triggers' buckets served through ports, with the source each belongs to. */
  private readonly s3Ports = new Map<string, { bucket: S3Bucket; port: S3SourceBucketPort }>();

  constructor(private readonly options: AwsServiceHubOptions) {
    this.dynamo = emptyDynamoDbStore(options.region, options.accountId);
    this.sqs = createSqsServiceState([], options.random, { region: options.region, accountId: options.accountId });
    this.s3 = createS3ServiceState({ backend: this.s3Backend, region: options.region });
  }

  /** Whether the request being answered is billed (not a read by the playground's own views). */
  private billing = true;

  private bill(b: BilledRequests): void {
    if (this.billing) this.ports.billed(b);
  }

  wire(ports: AwsServicePorts): void {
    this.ports = ports;
  }

  /** For the live driver (LiveDriverOptions.aws). */
  readonly handle = async (request: WireAwsRequest, caller: AwsCaller): Promise<WireAwsResponse> => {
    const endpoint = awsEndpointOf(request.hostname);
    if (!endpoint) return { error: { code: 'ENOTFOUND', message: `getaddrinfo ENOTFOUND ${request.hostname}` } };
    // The playground's own views read through the same services (as the AWS console does): the bill counts handlers' requests only.
    this.billing = caller.envId !== CONSOLE_ENV_ID;
    // A request of a sampled trace is a subsegment: what it causes downstream (a message, a delivery, an invoke) names it as Parent.
    const call = this.subsegment(endpoint.service, request, endpoint.bucket);
    if (call) request = call.request;
    let response: WireAwsResponse | Promise<WireAwsResponse>;
    try {
      response = this.answer(endpoint.service, request, caller);
    } catch {
      // A fault of the playground's own model, not of the request: answered as AWS answers its internal errors (the SDK retries them).
      response = internalError();
    } finally {
      this.billing = true;
    }
    response = await Promise.resolve(response).catch(() => internalError());
    if (this.options.latency !== false) await this.options.delay(MODELLED_LATENCY_MS[endpoint.service]);
    if (call) {
      const httpStatus = 'status' in response ? response.status : 0;
      this.ports.traced({ ...call.span, endMs: this.options.now(), status: statusOfHttp(httpStatus), httpStatus });
    }
    return response;
  };

  /**
   * The subsegment of an SDK request whose caller's trace is sampled (its
   * X-Amzn-Trace-Id has Sampled=1 and the function segment as Parent), and
   * the request with that header naming the subsegment as Parent; null when
   * the trace is not sampled.
   */
  private subsegment(service: AwsServiceName, request: WireAwsRequest, bucket: string | undefined): { span: TraceSpan; request: WireAwsRequest } | null {
    const key = Object.keys(request.headers).find((k) => k.toLowerCase() === 'x-amzn-trace-id');
    const trace = key === undefined ? null : parseTraceHeader(request.headers[key]!);
    if (key === undefined || trace?.sampled !== '1' || trace.parent === null) return null;
    const id = this.options.random.hex(16);
    const name = awsCallName(service, { method: request.method, path: request.path, query: request.query, headers: request.headers, body: textOf(request.body) }, bucket);
    const span: TraceSpan = { traceId: trace.root, id, parentId: trace.parent, kind: 'aws', name: name.service, operation: name.operation, resource: name.resource, startMs: this.options.now(), endMs: this.options.now(), status: 'ok' };
    return { span, request: { ...request, headers: { ...request.headers, [key]: formatTraceHeader({ ...trace, parent: id }) } } };
  }

  private env() {
    return { nowMs: this.options.now(), random: this.options.random };
  }

  private answer(service: AwsServiceName, request: WireAwsRequest, caller: AwsCaller): WireAwsResponse | Promise<WireAwsResponse> {
    switch (service) {
      case 'dynamodb':
        return this.answerDynamoDb(request);
      case 'sqs':
        return this.answerSqs(request);
      case 'sns':
        return this.answerSns(request);
      case 'events':
        return this.answerEvents(request);
      case 'lambda':
        return this.answerLambda(request, caller);
      case 's3':
        return this.answerS3(request);
      default:
        return notImplemented(service);
    }
  }

  /**
   * DynamoDB: a stream trigger's table is that trigger's live table (its
   * writes reach the stream its mapping reads, under the mapping's id);
   * the others are the workspace's standalone tables.
   */
  private answerDynamoDb(request: WireAwsRequest): WireAwsResponse {
    this.syncTables();
    const live = this.live.tablesWithSources();
    const routing = dynamoTableResolver(this.dynamo, live.keys());
    const target = header(request, 'x-amz-target');
    const r = handleDynamoDbRequestOn(routing.resolver, { target, body: textOf(request.body) }, this.options.now());
    this.dynamo = r.store;
    // The bill's services section: the request units this request consumed (a failed conditional write's included).
    const action = (target ?? '').replace(/^DynamoDB_\d+\./, '');
    if (r.consumed.readUnits > 0) this.bill({ type: 'billedRequests', service: 'dynamodb', action, count: r.consumed.readUnits, unit: 'read' });
    if (r.consumed.writeUnits > 0) this.bill({ type: 'billedRequests', service: 'dynamodb', action, count: r.consumed.writeUnits, unit: 'write' });
    for (const [table, commands] of routing.commands) {
      const sourceId = live.get(table);
      if (sourceId !== undefined && commands.length > 0) this.ports.act(sourceId, (out) => out.push(...commands));
    }
    return wireResponse(r);
  }

  /** Lambda Invoke: the function named, through the platform's admission (throttles included), its answer as Lambda's API gives it. */
  private async answerLambda(request: WireAwsRequest, caller: AwsCaller): Promise<WireAwsResponse> {
    const requestId = this.options.random.uuid();
    const known = { region: this.options.region, accountId: this.options.accountId, qualifiers: (name: string) => this.ports.qualifiers(name) };
    const call = readLambdaInvokeRequest(serviceRequest(request), known, requestId);
    if (call.kind === 'error') return wireResponse(call.response);
    const target = call.qualifier ? `${call.functionName}:${call.qualifier}` : call.functionName;
    const origin = `Lambda Invoke from ${caller.functionName}`;
    if (call.invocationType === 'DryRun') return wireResponse(lambdaInvokeResponse({ kind: 'dryRun' }, { logType: call.logType, requestId }));
    // Recursive loop detection: a synchronous caller gets RecursiveInvocationException; an asynchronous event is dropped.
    const recursion = this.recursion(call.functionName, header(request, 'x-amzn-trace-id'));
    if (recursion.action === 'stop') {
      if (call.invocationType === 'Event') return wireResponse(lambdaInvokeResponse({ kind: 'accepted', requestId }, { logType: call.logType, requestId }));
      return wireResponse(lambdaErrorResponse(RECURSIVE_INVOCATION_STATUS, recursiveInvocationError(), requestId));
    }
    const outcome =
      call.invocationType === 'Event'
        ? await this.ports.invoke(target, call.payload, 'Event', origin, recursion.traceHeader)
        : await this.ports.invoke(target, call.payload, 'RequestResponse', origin, recursion.traceHeader);
    return wireResponse(lambdaInvokeResponse(outcome, { logType: call.logType, requestId }));
  }

  /** Lambda's recursive loop detection for an invocation the services make, continuing the caller's trace (the SDK's X-Amzn-Trace-Id). */
  private recursion(functionName: string, traceHeader: string | undefined): RecursionCheck {
    const { region, accountId, random } = this.options;
    return checkFunctionRecursion({ functionName, region, accountId, traceHeader, random, nowMs: this.options.now() });
  }

  /**
   * An asynchronous delivery to a function. From SNS, unless recursive loop
   * detection stops it: the event is dropped, and the topic's activity says
   * so (`stoppedBy`). EventBridge is not one of the services loop detection
   * follows (recursionStop.ts): the trace goes on without Lambda's
   * `Lineage`, and a loop through a rule runs on, as on AWS.
   */
  private deliver(functionName: string, event: unknown, origin: string, traceHeader: string | undefined, stoppedBy: SnsTopic | null): void {
    let passed = withoutLineage(traceHeader);
    if (stoppedBy) {
      const recursion = this.recursion(functionName, traceHeader);
      if (recursion.action === 'stop') {
        this.ports.act(stoppedBy.id, (out) => out.push(stopNotice(functionName, 'sns', recursion.invocation, this.options.now())));
        return;
      }
      passed = recursion.traceHeader;
    }
    void this.ports.invoke(functionName, JSON.stringify(event), 'Event', origin, passed).catch(() => undefined);
  }

  /**
   * S3: a trigger's bucket is that trigger's live bucket (a port onto it:
   * its notifications fire from its own rules, under its own id); the
   * standalone ones, and those a handler creates, live in the backend.
   */
  private answerS3(request: WireAwsRequest): WireAwsResponse {
    this.syncBuckets();
    const r = handleS3Request(this.s3, { method: request.method, hostname: request.hostname, path: request.path, query: request.query, headers: request.headers, body: request.body }, this.env());
    this.s3 = r.state;
    // S3 passes the writer's trace context on to the functions its event notifications invoke (X-Ray guide, "Amazon S3 and AWS X-Ray"),
    // and recursive loop detection follows it: the 17th invocation of one function by one chain is not made, and the bucket's activity says so.
    const trace = header(request, 'x-amzn-trace-id');
    for (const { bucket, port } of this.s3Ports.values()) {
      const commands = port.takeCommands().map((c): SourceCommand => {
        if (!trace || c.type !== 'invoke') return c;
        const recursion = this.recursion(c.functionName, trace);
        return recursion.action === 'stop' ? stopNotice(c.functionName, 's3', recursion.invocation, this.options.now()) : { ...c, traceHeader: recursion.traceHeader };
      });
      if (commands.length > 0) this.ports.act(bucket.id, (out) => out.push(...commands));
    }
    for (const e of r.effects) if (e.type === 'billedRequests') this.bill(e);
    return wireResponse(r.response);
  }

  /** Attach the triggers' buckets (detach removed ones), and make the standalone buckets the backend lacks. */
  private syncBuckets(): void {
    const live = new Map(this.live.buckets().map((b) => [b.bucketName, b]));
    for (const [name, held] of this.s3Ports) {
      if (live.get(name) !== held.bucket) {
        this.s3Backend.detach(name);
        this.s3Ports.delete(name);
      }
    }
    for (const [name, bucket] of live) {
      if (this.s3Ports.has(name)) continue;
      const port = new S3SourceBucketPort(bucket, this.options.now());
      this.s3Backend.attach(port);
      this.s3Ports.set(name, { bucket, port });
    }
    for (const name of this.ports.standaloneBuckets()) if (!this.s3Backend.bucket(name)) this.s3Backend.createBucket(name, this.options.now());
  }

  /** Standalone tables the store lacks, made as CreateTable would (on-demand, keys from the workspace). */
  private syncTables(): void {
    for (const t of this.ports.standaloneTables()) {
      if (this.dynamo.tables[t.name]) continue;
      const keys = [t.partitionKey, ...(t.sortKey ? [t.sortKey] : [])];
      const body = JSON.stringify({
        TableName: t.name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
        KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
      });
      this.dynamo = handleDynamoDbRequestOn(storeResolver(this.dynamo), { target: 'DynamoDB_20120810.CreateTable', body }, this.options.now()).store;
    }
  }

  /** SQS: the model checks, deduplicates and stores; messages for a queue with a trigger go to that trigger's queue, which Lambda polls. */
  private answerSqs(request: WireAwsRequest): WireAwsResponse {
    this.syncQueues();
    const r = handleSqsRequest(this.sqs, serviceRequest(request), this.env());
    this.sqs = r.state;
    for (const e of r.effects) {
      if (e.type === 'billedRequests') this.bill(e);
      else if (e.type === 'sqsDeadLettered') {
        // Past maxReceiveCount: into the queue's dead-letter queue, where a ReceiveMessage finds them.
        const dlq = this.sqs.queues[this.ports.deadLetterQueueOf(e.queueName) ?? ''];
        if (dlq) this.sqs = { ...this.sqs, queues: { ...this.sqs.queues, [dlq.name]: { ...dlq, messages: [...dlq.messages, ...e.messages.map((m) => ({ ...m, receiptHandle: null, visibleAtMs: this.options.now() }))] } } };
      } else if (e.type === 'sqsMessagesSent') {
        const live = this.live.queue(e.queueName);
        const queue = this.sqs.queues[e.queueName];
        if (!live || !queue) continue;
        const moved = new Set(e.messages.map((m) => m.messageId));
        this.sqs = { ...this.sqs, queues: { ...this.sqs.queues, [e.queueName]: { ...queue, messages: queue.messages.filter((m) => !moved.has(m.messageId)) } } };
        // SQS keeps the sender's X-Ray trace header as the message's AWSTraceHeader.
        const trace = header(request, 'x-amzn-trace-id');
        const messages = trace ? e.messages.map((m) => ({ ...m, traceHeader: trace })) : e.messages;
        this.ports.act(live.sourceId, (out) => live.queue.accept(messages, out));
      }
    }
    return wireResponse(r.response);
  }

  /**
   * A queue's message counts in the model (visible, in flight, delayed), as
   * GetQueueAttributes' Approximate* counts would give them; read-only, for
   * the Resources view (the model has no GetQueueAttributes). Undefined for
   * a queue the workspace does not have.
   */
  queueCounts(name: string): { visible: number; inFlight: number; delayed: number } | undefined {
    this.syncQueues();
    const queue = this.sqs.queues[name];
    if (!queue) return undefined;
    const now = this.options.now();
    const counts = { visible: 0, inFlight: 0, delayed: 0 };
    for (const m of queue.messages) {
      if (m.visibleAtMs <= now) counts.visible++;
      else if (m.receiptHandle !== null) counts.inFlight++;
      else counts.delayed++;
    }
    return counts;
  }

  /** Queues the model does not know yet: the triggers' (with their settings) and the standalone ones. */
  private syncQueues(): void {
    const configs: SqsServiceQueueConfig[] = [
      ...this.live.queues().map((q) => ({ name: q.name, visibilityTimeoutS: q.visibilityTimeoutS, delaySeconds: q.delaySeconds, maxReceiveCount: q.maxReceiveCount, contentBasedDeduplication: q.contentBasedDeduplication })),
      ...this.ports.standaloneQueues(),
    ].filter((c) => !this.sqs.queues[c.name]);
    if (configs.length === 0) return;
    const added = createSqsServiceState(configs, this.options.random, { region: this.options.region, accountId: this.options.accountId });
    this.sqs = { ...this.sqs, queues: { ...this.sqs.queues, ...added.queues } };
  }

  /** SNS: the triggers' topics with their subscriptions, and the standalone topics; each delivery an asynchronous invoke. */
  private answerSns(request: WireAwsRequest): WireAwsResponse {
    const live = this.live.topics().map((t) => t.view());
    const liveNames = new Set(live.map((t) => t.topicName));
    const topics = [
      ...live.map((t) => ({ name: t.topicName, subscriptions: t.subscriptions.map((s) => ({ functionName: s.functionName, subscriptionArn: s.subscriptionArn, ...(s.filterPolicy ? { filterPolicy: s.filterPolicy } : {}) })) })),
      ...this.ports.standaloneTopics().filter((n) => !liveNames.has(n)).map((name) => ({ name, subscriptions: [] })),
    ];
    const state = createSnsServiceState(topics, this.options.random, { region: this.options.region, accountId: this.options.accountId });
    const r = handleSnsRequest(state, serviceRequest(request), this.env());
    for (const e of r.effects) {
      if (e.type === 'billedRequests') this.bill(e);
      else {
        const topicName = e.topicArn.slice(e.topicArn.lastIndexOf(':') + 1);
        const topic = this.live.topics().find((t) => t.view().topicName === topicName) ?? null;
        this.deliver(e.functionName, e.event, `SNS topic ${topicName}`, header(request, 'x-amzn-trace-id'), topic);
      }
    }
    return wireResponse(r.response);
  }

  /** EventBridge PutEvents: the triggers' rules on their buses; each matching target an asynchronous invoke. */
  private answerEvents(request: WireAwsRequest): WireAwsResponse {
    const buses = this.live.buses().map((b) => b.view());
    const rules: EventBridgeRuleConfig[] = buses.flatMap((b) => b.rules.map((r) => ({ busName: b.busName, name: r.name, pattern: r.patternText, functionNames: [r.functionName] })));
    const state = createEventBridgeServiceState({ busNames: buses.map((b) => b.busName), rules }, { region: this.options.region, accountId: this.options.accountId });
    const r = handleEventBridgeRequest(state, serviceRequest(request), this.env());
    for (const e of r.effects) {
      if (e.type === 'billedRequests') this.bill(e);
      else this.deliver(e.functionName, e.event, `EventBridge rule ${e.ruleName}`, header(request, 'x-amzn-trace-id'), null);
    }
    return wireResponse(r.response);
  }
}

/**
 * The line a source's activity shows when loop detection stopped the
 * invocation it would have made: the event is dropped (Lambda would send it
 * to the function's on-failure destination or dead-letter queue if it had
 * one; the services here do not reach those).
 */
function stopNotice(functionName: string, source: 'sns' | 's3', invocation: number, atMs: number): SourceCommand {
  return { type: 'log', atMs, text: recursionStopNotice(functionName, source, invocation, { kind: 'dropped' }) };
}

/** The header a service that loop detection does not follow passes on: the trace, without Lambda's `Lineage`. */
function withoutLineage(traceHeader: string | undefined): string | undefined {
  const parsed = traceHeader === undefined ? null : parseTraceHeader(traceHeader);
  return parsed ? formatTraceHeader({ ...parsed, lineage: null }) : traceHeader;
}

function internalError(): WireAwsResponse {
  const body = JSON.stringify({ __type: 'InternalFailure', message: 'The request processing has failed because of an unknown error, exception or failure.' });
  return { status: 500, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'InternalFailure' }, body: bytesOf(body) };
}

function notImplemented(service: string): WireAwsResponse {
  const body = JSON.stringify({ __type: 'UnknownOperationException', message: `The playground does not run ${service} yet` });
  return { status: 400, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': 'UnknownOperationException' }, body: bytesOf(body) };
}
