import { useEffect, useMemo, useState } from 'react';
import { computeBill, type Bill } from '../../core/billing';
import type { DeadLetterMessage, DestinationRecord } from '../../core/platformTypes';
import type { InvocationRecord } from '../../core/invocationRecord';
import { ALL_FUNCTIONS, platformNow, runRecorder, useRun } from '../../state/runStore';
import type { Accounting, MetricsSeries } from '../../state/runRecorder';
import { sentSoFar } from '../../state/sentCounter';
import type { TimelineData } from '../../state/timelineData';
import { usePlayground } from '../../state/playgroundStore';
import { cachedSnapshots, useVersions } from '../../state/versionsStore';
import { useThrottledValue } from '../useThrottledValue';

/** Re-render every `ms` while `on`: the provisioned-concurrency charge grows with time, not only with invocations. */
function useTicker(on: boolean, ms: number): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!on) return;
    const id = setInterval(() => setTick((t) => t + 1), ms);
    return () => clearInterval(id);
  }, [on, ms]);
  return tick;
}

/** Charts, the bill and the summary follow a run once a second: their cost must not stall the thread the workers report to. */
const HEAVY_PANELS_MS = 1000;

export interface RunResults {
  /** The function shown, or ALL_FUNCTIONS. */
  scope: string;
  running: boolean;
  timeline: TimelineData;
  metrics: MetricsSeries;
  records: readonly InvocationRecord[];
  /** Only computed when asked for (`withBill`); the Run view's strip shows its total. */
  bill: Bill | null;
  accounting: () => Accounting;
  destinations: () => readonly DestinationRecord[];
  deadLetters: () => readonly DeadLetterMessage[];
}

/**
 * What the platform did in the selected scope, read from the run recorder:
 * the same figures for the Run view's timeline and strip, the Metrics view
 * and the Billing view.
 */
export function useRunResults({ withBill }: { withBill: boolean }): RunResults {
  const loadState = useRun((s) => s.loadState);
  // Provisioned concurrency bills by the hour, whatever runs: any function's keeps the bill ticking.
  const provisioned = useRun((s) => s.settings.provisionedConcurrency + Object.values(s.own).reduce((n, o) => n + o.provisionedConcurrency, 0));
  const billOptions = useRun((s) => s.billOptions);
  const wantedScope = useRun((s) => s.scope);
  const version = useThrottledValue(useRun((s) => s.version), HEAVY_PANELS_MS);
  const inFlight = usePlayground((s) => s.inFlight);
  const functions = usePlayground((s) => s.functions);
  const running = loadState === 'running' || loadState === 'paused' || inFlight > 0;
  const scope = functions.some((f) => f.id === wantedScope) ? wantedScope : ALL_FUNCTIONS;
  // SnapStart snapshots are billed for caching while they exist (at least 3 hours each).
  const byFunction = useVersions((s) => s.byFunction);
  const snapshots = useMemo(() => cachedSnapshots(byFunction, scope === ALL_FUNCTIONS ? null : scope), [byFunction, scope]);
  const tick = useTicker(withBill && (running || provisioned > 0 || snapshots.length > 0), HEAVY_PANELS_MS);
  const recorder = runRecorder(scope);
  // The recorder mutates in place; `version` (batched, throttled) and `tick` say when to read it again.
  const timeline = recorder.timeline();
  const metrics = useMemo(() => recorder.metrics(), [recorder, version]); // eslint-disable-line react-hooks/exhaustive-deps -- see above
  const bill = useMemo(
    () =>
      withBill
        ? computeBill({ records: recorder.records(), provisioned: recorder.provisionedChanges(), startMs: timeline.originMs, nowMs: platformNow(), snapshots, ...billOptions })
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version and tick stand for the recorder's in-place changes
    [withBill, recorder, version, tick, billOptions, timeline.originMs, snapshots],
  );
  return {
    scope,
    running,
    timeline,
    metrics,
    records: recorder.records(),
    bill,
    accounting: () => recorder.accounting(sentSoFar(scope === ALL_FUNCTIONS ? undefined : scope)),
    destinations: () => recorder.destinations(),
    deadLetters: () => recorder.deadLetters(),
  };
}
