import { ARCHITECTURES, RUNTIMES } from '../functionConfig';
import { LOAD_PATTERN_KINDS, type LoadPattern, type LoadPlan } from '../loadPattern';
import type { PlatformSettings } from '../platformSettings';
import { STREAM_VIEW_TYPES, type KeyAttribute } from '../sources/dynamoTable';
import { HTTP_FORMATS } from '../sources/httpTypes';
import { S3_EVENT_TYPES } from '../sources/s3Bucket';
import { parseFilterPolicy, type SnsFilterPolicy } from '../sources/snsTopic';
import type { SqsMappingSettings } from '../sources/sqsMappingSettings';
import type { StreamMappingSettings } from '../sources/streamMappingSettings';
import { FieldReader, SchemaProblem } from './fieldReader';
import {
  FUNCTION_DEFAULTS,
  TRIGGER_DEFAULTS,
  WORKSPACE_DEFAULTS,
  WORKSPACE_TRIGGER_TYPES,
  type Workspace,
  type WorkspaceFunction,
  type WorkspaceTrigger,
} from './workspaceTypes';

/** The most functions and triggers a workspace may hold (far above what the UI makes; a guard against hostile links). */
export const WORKSPACE_LIMITS = { functions: 500, triggers: 1000, savedEvents: 500, scenarios: 1000 } as const;

const CODE_MAX = 6 * 1024 * 1024;

function readFunction(value: unknown, path: string): WorkspaceFunction {
  const r = FieldReader.of(value, path);
  const d = FUNCTION_DEFAULTS;
  return {
    name: r.string('name', d.name, 256),
    runtime: r.oneOf('runtime', RUNTIMES, d.runtime),
    handler: r.string('handler', d.handler, 256),
    fileName: r.string('fileName', d.fileName, 256),
    code: r.string('code', d.code, CODE_MAX),
    memoryMb: r.number('memoryMb', d.memoryMb),
    timeoutS: r.number('timeoutS', d.timeoutS),
    environment: r.stringMap('environment', {}),
    architecture: r.oneOf('architecture', ARCHITECTURES, d.architecture),
    networkAccess: r.boolean('networkAccess', d.networkAccess),
    event: r.string('event', d.event, CODE_MAX),
    ...(r.has('ephemeralStorageMb') ? { ephemeralStorageMb: r.number('ephemeralStorageMb') } : {}),
    savedEvents: r.array(
      'savedEvents',
      (item, p) => {
        const e = FieldReader.of(item, p);
        return { name: e.string('name', undefined, 256), json: e.string('json', undefined, CODE_MAX) };
      },
      [],
      WORKSPACE_LIMITS.savedEvents,
    ),
  };
}

function readSqsSettings(r: FieldReader): SqsMappingSettings {
  const d = TRIGGER_DEFAULTS.sqs;
  return {
    batchSize: r.number('batchSize', d.batchSize),
    maximumBatchingWindowS: r.number('maximumBatchingWindowS', d.maximumBatchingWindowS),
    maximumConcurrency: r.nullableNumber('maximumConcurrency', d.maximumConcurrency),
    visibilityTimeoutS: r.number('visibilityTimeoutS', d.visibilityTimeoutS),
    maxReceiveCount: r.nullableNumber('maxReceiveCount', d.maxReceiveCount),
    reportBatchItemFailures: r.boolean('reportBatchItemFailures', d.reportBatchItemFailures),
    enabled: r.boolean('enabled', d.enabled),
  };
}

function readStreamSettings(r: FieldReader): StreamMappingSettings {
  const d = TRIGGER_DEFAULTS.stream;
  return {
    batchSize: r.number('batchSize', d.batchSize),
    maximumBatchingWindowS: r.number('maximumBatchingWindowS', d.maximumBatchingWindowS),
    parallelizationFactor: r.number('parallelizationFactor', d.parallelizationFactor),
    maximumRetryAttempts: r.number('maximumRetryAttempts', d.maximumRetryAttempts),
    maximumRecordAgeS: r.number('maximumRecordAgeS', d.maximumRecordAgeS),
    bisectBatchOnFunctionError: r.boolean('bisectBatchOnFunctionError', d.bisectBatchOnFunctionError),
    reportBatchItemFailures: r.boolean('reportBatchItemFailures', d.reportBatchItemFailures),
  };
}

function readKey(r: FieldReader, key: string, fallback?: KeyAttribute): KeyAttribute {
  if (!r.has(key) && fallback) return fallback;
  const k = r.object(key);
  return { name: k.string('name', undefined, 255), type: k.oneOf('type', ['S', 'N'] as const) };
}

function readPolicy(r: FieldReader): SnsFilterPolicy | null {
  if (!r.has('filterPolicy') || r.value.filterPolicy === null) return null;
  const p = r.object('filterPolicy');
  // What SNS would accept on subscribe (snsTopic.ts), nothing more.
  const parsed = parseFilterPolicy(p.value as SnsFilterPolicy);
  if (!parsed.ok) throw new SchemaProblem(p.path, parsed.message.replace('Invalid parameter: FilterPolicy: ', ''));
  return parsed.policy;
}

function readTrigger(value: unknown, path: string): WorkspaceTrigger {
  const r = FieldReader.of(value, path);
  const type = r.oneOf('type', WORKSPACE_TRIGGER_TYPES);
  const fn = (): string => r.string('function', undefined, 256);
  const D = TRIGGER_DEFAULTS;
  switch (type) {
    case 'http':
      return { type, function: fn(), format: r.oneOf('format', HTTP_FORMATS, D.httpFormat) };
    case 's3':
      return {
        type,
        bucket: r.string('bucket', undefined, 255),
        notifications: r.array('notifications', (item, p) => {
          const n = FieldReader.of(item, p);
          const prefix = n.has('prefix') ? n.string('prefix') : undefined;
          const suffix = n.has('suffix') ? n.string('suffix') : undefined;
          return {
            id: n.string('id', undefined, 255),
            function: n.string('function', undefined, 256),
            events: n.array('events', (e, ep) => {
              if (typeof e !== 'string' || !(S3_EVENT_TYPES as readonly string[]).includes(e)) throw new SchemaProblem(ep, `expected one of ${S3_EVENT_TYPES.join(', ')}`);
              return e as (typeof S3_EVENT_TYPES)[number];
            }),
            ...(prefix !== undefined ? { prefix } : {}),
            ...(suffix !== undefined ? { suffix } : {}),
          };
        }, []),
      };
    case 'sqs':
      return { type, queue: r.string('queue', undefined, 255), function: fn(), settings: readSqsSettings(r.object('settings', {})) };
    case 'sns':
      return {
        type,
        topic: r.string('topic', undefined, 256),
        subscriptions: r.array('subscriptions', (item, p) => {
          const s = FieldReader.of(item, p);
          return { function: s.string('function', undefined, 256), filterPolicy: readPolicy(s) };
        }, []),
      };
    case 'eventbridge':
      return {
        type,
        bus: r.string('bus', D.bus, 256),
        schedules: r.array('schedules', (item, p) => {
          const s = FieldReader.of(item, p);
          return { name: s.string('name', undefined, 64), expression: s.string('expression', undefined, 256), function: s.string('function', undefined, 256), enabled: s.boolean('enabled', D.scheduleEnabled) };
        }, []),
        rules: r.array('rules', (item, p) => {
          const s = FieldReader.of(item, p);
          return { name: s.string('name', undefined, 64), pattern: s.string('pattern', undefined, 4096), function: s.string('function', undefined, 256) };
        }, []),
      };
    case 'dynamodb': {
      const sortKey = r.has('sortKey') ? readKey(r, 'sortKey') : undefined;
      return {
        type,
        table: r.string('table', undefined, 255),
        function: fn(),
        partitionKey: readKey(r, 'partitionKey', { ...D.partitionKey }),
        ...(sortKey ? { sortKey } : {}),
        streamViewType: r.oneOf('streamViewType', STREAM_VIEW_TYPES, D.streamViewType),
        shards: r.number('shards', D.dynamodbShards),
        startingPosition: r.oneOf('startingPosition', ['TRIM_HORIZON', 'LATEST'] as const, D.startingPosition),
        settings: readStreamSettings(r.object('settings', {})),
      };
    }
    case 'kinesis':
      return {
        type,
        stream: r.string('stream', undefined, 128),
        function: fn(),
        shards: r.number('shards', D.kinesisShards),
        startingPosition: r.oneOf('startingPosition', ['TRIM_HORIZON', 'LATEST'] as const, D.startingPosition),
        settings: readStreamSettings(r.object('settings', {})),
      };
  }
}

function readSettings(r: FieldReader): PlatformSettings {
  const d = WORKSPACE_DEFAULTS.concurrency;
  return {
    accountConcurrency: r.number('accountConcurrency', d.accountConcurrency),
    reservedConcurrency: r.nullableNumber('reservedConcurrency', d.reservedConcurrency),
    provisionedConcurrency: r.number('provisionedConcurrency', d.provisionedConcurrency),
    scaleBurst: r.number('scaleBurst', d.scaleBurst),
    scaleWindowMs: r.number('scaleWindowMs', d.scaleWindowMs),
    keepAliveMs: r.number('keepAliveMs', d.keepAliveMs),
    maximumRetryAttempts: r.number('maximumRetryAttempts', d.maximumRetryAttempts),
    maximumEventAgeS: r.number('maximumEventAgeS', d.maximumEventAgeS),
    waitScale: r.number('waitScale', d.waitScale),
  };
}

function readPattern(r: FieldReader): LoadPattern {
  const kind = r.oneOf('kind', LOAD_PATTERN_KINDS);
  switch (kind) {
    case 'constant':
      return { kind, rps: r.number('rps') };
    case 'ramp':
      return { kind, fromRps: r.number('fromRps'), toRps: r.number('toRps') };
    case 'spike':
      return { kind, baseRps: r.number('baseRps'), spikeRps: r.number('spikeRps'), spikeStartS: r.number('spikeStartS'), spikeDurationS: r.number('spikeDurationS') };
    case 'poisson':
      return { kind, rps: r.number('rps'), seed: r.number('seed') };
    case 'burst':
      return { kind, count: r.number('count') };
  }
}

function readPlan(r: FieldReader): LoadPlan {
  const d = WORKSPACE_DEFAULTS.loadPlan;
  return {
    pattern: r.has('pattern') ? readPattern(r.object('pattern')) : { ...d.pattern },
    durationS: r.number('durationS', d.durationS),
    invocationType: r.oneOf('invocationType', ['RequestResponse', 'Event'] as const, d.invocationType),
  };
}

/**
 * A workspace of the current version from its JSON (compact or full): every
 * left-out field takes its default. Throws a SchemaProblem naming the first
 * field that is wrong.
 */
export function readWorkspace(value: unknown): Workspace {
  const r = FieldReader.of(value, '');
  const d = WORKSPACE_DEFAULTS;
  const functions = r.array('functions', readFunction, undefined, WORKSPACE_LIMITS.functions);
  if (functions.length === 0) throw new SchemaProblem('functions', 'a workspace has at least one function');
  const selected = r.number('selected', d.selected);
  if (!Number.isInteger(selected) || selected < 0 || selected >= functions.length) throw new SchemaProblem('selected', `expected a function index from 0 to ${functions.length - 1}`);
  const scenarios = r.json('scenarios', []);
  if (!Array.isArray(scenarios)) throw new SchemaProblem('scenarios', 'expected a list');
  if (scenarios.length > WORKSPACE_LIMITS.scenarios) throw new SchemaProblem('scenarios', `more than ${WORKSPACE_LIMITS.scenarios} items`);
  return {
    name: r.string('name', d.name, 200),
    functions,
    selected,
    triggers: r.array('triggers', readTrigger, [], WORKSPACE_LIMITS.triggers),
    concurrency: readSettings(r.object('concurrency', {})),
    loadPlan: readPlan(r.object('loadPlan', {})),
    scenarios: scenarios as unknown[],
  };
}
