import { pascalCase, uniqueId } from './exportLayout';
import { sourceKey } from './samEvents';
import { isFifoName, type QueueResource, type TableResource, type WorkspaceResources } from './workspaceResources';
import { getAtt, type YamlMap } from './yamlEmitter';

/** The workspace's own resources in a SAM template. */
export interface SamResources {
  /** The resources to add (comment lines name each one as the playground does). */
  resources: YamlMap;
  /** The logical ID of every named resource of the template, by `sourceKey`: the triggers' sources and the workspace's own. */
  ids: Map<string, string>;
  notes: string[];
}

function tableProperties(t: TableResource): YamlMap {
  const keys = [t.partitionKey, ...(t.sortKey ? [t.sortKey] : [])];
  return {
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keys.map((k) => ({ AttributeName: k.name, AttributeType: k.type })),
    KeySchema: keys.map((k, i) => ({ AttributeName: k.name, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    StreamSpecification: t.stream ? { StreamViewType: 'NEW_AND_OLD_IMAGES' } : undefined,
  };
}

/**
 * The workspace's tables (AWS::DynamoDB::Table, on demand, with a stream
 * when it has one), buckets (AWS::S3::Bucket), queues (AWS::SQS::Queue, the
 * redrive policy to its dead-letter queue's Arn) and topics (AWS::SNS::Topic).
 * One a trigger already declares (`triggerSources`, from samEvents.ts) is not
 * declared again: the trigger's is that resource. Names are left to
 * CloudFormation, as the triggers' are, except FIFO queues and topics, which
 * must be named `….fifo`.
 */
export function samResources(workspace: { resources: WorkspaceResources }, triggerSources: ReadonlyMap<string, string>, taken: Set<string>): SamResources {
  const out: SamResources = { resources: {}, ids: new Map(triggerSources), notes: [] };
  const r = workspace.resources;
  let comments = 0;
  // IDs first: a queue's redrive policy may name a queue listed after it.
  const declare = (kind: keyof WorkspaceResources, name: string, suffix: string, what: string): string | null => {
    const key = sourceKey({ kind, name });
    if (out.ids.has(key)) {
      out.notes.push(`The ${what} ${name} is also a trigger's source: the template declares it once, as the trigger's.`);
      return null;
    }
    const id = uniqueId(`${pascalCase(name, 'Playground')}${suffix}`, taken);
    out.ids.set(key, id);
    out.resources[`# resource ${++comments}`] = `${what} ${name} in the playground`;
    out.resources[id] = null;
    return id;
  };
  const fill = (id: string | null, value: YamlMap): void => {
    if (id !== null) out.resources[id] = value;
  };
  const tables = r.tables.map((t) => [declare('tables', t.name, 'Table', 'DynamoDB table'), t] as const);
  const buckets = r.buckets.map((b) => declare('buckets', b.name, 'Bucket', 'S3 bucket'));
  const queues = r.queues.map((q) => [declare('queues', q.name, 'Queue', 'SQS queue'), q] as const);
  const topics = r.topics.map((t) => [declare('topics', t.name, 'Topic', 'SNS topic'), t] as const);
  for (const [id, t] of tables) fill(id, { Type: 'AWS::DynamoDB::Table', Properties: tableProperties(t) });
  for (const id of buckets) fill(id, { Type: 'AWS::S3::Bucket' });
  for (const [id, q] of queues) fill(id, { Type: 'AWS::SQS::Queue', Properties: queueProperties(q, out) });
  for (const [id, t] of topics) fill(id, { Type: 'AWS::SNS::Topic', Properties: isFifoName(t.name) ? { FifoTopic: true, TopicName: t.name } : undefined });
  return out;
}

function queueProperties(q: QueueResource, out: SamResources): YamlMap {
  const dlq = q.deadLetterQueue !== undefined ? out.ids.get(sourceKey({ kind: 'queues', name: q.deadLetterQueue })) : undefined;
  if (q.deadLetterQueue !== undefined && dlq === undefined) out.notes.push(`The queue ${q.name} names ${q.deadLetterQueue} as its dead-letter queue, which is not in the workspace: its redrive policy is left out.`);
  return {
    ...(isFifoName(q.name) ? { FifoQueue: true, QueueName: q.name } : {}),
    VisibilityTimeout: q.visibilityTimeoutS,
    RedrivePolicy: dlq !== undefined && q.maxReceiveCount !== undefined ? { deadLetterTargetArn: getAtt(dlq, 'Arn'), maxReceiveCount: q.maxReceiveCount } : undefined,
  };
}
