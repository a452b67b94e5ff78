import { useState } from 'react';
import { LIVE_ENVIRONMENT_CAP, useRun } from '../../state/runStore';
import { LoadPanel } from '../LoadPanel';

/** The load generator, with what live mode can show on this machine. (The platform's settings are in the Configuration view.) */
export function RunControls() {
  const plan = useRun((s) => s.plan);
  const loadState = useRun((s) => s.loadState);
  const progress = useRun((s) => s.progress);
  const startProblem = useRun((s) => s.startProblem);
  const actions = useRun.getState();
  // The notice stays until the run records something new.
  const version = useRun((s) => s.version);
  const [clearedAt, setClearedAt] = useState<number | null>(null);
  const loadActive = loadState === 'running' || loadState === 'paused';
  const reset = (): void => {
    actions.resetRun();
    setClearedAt(useRun.getState().version);
  };
  return (
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
      >
        {startProblem && (
          <p className="problems" role="alert" aria-label="Load refused">
            {startProblem}
          </p>
        )}
        <div className="reset-run">
          <button type="button" onClick={reset} disabled={loadActive} title="Clear the timeline, metrics and bill (code, configuration and logs stay)">
            Reset run
          </button>
          <span role="status" className="hint">
            {clearedAt === version ? 'Timeline, metrics and bill cleared; code and configuration unchanged.' : ''}
          </span>
        </div>
        <p className="hint">
          Live mode runs at most {LIVE_ENVIRONMENT_CAP} environments at once in this tab (workers on this machine&apos;s cores); past that, requests are
          throttled with <code>ConcurrentInvocationLimitExceeded</code>. Larger scales: the Simulation view.
        </p>
      </LoadPanel>
    </div>
  );
}
