import { platformNow } from '../../state/runStore';
import { usePlayground } from '../../state/playgroundStore';
import { EventPanel } from '../EventPanel';
import { HandlerPanel } from '../HandlerPanel';
import { ResponsePanel } from '../ResponsePanel';
import { Timeline } from '../timeline/Timeline';
import { MetricsStrip } from './MetricsStrip';
import { RunControls } from './RunControls';
import { ScopeSelect } from './ScopeSelect';
import { useRunResults } from './useRunResults';
import './runView.css';

/** The timeline and the strip under it: they follow the run (throttled), apart from the editors above. */
function RunResultsArea() {
  const results = useRunResults({ withBill: true });
  return (
    <>
      <div className="run-area-timeline">
        <Timeline data={results.timeline} nowMs={platformNow} running={results.running} toolbar={<ScopeSelect id="run-scope" />} />
      </div>
      <div className="run-area-strip">
        <MetricsStrip series={results.metrics} records={results.records} totalUsd={results.bill?.totalUsd ?? null} />
      </div>
    </>
  );
}

/**
 * The teaching view: the handler, its event, Invoke's Response, the load
 * generator and the timeline, all in one screen at 1280×720 (a projector),
 * each panel scrolling inside itself. On a narrow screen they stack.
 */
export function RunView() {
  const selectedId = usePlayground((s) => s.selectedId);
  return (
    <div className="run-view">
      {/* The function's panels keep what the user is typing locally: a new function gets fresh ones. */}
      <div className="run-area-code" key={`code-${selectedId}`}>
        <HandlerPanel />
      </div>
      <div className="run-area-event" key={`event-${selectedId}`}>
        <EventPanel />
      </div>
      <div className="run-area-response">
        <ResponsePanel />
      </div>
      <div className="run-area-load">
        <RunControls />
      </div>
      <RunResultsArea />
    </div>
  );
}
