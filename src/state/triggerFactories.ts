import { EventBridge } from '../core/sources/eventBridge';
import { HttpTrigger } from '../core/sources/httpTrigger';
import type { HttpFormat } from '../core/sources/httpTypes';
import { S3Bucket } from '../core/sources/s3Bucket';
import { SnsTopic } from '../core/sources/snsTopic';
import type { EventSource, SourceCommand } from '../core/sources/sourceTypes';
import { sourceById, sourceContext, useSources, type TriggerKind } from './sourcesStore';
import { addStreamTrigger } from './streamTriggers';
import { addSqsTrigger } from './sqsTrigger';

/** What "Add trigger" offers. */
export type TriggerChoice = 'rest-api' | 'http-api' | 'function-url' | 's3' | 'sqs' | 'sns' | 'schedule' | 'rule' | 'dynamodb' | 'kinesis';

export interface TriggerOptions {
  /** The resource's name (bucket, queue, topic, table, stream); empty = a default from the function's name. */
  name: string;
  /** The choice's one setting: a key filter, a schedule expression, an event pattern, a batch size, shards. */
  detail: string;
}

export interface TriggerChoiceSpec {
  choice: TriggerChoice;
  label: string;
  nameLabel?: string;
  namePlaceholder?: string;
  detailLabel?: string;
  detailPlaceholder?: string;
  hint?: string;
}

export const TRIGGER_CHOICES: readonly TriggerChoiceSpec[] = [
  { choice: 'function-url', label: 'Function URL', hint: 'Synchronous. The request builder shows the HTTP response the client would get.' },
  { choice: 'http-api', label: 'API Gateway HTTP API (payload 2.0)', hint: 'Synchronous, payload format 2.0, $default route.' },
  { choice: 'rest-api', label: 'API Gateway REST API (payload 1.0)', hint: 'Synchronous, proxy integration on ANY /{proxy+}.' },
  {
    choice: 's3',
    label: 'S3 bucket',
    nameLabel: 'Bucket name',
    namePlaceholder: 'my-function-uploads',
    detailLabel: 'Key filter (prefix*suffix)',
    detailPlaceholder: 'uploads/*.jpg',
    hint: 'Asynchronous: ObjectCreated and ObjectRemoved notifications. A bucket that exists gets another notification.',
  },
  { choice: 'sqs', label: 'SQS queue', nameLabel: 'Queue name', namePlaceholder: 'my-function-queue', detailLabel: 'Batch size', detailPlaceholder: '10', hint: 'An event source mapping polls the queue and invokes synchronously in batches.' },
  { choice: 'sns', label: 'SNS topic', nameLabel: 'Topic name', namePlaceholder: 'my-topic', hint: 'Asynchronous. Name a topic that exists to subscribe this function too (fan-out).' },
  { choice: 'schedule', label: 'EventBridge schedule', detailLabel: 'Schedule expression', detailPlaceholder: 'rate(1 minute)', hint: 'rate() or six-field cron(), in UTC. Asynchronous.' },
  { choice: 'rule', label: 'EventBridge rule (custom bus)', detailLabel: 'Event pattern', detailPlaceholder: '{"source":["my.app"]}', hint: 'Events put on the bus that match the pattern invoke the function asynchronously.' },
  { choice: 'dynamodb', label: 'DynamoDB stream', nameLabel: 'Table name', namePlaceholder: 'my-table', detailLabel: 'Shards', detailPlaceholder: '1' },
  { choice: 'kinesis', label: 'Kinesis stream', nameLabel: 'Stream name', namePlaceholder: 'my-stream', detailLabel: 'Shards', detailPlaceholder: '2' },
];

const HTTP_FORMATS: Record<'rest-api' | 'http-api' | 'function-url', HttpFormat> = { 'rest-api': 'rest-v1', 'http-api': 'http-v2', 'function-url': 'function-url' };

/** The one EventBridge of the workspace: the default bus for schedules, a custom bus for rules. */
export const EVENTBRIDGE_ID = 'eventbridge';
let scheduleNumber = 1;

const safeId = (prefix: string, name: string): string => `${prefix}-${name}`.replace(/[^A-Za-z0-9._-]/g, '-');

function register(kind: TriggerKind, sourceId: string, functionName: string, make: () => EventSource): void {
  const store = useSources.getState();
  if (store.triggers.some((t) => t.sourceId === sourceId)) store.addTarget(sourceId, functionName);
  else store.register({ sourceId, kind, functionNames: [functionName] }, make());
}

/** Run a source action now and say what it refused, if anything. */
function act<R extends { ok: boolean; message?: string }>(sourceId: string, action: (out: SourceCommand[]) => R): string | null {
  let result: R | undefined;
  useSources.getState().act(sourceId, (out) => {
    result = action(out);
  });
  return result && !result.ok ? (result.message ?? 'Refused') : null;
}

/** Add a trigger of the chosen kind to the function; returns a problem to show, or null. */
export function addTrigger(choice: TriggerChoice, functionName: string, options: TriggerOptions): string | null {
  try {
    switch (choice) {
      case 'rest-api':
      case 'http-api':
      case 'function-url': {
        const id = safeId(choice, functionName);
        if (useSources.getState().triggers.some((t) => t.sourceId === id)) return `${functionName} already has this trigger.`;
        register('http', id, functionName, () => new HttpTrigger(sourceContext, { id, functionName, format: HTTP_FORMATS[choice] }));
        return null;
      }
      case 's3': {
        const bucketName = options.name || `${functionName}-bucket`.toLowerCase();
        const id = safeId('s3', bucketName);
        const [prefix, suffix] = options.detail.includes('*') ? options.detail.split('*', 2) : [options.detail, ''];
        register('s3', id, functionName, () => new S3Bucket(sourceContext, { id, bucketName }));
        return act(id, (out) =>
          (sourceById<S3Bucket>(id) as S3Bucket).addNotification(
            {
              id: `${functionName}-notification`,
              functionName,
              events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'],
              ...(prefix ? { prefix } : {}),
              ...(suffix ? { suffix } : {}),
            },
            out,
          ),
        );
      }
      case 'sns': {
        const topicName = options.name || 'my-topic';
        const id = safeId('sns', topicName);
        register('sns', id, functionName, () => new SnsTopic(sourceContext, { id, topicName }));
        return act(id, (out) => (sourceById<SnsTopic>(id) as SnsTopic).subscribe(functionName, undefined, out));
      }
      case 'schedule':
      case 'rule': {
        register('eventbridge', EVENTBRIDGE_ID, functionName, () => new EventBridge(sourceContext, { id: EVENTBRIDGE_ID, busName: 'playground-bus' }));
        const bus = sourceById<EventBridge>(EVENTBRIDGE_ID) as EventBridge;
        if (choice === 'schedule') {
          const expression = options.detail || 'rate(1 minute)';
          return act(EVENTBRIDGE_ID, (out) => bus.addSchedule({ name: `${functionName}-schedule-${scheduleNumber++}`, expression, functionName, enabled: true }, out));
        }
        const pattern = options.detail || '{"source":["my.app"]}';
        return act(EVENTBRIDGE_ID, (out) => bus.addRule({ name: `${functionName}-rule-${scheduleNumber++}`, pattern, functionName }, out));
      }
      case 'sqs':
        return addSqsTrigger(functionName, options);
      case 'dynamodb':
      case 'kinesis':
        return addStreamTrigger(choice, functionName, options);
    }
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** The scale of platform waits changed: the EventBridge view's note says so (the clock itself is the workspace's PlatformClock). */
export function waitScaleChanged(): void {
  if (!sourceById(EVENTBRIDGE_ID)) return;
  useSources.getState().act(EVENTBRIDGE_ID, (out) => (sourceById<EventBridge>(EVENTBRIDGE_ID) as EventBridge).onWaitScaleChanged(out));
}
