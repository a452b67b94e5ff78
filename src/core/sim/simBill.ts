import { computeBill, MONTH_MS, perInvocation, type BillingGranularityMs, type BillLine, type ProvisionedChange } from '../billing';
import type { Architecture } from '../functionConfig';
import type { InvocationRecord } from '../invocationRecord';
import { gbSeconds, PRICES } from '../pricing';

/** The bill of a simulated period: `Bill` of billing.ts without its per-invocation rows. */
export interface SimBill {
  granularityMs: BillingGranularityMs;
  architecture: Architecture;
  elapsedMs: number;
  requests: { count: number; usd: number };
  invoke: BillLine;
  init: BillLine;
  provisionedConcurrency: BillLine;
  provisionedInvocations: BillLine & { count: number };
  freeTier: { requested: boolean; applies: boolean; requests: number; gbSeconds: number; usd: number };
  grossUsd: number;
  totalUsd: number;
  /** The period's rate over AWS's 730-hour month (null for an empty period). */
  projectedMonthlyUsd: number | null;
}

/**
 * Adds up the bill as invocations complete, each through billing.ts's own
 * `perInvocation` (the row the live bill's table shows), without keeping the
 * rows; provisioned concurrency through `computeBill`. The free tier and the
 * monthly projection follow billing.ts's rules: on-demand usage all has one
 * price here (one function, one architecture), so crediting the first
 * 400,000 GB-s row by row comes to crediting them at that price.
 */
export class BillAccumulator {
  private readonly requests = { count: 0, usd: 0 };
  private readonly invoke: BillLine = { gbSeconds: 0, usd: 0 };
  private readonly init: BillLine = { gbSeconds: 0, usd: 0 };
  private readonly provisionedInvocations = { gbSeconds: 0, usd: 0, count: 0 };

  constructor(
    private readonly granularityMs: BillingGranularityMs,
    private readonly architecture: Architecture,
  ) {}

  add(record: InvocationRecord): void {
    if (this.granularityMs === 1) {
      this.addAtOneMs(record);
      return;
    }
    const row = perInvocation(record, this.granularityMs);
    this.requests.count += 1;
    this.requests.usd += row.requestUsd;
    if (record.provisioned) {
      this.provisionedInvocations.count += 1;
      this.provisionedInvocations.gbSeconds += row.gbSeconds;
      this.provisionedInvocations.usd += row.computeUsd;
    } else {
      this.invoke.gbSeconds += row.invokeGbSeconds;
      this.invoke.usd += row.invokeUsd;
      this.init.gbSeconds += row.initGbSeconds;
      this.init.usd += row.initUsd;
    }
  }

  /**
   * perInvocation's row at 1 ms, without making the row: the record's own
   * billed duration, its Init part, at the record's price (billing.ts).
   */
  private addAtOneMs(record: InvocationRecord): void {
    const billedMs = record.billedDurationMs;
    const initMs = Math.min(record.initDurationMs ?? 0, billedMs);
    const price = (record.provisioned ? PRICES.provisionedDurationGbSecondUsd : PRICES.gbSecondUsd)[record.architecture];
    const gbs = gbSeconds(record.memorySizeMb, billedMs);
    this.requests.count += 1;
    this.requests.usd += PRICES.requestUsd;
    if (record.provisioned) {
      this.provisionedInvocations.count += 1;
      this.provisionedInvocations.gbSeconds += gbs;
      this.provisionedInvocations.usd += gbs * price;
      return;
    }
    const initGbs = gbSeconds(record.memorySizeMb, initMs);
    const computeUsd = gbs * price;
    const initUsd = initGbs * price;
    this.invoke.gbSeconds += gbSeconds(record.memorySizeMb, billedMs - initMs);
    this.invoke.usd += computeUsd - initUsd;
    this.init.gbSeconds += initGbs;
    this.init.usd += initUsd;
  }

  bill(input: { provisioned: readonly ProvisionedChange[]; startMs: number; nowMs: number; freeTier: boolean }): SimBill {
    const { startMs, nowMs } = input;
    const elapsedMs = nowMs - startMs;
    const pc = computeBill({ records: [], provisioned: input.provisioned, startMs, nowMs, freeTier: false, granularityMs: this.granularityMs });
    const provisionedConcurrency = pc.provisionedConcurrency;
    const everProvisioned = input.provisioned.some((c) => c.count > 0);
    const applies = input.freeTier && !everProvisioned;
    const onDemandGbs = this.invoke.gbSeconds + this.init.gbSeconds;
    const onDemandUsd = this.invoke.usd + this.init.usd;
    const grossUsd = this.requests.usd + onDemandUsd + this.provisionedInvocations.usd + provisionedConcurrency.usd;
    const freeTier = { requested: input.freeTier, applies, requests: 0, gbSeconds: 0, usd: 0 };
    let totalUsd = grossUsd;
    const price = PRICES.gbSecondUsd[this.architecture];
    if (applies) {
      freeTier.requests = Math.min(this.requests.count, PRICES.freeTier.requests);
      freeTier.gbSeconds = Math.min(onDemandGbs, PRICES.freeTier.gbSeconds);
      const netUsd = (this.requests.count - freeTier.requests) * PRICES.requestUsd + (onDemandGbs - freeTier.gbSeconds) * price;
      totalUsd = Math.max(0, netUsd + provisionedConcurrency.usd);
      freeTier.usd = grossUsd - totalUsd;
    }
    let projectedMonthlyUsd: number | null = null;
    if (elapsedMs > 0) {
      const scale = MONTH_MS / elapsedMs;
      projectedMonthlyUsd = grossUsd * scale;
      if (applies) {
        const credit =
          Math.min(this.requests.count * scale, PRICES.freeTier.requests) * PRICES.requestUsd +
          Math.min(onDemandGbs * scale, PRICES.freeTier.gbSeconds) * (onDemandGbs > 0 ? onDemandUsd / onDemandGbs : 0);
        projectedMonthlyUsd = Math.max(0, projectedMonthlyUsd - credit);
      }
    }
    return {
      granularityMs: this.granularityMs,
      architecture: this.architecture,
      elapsedMs,
      requests: { ...this.requests },
      invoke: { ...this.invoke },
      init: { ...this.init },
      provisionedConcurrency,
      provisionedInvocations: { ...this.provisionedInvocations },
      freeTier,
      grossUsd,
      totalUsd,
      projectedMonthlyUsd,
    };
  }
}
