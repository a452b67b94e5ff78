/**
 * Why a request got a new execution environment (a cold start). The
 * platform decides it at admission from what it knows then; the UI explains
 * it in a sentence (`COLD_START_REASONS`).
 */
export type ColdStartReason = 'first-request' | 'config-changed' | 'all-busy' | 'reclaimed' | 'recycled' | 'provisioned-spillover';

export const COLD_START_REASONS: Record<ColdStartReason, string> = {
  'first-request': 'the first request to this function: no environment existed yet',
  'config-changed': 'the code or configuration changed (a deploy): environments of the old version take no new requests',
  'all-busy': 'every environment was busy with a request: one environment serves one request at a time',
  reclaimed: 'the idle environment was reclaimed after its keep-alive ran out',
  recycled: 'the previous environment ended (a crash, a failed init, or fewer provisioned environments) and was not reused',
  'provisioned-spillover': 'every provisioned environment was busy: the request spilled over to an on-demand environment',
};

/** What admission knows when it must start an environment for a request. */
export interface ColdStartFacts {
  provisionedConcurrency: number;
  /** On-demand environments of the current configuration that exist now (busy or starting). */
  onDemandOfCurrentVersion: number;
  /** Environments started before this one, ever, and under the current configuration. */
  startedEver: number;
  startedThisVersion: number;
  /** Why the most recent on-demand environment of this configuration went (null if none went). */
  lastEnded: 'reclaimed' | 'other' | null;
}

export function coldStartReason(f: ColdStartFacts): ColdStartReason {
  if (f.provisionedConcurrency > 0) return 'provisioned-spillover';
  if (f.onDemandOfCurrentVersion > 0) return 'all-busy';
  if (f.startedEver === 0) return 'first-request';
  if (f.startedThisVersion === 0) return 'config-changed';
  return f.lastEnded === 'reclaimed' ? 'reclaimed' : 'recycled';
}
