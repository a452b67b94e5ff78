import { DEFAULT_CONFIG, type Architecture, type Runtime } from '../functionConfig';
import { DEFAULT_LOAD_PLAN, type LoadPlan } from '../loadPattern';
import { DEFAULT_SETTINGS, type PlatformSettings } from '../platformSettings';
import type { KeyAttribute, StreamViewType } from '../sources/dynamoTable';
import type { HttpFormat } from '../sources/httpTypes';
import type { S3EventType } from '../sources/s3Bucket';
import type { SnsFilterPolicy } from '../sources/snsTopic';
import { DEFAULT_SQS_MAPPING_SETTINGS, type SqsMappingSettings } from '../sources/sqsMappingSettings';
import { DEFAULT_STREAM_MAPPING_SETTINGS, type StartingPosition, type StreamMappingSettings } from '../sources/streamMappingSettings';

/**
 * The workspace schema (docs/link-format.md): one format for the share link,
 * the saved workspace and the export's `playground.json`. This is the
 * current version; older versions are turned into it by the ordered
 * migrations in `workspaceMigrations.ts`. A workspace holds settings, never
 * runtime contents: objects in buckets, messages in queues, records in
 * streams, environments and logs are not part of it.
 */
export const WORKSPACE_VERSION = 2;

/** A named test event kept beside the function. */
export interface SavedTestEvent {
  name: string;
  json: string;
}

/** One function: its configuration and code (FunctionConfig's fields), its test event, its saved events. */
export interface WorkspaceFunction {
  name: string;
  runtime: Runtime;
  handler: string;
  fileName: string;
  code: string;
  memoryMb: number;
  /** /tmp size in MB (512–10,240); absent means Lambda's default, 512. */
  ephemeralStorageMb?: number;
  timeoutS: number;
  environment: Record<string, string>;
  architecture: Architecture;
  networkAccess: boolean;
  /** The test event in the editor (JSON text, kept as typed). */
  event: string;
  savedEvents: SavedTestEvent[];
}

export interface S3NotificationSpec {
  id: string;
  function: string;
  events: S3EventType[];
  prefix?: string;
  suffix?: string;
}

export interface ScheduleSpec {
  name: string;
  expression: string;
  function: string;
  enabled: boolean;
}

export interface RuleSpec {
  name: string;
  /** The event pattern as JSON text, as typed. */
  pattern: string;
  function: string;
}

/** A trigger and the settings of the source behind it (never its contents). */
export type WorkspaceTrigger =
  | { type: 'http'; function: string; format: HttpFormat }
  | { type: 's3'; bucket: string; notifications: S3NotificationSpec[] }
  | { type: 'sqs'; queue: string; function: string; settings: SqsMappingSettings }
  | { type: 'sns'; topic: string; subscriptions: { function: string; filterPolicy: SnsFilterPolicy | null }[] }
  | { type: 'eventbridge'; bus: string; schedules: ScheduleSpec[]; rules: RuleSpec[] }
  | {
      type: 'dynamodb';
      table: string;
      function: string;
      partitionKey: KeyAttribute;
      sortKey?: KeyAttribute;
      streamViewType: StreamViewType;
      shards: number;
      startingPosition: StartingPosition;
      settings: StreamMappingSettings;
    }
  | { type: 'kinesis'; stream: string; function: string; shards: number; startingPosition: StartingPosition; settings: StreamMappingSettings };

export type WorkspaceTriggerType = WorkspaceTrigger['type'];
export const WORKSPACE_TRIGGER_TYPES: readonly WorkspaceTriggerType[] = ['http', 's3', 'sqs', 'sns', 'eventbridge', 'dynamodb', 'kinesis'];

export interface Workspace {
  name: string;
  /** At least one. Names should be unique (the app flags duplicates as Lambda would). */
  functions: WorkspaceFunction[];
  /** Index of the function shown in the editor. */
  selected: number;
  triggers: WorkspaceTrigger[];
  /** Concurrency and platform settings, shared by the workspace's functions. */
  concurrency: PlatformSettings;
  loadPlan: LoadPlan;
  /**
   * Scenarios of the scale simulation. Their shape belongs to the simulation;
   * this schema keeps them as they are (any JSON values) and passes them through.
   */
  scenarios: unknown[];
}

/** What a field left out of a link or a saved workspace means. */
export const FUNCTION_DEFAULTS: Omit<WorkspaceFunction, 'name'> & { name: string } = {
  ...DEFAULT_CONFIG,
  code: '',
  event: '{}',
  savedEvents: [],
};

export const WORKSPACE_DEFAULTS: Omit<Workspace, 'functions'> = {
  name: 'Untitled workspace',
  selected: 0,
  triggers: [],
  concurrency: DEFAULT_SETTINGS,
  loadPlan: DEFAULT_LOAD_PLAN,
  scenarios: [],
};

export const TRIGGER_DEFAULTS = {
  httpFormat: 'function-url' as HttpFormat,
  sqs: DEFAULT_SQS_MAPPING_SETTINGS,
  stream: DEFAULT_STREAM_MAPPING_SETTINGS,
  streamViewType: 'NEW_AND_OLD_IMAGES' as StreamViewType,
  startingPosition: 'TRIM_HORIZON' as StartingPosition,
  dynamodbShards: 1,
  kinesisShards: 2,
  partitionKey: { name: 'id', type: 'S' } as KeyAttribute,
  bus: 'playground-bus',
  scheduleEnabled: true,
};

/** The names of the functions a trigger invokes. */
export function triggerFunctions(t: WorkspaceTrigger): string[] {
  switch (t.type) {
    case 's3':
      return t.notifications.map((n) => n.function);
    case 'sns':
      return t.subscriptions.map((s) => s.function);
    case 'eventbridge':
      return [...t.schedules.map((s) => s.function), ...t.rules.map((r) => r.function)];
    default:
      return [t.function];
  }
}
