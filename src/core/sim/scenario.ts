import type { BillingGranularityMs } from '../billing';
import type { Architecture, Runtime } from '../functionConfig';
import type { Traffic } from '../arrivalStream';
import type { InvocationType } from '../platformTypes';
import type { SimSourceSpec } from './simSource';

/**
 * A scale-simulation scenario: the object the Simulation panel builds, the
 * file `npm run simulate -- scenario.json` reads, and what a downloaded
 * scenario holds. Documented in docs/scenario.md and
 * docs/scenario.schema.json. Times in the scenario are Lambda's own (no
 * compression); the simulation runs them in virtual time.
 */
export interface Scenario {
  /** Format version, 1. */
  version: 1;
  name?: string;
  /** Seeds durations, errors and ids. Poisson traffic has its own seed, as in live mode. */
  seed: number;
  /** Simulated time, in seconds (1 s to 31 days). */
  durationS: number;
  traffic: Traffic;
  invocationType: InvocationType;
  function: SimFunction;
  /** The handler's Duration (as REPORT shows it, at this memory size; or, with `cpu`, at `cpu.memoryMb`). */
  duration: DurationModel;
  /**
   * Memory → CPU, as live mode models it (cpuShare.ts): `duration` was
   * stated at `memoryMb`, and `cpuFraction` of it is CPU-bound time, which
   * stretches or shrinks with Lambda's CPU share at the function's memory.
   * Absent: durations are taken as they are, at the function's memory.
   */
  cpu?: DurationCpu;
  /** Init Duration of a cold start. */
  initDuration: DurationModel;
  /**
   * SnapStart: the simulated function is a published version with a snapshot; its cold starts restore it instead
   * of running Init. Restore Duration = the modelled snapshot restore (snapStart.ts) + `afterRestoreDuration`
   * (runtime load and after-restore hooks: Billed Restore Duration). Absent: no SnapStart.
   */
  snapStart?: { afterRestoreDuration: DurationModel };
  /** Share of invocations whose handler throws (0–1). */
  errorRate: number;
  keepAlive: KeepAliveSpec;
  concurrency: SimConcurrency;
  async: { maximumRetryAttempts: number; maximumEventAgeS: number };
  billing: { freeTier: boolean; granularityMs: BillingGranularityMs };
  /**
   * An event source in front of the function (absent: the traffic invokes it
   * directly). With an SQS queue, each arrival of the traffic sends one
   * message and the event source mapping invokes the function synchronously.
   */
  source?: SimSourceSpec;
}

export type { SimSourceSpec } from './simSource';

export type { Traffic } from '../arrivalStream';

export type TrafficKind = Traffic['kind'];

export interface SimFunction {
  memoryMb: number;
  /** /tmp in MB (512–10,240); what is above 512 MB is billed. Absent: 512. */
  ephemeralStorageMb?: number;
  timeoutS: number;
  architecture: Architecture;
  runtime: Runtime;
}

export interface DurationCpu {
  memoryMb: number;
  /** 0 (all waiting: memory changes nothing) to 1 (all CPU). */
  cpuFraction: number;
}

/** How long each handler run (or init) takes, in ms. */
export type DurationModel =
  | { model: 'fixed'; ms: number }
  /** Normal, redrawn when ≤ 0. */
  | { model: 'normal'; meanMs: number; sdMs: number }
  /** Lognormal with this mean and standard deviation (of the durations themselves, not their logarithms). */
  | { model: 'lognormal'; meanMs: number; sdMs: number }
  | { model: 'exponential'; meanMs: number }
  /** Drawn from durations measured in live runs (the run recorder's records at `memoryMb`). */
  | { model: 'profiled'; samplesMs: number[]; memoryMb?: number };

export type DurationModelKind = DurationModel['model'];

export type KeepAliveSpec =
  /** Every idle environment is kept this long (Lambda: about 10 minutes; Azure Functions: 20). */
  | { policy: 'fixed'; minutes: number }
  /** The hybrid histogram policy of "Serverless in the Wild" (hybridHistogramPolicy.ts). */
  | ({ policy: 'hybrid' } & HybridSettings);

export interface HybridSettings {
  /** Histogram range and bin width (paper: 4 hours, 1-minute bins). */
  rangeMinutes: number;
  binMinutes: number;
  /** Percentiles of idle times for the pre-warm window (head) and the keep-alive window (tail). */
  headPercentile: number;
  tailPercentile: number;
  /** Pre-warm is shortened, and keep-alive lengthened, by this share (paper: 10 %). */
  marginPercent: number;
  /** The histogram is representative when its bin counts' coefficient of variation is at least this (paper: 2). */
  cvThreshold: number;
  /** ...and it holds at least this many idle times. */
  minObservations: number;
  /** Above this share of idle times longer than the range, windows come from the recent long idle times. */
  outOfBoundsPercent: number;
}

export interface SimConcurrency {
  accountConcurrency: number;
  /** null: the unreserved pool. */
  reservedConcurrency: number | null;
  provisionedConcurrency: number;
  /** At most this many new environments per `scaleWindowS` (Lambda: 1,000 per 10 s). */
  scaleBurst: number;
  scaleWindowS: number;
}

export const DEFAULT_HYBRID: HybridSettings = {
  rangeMinutes: 240,
  binMinutes: 1,
  headPercentile: 5,
  tailPercentile: 99,
  marginPercent: 10,
  cvThreshold: 2,
  minObservations: 10,
  outOfBoundsPercent: 50,
};

/** One hour at 1,000 requests per second, 100 ms each: the bench's scenario. */
export const DEFAULT_SCENARIO: Scenario = {
  version: 1,
  name: 'One hour at 1,000 rps',
  seed: 1,
  durationS: 3600,
  traffic: { kind: 'constant', rps: 1000 },
  invocationType: 'RequestResponse',
  function: { memoryMb: 128, timeoutS: 3, architecture: 'x86_64', runtime: 'nodejs22.x' },
  duration: { model: 'fixed', ms: 100 },
  initDuration: { model: 'fixed', ms: 150 },
  errorRate: 0,
  keepAlive: { policy: 'fixed', minutes: 10 },
  concurrency: { accountConcurrency: 1000, reservedConcurrency: null, provisionedConcurrency: 0, scaleBurst: 1000, scaleWindowS: 10 },
  async: { maximumRetryAttempts: 2, maximumEventAgeS: 21_600 },
  billing: { freeTier: false, granularityMs: 1 },
};

/** Simulated time starts here: 2025-09-01T00:00:00Z, after init billing began (1 August 2025). */
export const SIM_START_MS = Date.UTC(2025, 8, 1);
