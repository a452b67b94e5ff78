import { APPLICATION_LOG_LEVELS, ARCHITECTURES, DEFAULT_CONFIG, LOG_FORMATS, RUNTIMES, SYSTEM_LOG_LEVELS, TRACING_MODES } from '../functionConfig';
import { DEFAULT_LOAD_PLAN } from '../loadPattern';
import { DEFAULT_SETTINGS as C } from '../platformSettings';
import { s } from '../schema/builders';
import { SNAP_START_APPLY_ON } from '../snapStart';
import { triggerSchema } from '../triggers/triggerKinds';
import { resourcesSchema } from './resourcesSchema';

/**
 * The workspace schema (docs/link-format.md, docs/workspace.schema.json):
 * one format for the share link, the saved workspace and the export's
 * `playground.json`. Its types (workspaceTypes.ts), reader (readWorkspace.ts),
 * compact form (compactWorkspace.ts) and JSON Schema all come from here.
 * Objects are lenient (fields they do not know are ignored), so a link of a
 * newer minor change still opens; ranges are not checked here but by the
 * app, in Lambda's words, once the workspace is loaded (a saved function
 * with 64 MB opens and shows the ValidationException, it is not lost).
 *
 * A new field: add it to its object below with `.default(…)` (the value a
 * link without it means), then run `npm run schemas` to rewrite the
 * docs/*.schema.json; the type, reader, compact form and JSON Schema follow.
 */

/** The most functions, triggers, saved events and scenarios a workspace may hold (far above what the UI makes; a guard against hostile links). */
export const WORKSPACE_LIMITS = { functions: 500, triggers: 1000, savedEvents: 500, scenarios: 1000, layers: 200 } as const;

const CODE_MAX = 6 * 1024 * 1024;

export const savedEventSchema = s.object({ name: s.string(256), json: s.string(CODE_MAX) });

/** The function-level settings' fields: a function's own `concurrency`, and the same fields in the workspace's. */
const F = {
  reservedConcurrency: s.nullable(s.number()).default(C.reservedConcurrency),
  provisionedConcurrency: s.number().default(C.provisionedConcurrency),
  provisionedQualifier: s.string(128).default(C.provisionedQualifier),
  snapStart: s.optional(s.enum(SNAP_START_APPLY_ON)).describe("Lambda's SnapStart.ApplyOn; absent means None. PublishedVersions snapshots each published version (python3.12+ only)."),
  keepAliveMs: s.number().default(C.keepAliveMs),
  maximumRetryAttempts: s.number().default(C.maximumRetryAttempts),
  maximumEventAgeS: s.number().default(C.maximumEventAgeS),
  onSuccessDestination: s.boolean().default(C.onSuccessDestination),
  deadLetterQueue: s.boolean().default(C.deadLetterQueue),
};

/** A function's own settings (absent on a function: the workspace's `concurrency` gives them, as before functions had their own). */
export const functionConcurrencySchema = s.object(F);

/** FunctionConfig's fields: a function's configuration and code, as edited or as a version froze them. */
const CONFIG_FIELDS = {
  name: s.string(256).default(DEFAULT_CONFIG.name),
  runtime: s.enum(RUNTIMES).default(DEFAULT_CONFIG.runtime),
  handler: s.string(256).default(DEFAULT_CONFIG.handler),
  fileName: s.string(256).default(DEFAULT_CONFIG.fileName),
  code: s.string(CODE_MAX).default(''),
  memoryMb: s.number().default(DEFAULT_CONFIG.memoryMb),
  timeoutS: s.number().default(DEFAULT_CONFIG.timeoutS),
  environment: s.record(s.string()).default({}),
  architecture: s.enum(ARCHITECTURES).default(DEFAULT_CONFIG.architecture),
  networkAccess: s.boolean().default(DEFAULT_CONFIG.networkAccess),
  ephemeralStorageMb: s.optional(s.number()).describe('/tmp size in MB (Lambda: 512–10,240); absent means 512.'),
  logFormat: s.optional(s.enum(LOG_FORMATS)).describe("Lambda's LoggingConfig.LogFormat; absent means Text."),
  applicationLogLevel: s.optional(s.enum(APPLICATION_LOG_LEVELS)).describe('LoggingConfig.ApplicationLogLevel (JSON format only).'),
  systemLogLevel: s.optional(s.enum(SYSTEM_LOG_LEVELS)).describe('LoggingConfig.SystemLogLevel (JSON format only).'),
  tracing: s.optional(s.enum(TRACING_MODES)).describe("Lambda's TracingConfig.Mode; absent means PassThrough. Active samples requests that bring no sampling decision (X-Ray's default rule)."),
  layers: s
    .array(s.string(2048), { max: 50, item: 'layer' })
    .default([])
    .describe('Layer version ARNs (arn:aws:lambda:us-east-1:123456789012:layer:<name>:<version>), in extraction order; Lambda takes at most 5 (the app says so in its words).'),
};

/** A published version: its number and the code and configuration it froze (src/core/functionVersions.ts). */
export const versionSchema = s.object({
  version: s.number({ min: 1, int: true }),
  description: s.string(256).default(''),
  publishedAtMs: s.number().default(0).describe('When it was published, epoch ms.'),
  config: s.object(CONFIG_FIELDS),
  snapStart: s
    .optional(s.object({ seed: s.number({ int: true }), takenAtMs: s.number(), initDurationMs: s.number() }))
    .describe('The SnapStart snapshot taken when it was published: the seed its restores replay Init with, when, and the Init it ran.'),
});

/** An alias: the version it names (`$LATEST` or a number) and an optional weighted second version. */
export const aliasSchema = s.object({
  name: s.string(128),
  functionVersion: s.string(16).describe('`$LATEST` or a published version number, as text.'),
  additionalVersion: s.optional(s.number({ min: 1, int: true })),
  additionalWeight: s.optional(s.number()).describe("RoutingConfig.AdditionalVersionWeights' weight, 0–1."),
  description: s.string(256).default(''),
});

/** One function: its configuration and code (FunctionConfig's fields), its test event, its saved events, its versions and aliases. */
export const functionSchema = s.object({
  ...CONFIG_FIELDS,
  event: s.string(CODE_MAX).default('{}').describe('The test event in the editor (JSON text, kept as typed).'),
  savedEvents: s.array(savedEventSchema, { max: WORKSPACE_LIMITS.savedEvents }).default([]),
  concurrency: s
    .optional(functionConcurrencySchema)
    .describe("The function's own reserved and provisioned concurrency, keep-alive and asynchronous invocation settings; absent: those of the workspace's `concurrency`."),
  versions: s.array(versionSchema, { max: 100, item: 'version' }).default([]).describe('Published versions, oldest first.'),
  aliases: s.array(aliasSchema, { max: 100, item: 'alias' }).default([]),
});

/**
 * The account's concurrency and the playground's settings, shared by the
 * workspace's functions; its function-level fields are the selected
 * function's, and every function's that has no `concurrency` of its own.
 */
export const concurrencySchema = s.object({
  accountConcurrency: s.number().default(C.accountConcurrency),
  reservedConcurrency: F.reservedConcurrency,
  provisionedConcurrency: F.provisionedConcurrency,
  provisionedQualifier: F.provisionedQualifier,
  snapStart: F.snapStart,
  scaleBurst: s.number().default(C.scaleBurst),
  scaleWindowMs: s.number().default(C.scaleWindowMs),
  keepAliveMs: F.keepAliveMs,
  maximumRetryAttempts: F.maximumRetryAttempts,
  maximumEventAgeS: F.maximumEventAgeS,
  waitScale: s.number().default(C.waitScale),
  onSuccessDestination: F.onSuccessDestination,
  deadLetterQueue: F.deadLetterQueue,
  routing: s.enum(['most-recent', 'least-recent', 'random']).default(C.routing),
  lifetimeMinMs: s.number().default(C.lifetimeMinMs),
  lifetimeMaxMs: s.number().default(C.lifetimeMaxMs),
});

export const loadPatternSchema = s.union('kind', {
  constant: { rps: s.number() },
  ramp: { fromRps: s.number(), toRps: s.number() },
  spike: { baseRps: s.number(), spikeRps: s.number(), spikeStartS: s.number(), spikeDurationS: s.number() },
  poisson: { rps: s.number(), seed: s.number() },
  burst: { count: s.number() },
});

export const loadPlanSchema = s.object({
  pattern: loadPatternSchema.default(DEFAULT_LOAD_PLAN.pattern),
  durationS: s.number().default(DEFAULT_LOAD_PLAN.durationS),
  invocationType: s.enum(['RequestResponse', 'Event']).default(DEFAULT_LOAD_PLAN.invocationType),
});

/** A file of a layer: its path from the layer's root (`nodejs/node_modules/greet/index.js`) and its text. */
export const layerFileSchema = s.object({ path: s.string(1024), content: s.string(CODE_MAX) });

/** A published, immutable layer version (src/core/layers.ts). */
export const layerVersionSchema = s.object({
  version: s.number({ min: 1, int: true }),
  description: s.string(256).default(''),
  files: s.array(layerFileSchema, { max: 10_000, item: 'file' }).default([]),
  compatibleRuntimes: s.array(s.enum(RUNTIMES), { max: RUNTIMES.length }).default([]),
});

/** A layer of the workspace: its name and its versions, oldest first. */
export const layerSchema = s.object({
  name: s.string(140),
  versions: s.array(layerVersionSchema, { max: 1000, item: 'version' }).default([]),
});

export const workspaceSchema = s.object({
  name: s.string(200).default('Untitled workspace'),
  functions: s.array(functionSchema, { min: 1, max: WORKSPACE_LIMITS.functions, item: 'function' }).describe('At least one. Names should be unique (the app flags duplicates as Lambda would).'),
  selected: s.number({ min: 0, int: true }).default(0).describe('Index of the function shown in the editor.'),
  triggers: s.array(triggerSchema, { max: WORKSPACE_LIMITS.triggers }).default([]),
  concurrency: concurrencySchema,
  loadPlan: loadPlanSchema,
  layers: s.array(layerSchema, { max: WORKSPACE_LIMITS.layers, item: 'layer' }).default([]).describe("The workspace's Lambda layers and their published versions; functions name them by layer version ARN."),
  resources: resourcesSchema.describe(
    "The workspace's own DynamoDB tables, S3 buckets, SQS queues and SNS topics, which handlers reach with the AWS SDK (settings only, never their contents). Absent: none; the resources triggers define are the triggers'.",
  ),
  scenarios: s
    .array(s.json(), { max: WORKSPACE_LIMITS.scenarios })
    .default([])
    .describe("Scenarios of the scale simulation, passed through as they are (their shape is the simulation's: docs/scenario.schema.json)."),
});
