import type { ObjectOf, Shape } from '../schema/objects';
import type { ResourceKind } from '../workspace/workspaceResources';
import type { YamlMap } from '../workspace/yamlEmitter';

/**
 * What a trigger kind's core part provides: its saved form (a schema shape;
 * the workspace's `triggers[]` is the union of every kind's), the functions
 * a saved trigger invokes, and its AWS SAM mapping. The live part (source
 * factory, capture, restore) is in src/state/triggers/, the view in
 * src/ui/sources/; each layer has one registry (README: "Adding an event source").
 */
export interface TriggerKindCore<Tag extends string, S extends Shape> {
  type: Tag;
  /** Fields of the saved trigger besides `type`. */
  shape: S;
  /** The functions the saved trigger invokes. */
  functions(t: SavedForm<Tag, S>): string[];
  /** The trigger as SAM events on its functions, and the resources they need. */
  sam(t: SavedForm<Tag, S>, out: SamBuilder): void;
}

/** A resource a trigger defines: its kind (as the workspace's `resources` lists it; buses only come from triggers) and its name (resourceNames.ts lists them too). */
export interface TriggerSource {
  kind: ResourceKind | 'eventBuses';
  name: string;
}

export type SavedForm<Tag extends string, S extends Shape> = { type: Tag } & ObjectOf<S>;

/** What a kind's SAM mapping may add to the template (samEvents.ts collects it). */
export interface SamBuilder {
  /** An event source on the named function (left out, with a note, when the workspace has no such function). */
  event(functionName: string, base: string, event: YamlMap): void;
  /**
   * A resource; returns its logical ID (unique in the template). The playground's name goes in a comment.
   * `source`: the trigger's source it declares, so the workspace's own resources and the functions' policies refer to it instead of declaring it again.
   */
  resource(base: string, playgroundName: string, value: YamlMap, source?: TriggerSource): string;
  /** The function gets a function URL. */
  functionUrl(functionName: string): void;
  /** The template's implicit REST API or HTTP API is used (for its Outputs). */
  api(kind: 'rest' | 'http'): void;
  /** Something the template cannot say, for the README. */
  note(text: string): void;
}

/** A kind's core part, with its types checked. */
export const triggerKind = <const Tag extends string, S extends Shape>(kind: TriggerKindCore<Tag, S>): TriggerKindCore<Tag, S> => kind;

/** The name of a function a trigger invokes (the same rule for every kind). */
export const FUNCTION_NAME_MAX = 256;
