import { MetricsPanel } from '../MetricsPanel';
import { RunSummary } from '../RunSummary';
import { ContentionNote } from '../run/ContentionNote';
import { ScopeSelect } from '../run/ScopeSelect';
import { useRunResults } from '../run/useRunResults';

/** The run's CloudWatch-style charts and where every request ended up. (Recharts is loaded with this view, not with the page.) */
export default function MetricsView() {
  const results = useRunResults({ withBill: false });
  return (
    <div className="view-stack">
      <div className="view-toolbar">
        <ScopeSelect id="metrics-scope" />
      </div>
      <ContentionNote records={results.records} />
      <MetricsPanel series={results.metrics} />
      <RunSummary accounting={results.accounting()} destinations={results.destinations()} deadLetters={results.deadLetters()} />
    </div>
  );
}
