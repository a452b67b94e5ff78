import type { Architecture } from './functionConfig';
import { restoreChargeUsd, snapshotCacheCharge, type CachedSnapshot } from './snapStart';
import { DURATION_TIERS, ephemeralStorageCost, gbSeconds, INCLUDED_EPHEMERAL_STORAGE_MB, PRICES, tieredDurationUsd } from './pricing';

/** Lambda's billing granularity: 1 ms since December 2020, 100 ms before (kept for teaching). */
export type BillingGranularityMs = 1 | 100;

/** A `provisioned` notice: provisioned concurrency is `count` environments from `atMs` on (0 = released). */
export interface ProvisionedChange {
  atMs: number;
  count: number;
  memoryMb: number;
  architecture: Architecture;
  /** Whose allocation this is (a function's version): each source's level lasts until that source's next change. Absent: one source. */
  source?: string;
}

export interface BillLine {
  gbSeconds: number;
  usd: number;
}

/**
 * What the bill reads of one invocation attempt: an `InvocationRecord`, or
 * the scale simulation's lean completion (platformTypes.ts), which has just
 * these fields.
 */
export interface Billable {
  durationMs: number;
  initDurationMs?: number | undefined;
  /** Duration plus Init Duration, rounded up to 1 ms. */
  billedDurationMs: number;
  memorySizeMb: number;
  /** Ephemeral storage (/tmp) in MB; what is above 512 MB is billed for the billed duration. Absent: 512. */
  ephemeralStorageMb?: number | undefined;
  architecture: Architecture;
  provisioned: boolean;
  /** A SnapStart restore's billed part (included in `billedDurationMs`), and with it one per-restore charge. */
  billedRestoreDurationMs?: number | undefined;
}

/** Everything of a bill but its per-invocation rows. */
export interface BillTotals {
  granularityMs: BillingGranularityMs;
  elapsedMs: number;
  /** One request per invocation attempt (asynchronous retries included), on-demand and provisioned. */
  requests: { count: number; usd: number };
  /** On-demand compute, split into the invoke phase and the init phase (init billed like invoke since 1 August 2025). */
  invoke: BillLine;
  init: BillLine;
  /** Ephemeral storage above 512 MB, per GB-s of billed duration (on-demand and provisioned invocations alike; no free tier). */
  ephemeralStorage: BillLine;
  /** Provisioned concurrency configured, from each enable to its change or to now, used or not. */
  provisionedConcurrency: BillLine;
  /** Duration of invocations served by provisioned environments, at the provisioned duration price. */
  provisionedInvocations: BillLine & { count: number };
  /**
   * SnapStart (Python): Billed Restore Duration, billed as duration (part of the on-demand compute above it is
   * not: it is this line), the per-restore charge for each restore, and the snapshots' caching (at least 3 hours
   * each). No free tier covers the restore and caching charges.
   */
  snapStart: { restoreDuration: BillLine; restores: number; restoreUsd: number; cache: BillLine };
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
  /**
   * The monthly tier discount on on-demand duration: the period counts as one
   * month, so it is non-zero only past 6 B GB-s (x86_64; 7.5 B arm64), which
   * only the scale simulation reaches. Subtracted from the total.
   */
  tierDiscount: BillLine;
  /** Usage before the free-tier credit and the tier discount: the sum of the rows plus provisioned concurrency. */
  grossUsd: number;
  totalUsd: number;
  /** Sum of each invocation's request plus compute plus ephemeral storage, in the order they were added. */
  rowsTotalUsd: number;
  /** Architectures whose prices the run used (invocations and provisioned concurrency), in first-seen order. */
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

/**
 * Billed duration at the granularity: 1 ms, the invocation's own (init
 * included, as billed since 1 August 2025); 100 ms, the rules of that era,
 * ceil(Duration / 100) × 100, at least 100: on-demand functions on managed
 * runtimes were not billed for Init Duration before August 2025
 * (lambda-model.md §1).
 */
export function billedMsAt(b: Billable, granularityMs: BillingGranularityMs): number {
  if (granularityMs === 1) return b.billedDurationMs;
  const raw = b.durationMs;
  return Math.max(granularityMs, Math.ceil(raw / granularityMs) * granularityMs);
}

/** The GB-s price of an invocation's compute: on-demand, or the provisioned duration price. */
export function gbSecondPrice(provisioned: boolean, architecture: Architecture): number {
  return (provisioned ? PRICES.provisionedDurationGbSecondUsd : PRICES.gbSecondUsd)[architecture];
}

/**
 * The bill, added up as invocations come (lambda-model.md §1, us-east-1
 * first tier), keeping nothing per invocation: billing.ts's `computeBill`
 * feeds it every record (and makes the table's rows beside it), the scale
 * simulation every completion. Architecture prices come from each invocation
 * and each provisioned notice. Provisioned concurrency is billed to the
 * millisecond (AWS rounds each period up to 5 minutes). The free tier (1M
 * requests, 400,000 GB-s a month) is credited against this run's usage as if
 * the run were the month's only usage, GB-s in the order invocations came,
 * each at its own price, and not at all once provisioned concurrency was
 * enabled. Without either, the total is exactly the sum of the rows.
 */
export class BillAccumulator {
  private readonly requests = { count: 0, usd: 0 };
  private readonly invoke: BillLine = { gbSeconds: 0, usd: 0 };
  private readonly init: BillLine = { gbSeconds: 0, usd: 0 };
  private readonly provisionedInvocations = { gbSeconds: 0, usd: 0, count: 0 };
  private readonly ephemeralStorage: BillLine = { gbSeconds: 0, usd: 0 };
  private readonly restoreDuration: BillLine = { gbSeconds: 0, usd: 0 };
  private readonly restores = { count: 0, usd: 0 };
  /** Charges the free tier never covers (ephemeral storage). */
  private unfreeOtherUsd = 0;
  private readonly architectures: Architecture[] = [];
  private lastArchitecture: Architecture | null = null;
  private rowsTotalUsd = 0;
  /** Free-tier GB-s credited so far, and the compute left to pay past it. */
  private freeGbSeconds = 0;
  private unfreeComputeUsd = 0;

  constructor(readonly granularityMs: BillingGranularityMs) {}

  /** One invocation attempt: one request plus its compute at the granularity. */
  add(b: Billable): void {
    const billedMs = billedMsAt(b, this.granularityMs);
    const price = gbSecondPrice(b.provisioned, b.architecture);
    const gbs = gbSeconds(b.memorySizeMb, billedMs);
    const computeUsd = gbs * price;
    if (b.architecture !== this.lastArchitecture) this.seen(b.architecture);
    this.requests.count += 1;
    this.requests.usd += PRICES.requestUsd;
    this.rowsTotalUsd += PRICES.requestUsd + computeUsd;
    if (b.ephemeralStorageMb !== undefined && b.ephemeralStorageMb > INCLUDED_EPHEMERAL_STORAGE_MB) {
      const storage = ephemeralStorageCost(b.ephemeralStorageMb, billedMs);
      this.ephemeralStorage.gbSeconds += storage.gbSeconds;
      this.ephemeralStorage.usd += storage.usd;
      this.unfreeOtherUsd += storage.usd;
      this.rowsTotalUsd += storage.usd;
    }
    const credited = Math.min(PRICES.freeTier.gbSeconds - this.freeGbSeconds, gbs);
    this.freeGbSeconds += credited;
    if (credited < gbs) this.unfreeComputeUsd += (gbs - credited) * price;
    if (b.billedRestoreDurationMs !== undefined) {
      const charge = restoreChargeUsd(b.memorySizeMb);
      this.restores.count += 1;
      this.restores.usd += charge;
      this.unfreeOtherUsd += charge;
      this.rowsTotalUsd += charge;
    }
    if (b.provisioned) {
      this.provisionedInvocations.count += 1;
      this.provisionedInvocations.gbSeconds += gbs;
      this.provisionedInvocations.usd += computeUsd;
      return;
    }
    const restoreMs = this.granularityMs === 1 ? Math.min(b.billedRestoreDurationMs ?? 0, billedMs) : 0;
    if (restoreMs > 0) {
      const restoreGbs = gbSeconds(b.memorySizeMb, restoreMs);
      this.restoreDuration.gbSeconds += restoreGbs;
      this.restoreDuration.usd += restoreGbs * price;
      this.invoke.gbSeconds += gbs - restoreGbs;
      this.invoke.usd += computeUsd - restoreGbs * price;
      return;
    }
    const initMs = Math.min(b.initDurationMs ?? 0, billedMs);
    if (initMs === 0) {
      this.invoke.gbSeconds += gbs;
      this.invoke.usd += computeUsd;
      return;
    }
    const initGbs = gbSeconds(b.memorySizeMb, initMs);
    const initUsd = initGbs * price;
    this.invoke.gbSeconds += gbSeconds(b.memorySizeMb, billedMs - initMs);
    this.invoke.usd += computeUsd - initUsd;
    this.init.gbSeconds += initGbs;
    this.init.usd += initUsd;
  }

  /** The bill from `startMs` to `nowMs`, with provisioned concurrency's allocation over that window. */
  totals(input: { provisioned: readonly ProvisionedChange[]; startMs: number; nowMs: number; freeTier: boolean; snapshots?: readonly CachedSnapshot[] }): BillTotals {
    const { startMs, nowMs } = input;
    const cache = snapshotCacheCharge(input.snapshots ?? [], startMs, nowMs);
    const architectures = [...this.architectures];
    for (const change of input.provisioned) if (change.count > 0 && !architectures.includes(change.architecture)) architectures.push(change.architecture);
    const provisionedConcurrency = provisionedAllocation(input.provisioned, startMs, nowMs);
    const applies = input.freeTier && !input.provisioned.some((c) => c.count > 0);
    const freeTier = { requested: input.freeTier, applies, requests: 0, gbSeconds: 0, usd: 0 };
    const grossUsd = this.rowsTotalUsd + provisionedConcurrency.usd + cache.usd;
    let totalUsd = grossUsd;
    if (applies) {
      // What is left to pay, computed directly (not gross − credit, which would cancel to rounding noise).
      freeTier.requests = Math.min(this.requests.count, PRICES.freeTier.requests);
      freeTier.gbSeconds = this.freeGbSeconds;
      const netUsd = (this.requests.count - freeTier.requests) * PRICES.requestUsd + this.unfreeComputeUsd + this.unfreeOtherUsd;
      totalUsd = Math.max(0, netUsd + provisionedConcurrency.usd + cache.usd);
      freeTier.usd = grossUsd - totalUsd;
    }
    const tierDiscount = tierDiscountOf(this.invoke, this.init, architectures[0] ?? 'x86_64');
    totalUsd = Math.max(0, totalUsd - tierDiscount.usd);
    const elapsedMs = nowMs - startMs;
    const requests = { ...this.requests };
    const invoke = { ...this.invoke };
    const init = { ...this.init };
    return {
      granularityMs: this.granularityMs,
      elapsedMs,
      requests,
      invoke,
      init,
      ephemeralStorage: { ...this.ephemeralStorage },
      provisionedConcurrency,
      provisionedInvocations: { ...this.provisionedInvocations },
      snapStart: { restoreDuration: { ...this.restoreDuration }, restores: this.restores.count, restoreUsd: this.restores.usd, cache },
      freeTier,
      tierDiscount,
      grossUsd,
      totalUsd,
      rowsTotalUsd: this.rowsTotalUsd,
      architectures,
      projectedMonthlyUsd: elapsedMs > 0 ? projectMonth({ elapsedMs, grossUsd, requests, invoke, init, applies, architecture: architectures[0] ?? 'x86_64' }) : null,
    };
  }

  private seen(a: Architecture): void {
    this.lastArchitecture = a;
    if (!this.architectures.includes(a)) this.architectures.push(a);
  }
}

/** Configured provisioned concurrency between startMs and nowMs: each source's level from its notice to its next (or now), summed. */
function provisionedAllocation(changes: readonly ProvisionedChange[], startMs: number, nowMs: number): BillLine {
  let gbs = 0;
  let usd = 0;
  changes.forEach((change, i) => {
    const source = change.source ?? '';
    const next = changes.find((c, j) => j > i && (c.source ?? '') === source);
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
 * What the month's duration tiers take off on-demand compute of `gbs` at the
 * run's average first-tier rate (a run of several architectures is priced on
 * the first one's tiers: the tiers are per architecture and the bill does
 * not split GB-s by architecture).
 */
function tierDiscountOf(invoke: BillLine, init: BillLine, architecture: Architecture, scale = 1): BillLine {
  const gbs = (invoke.gbSeconds + init.gbSeconds) * scale;
  if (gbs <= DURATION_TIERS[architecture].tier1Gbs) return { gbSeconds: 0, usd: 0 };
  const rate = (invoke.usd + init.usd) / (invoke.gbSeconds + init.gbSeconds);
  return { gbSeconds: gbs - DURATION_TIERS[architecture].tier1Gbs, usd: rate * gbs - tieredDurationUsd(gbs, rate, architecture) };
}

/** Scale the run's usage to 730 h, with the month's duration tiers; with the free tier, take the monthly allowance off the projected usage. */
function projectMonth(p: { elapsedMs: number; grossUsd: number; requests: { count: number }; invoke: BillLine; init: BillLine; applies: boolean; architecture: Architecture }): number {
  const scale = MONTH_MS / p.elapsedMs;
  const projected = p.grossUsd * scale - tierDiscountOf(p.invoke, p.init, p.architecture, scale).usd;
  if (!p.applies) return projected;
  const onDemandGbs = p.invoke.gbSeconds + p.init.gbSeconds;
  const averageGbSecondUsd = onDemandGbs > 0 ? (p.invoke.usd + p.init.usd) / onDemandGbs : 0;
  const credit =
    Math.min(p.requests.count * scale, PRICES.freeTier.requests) * PRICES.requestUsd + Math.min(onDemandGbs * scale, PRICES.freeTier.gbSeconds) * averageGbSecondUsd;
  return Math.max(0, projected - credit);
}

/**
 * A month's bill at a sustained rate: the run's usage over the span in which
 * its requests came (`sustainedLoad`), × 730 h, with the month's free tier
 * taken off when it applies.
 */
export function projectMonthAt(totals: BillTotals, spanMs: number): number {
  return projectMonth({
    elapsedMs: spanMs,
    grossUsd: totals.grossUsd,
    requests: totals.requests,
    invoke: totals.invoke,
    init: totals.init,
    applies: totals.freeTier.applies,
    architecture: totals.architectures[0] ?? 'x86_64',
  });
}

/** What a million requests cost at this run's mix (durations, memory, cold starts), before the free tier; null before the first request. */
export function costPerMillionRequestsUsd(totals: BillTotals): number | null {
  return totals.requests.count > 0 ? (totals.grossUsd / totals.requests.count) * 1_000_000 : null;
}
