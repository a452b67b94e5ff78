import type { TriggerType } from '../../core/triggers/triggerKinds';
import type { WorkspaceTrigger } from '../../core/workspace/workspaceTypes';
import type { TriggerEntry } from '../sourcesStore';
import { adoptTriggerKinds } from '../triggerSpecs';
import { eventBridgeTriggerLive } from './eventbridge/eventBridgeTriggerLive';
import { httpTriggerLive } from './http/httpTriggerLive';
import { s3TriggerLive } from './s3/s3TriggerLive';
import { snsTriggerLive } from './sns/snsTriggerLive';
import { sqsTriggerLive } from './sqs/sqsTriggerLive';
import { dynamodbTriggerLive, kinesisTriggerLive } from './streams/streamTriggersLive';
import type { TriggerChoiceSpec, TriggerKindLive } from './triggerKindLive';

/** The trigger kinds, live parts: one line a kind (the core parts: src/core/triggers/triggerKinds.ts). */
export const TRIGGER_KINDS_LIVE: { [T in TriggerType]: TriggerKindLive<T> } = {
  http: httpTriggerLive,
  s3: s3TriggerLive,
  sqs: sqsTriggerLive,
  sns: snsTriggerLive,
  eventbridge: eventBridgeTriggerLive,
  dynamodb: dynamodbTriggerLive,
  kinesis: kinesisTriggerLive,
};

const liveOf = <T extends TriggerType>(type: T): TriggerKindLive<TriggerType> => TRIGGER_KINDS_LIVE[type] as unknown as TriggerKindLive<TriggerType>;

/** What "Add trigger" offers, kind by kind. */
export const TRIGGER_CHOICES: readonly TriggerChoiceSpec[] = Object.values(TRIGGER_KINDS_LIVE).flatMap((k) => k.choices);

export const captureTrigger = (entry: TriggerEntry): WorkspaceTrigger | null => liveOf(entry.kind).capture(entry);
export const restoreTrigger = (saved: WorkspaceTrigger): string | null => liveOf(saved.type).restore(saved as never);
export const disposeTrigger = (entry: TriggerEntry): void => liveOf(entry.kind).dispose?.(entry);

// Loaded however (the Triggers view, a workspace with triggers): the workspace's save and restore can reach the kinds from now on.
adoptTriggerKinds({ captureTrigger, restoreTrigger, disposeTrigger });
