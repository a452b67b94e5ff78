import { matchesFilterPolicy, snsLambdaEvent, snsPublishBytes, snsSignaturePlaceholder, SNS_LIMITS, type SnsLambdaEvent } from '../../sources/snsTopic';
import type { BilledRequests, ServiceEnv, ServiceRequest, ServiceResult } from '../serviceTypes';
import { parseQueryForm, queryMembers, type QueryParams } from './queryForm';
import { invalidParameter, isSnsError, lambdaMessage, readPublish, type SnsPublishRequest } from './snsPublishInput';
import { topicByArn, type SnsServiceState, type SnsServiceTopic } from './snsServiceState';
import { snsXmlError, snsXmlResult, xmlFields, type SnsServiceError } from './snsXml';

/**
 * SNS Publish and PublishBatch on the AWS query protocol: a form-encoded
 * body (`Action=Publish&TopicArn=…&Message=…`) in, an XML `PublishResponse`
 * (or SNS's `ErrorResponse`) out. Each message fans out to the topic's
 * Lambda subscriptions whose filter policy accepts it, as one notification
 * record per function (lambda-model.md §7), invoked asynchronously.
 */

/** One notification to one subscribed function: an asynchronous (`Event`) invoke with this event. */
export interface SnsDelivery {
  type: 'snsDelivery';
  topicArn: string;
  subscriptionArn: string;
  functionName: string;
  event: SnsLambdaEvent;
}

export type SnsServiceEffect = SnsDelivery;

const BATCH_MAX = 10;
/** SNS bills each 64 KiB chunk of published data as one request. */
const BILLING_CHUNK_BYTES = 65_536;
const NOT_FOUND: SnsServiceError = { code: 'NotFound', message: 'Topic does not exist', status: 404 };

function topicOf(state: SnsServiceState, params: QueryParams): SnsServiceTopic | SnsServiceError {
  const arn = params.get('TopicArn') ?? params.get('TargetArn');
  if (arn === undefined) return invalidParameter('Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter');
  const topic = topicByArn(state, arn);
  if (topic === null) return invalidParameter('Invalid parameter: TopicArn');
  return topic ?? NOT_FOUND;
}

/** One message fanned out: its id and the deliveries it makes. */
function fanOut(state: SnsServiceState, topic: SnsServiceTopic, input: SnsPublishRequest, env: ServiceEnv): { messageId: string; deliveries: SnsDelivery[] } {
  const messageId = env.random.uuid();
  const signature = snsSignaturePlaceholder(env.random);
  const attributes = Object.fromEntries(input.attributes.map((a) => [a.name, { Type: a.type, Value: a.value }]));
  const deliveries = topic.subscriptions
    .filter((sub) => !sub.filterPolicy || matchesFilterPolicy(sub.filterPolicy, input.attributes))
    .map((sub): SnsDelivery => ({
      type: 'snsDelivery',
      topicArn: topic.arn,
      subscriptionArn: sub.subscriptionArn,
      functionName: sub.functionName,
      event: snsLambdaEvent({
        subscriptionArn: sub.subscriptionArn, messageId, topicArn: topic.arn, subject: input.subject ?? null, message: lambdaMessage(input),
        atMs: env.nowMs, signature, certUrl: topic.certUrl, region: state.region, attributes,
      }),
    }));
  return { messageId, deliveries };
}

const billed = (action: string, bytes: number): BilledRequests => ({ type: 'billedRequests', service: 'sns', action, count: Math.max(1, Math.ceil(bytes / BILLING_CHUNK_BYTES)) });

type Outcome = { ok: true; resultXml: string; effects: (SnsServiceEffect | BilledRequests)[] } | { ok: false; error: SnsServiceError };

function publish(state: SnsServiceState, params: QueryParams, env: ServiceEnv): Outcome {
  const topic = topicOf(state, params);
  if (isSnsError(topic)) return { ok: false, error: topic };
  const input = readPublish(params);
  if (isSnsError(input)) return { ok: false, error: input };
  const { messageId, deliveries } = fanOut(state, topic, input, env);
  return { ok: true, resultXml: xmlFields({ MessageId: messageId }), effects: [...deliveries, billed('Publish', snsPublishBytes(input))] };
}

function publishBatch(state: SnsServiceState, params: QueryParams, env: ServiceEnv): Outcome {
  const topic = topicOf(state, params);
  if (isSnsError(topic)) return { ok: false, error: topic };
  const members = queryMembers(params, 'PublishBatchRequestEntries.member');
  const batchError = (code: string, message: string): Outcome => ({ ok: false, error: { code, message, status: 400 } });
  if (members.length === 0) return batchError('EmptyBatchRequest', "The batch request doesn't contain any entries.");
  if (members.length > BATCH_MAX) return batchError('TooManyEntriesInBatchRequest', 'The batch request contains more entries than permissible.');
  const ids = members.map((m) => m.get('Id') ?? '');
  if (ids.some((id) => !/^[A-Za-z0-9_-]{1,80}$/.test(id))) return batchError('InvalidBatchEntryId', "The Id of a batch entry in a batch request doesn't abide by the specification.");
  if (new Set(ids).size !== ids.length) return batchError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.');
  const read = members.map((m) => readPublish(m));
  const total = read.reduce((n, r) => n + (isSnsError(r) ? 0 : snsPublishBytes(r)), 0);
  if (total > SNS_LIMITS.messageBytes) return batchError('BatchRequestTooLong', 'The length of all the messages put together is more than the limit.');
  let successful = '';
  let failed = '';
  const effects: (SnsServiceEffect | BilledRequests)[] = [];
  read.forEach((input, i) => {
    if (isSnsError(input)) {
      failed += `<member>${xmlFields({ Id: ids[i]!, Code: input.code, Message: input.message, SenderFault: true })}</member>`;
      return;
    }
    const { messageId, deliveries } = fanOut(state, topic, input, env);
    effects.push(...deliveries);
    successful += `<member>${xmlFields({ Id: ids[i]!, MessageId: messageId })}</member>`;
  });
  effects.push(billed('PublishBatch', total));
  return { ok: true, resultXml: `<Successful>${successful}</Successful><Failed>${failed}</Failed>`, effects };
}

const ACTIONS: Readonly<Record<string, (state: SnsServiceState, params: QueryParams, env: ServiceEnv) => Outcome>> = { Publish: publish, PublishBatch: publishBatch };

export function handleSnsRequest(state: SnsServiceState, request: ServiceRequest, env: ServiceEnv): ServiceResult<SnsServiceState, SnsServiceEffect> {
  const requestId = env.random.uuid();
  const params = parseQueryForm(request.method.toUpperCase() === 'GET' ? (request.path.split('?')[1] ?? '') : request.body);
  const action = params.get('Action') ?? '';
  const run = ACTIONS[action];
  if (!run) {
    return { state, response: snsXmlError({ code: 'InvalidAction', message: `Could not find operation ${action} for version 2010-03-31`, status: 400 }, requestId), effects: [] };
  }
  const outcome = run(state, params, env);
  if (!outcome.ok) return { state, response: snsXmlError(outcome.error, requestId), effects: [] };
  return { state, response: snsXmlResult(action, outcome.resultXml, requestId), effects: outcome.effects };
}
