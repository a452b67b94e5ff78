import type { Layer } from '../layers';
import type { LoadPlan } from '../loadPattern';
import { functionSettingsOf, type FunctionSettings, type PlatformSettings } from '../platformSettings';
import type { Infer } from '../schema/schema';
import type { SqsMappingSettings } from '../sources/sqsMappingSettings';
import type { StreamMappingSettings } from '../sources/streamMappingSettings';
import type { SavedTrigger } from '../triggers/triggerKinds';
import { functionSchema, workspaceSchema } from './workspaceSchema';
import type { WorkspaceResources } from './workspaceResources';

/**
 * The workspace's types, as its schema (workspaceSchema.ts) defines them.
 * This is the current version; older versions are turned into it by the
 * ordered migrations in `workspaceMigrations.ts`. A workspace holds
 * settings, never runtime contents: objects in buckets, messages in queues,
 * records in streams, environments and logs are not part of it.
 */
export const WORKSPACE_VERSION = 2;

/** One function: its configuration and code (FunctionConfig's fields), its test event, its saved events. */
export type WorkspaceFunction = Infer<typeof functionSchema>;

/** A trigger and the settings of the source behind it (never its contents): one of the kinds in src/core/triggers/. */
export type WorkspaceTrigger = SavedTrigger;

export type Workspace = Infer<typeof workspaceSchema>;

/** A function's own settings in a workspace: its `concurrency`, or (absent) the workspace's function-level fields. */
export function functionSettingsIn(workspace: Pick<Workspace, 'concurrency'>, fn: Pick<WorkspaceFunction, 'concurrency'>): FunctionSettings {
  return fn.concurrency ?? functionSettingsOf(workspace.concurrency);
}

/** What a field left out of a link or a saved workspace means. */
export const FUNCTION_DEFAULTS = functionSchema.defaults() as WorkspaceFunction;

export const WORKSPACE_DEFAULTS = workspaceSchema.defaults() as Omit<Workspace, 'functions'>;

// The saved forms are the model's own types: these fail to compile if a schema drifts from them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Sqs = Extract<WorkspaceTrigger, { type: 'sqs' }>;
type Kinesis = Extract<WorkspaceTrigger, { type: 'kinesis' }>;
const _sameTypes: [
  Same<Workspace['concurrency'], PlatformSettings>,
  Same<NonNullable<WorkspaceFunction['concurrency']>, FunctionSettings>,
  Same<Workspace['loadPlan'], LoadPlan>,
  Same<Sqs['settings'], SqsMappingSettings>,
  Same<Kinesis['settings'], StreamMappingSettings>,
  Same<Workspace['layers'][number], Layer>,
  Same<Workspace['resources'], WorkspaceResources>,
] = [true, true, true, true, true, true, true];
void _sameTypes;
