import { coldStartReason, type ColdStartReason } from './coldStartReason';
import type { EnvironmentPool } from './environmentPool';
import type { PlatformContext } from './platformContext';
import type { Environment } from './platformState';
import type { CommandSink, ThrottleReason } from './platformTypes';
import { ScalingBudget } from './scalingBudget';

/**
 * Admission of a request (lambda-model.md §3): an idle provisioned
 * environment first, then the concurrency limit (the function's reservation or
 * the account's unreserved pool), then the most recently used idle on-demand
 * environment, then the scaling rate for a new one.
 */
/** Synchronous requests per second allowed per unit of concurrency (lambda-model.md §2, "Request rate"). */
export const REQUESTS_PER_SECOND_PER_ENVIRONMENT = 10;

export class Admission {
  private readonly budget: ScalingBudget;
  /** The invocation rate limit, 10 × the concurrency limit per second, as a continuously refilled budget. */
  private readonly rate: ScalingBudget;
  /** Whether the environment the last `admit` returned is a new one (no object per admission for it). */
  cold = false;
  /** Why, when `cold` (full mode only: the scale simulation does not keep it). */
  coldReason: ColdStartReason | null = null;

  constructor(
    private readonly ctx: PlatformContext,
    private readonly pool: EnvironmentPool,
  ) {
    this.budget = new ScalingBudget(ctx.settings.scaleBurst, ctx.settings.scaleWindowMs, ctx.clock.now());
    this.rate = new ScalingBudget(this.rateLimit(), 1000, ctx.clock.now());
  }

  private rateLimit(): number {
    return REQUESTS_PER_SECOND_PER_ENVIRONMENT * this.cap();
  }

  /** The concurrency this function may use: its reservation, or the account's unreserved pool. */
  private cap(): number {
    return this.ctx.settings.reservedConcurrency ?? this.ctx.settings.accountConcurrency;
  }

  /**
   * An environment for a new request (a new one, cold, when `cold` is then
   * true), or why the request is throttled. A synchronous request also counts
   * against the invocation rate limit (asynchronous ones are limited only by
   * concurrency).
   */
  admit(out: CommandSink, sync = false): Environment | ThrottleReason {
    this.cold = false;
    this.coldReason = null;
    const { pool, ctx } = this;
    if (sync && !this.rate.take(ctx.clock.now())) {
      return ctx.settings.reservedConcurrency === null ? 'FunctionInvocationRateLimitExceeded' : 'ReservedFunctionInvocationRateLimitExceeded';
    }
    const provisioned = pool.nextIdle(true);
    if (provisioned) return provisioned;
    const limited: ThrottleReason =
      ctx.settings.reservedConcurrency === null ? 'ConcurrentInvocationLimitExceeded' : 'ReservedFunctionConcurrentInvocationLimitExceeded';
    // The tab's cap (live mode) throttles as the account limit would: past it no environment can be held.
    const inUse = pool.inUse();
    if (!ctx.account.admits(ctx.functionId, inUse)) return limited;
    if (inUse >= ctx.environmentCap) return 'ConcurrentInvocationLimitExceeded';
    const idle = pool.nextIdle(false);
    if (idle) return idle;
    if (!this.budget.take(ctx.clock.now())) return 'ConcurrentInvocationLimitExceeded';
    this.cold = true;
    this.coldReason = ctx.lean ? null : coldStartReason(pool.coldStartFacts());
    return pool.start('init', false, out);
  }

  /** New settings: the scaling rate starts over with them. */
  onSettings(): void {
    const { settings, clock, account, functionId } = this.ctx;
    account.setLimit(settings.accountConcurrency);
    account.setReserved(functionId, settings.reservedConcurrency);
    this.budget.reset(settings.scaleBurst, settings.scaleWindowMs, clock.now());
    this.rate.reset(this.rateLimit(), 1000, clock.now());
  }
}
