import type { PlatformSettings } from './platformSettings';

/**
 * How long an idle on-demand environment is kept before it is reclaimed, and
 * whether it is instead unloaded at once and a fresh one started later
 * ("pre-warmed"). Lambda keeps an idle environment about 10 minutes
 * (lambda-model.md §3, the `keepAliveMs` setting); a policy can decide per
 * function from what it has seen, as the hybrid histogram policy of
 * "Serverless in the Wild" does (sim/hybridHistogramPolicy.ts).
 *
 * Times are Lambda's, in platform time (compression is PlatformClock's).
 */
export interface KeepAlivePolicy {
  /**
   * An invocation arrived `idleMs` after the function's most recent
   * invocation ended (0 when one was still running). Called once per
   * request, before it is admitted.
   */
  observeIdleTime(idleMs: number): void;
  /**
   * An on-demand environment has just become idle. More than 0: unload it
   * now and start a fresh environment this long from now, unless the
   * function is invoked first.
   */
  prewarmMs(settings: PlatformSettings): number;
  /** Keep an idle environment (or a pre-warmed one, from when it is ready) this long, then reclaim it. */
  keepAliveMs(settings: PlatformSettings): number;
}

/** Lambda's own behaviour: the `keepAliveMs` setting for every idle environment, no pre-warming. */
export const FIXED_KEEP_ALIVE: KeepAlivePolicy = {
  observeIdleTime: () => undefined,
  prewarmMs: () => 0,
  keepAliveMs: (settings) => settings.keepAliveMs,
};
