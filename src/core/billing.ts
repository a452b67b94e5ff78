import { BillAccumulator, billedMsAt, gbSecondPrice, type BillingGranularityMs, type BillTotals, type ProvisionedChange } from './billAccumulator';
import type { InvocationRecord } from './invocationRecord';
import { ephemeralStorageCost, gbSeconds, PRICES } from './pricing';
import { restoreChargeUsd, type CachedSnapshot } from './snapStart';

export { MONTH_MS, type BillingGranularityMs, type BillLine, type ProvisionedChange } from './billAccumulator';

export interface BillInput {
  /** Every invocation attempt of the run, in the order they completed. */
  records: readonly InvocationRecord[];
  /** The provisioned notices, in order. */
  provisioned: readonly ProvisionedChange[];
  /** The run's start and the moment the bill is drawn up (epoch ms on the run's clock). */
  startMs: number;
  nowMs: number;
  freeTier: boolean;
  granularityMs: BillingGranularityMs;
  /** SnapStart snapshots that existed in the window (their caching is billed). */
  snapshots?: readonly CachedSnapshot[];
}

/** One invocation's cost at a billing granularity: a row of the bill's table. */
export interface InvocationCostRow {
  record: InvocationRecord;
  /** Billed duration (init included) at the granularity. */
  billedMs: number;
  /** Of `billedMs`, the init part (Init Duration as measured) and the invoke part (the rest, rounding included). */
  initBilledMs: number;
  invokeBilledMs: number;
  gbSeconds: number;
  initGbSeconds: number;
  invokeGbSeconds: number;
  /** GB-s price applied: on-demand, or the provisioned duration price when a provisioned environment served it. */
  gbSecondUsd: number;
  requestUsd: number;
  computeUsd: number;
  /** Ephemeral storage above 512 MB for the billed duration (0 at 512 MB). */
  ephemeralStorageGbSeconds: number;
  ephemeralStorageUsd: number;
  initUsd: number;
  /** `computeUsd − initUsd`, so init and invoke add up to the compute cost. */
  invokeUsd: number;
  /** SnapStart: of `billedMs`, Billed Restore Duration (1 ms granularity), and the per-restore charge (0 without a restore). */
  restoreBilledMs: number;
  snapStartRestoreUsd: number;
  totalUsd: number;
}

/** The run's bill: its totals (billAccumulator.ts), and a row per invocation for the table. */
export interface Bill extends BillTotals {
  startMs: number;
  nowMs: number;
  /** Sum of `rows[i].totalUsd`, in record order. */
  rowsTotalUsd: number;
  rows: InvocationCostRow[];
}

/**
 * The cost row of one invocation: one request plus its compute at the
 * granularity (1 ms: the record's own billed duration, init included; 100 ms:
 * ceil(Duration / 100) × 100, at least 100 ms, init not billed, as before August 2025).
 */
export function perInvocation(record: InvocationRecord, granularityMs: BillingGranularityMs): InvocationCostRow {
  const billedMs = billedMsAt(record, granularityMs);
  const initBilledMs = granularityMs === 1 ? Math.min(record.initDurationMs ?? 0, billedMs) : 0;
  const invokeBilledMs = billedMs - initBilledMs;
  const gbSecondUsd = gbSecondPrice(record.provisioned, record.architecture);
  const gbs = gbSeconds(record.memorySizeMb, billedMs);
  const initGbs = gbSeconds(record.memorySizeMb, initBilledMs);
  const computeUsd = gbs * gbSecondUsd;
  const initUsd = initGbs * gbSecondUsd;
  const requestUsd = PRICES.requestUsd;
  const storage = ephemeralStorageCost(record.ephemeralStorageMb, billedMs);
  const restoreBilledMs = granularityMs === 1 ? Math.min(record.billedRestoreDurationMs ?? 0, billedMs) : 0;
  const snapStartRestoreUsd = record.billedRestoreDurationMs !== undefined ? restoreChargeUsd(record.memorySizeMb) : 0;
  return {
    record,
    billedMs,
    initBilledMs,
    invokeBilledMs,
    gbSeconds: gbs,
    initGbSeconds: initGbs,
    invokeGbSeconds: gbSeconds(record.memorySizeMb, invokeBilledMs),
    gbSecondUsd,
    requestUsd,
    computeUsd,
    ephemeralStorageGbSeconds: storage.gbSeconds,
    ephemeralStorageUsd: storage.usd,
    initUsd,
    invokeUsd: computeUsd - initUsd,
    restoreBilledMs,
    snapStartRestoreUsd,
    totalUsd: requestUsd + computeUsd + storage.usd + snapStartRestoreUsd,
  };
}

/**
 * The run's bill: billAccumulator.ts's totals over every record, in order,
 * and the table's row for each (`perInvocation`).
 */
export function computeBill(input: BillInput): Bill {
  const { records, granularityMs, startMs, nowMs } = input;
  const accumulator = new BillAccumulator(granularityMs);
  const rows: InvocationCostRow[] = [];
  for (const record of records) {
    rows.push(perInvocation(record, granularityMs));
    accumulator.add(record);
  }
  const totals = accumulator.totals({ provisioned: input.provisioned, startMs, nowMs, freeTier: input.freeTier, ...(input.snapshots ? { snapshots: input.snapshots } : {}) });
  return { ...totals, startMs, nowMs, rows };
}
