import type { EventSource, SourceCommand } from '../../core/sources/sourceTypes';
import type { TriggerType } from '../../core/triggers/triggerKinds';
import type { WorkspaceTrigger } from '../../core/workspace/workspaceTypes';
import { useSources, type TriggerEntry } from '../sourcesStore';

/** What "Add trigger" asks for: the resource's name and the choice's one setting. */
export interface TriggerOptions {
  /** The resource's name (bucket, queue, topic, table, stream); empty = a default from the function's name. */
  name: string;
  /** The choice's one setting: a key filter, a schedule expression, an event pattern, a batch size, shards. */
  detail: string;
}

/** One entry of "Add trigger" (a kind may offer several: function URL, HTTP API, REST API). */
export interface TriggerChoiceSpec {
  choice: string;
  label: string;
  nameLabel?: string;
  namePlaceholder?: string;
  detailLabel?: string;
  detailPlaceholder?: string;
  hint?: string;
  /** Adds the trigger to the function; returns a problem to show, or null. */
  add(functionName: string, options: TriggerOptions): string | null;
}

export type SavedTriggerOf<T extends TriggerType> = Extract<WorkspaceTrigger, { type: T }>;

/**
 * A trigger kind's live part: the source factory behind "Add trigger", and
 * the way between a running source and its saved form (capture, restore).
 * The core part (saved form, SAM) is src/core/triggers/<kind>/, the view
 * src/ui/sources/.
 */
export interface TriggerKindLive<T extends TriggerType> {
  type: T;
  choices: readonly TriggerChoiceSpec[];
  /** The saved form of a registered trigger, read from its source's view; null when its source is gone. */
  capture(entry: TriggerEntry): SavedTriggerOf<T> | null;
  /** Rebuilds the source of a saved trigger; returns what was refused, in words, or null. */
  restore(saved: SavedTriggerOf<T>): string | null;
  /** Stops the source's timers and polling before it is removed. */
  dispose?(entry: TriggerEntry): void;
}

export const triggerKindLive = <T extends TriggerType>(kind: TriggerKindLive<T>): TriggerKindLive<T> => kind;

/** A source id from a prefix and a resource name. */
export const sourceIdFor = (prefix: string, name: string): string => `${prefix}-${name}`.replace(/[^A-Za-z0-9._-]/g, '-');

/** Registers the source, or adds the function to an existing source of that id (a topic or bus serving several functions). */
export function registerOrTarget(kind: TriggerType, sourceId: string, functionName: string, make: () => EventSource): void {
  const store = useSources.getState();
  if (store.triggers.some((t) => t.sourceId === sourceId)) store.addTarget(sourceId, functionName);
  else store.register({ sourceId, kind, functionNames: [functionName] }, make());
}

/** Runs a source action now and says what it refused, if anything. */
export function actNow<R extends { ok: boolean; message?: string }>(sourceId: string, action: (out: SourceCommand[]) => R): string | null {
  let result: R | undefined;
  useSources.getState().act(sourceId, (out) => {
    result = action(out);
  });
  return result && !result.ok ? (result.message ?? 'Refused') : null;
}
