import { useEffect, useMemo, useState } from 'react';
import { computeBill } from '../core/billing';
import type { InvocationRecord } from '../core/invocationRecord';
import { ALL_FUNCTIONS, runRecorder, useRun } from '../state/runStore';
import { sentSoFar } from '../state/sentCounter';
import { usePlayground } from '../state/playgroundStore';
import { BillingPanel } from './BillingPanel';
import { ConcurrencyForm } from './ConcurrencyForm';
import { LoadPanel } from './LoadPanel';
import { MetricsPanel } from './MetricsPanel';
import { RunSummary } from './RunSummary';
import { Timeline } from './timeline/Timeline';

const epochNow = (): number => performance.timeOrigin + performance.now();

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

/** Load, concurrency settings, and what the platform did: timeline, metrics, bill and the run's accounting. */
export function ConcurrencyView() {
  const run = useRun();
  const inFlight = usePlayground((s) => s.inFlight);
  const running = run.loadState === 'running' || run.loadState === 'paused' || inFlight > 0;
  const tick = useTicker(running || run.settings.provisionedConcurrency > 0, 1000);
  const functions = usePlayground((s) => s.functions);
  const scope = functions.some((f) => f.id === run.scope) ? run.scope : ALL_FUNCTIONS;
  const recorder = runRecorder(scope);
  const { version, billOptions } = run;
  // The recorder mutates in place; `version` (batched) and `tick` say when to read it again.
  const timeline = recorder.timeline();
  const metrics = recorder.metrics();
  const accounting = recorder.accounting(sentSoFar(scope === ALL_FUNCTIONS ? undefined : scope));
  const bill = useMemo(
    () => computeBill({ records: recorder.records(), provisioned: recorder.provisionedChanges(), startMs: timeline.originMs, nowMs: epochNow(), ...billOptions }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version and tick stand for the recorder's in-place changes
    [recorder, version, tick, billOptions, timeline.originMs],
  );

  return (
    <div className="concurrency-view">
      <div className="run-controls">
        <LoadPanel
          plan={run.plan}
          onPlanChange={run.setPlan}
          state={run.loadState}
          progress={run.progress}
          onStart={run.startLoad}
          onPause={run.pauseLoad}
          onResume={run.resumeLoad}
          onStop={run.stopLoad}
        />
        <ConcurrencyForm settings={run.settings} onChange={run.setSettings} />
      </div>
      {run.startProblem && (
        <p className="problems" role="alert" aria-label="Load refused">
          {run.startProblem}
        </p>
      )}
      {functions.length > 1 && (
        <div className="field scope-field">
          <label htmlFor="run-scope">Show</label>
          <select id="run-scope" value={scope} onChange={(e) => run.setScope(e.target.value)}>
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
      <Timeline data={timeline} nowMs={epochNow} running={running} />
      <MetricsPanel series={metrics} />
      <div className="run-results">
        <BillingPanel bill={bill} options={billOptions} onOptionsChange={run.setBillOptions} />
        <RunSummary accounting={accounting} destinations={recorder.destinations()} />
      </div>
    </div>
  );
}
