import type { SavedTrigger } from '../triggers/triggerKinds';
import { resourceNamesIn } from './resourceNames';
import { isFifoName, type QueueResource, type ResourceKind, type ResourceOf, type TableResource, type WorkspaceResources } from './workspaceResources';

/**
 * What DynamoDB, S3, SQS and SNS refuse when a resource is created, in their
 * words (`errorType: message` as the SDK shows them): names by each
 * service's rules, a name already taken in the account (a standalone
 * resource's or a trigger's source), and the attributes' ranges.
 *
 * Sources: Amazon DynamoDB Developer Guide, "Supported data types and naming
 * rules"; Amazon S3 User Guide, "General purpose bucket naming rules"; the
 * SQS API Reference, CreateQueue (QueueName, VisibilityTimeout,
 * RedrivePolicy); the SNS API Reference, CreateTopic (Name); the wordings
 * as the services return them (quoted in public issue threads and LocalStack's
 * parity tests).
 */
export interface ResourceProblem {
  errorType: string;
  message: string;
}

const problem = (errorType: string, message: string): ResourceProblem => ({ errorType, message });

/** The problem as `ExceptionName: message`. */
export const problemText = (p: ResourceProblem): string => `${p.errorType}: ${p.message}`;

/** CreateTable's TableName: 3–255 characters of `[a-zA-Z0-9_.-]`. */
export function tableNameProblem(name: string): ResourceProblem | null {
  if (name.length < 3 || name.length > 255) {
    return problem('ValidationException', `1 validation error detected: Value '${name}' at 'tableName' failed to satisfy constraint: Member must have length ${name.length < 3 ? 'greater than or equal to 3' : 'less than or equal to 255'}`);
  }
  if (!/^[a-zA-Z0-9_.-]+$/.test(name)) {
    return problem('ValidationException', `1 validation error detected: Value '${name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`);
  }
  return null;
}

const BUCKET_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const BUCKET_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/**
 * A general purpose bucket's name: 3–63 characters, lowercase letters,
 * digits, dots and hyphens, starting and ending with a letter or digit, no
 * two dots in a row, not an IP address, none of S3's reserved prefixes and
 * suffixes.
 */
export function bucketNameProblem(name: string): ResourceProblem | null {
  const valid =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) &&
    !name.includes('..') &&
    !/^\d{1,3}(\.\d{1,3}){3}$/.test(name) &&
    !BUCKET_PREFIXES.some((p) => name.startsWith(p)) &&
    !BUCKET_SUFFIXES.some((s) => name.endsWith(s));
  return valid ? null : problem('InvalidBucketName', 'The specified bucket is not valid.');
}

/** CreateQueue's QueueName: 1–80 characters of `[a-zA-Z0-9_-]`, `.fifo` (counted in the 80) for a FIFO queue. */
export function queueNameProblem(name: string): ResourceProblem | null {
  const base = isFifoName(name) ? name.slice(0, -'.fifo'.length) : name;
  if (name.length <= 80 && /^[a-zA-Z0-9_-]+$/.test(base)) return null;
  return problem('InvalidParameterValue', 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
}

/** CreateTopic's Name: 1–256 characters of `[a-zA-Z0-9_-]`, `.fifo` (counted in the 256) for a FIFO topic. */
export function topicNameProblem(name: string): ResourceProblem | null {
  const base = isFifoName(name) ? name.slice(0, -'.fifo'.length) : name;
  if (name.length <= 256 && /^[a-zA-Z0-9_-]+$/.test(base)) return null;
  return problem('InvalidParameter', 'Invalid parameter: Topic Name');
}

function tableProblem(t: TableResource): ResourceProblem | null {
  const keys = [t.partitionKey, ...(t.sortKey ? [t.sortKey] : [])];
  for (const [i, k] of keys.entries()) {
    if (k.name.length < 1 || k.name.length > 255) {
      return problem('ValidationException', `1 validation error detected: Value '${k.name}' at 'keySchema.${i + 1}.member.attributeName' failed to satisfy constraint: Member must have length ${k.name.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 255'}`);
    }
  }
  if (t.sortKey && t.sortKey.name === t.partitionKey.name) return problem('ValidationException', 'Both the Hash Key and the Range Key element in the KeySchema have the same name');
  return null;
}

/** The redrive policy as SQS echoes it in its refusals. */
const redrive = (q: QueueResource): string => JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:123456789012:${q.deadLetterQueue ?? ''}`, maxReceiveCount: String(q.maxReceiveCount ?? '') });

function queueProblem(q: QueueResource, queues: readonly QueueResource[]): ResourceProblem | null {
  const v = q.visibilityTimeoutS;
  if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > 43_200)) return problem('InvalidAttributeValue', 'Invalid value for the parameter VisibilityTimeout.');
  if (q.deadLetterQueue === undefined && q.maxReceiveCount === undefined) return null;
  const invalid = (reason: string): ResourceProblem => problem('InvalidParameterValue', `Value ${redrive(q)} for parameter RedrivePolicy is invalid. Reason: ${reason}`);
  if (q.deadLetterQueue === undefined) return invalid('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (q.maxReceiveCount === undefined) return invalid('Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  const n = q.maxReceiveCount;
  if (!Number.isInteger(n) || n < 1 || n > 1000) return invalid(`Invalid value for maxReceiveCount: ${n}, valid values are from 1 to 1000 both inclusive.`);
  // The dead-letter queue must exist first (so a queue is never its own), and be of the same type.
  const dlq = queues.find((x) => x.name === q.deadLetterQueue && x.name !== q.name);
  if (!dlq) return invalid('Dead letter target does not exist.');
  if (isFifoName(dlq.name) !== isFifoName(q.name)) return invalid('Dead-letter queue must be same type of queue as the source.');
  return null;
}

const NAME_PROBLEM: { [K in ResourceKind]: (name: string) => ResourceProblem | null } = {
  tables: tableNameProblem,
  buckets: bucketNameProblem,
  queues: queueNameProblem,
  topics: topicNameProblem,
};

/** What the service answers when the name is already taken in the account. */
const TAKEN: { [K in ResourceKind]: (name: string) => ResourceProblem } = {
  tables: (name) => problem('ResourceInUseException', `Table already exists: ${name}`),
  buckets: () => problem('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.'),
  // Only when the attributes differ (sameResourceExists says when creating again is a no-op).
  queues: () => problem('QueueAlreadyExists', 'A queue already exists with the same name and a different value for attribute(s) VisibilityTimeout, RedrivePolicy'),
  topics: () => problem('InvalidParameter', 'Invalid parameter: Attributes Reason: Topic already exists with different attributes'),
};

/** What the service answers about a resource it does not have (DeleteTable, DeleteBucket, DeleteQueue, DeleteTopic and their updates). */
export function notFoundProblem(kind: ResourceKind, name: string): ResourceProblem {
  switch (kind) {
    case 'tables':
      return problem('ResourceNotFoundException', `Requested resource not found: Table: ${name} not found`);
    case 'buckets':
      return problem('NoSuchBucket', 'The specified bucket does not exist');
    case 'queues':
      return problem('QueueDoesNotExist', 'The specified queue does not exist.');
    case 'topics':
      return problem('NotFound', 'Topic does not exist');
  }
}

/**
 * Why the service would refuse to create `resource` (or, with `replacing`,
 * to change that resource into it) in this workspace, or null. Names are
 * unique per kind across the workspace's resources and its triggers' sources.
 */
export function resourceProblem<K extends ResourceKind>(
  kind: K,
  resource: ResourceOf<K>,
  workspace: { resources: WorkspaceResources; triggers: readonly SavedTrigger[] },
  replacing?: string,
): ResourceProblem | null {
  const named = NAME_PROBLEM[kind](resource.name);
  if (named) return named;
  if (resource.name !== replacing && resourceNamesIn(workspace)[kind].some((n) => n.name === resource.name)) return TAKEN[kind](resource.name);
  switch (kind) {
    case 'tables':
      return tableProblem(resource as TableResource);
    case 'queues':
      return queueProblem(resource as QueueResource, workspace.resources.queues);
    default:
      return null;
  }
}

const sameQueue = (a: QueueResource, b: QueueResource): boolean =>
  a.name === b.name && a.visibilityTimeoutS === b.visibilityTimeoutS && a.deadLetterQueue === b.deadLetterQueue && a.maxReceiveCount === b.maxReceiveCount;

/**
 * Whether creating it again changes nothing: SQS's CreateQueue returns an
 * existing queue of the same attributes, SNS's CreateTopic an existing topic
 * (a trigger's too: the playground's topics have no attributes).
 */
export function sameResourceExists<K extends ResourceKind>(kind: K, resource: ResourceOf<K>, workspace: { resources: WorkspaceResources; triggers: readonly SavedTrigger[] }): boolean {
  if (kind === 'topics') return resourceNamesIn(workspace).topics.some((n) => n.name === resource.name);
  if (kind === 'queues') return workspace.resources.queues.some((q) => sameQueue(q, resource as QueueResource));
  return false;
}
