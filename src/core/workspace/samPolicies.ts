import type { FunctionLayout } from './exportLayout';
import type { ResourceKind } from './workspaceResources';
import { getAtt, ref, type YamlMap, type YamlNode } from './yamlEmitter';
import type { WorkspaceFunction } from './workspaceTypes';

/**
 * SAM policy templates for the AWS SDK calls a function's code makes.
 *
 * The rule: a function that imports an SDK client (`@aws-sdk/client-dynamodb`
 * or `@aws-sdk/lib-dynamodb`, `client-s3`, `client-sqs`, `client-sns`,
 * `client-eventbridge`, `client-lambda`, by `import`, `require` or
 * `import()`; in Python `boto3.client('dynamodb')` or `boto3.resource(…)`)
 * gets that service's policy template once for each resource of the kind the
 * client reaches (a workspace resource or a trigger's source; for Lambda,
 * another function of the workspace) whose name appears in its code or in
 * one of its environment variables' values, as a whole name: not next to a
 * letter, digit, `_`, `-` or `.` (so `orders` is not found in `orders-dlq`
 * or `orders.fifo`). A client that names no such resource gets no policy and
 * a note, except EventBridge, which always may put events on the default bus.
 * SQSPollerPolicy is added beside SQSSendMessagePolicy when the code says
 * `ReceiveMessage` (or boto3's `receive_message`).
 */

interface Client {
  service: string;
  /** The code imports the client. */
  pattern: RegExp;
  /** What it reaches: a resource kind, a bus, or another function. */
  reaches: ResourceKind | 'eventBuses' | 'functions';
  /** The policy templates for one resource, from its logical ID. */
  policies(id: string, code: string): YamlMap[];
}

const imports = (packages: string, boto3: string): RegExp => new RegExp(`['"\`]@aws-sdk/(?:${packages})['"\`]|boto3\\.(?:client|resource)\\(\\s*['"]${boto3}['"]`);

const CLIENTS: readonly Client[] = [
  { service: 'DynamoDB', pattern: imports('client-dynamodb|lib-dynamodb', 'dynamodb'), reaches: 'tables', policies: (id) => [{ DynamoDBCrudPolicy: { TableName: ref(id) } }] },
  { service: 'S3', pattern: imports('client-s3', 's3'), reaches: 'buckets', policies: (id) => [{ S3CrudPolicy: { BucketName: ref(id) } }] },
  {
    service: 'SQS',
    pattern: imports('client-sqs', 'sqs'),
    reaches: 'queues',
    policies: (id, code) => [{ SQSSendMessagePolicy: { QueueName: getAtt(id, 'QueueName') } }, ...(/ReceiveMessage|receive_message/.test(code) ? [{ SQSPollerPolicy: { QueueName: getAtt(id, 'QueueName') } }] : [])],
  },
  { service: 'SNS', pattern: imports('client-sns', 'sns'), reaches: 'topics', policies: (id) => [{ SNSPublishMessagePolicy: { TopicName: getAtt(id, 'TopicName') } }] },
  { service: 'EventBridge', pattern: imports('client-eventbridge', 'events'), reaches: 'eventBuses', policies: (id) => [{ EventBridgePutEventsPolicy: { EventBusName: getAtt(id, 'Name') } }] },
  { service: 'Lambda', pattern: imports('client-lambda', 'lambda'), reaches: 'functions', policies: (id) => [{ LambdaInvokePolicy: { FunctionName: ref(id) } }] },
];

const NAME_CHAR = /[A-Za-z0-9_.-]/;

/** Whether `name` appears in `text` as a whole name (the rule above). */
export function namesResource(text: string, name: string): boolean {
  if (name === '') return false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = text[at - 1];
    const after = text[at + name.length];
    if ((before === undefined || !NAME_CHAR.test(before)) && (after === undefined || !NAME_CHAR.test(after))) return true;
  }
  return false;
}

/**
 * The function's `Policies:` (absent when it calls no SDK client) and notes
 * on clients that name nothing of the template. `ids` are the logical IDs of
 * the template's named resources by `sourceKey` (samEvents.ts: `kind:name`); `layout` its functions.
 */
export function functionPolicies(fn: WorkspaceFunction, ids: ReadonlyMap<string, string>, layout: readonly FunctionLayout[]): { policies: YamlNode[] | undefined; notes: string[] } {
  const texts = [fn.code, ...Object.values(fn.environment)];
  const named = (name: string): boolean => texts.some((t) => namesResource(t, name));
  const policies: YamlMap[] = [];
  const notes: string[] = [];
  for (const client of CLIENTS) {
    if (!client.pattern.test(fn.code)) continue;
    const targets =
      client.reaches === 'functions'
        ? layout.filter((l) => l.fn !== fn && named(l.fn.name)).map((l) => l.logicalId)
        : [...ids].filter(([key]) => key.startsWith(`${client.reaches}:`) && named(key.slice(client.reaches.length + 1))).map(([, id]) => id);
    if (client.reaches === 'eventBuses') policies.push({ EventBridgePutEventsPolicy: { EventBusName: 'default' } });
    else if (targets.length === 0) notes.push(`${fn.name} imports the ${client.service} client but names none of the workspace's ${client.reaches === 'functions' ? 'other functions' : client.reaches}: no ${client.service} policy was added (name it in the code or an environment variable).`);
    for (const id of targets) policies.push(...client.policies(id, fn.code));
  }
  return { policies: policies.length > 0 ? policies : undefined, notes };
}
