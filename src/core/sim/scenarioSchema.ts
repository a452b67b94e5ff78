import { parseScheduleExpression } from '../sources/scheduleExpression';
import { ARCHITECTURES, RUNTIMES } from '../functionConfig';
import { s } from '../schema/builders';
import { MAX_REPLAY_MINUTES } from './replayCsv';
import { DEFAULT_HYBRID as H, DEFAULT_SCENARIO as D } from './scenario';

/**
 * The scenario file's schema (docs/scenario.md, docs/scenario.schema.json):
 * the reader with its problems' paths, the defaults and the JSON Schema
 * come from here. Every field but `version` may be left out. Objects are
 * strict: a field the format does not have is a problem (a misspelt field
 * would otherwise be silently ignored). A new field: add it below with its
 * range and `.default(…)`, add it to the Scenario type (scenario.ts; the
 * compile-time check in scenarioFile.ts fails until both agree), then run
 * `npm run schemas`.
 */
export const SCENARIO_LIMITS = {
  durationS: { min: 1, max: 31 * 86_400 },
  rps: { max: 100_000 },
  burst: { max: 1_000_000 },
  arrivals: { max: 2_000_000_000 },
  seed: { max: 4_294_967_295 },
  durationMs: { max: 900_000 },
  keepAliveMinutes: { min: 1 / 60, max: 360 },
} as const;

const L = SCENARIO_LIMITS;
const rps = () => s.number({ min: 0, max: L.rps.max });
const seed = () => s.number({ min: 0, max: L.seed.max, int: true });
const ms = (min = 0) => s.number({ min, max: L.durationMs.max });
/** Left out: the scenario's own seed (scenarioFile.ts fills it in). */
const trafficSeed = () => s.optional(seed().describe("Default: the scenario's seed."));

export const trafficSchema = s
  .union(
    'kind',
    {
      constant: { rps: rps().default(10) },
      ramp: { fromRps: rps().default(0), toRps: rps().default(100) },
      spike: { baseRps: rps().default(10), spikeRps: rps().default(100), spikeStartS: s.number({ min: 0 }).default(0), spikeDurationS: s.number({ min: 0 }).default(60) },
      poisson: { rps: rps().default(10), seed: trafficSeed() },
      burst: { count: s.number({ min: 1, max: L.burst.max, int: true }).default(100) },
      daily: { minRps: rps().default(1), peakRps: rps().default(100), peakHour: s.number({ min: 0, max: 24 }).default(14), poisson: s.boolean().default(false), seed: trafficSeed() },
      replay: {
        perMinute: s.array(s.number({ min: 0 }), { min: 1, max: MAX_REPLAY_MINUTES, item: 'count of requests' }).describe('Requests per minute, minute by minute; repeated when the run is longer.'),
        scale: s.number({ min: 0, max: 1_000_000 }).default(1),
        poisson: s.boolean().default(false),
        seed: trafficSeed(),
      },
    },
    { strict: true, defaultTag: 'constant' },
  )
  .describe("The first five kinds are live mode's load patterns.");

export const durationModelSchema = s.union(
  'model',
  {
    fixed: { ms: ms() },
    normal: { meanMs: ms(), sdMs: ms() },
    lognormal: { meanMs: ms(0.001), sdMs: ms() },
    exponential: { meanMs: ms() },
    profiled: {
      samplesMs: s.array(ms(), { min: 1, item: 'measured duration (run the function live at this memory size first)' }),
      memoryMb: s.optional(s.number({ min: 128, max: 10_240, int: true })),
    },
  },
  { strict: true },
);

const percent = () => s.number({ min: 0, max: 100 });

export const keepAliveSchema = s.union(
  'policy',
  {
    fixed: { minutes: s.number({ min: L.keepAliveMinutes.min, max: L.keepAliveMinutes.max }).default(10) },
    hybrid: {
      rangeMinutes: s.number({ min: 1, max: 24 * 60 }).default(H.rangeMinutes),
      binMinutes: s.number({ min: 1 / 60, max: 60 }).default(H.binMinutes),
      headPercentile: percent().default(H.headPercentile),
      tailPercentile: percent().default(H.tailPercentile),
      marginPercent: percent().default(H.marginPercent),
      cvThreshold: s.number({ min: 0, max: 1000 }).default(H.cvThreshold),
      minObservations: s.number({ min: 0, max: 1_000_000 }).default(H.minObservations),
      outOfBoundsPercent: percent().default(H.outOfBoundsPercent),
    },
  },
  { strict: true },
);

export const sourceSchema = s
  .union(
    'kind',
    {
      sqs: {
        batchSize: s.number({ min: 1, max: 10_000, int: true }).default(10).describe('Above 10 needs a batching window of at least 1 s.'),
        maximumBatchingWindowS: s.number({ min: 0, max: 300, int: true }).default(0),
        maximumConcurrency: s.nullable(s.number({ min: 2, max: 1000, int: true })).default(null).describe('ScalingConfig.MaximumConcurrency; null: up to 1,250 pollers.'),
        visibilityTimeoutS: s.number({ min: 0, max: 43_200, int: true }).default(30).describe("The queue's; at least the function's timeout."),
        maxReceiveCount: s.nullable(s.number({ min: 1, max: 1000, int: true })).default(null).describe('Redrive policy; null: no dead-letter queue.'),
        messageFailureRate: s.number({ min: 0, max: 1 }).default(0).describe('Share of messages whose processing fails; a batch with one fails as a whole.'),
      },
      kinesis: {
        shards: s.number({ min: 1, max: 20, int: true }).default(1),
        batchSize: s.number({ min: 1, max: 10_000, int: true }).default(100),
        maximumBatchingWindowS: s.number({ min: 0, max: 300, int: true }).default(0),
        parallelizationFactor: s.number({ min: 1, max: 10, int: true }).default(1).describe('Concurrent batches per shard.'),
        maximumRetryAttempts: s.number({ min: -1, max: 10_000, int: true }).default(-1).describe('−1: retry until the record expires.'),
        bisectBatchOnFunctionError: s.boolean().default(false),
        messageFailureRate: s.number({ min: 0, max: 1 }).default(0).describe('Share of records whose processing fails; a batch with one fails as a whole.'),
      },
      eventbridge: {
        schedule: s
          .nullable(s.string())
          .default(null)
          .refine((e) => {
            if (e === null) return null;
            const parsed = parseScheduleExpression(e);
            return parsed.ok ? null : parsed.message;
          })
          .describe('rate(…) or cron(…): a schedule rule that also invokes the function; null: none.'),
        messageFailureRate: s.number({ min: 0, max: 1 }).default(0).describe("Share of events whose handler fails (Lambda's asynchronous retries follow)."),
      },
    },
    { strict: true },
  )
  .describe(
    'An event source in front of the function: an SQS queue (each arrival sends one message), a Kinesis stream (each arrival puts one record), or EventBridge (each arrival puts one event; a schedule may invoke too).',
  );

export const scenarioSchema = s.strictObject({
  $schema: s.optional(s.string()),
  version: s.literal(1).describe('Format version.'),
  name: s.optional(s.string()),
  seed: seed().default(D.seed).describe('Seeds durations, errors and ids.'),
  durationS: s.number(L.durationS).default(D.durationS).describe('Simulated time in seconds (up to 31 days).'),
  traffic: trafficSchema.default(D.traffic),
  invocationType: s.enum(['RequestResponse', 'Event']).default(D.invocationType),
  function: s.strictObject({
    memoryMb: s.number({ min: 128, max: 10_240, int: true }).default(D.function.memoryMb),
    timeoutS: s.number({ min: 1, max: 900, int: true }).default(D.function.timeoutS),
    architecture: s.enum(ARCHITECTURES).default(D.function.architecture),
    runtime: s.enum(RUNTIMES).default(D.function.runtime),
    ephemeralStorageMb: s.optional(s.number({ min: 512, max: 10_240, int: true })).describe('/tmp size; above 512 MB it is billed.'),
  }),
  duration: durationModelSchema.default(D.duration).describe("The handler's Duration at this memory size."),
  cpu: s
    .optional(
      s.strictObject({
        memoryMb: s.number({ min: 128, max: 10_240, int: true }).describe('The memory size the duration model was stated (or measured) at.'),
        cpuFraction: s.number({ min: 0, max: 1 }).describe('Share of Duration that is CPU-bound: it scales with the CPU share of the memory size, as in live mode.'),
      }),
    )
    .describe('Memory → CPU: present, the duration model is stated at cpu.memoryMb and its CPU-bound part scales with the function\'s memory.'),
  initDuration: durationModelSchema.default(D.initDuration).describe('Init Duration of a cold start.'),
  snapStart: s
    .optional(s.strictObject({ afterRestoreDuration: durationModelSchema.describe('Runtime load and after-restore hooks of a restore: Billed Restore Duration.') }))
    .describe(
      'SnapStart (python3.12+ only): the function is a published version with a snapshot; cold starts restore it (a modelled 400 ms snapshot restore plus afterRestoreDuration) instead of running Init, and the snapshot is billed for caching.',
    ),
  errorRate: s.number({ min: 0, max: 1 }).default(D.errorRate).describe('Share of invocations whose handler throws.'),
  keepAlive: keepAliveSchema.default(D.keepAlive),
  concurrency: s.strictObject({
    accountConcurrency: s.number({ min: 1, max: 100_000, int: true }).default(D.concurrency.accountConcurrency),
    reservedConcurrency: s.nullable(s.number({ min: 0, max: 100_000, int: true })).default(D.concurrency.reservedConcurrency),
    provisionedConcurrency: s.number({ min: 0, max: 1000, int: true }).default(D.concurrency.provisionedConcurrency),
    scaleBurst: s.number({ min: 1, max: 10_000, int: true }).default(D.concurrency.scaleBurst).describe('New environments per scaleWindowS.'),
    scaleWindowS: s.number({ min: 1, max: 3600 }).default(D.concurrency.scaleWindowS),
  }),
  async: s.strictObject({
    maximumRetryAttempts: s.number({ min: 0, max: 2, int: true }).default(D.async.maximumRetryAttempts),
    maximumEventAgeS: s.number({ min: 60, max: 21_600, int: true }).default(D.async.maximumEventAgeS),
  }),
  billing: s.strictObject({
    freeTier: s.boolean().default(D.billing.freeTier),
    granularityMs: s.enum([1, 100]).default(D.billing.granularityMs),
  }),
  source: s.optional(sourceSchema),
});
