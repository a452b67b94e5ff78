import type { FunctionConfig } from './functionConfig';
import type { Architecture } from './functionConfig';
import { gbSeconds } from './pricing';

/**
 * Lambda SnapStart (lambda-model.md §9; AWS Lambda Developer Guide,
 * "Improving startup performance with Lambda SnapStart"): publishing a
 * version runs its Init once and snapshots the initialised environment; cold
 * starts of that version restore the snapshot (the Restore phase) instead of
 * running Init. `$LATEST` never uses it.
 */

/** SnapStart.ApplyOn, as Lambda's API spells it. */
export const SNAP_START_APPLY_ON = ['None', 'PublishedVersions'] as const;
export type SnapStartApplyOn = (typeof SNAP_START_APPLY_ON)[number];

/** What a published version records of its snapshot. */
export interface SnapshotRecord {
  /**
   * The snapshot's randomness: a restore replays Init with this seed, so its
   * module state, "random" values included, equals the snapshot's. One per
   * publish; every restore of the version shares it (the uniqueness pitfall).
   */
  seed: number;
  /** When the snapshot was taken (epoch ms, platform time). */
  takenAtMs: number;
  /** The Init that ran at publish, before the snapshot. */
  initDurationMs: number;
}

/** How a restoring environment's runtime is asked to start (the protocol's `InitSpec.snapStart`). */
export interface SnapStartPhase {
  phase: 'snapshot' | 'restore';
  seed: number;
}

/**
 * The part of Restore Duration outside the runtime: Firecracker restoring the
 * snapshot's memory and disk, which a browser cannot do and the playground
 * models. AWS's own REPORT example on "Monitoring for Lambda SnapStart"
 * shows Restore Duration 474.16 ms with Billed Restore Duration 75 ms: about
 * 400 ms outside the billed part (README, fidelity notes).
 */
export const MODELLED_SNAPSHOT_RESTORE_MS = 400;

/** Runtime load plus after-restore hooks must end within 10 s, or the invoke fails with SnapStartTimeoutException (lambda-model.md §9). */
export const RESTORE_LIMIT_MS = 10_000;

/** The snapshot's Init may take max(130 s, the timeout), as provisioned concurrency's (lambda-model.md §2). */
export const SNAPSHOT_INIT_MIN_MS = 130_000;

/**
 * SnapStart prices for Python (and .NET), us-east-1 (lambda-model.md §9:
 * third-party figures, unverified; AWS's pricing page renders its rates
 * client-side). Java pays neither.
 */
export const SNAP_START_PRICES = {
  /** Caching: per GB-s of the function's memory while a snapshotted version exists, at least 3 hours per snapshot. */
  cacheGbSecondUsd: 0.0000015046,
  /** Restore: per GB of the function's memory, each time an environment is restored. */
  restoreGbUsd: 0.0001397998,
  /** Caching is billed for at least this long per snapshot. */
  minimumCacheMs: 3 * 3_600_000,
} as const;

/** A refusal of the SnapStart setting, in Lambda's words (InvalidParameterValueException). */
export interface SnapStartProblem {
  field: 'snapStart';
  message: string;
}

/**
 * Lambda's refusals of SnapStart on a configuration: a runtime it does not
 * support (here every runtime but python3.12 and later; Java and .NET are
 * not runtimes of the playground), provisioned concurrency on the function,
 * or ephemeral storage above 512 MB. Null when Lambda takes it.
 */
export function snapStartProblem(
  applyOn: SnapStartApplyOn | undefined,
  config: Pick<FunctionConfig, 'runtime' | 'ephemeralStorageMb'>,
  provisionedConcurrency: number,
): SnapStartProblem | null {
  if (applyOn === undefined || applyOn === 'None') return null;
  if (!(SNAP_START_APPLY_ON as readonly string[]).includes(applyOn)) {
    return {
      field: 'snapStart',
      message: `1 validation error detected: Value '${String(applyOn)}' at 'snapStart.applyOn' failed to satisfy constraint: Member must satisfy enum value set: [${SNAP_START_APPLY_ON.join(', ')}]`,
    };
  }
  if (!supportsSnapStart(config.runtime)) {
    return { field: 'snapStart', message: `InvalidParameterValueException: ${config.runtime} is not supported for SnapStart enabled functions.` };
  }
  if ((config.ephemeralStorageMb ?? 512) > 512) {
    return { field: 'snapStart', message: 'InvalidParameterValueException: SnapStart is not supported for functions with ephemeral storage greater than 512 MB.' };
  }
  if (provisionedConcurrency > 0) {
    return { field: 'snapStart', message: 'InvalidParameterValueException: SnapStart is not supported for functions with provisioned concurrency.' };
  }
  return null;
}

/** Python 3.12 and later (`python3.12`, `python3.13`, …): the playground's runtimes Lambda snapshots. */
export function supportsSnapStart(runtime: string): boolean {
  // Lambda's rule (Python 3.12 and later), whether or not the playground runs that version.
  const m = /^python3\.(\d+)$/.exec(runtime);
  return m !== null && Number(m[1]) >= 12;
}

/** Restore Duration and Billed Restore Duration of one restore: the modelled snapshot restore plus the measured part (runtime load and after-restore hooks), and that part rounded up to 1 ms. */
export function restoreDurations(measuredMs: number, modelledRestoreMs = MODELLED_SNAPSHOT_RESTORE_MS): { restoreDurationMs: number; billedRestoreDurationMs: number } {
  const measured = Math.max(0, measuredMs);
  return { restoreDurationMs: modelledRestoreMs + measured, billedRestoreDurationMs: Math.max(1, Math.ceil(measured)) };
}

/** The per-restore charge of one restore at `memoryMb` (Lambda's GB is 1,024 MB). */
export function restoreChargeUsd(memoryMb: number): number {
  return (memoryMb / 1024) * SNAP_START_PRICES.restoreGbUsd;
}

/** A snapshot the bill charges caching for: from `takenAtMs`, at the version's memory (`source` tells snapshots apart). */
export interface CachedSnapshot {
  source: string;
  takenAtMs: number;
  memoryMb: number;
  architecture: Architecture;
}

/**
 * The caching charge of snapshots between `startMs` and `nowMs`: each one's
 * memory for the time it existed in the window, but at least 3 hours per
 * snapshot (a snapshot taken in the window is billed its minimum at once).
 */
export function snapshotCacheCharge(snapshots: readonly CachedSnapshot[], startMs: number, nowMs: number): { gbSeconds: number; usd: number } {
  let gbs = 0;
  for (const s of snapshots) {
    const from = Math.max(s.takenAtMs, startMs);
    if (nowMs <= from && s.takenAtMs < startMs) continue;
    let ms = Math.max(0, nowMs - from);
    if (s.takenAtMs >= startMs) ms = Math.max(ms, SNAP_START_PRICES.minimumCacheMs);
    gbs += gbSeconds(s.memoryMb, ms);
  }
  return { gbSeconds: gbs, usd: gbs * SNAP_START_PRICES.cacheGbSecondUsd };
}
