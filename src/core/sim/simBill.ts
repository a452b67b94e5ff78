import type { BillAccumulator, BillTotals, ProvisionedChange } from '../billAccumulator';
import type { Architecture } from '../functionConfig';
import type { CachedSnapshot } from '../snapStart';

/** The bill of a simulated period: billing.ts's `Bill` without its per-invocation rows. */
export type SimBill = Omit<BillTotals, 'rowsTotalUsd' | 'architectures'> & { architecture: Architecture };

/**
 * The simulated period's bill: the totals of the one bill accumulator
 * (billAccumulator.ts, which billing.ts's `computeBill` also uses), fed every
 * completion of the run, drawn up over the run's window.
 */
export function simBillOf(
  accumulator: BillAccumulator,
  architecture: Architecture,
  input: { provisioned: readonly ProvisionedChange[]; startMs: number; nowMs: number; freeTier: boolean; snapshots?: readonly CachedSnapshot[] },
): SimBill {
  const { rowsTotalUsd: _rows, architectures: _architectures, ...totals } = accumulator.totals(input);
  return { ...totals, architecture };
}
