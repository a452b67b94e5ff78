import { useEffect, useMemo, useState } from 'react';
import { computeBill } from '../core/billing';
import type { InvocationRecord } from '../core/invocationRecord';
import { ALL_FUNCTIONS, LIVE_ENVIRONMENT_CAP, platformNow, runRecorder, useRun } from '../state/runStore';
import { sentSoFar } from '../state/sentCounter';
import { usePlayground } from '../state/playgroundStore';
import { BillingPanel } from './BillingPanel';
import { ConcurrencyForm } from './ConcurrencyForm';
import { LoadPanel } from './LoadPanel';
import { MetricsPanel } from './MetricsPanel';
import { RunSummary } from './RunSummary';
import { Timeline } from './timeline/Timeline';
import { useThrottledValue } from './useThrottledValue';


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

const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;

/** Measured durations are only honest while no more handlers use the CPU than there are cores: say when that was not so. */
function ContentionNote({ records }: { records: readonly InvocationRecord[] }) {
  let contended = 0;
  for (const r of records) if (r.contended) contended += 1;
  if (contended === 0) return null;
  return (
    <p className="hint warn" role="status">
      {contended.toLocaleString('en-US')} of {records.length.toLocaleString('en-US')} invocations used the CPU while more handlers were busy than
      this machine has cores ({cores}): their measured durations include waiting for a core, so they read longer than the handler alone would take.
    </p>
  );
}

/** The load generator and the platform's settings. */
function RunControls() {
  const plan = useRun((s) => s.plan);
  const loadState = useRun((s) => s.loadState);
  const progress = useRun((s) => s.progress);
  const settings = useRun((s) => s.settings);
  const startProblem = useRun((s) => s.startProblem);
  const actions = useRun.getState();
  return (
    <>
      <div className="run-controls">
        <LoadPanel
          plan={plan}
          onPlanChange={actions.setPlan}
          state={loadState}
          progress={progress}
          onStart={actions.startLoad}
          onPause={actions.pauseLoad}
          onResume={actions.resumeLoad}
          onStop={actions.stopLoad}
        />
        <ConcurrencyForm settings={settings} onChange={actions.setSettings} />
      </div>
      <p className="hint">
        Live mode runs at most {LIVE_ENVIRONMENT_CAP} environments at once in this tab: each is a worker thread on this machine&apos;s cores. Past
        that, requests are throttled as by the account limit (reason <code>ConcurrentInvocationLimitExceeded</code>). For larger scales, use the
        simulation.
      </p>
      {startProblem && (
        <p className="problems" role="alert" aria-label="Load refused">
          {startProblem}
        </p>
      )}
    </>
  );
}

/** Charts, the bill and the summary follow a run once a second: their cost must not stall the thread the workers report to. */
const HEAVY_PANELS_MS = 1000;

/** What the platform did: timeline, metrics, bill and the run's accounting, for one function or all. */
function RunResults() {
  const loadState = useRun((s) => s.loadState);
  const provisioned = useRun((s) => s.settings.provisionedConcurrency);
  const billOptions = useRun((s) => s.billOptions);
  const setBillOptions = useRun((s) => s.setBillOptions);
  const setScope = useRun((s) => s.setScope);
  const wantedScope = useRun((s) => s.scope);
  const version = useThrottledValue(useRun((s) => s.version), HEAVY_PANELS_MS);
  const inFlight = usePlayground((s) => s.inFlight);
  const functions = usePlayground((s) => s.functions);
  const running = loadState === 'running' || loadState === 'paused' || inFlight > 0;
  const tick = useTicker(running || provisioned > 0, HEAVY_PANELS_MS);
  const scope = functions.some((f) => f.id === wantedScope) ? wantedScope : ALL_FUNCTIONS;
  const recorder = runRecorder(scope);
  // The recorder mutates in place; `version` (batched, throttled) and `tick` say when to read it again.
  const timeline = recorder.timeline();
  const metrics = useMemo(() => recorder.metrics(), [recorder, version]); // eslint-disable-line react-hooks/exhaustive-deps -- see above
  const accounting = recorder.accounting(sentSoFar(scope === ALL_FUNCTIONS ? undefined : scope));
  const bill = useMemo(
    () => computeBill({ records: recorder.records(), provisioned: recorder.provisionedChanges(), startMs: timeline.originMs, nowMs: platformNow(), ...billOptions }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version and tick stand for the recorder's in-place changes
    [recorder, version, tick, billOptions, timeline.originMs],
  );
  return (
    <>
      {functions.length > 1 && (
        <div className="field scope-field">
          <label htmlFor="run-scope">Show</label>
          <select id="run-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value={ALL_FUNCTIONS}>All functions</option>
            {functions.map((f) => (
              <option key={f.id} value={f.id}>
                {f.config.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <ContentionNote records={recorder.records()} />
      <Timeline data={timeline} nowMs={platformNow} running={running} />
      <MetricsPanel series={metrics} />
      <div className="run-results">
        <BillingPanel bill={bill} options={billOptions} onOptionsChange={setBillOptions} />
        <RunSummary accounting={accounting} destinations={recorder.destinations()} />
      </div>
    </>
  );
}

/** Load, concurrency settings, and what the platform did. */
export function ConcurrencyView() {
  return (
    <div className="concurrency-view">
      <RunControls />
      <RunResults />
    </div>
  );
}
