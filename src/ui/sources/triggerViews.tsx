import type { ReactNode } from 'react';
import type { TriggerType } from '../../core/triggers/triggerKinds';
import { EventBridgeTriggerView } from './eventbridge/EventBridgeTriggerView';
import { HttpTriggerView } from './http/HttpTriggerView';
import { S3TriggerView } from './s3/S3TriggerView';
import { SnsTriggerView } from './sns/SnsTriggerView';
import { SqsTriggerView } from './sqs/SqsTriggerView';
import { StreamTriggerView } from './streams/StreamTriggerView';

/** A trigger kind's view: what the trigger list calls it, and its source shown and wired to the store. */
export interface TriggerKindView {
  label: string;
  View: (props: { sourceId: string }) => ReactNode;
}

/** The trigger kinds, views: one line a kind (the core parts: src/core/triggers/triggerKinds.ts; the live parts: src/state/triggers/triggerKindsLive.ts). */
export const TRIGGER_VIEWS: { [T in TriggerType]: TriggerKindView } = {
  http: { label: 'API endpoint', View: HttpTriggerView },
  s3: { label: 'S3 bucket', View: S3TriggerView },
  sqs: { label: 'SQS queue', View: SqsTriggerView },
  sns: { label: 'SNS topic', View: SnsTriggerView },
  eventbridge: { label: 'EventBridge', View: EventBridgeTriggerView },
  dynamodb: { label: 'DynamoDB stream', View: StreamTriggerView },
  kinesis: { label: 'Kinesis stream', View: StreamTriggerView },
};
