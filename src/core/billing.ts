import type { Architecture } from './functionConfig';
import type { InvocationRecord } from './invocationRecord';
import { gbSeconds, PRICES } from './pricing';

/** Lambda's billing granularity: 1 ms since December 2020, 100 ms before (kept for teaching). */
export type BillingGranularityMs = 1 | 100;

/** A `provisioned` notice: provisioned concurrency is `count` environments from `atMs` on (0 = released). */
export interface ProvisionedChange {
  atMs: number;
  count: number;
  memoryMb: number;
  architecture: Architecture;
}

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
  initUsd: number;
  /** `computeUsd − initUsd`, so init and invoke add up to the compute cost. */
  invokeUsd: number;
  totalUsd: number;
}

export interface BillLine {
  gbSeconds: number;
  usd: number;
}

export interface Bill {
  granularityMs: BillingGranularityMs;
  startMs: number;
  nowMs: number;
  elapsedMs: number;
  /** One request per invocation attempt (asynchronous retries included), on-demand and provisioned. */
  requests: { count: number; usd: number };
  /** On-demand compute, split into the invoke phase and the init phase (init billed like invoke since 1 August 2025). */
  invoke: BillLine;
  init: BillLine;
  /** Provisioned concurrency configured, from each enable to its change or to now, used or not. */
  provisionedConcurrency: BillLine;
  /** Duration of invocations served by provisioned environments, at the provisioned duration price. */
  provisionedInvocations: BillLine & { count: number };
  freeTier: {
    /** The option was on. */
    requested: boolean;
    /** It applied: requested and provisioned concurrency was never enabled. */
    applies: boolean;
    /** Requests and on-demand GB-s credited, and what they were worth (subtracted from the total). */
    requests: number;
    gbSeconds: number;
    usd: number;
  };
  /** Usage before the free-tier credit: the sum of the rows plus provisioned concurrency. */
  grossUsd: number;
  totalUsd: number;
  /** Sum of `rows[i].totalUsd`, in record order. */
  rowsTotalUsd: number;
  rows: InvocationCostRow[];
  /** Architectures whose prices the run used (records and provisioned concurrency), in first-seen order. */
  architectures: Architecture[];
  /**
   * A month's bill at this run's rate: usage ÷ elapsed run time × 730 h (AWS's month).
   * With the free tier on, the monthly free tier is taken off that projected usage once
   * (not the run's credit scaled up). Null when no time has elapsed.
   */
  projectedMonthlyUsd: number | null;
}

/** AWS prices a month as 730 hours. */
export const MONTH_MS = 730 * 3600 * 1000;

function billedMsAt(record: InvocationRecord, granularityMs: BillingGranularityMs): number {
  if (granularityMs === 1) return record.billedDurationMs;
  const raw = record.durationMs + (record.initDurationMs ?? 0);
  return Math.max(granularityMs, Math.ceil(raw / granularityMs) * granularityMs);
}

/**
 * The cost row of one invocation: one request plus its compute at the
 * granularity (1 ms: the record's own billed duration; 100 ms:
 * ceil((Duration + Init Duration) / 100) × 100, at least 100 ms).
 */
export function perInvocation(record: InvocationRecord, granularityMs: BillingGranularityMs): InvocationCostRow {
  const billedMs = billedMsAt(record, granularityMs);
  const initBilledMs = Math.min(record.initDurationMs ?? 0, billedMs);
  const invokeBilledMs = billedMs - initBilledMs;
  const prices = record.provisioned ? PRICES.provisionedDurationGbSecondUsd : PRICES.gbSecondUsd;
  const gbSecondUsd = prices[record.architecture];
  const gbs = gbSeconds(record.memorySizeMb, billedMs);
  const initGbs = gbSeconds(record.memorySizeMb, initBilledMs);
  const computeUsd = gbs * gbSecondUsd;
  const initUsd = initGbs * gbSecondUsd;
  const requestUsd = PRICES.requestUsd;
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
    initUsd,
    invokeUsd: computeUsd - initUsd,
    totalUsd: requestUsd + computeUsd,
  };
}

/** Configured provisioned concurrency between startMs and nowMs: each level from its notice to the next (or now). */
function provisionedAllocation(changes: readonly ProvisionedChange[], startMs: number, nowMs: number): BillLine {
  let gbs = 0;
  let usd = 0;
  changes.forEach((change, i) => {
    const next = changes[i + 1];
    const from = Math.max(change.atMs, startMs);
    const to = Math.min(next ? next.atMs : nowMs, nowMs);
    if (change.count <= 0 || to <= from) return;
    const lineGbs = change.count * gbSeconds(change.memoryMb, to - from);
    gbs += lineGbs;
    usd += lineGbs * PRICES.provisionedGbSecondUsd[change.architecture];
  });
  return { gbSeconds: gbs, usd };
}

/**
 * The run's bill (lambda-model.md §1, us-east-1 first tier). Architecture
 * prices come from each record and each provisioned notice. Provisioned
 * concurrency is billed to the millisecond here (AWS rounds each period up to
 * 5 minutes). The free tier (1M requests, 400,000 GB-s a month) is credited
 * against this run's usage as if the run were the month's only usage, and not
 * at all once provisioned concurrency was enabled. The total is the sum of
 * the rows in record order, plus provisioned concurrency, minus the credit:
 * with neither, it is exactly the sum of the rows.
 */
export function computeBill(input: BillInput): Bill {
  const { records, granularityMs, startMs, nowMs } = input;
  const architectures: Architecture[] = [];
  const seen = (a: Architecture) => {
    if (!architectures.includes(a)) architectures.push(a);
  };
  const rows: InvocationCostRow[] = [];
  const requests = { count: 0, usd: 0 };
  const invoke: BillLine = { gbSeconds: 0, usd: 0 };
  const init: BillLine = { gbSeconds: 0, usd: 0 };
  const provisionedInvocations = { gbSeconds: 0, usd: 0, count: 0 };
  let rowsTotalUsd = 0;
  for (const record of records) {
    const row = perInvocation(record, granularityMs);
    rows.push(row);
    seen(record.architecture);
    rowsTotalUsd += row.totalUsd;
    requests.count += 1;
    requests.usd += row.requestUsd;
    if (record.provisioned) {
      provisionedInvocations.count += 1;
      provisionedInvocations.gbSeconds += row.gbSeconds;
      provisionedInvocations.usd += row.computeUsd;
    } else {
      invoke.gbSeconds += row.invokeGbSeconds;
      invoke.usd += row.invokeUsd;
      init.gbSeconds += row.initGbSeconds;
      init.usd += row.initUsd;
    }
  }
  for (const change of input.provisioned) if (change.count > 0) seen(change.architecture);
  const provisionedConcurrency = provisionedAllocation(input.provisioned, startMs, nowMs);
  const everProvisioned = input.provisioned.some((c) => c.count > 0);
  const applies = input.freeTier && !everProvisioned;

  const freeTier = { requested: input.freeTier, applies, requests: 0, gbSeconds: 0, usd: 0 };
  const grossUsd = rowsTotalUsd + provisionedConcurrency.usd;
  let totalUsd = grossUsd;
  if (applies) {
    // What is left to pay, computed directly (not gross − credit, which would cancel to rounding noise).
    freeTier.requests = Math.min(requests.count, PRICES.freeTier.requests);
    let netUsd = (requests.count - freeTier.requests) * PRICES.requestUsd;
    let gbsLeft = PRICES.freeTier.gbSeconds;
    for (const row of rows) {
      const credited = Math.min(gbsLeft, row.gbSeconds);
      gbsLeft -= credited;
      freeTier.gbSeconds += credited;
      if (credited < row.gbSeconds) netUsd += (row.gbSeconds - credited) * row.gbSecondUsd;
    }
    totalUsd = Math.max(0, netUsd + provisionedConcurrency.usd);
    freeTier.usd = grossUsd - totalUsd;
  }

  const elapsedMs = nowMs - startMs;
  return {
    granularityMs,
    startMs,
    nowMs,
    elapsedMs,
    requests,
    invoke,
    init,
    provisionedConcurrency,
    provisionedInvocations,
    freeTier,
    grossUsd,
    totalUsd,
    rowsTotalUsd,
    rows,
    architectures,
    projectedMonthlyUsd: elapsedMs > 0 ? projectMonth({ elapsedMs, grossUsd, requests, invoke, init, applies }) : null,
  };
}

/** Scale the run's usage to 730 h; with the free tier, take the monthly allowance off the projected usage. */
function projectMonth(p: {
  elapsedMs: number;
  grossUsd: number;
  requests: { count: number };
  invoke: BillLine;
  init: BillLine;
  applies: boolean;
}): number {
  const scale = MONTH_MS / p.elapsedMs;
  const projected = p.grossUsd * scale;
  if (!p.applies) return projected;
  const monthRequests = p.requests.count * scale;
  const onDemandGbs = p.invoke.gbSeconds + p.init.gbSeconds;
  const monthGbs = onDemandGbs * scale;
  const averageGbSecondUsd = onDemandGbs > 0 ? (p.invoke.usd + p.init.usd) / onDemandGbs : 0;
  const credit =
    Math.min(monthRequests, PRICES.freeTier.requests) * PRICES.requestUsd +
    Math.min(monthGbs, PRICES.freeTier.gbSeconds) * averageGbSecondUsd;
  return Math.max(0, projected - credit);
}
