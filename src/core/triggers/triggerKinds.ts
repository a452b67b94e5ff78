import { s } from '../schema/builders';
import type { Infer } from '../schema/schema';
import { eventBridgeTriggerKind } from './eventbridge/eventBridgeTriggerKind';
import { httpTriggerKind } from './http/httpTriggerKind';
import { s3TriggerKind } from './s3/s3TriggerKind';
import { snsTriggerKind } from './sns/snsTriggerKind';
import { sqsTriggerKind } from './sqs/sqsTriggerKind';
import { dynamodbTriggerKind } from './streams/dynamodbTriggerKind';
import { kinesisTriggerKind } from './streams/kinesisTriggerKind';
import type { SamBuilder } from './triggerKind';

/** The trigger kinds, core parts: one line a kind. The live parts' registry is src/state/triggers/triggerKindsLive.ts, the views' src/ui/sources/triggerViews.tsx. */
export const TRIGGER_KINDS = {
  http: httpTriggerKind,
  s3: s3TriggerKind,
  sqs: sqsTriggerKind,
  sns: snsTriggerKind,
  eventbridge: eventBridgeTriggerKind,
  dynamodb: dynamodbTriggerKind,
  kinesis: kinesisTriggerKind,
};

type Kinds = typeof TRIGGER_KINDS;
export type TriggerType = keyof Kinds;
export const TRIGGER_TYPES = Object.keys(TRIGGER_KINDS) as TriggerType[];

const shapes = Object.fromEntries(Object.entries(TRIGGER_KINDS).map(([k, v]) => [k, v.shape])) as { [K in TriggerType]: Kinds[K]['shape'] };

/** A saved trigger: the union of every kind's saved form, told apart by `type`. */
export const triggerSchema = s.union('type', shapes);
export type SavedTrigger = Infer<typeof triggerSchema>;

type KindOf<T extends TriggerType> = { type: T; functions(t: Extract<SavedTrigger, { type: T }>): string[]; sam(t: Extract<SavedTrigger, { type: T }>, out: SamBuilder): void };
const kindOf = <T extends TriggerType>(type: T): KindOf<T> => TRIGGER_KINDS[type] as unknown as KindOf<T>;

/** The names of the functions a trigger invokes. */
export function triggerFunctions(t: SavedTrigger): string[] {
  return kindOf(t.type).functions(t as never);
}

/** The trigger's SAM events and resources. */
export function triggerSam(t: SavedTrigger, out: SamBuilder): void {
  kindOf(t.type).sam(t as never, out);
}
