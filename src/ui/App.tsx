import { useEffect } from 'react';
import { usePlayground } from '../state/playgroundStore';
import { ConcurrencyView } from './ConcurrencyView';
import { ConfigForm } from './ConfigForm';
import { EventPanel } from './EventPanel';
import { FunctionTabs } from './FunctionTabs';
import { HandlerPanel } from './HandlerPanel';
import { LogsPanel } from './LogsPanel';
import { ResponsePanel } from './ResponsePanel';
import { SimulationPanel } from './simulation/SimulationPanel';
import { TriggersPanel } from './TriggersPanel';
import { WorkspaceMenu } from './WorkspaceMenu';
import { WorkspaceNotices } from './WorkspaceNotices';

/** Ctrl/Cmd+Enter anywhere invokes (the editors bind it themselves). */
function useInvokeShortcut(invoke: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      invoke();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [invoke]);
}

export function App() {
  const invoke = usePlayground((s) => s.invoke);
  const inFlight = usePlayground((s) => s.inFlight);
  const hasProblems = usePlayground((s) => s.problems.length > 0);
  // The function's panels keep what the user is typing locally: a new function gets fresh ones.
  const selectedId = usePlayground((s) => s.selectedId);
  useInvokeShortcut(() => void invoke());
  return (
    <div className="app">
      <header className="topbar">
        <h1>Serverless Playground</h1>
        <p className="tagline">Lambda-style handlers in sandboxed Web Workers, in your browser tab.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void invoke()} aria-keyshortcuts="Control+Enter Meta+Enter" title="Invoke (Ctrl/Cmd+Enter)">
            Invoke
          </button>
          {inFlight > 0 && <span className="hint">{inFlight} running</span>}
          {hasProblems && <span className="hint warn">Fix the configuration to invoke</span>}
        </div>
        <WorkspaceMenu />
      </header>
      <WorkspaceNotices />
      <FunctionTabs />
      <main className="layout" key={selectedId}>
        <div className="column">
          <HandlerPanel />
          <ConfigForm />
          <TriggersPanel />
        </div>
        <div className="column">
          <EventPanel />
          <ResponsePanel />
          <LogsPanel />
        </div>
      </main>
      <ConcurrencyView />
      <SimulationPanel />
      <footer className="footnote">
        <p>
          Handlers run in Web Workers inside a sandboxed frame with an opaque origin: they cannot read this page, its storage or cookies, and
          have no network unless the function allows it. Init and Duration are measured in your browser; Max Memory Used is estimated, because
          browsers expose no per-worker memory figure. Changes are deployed when you invoke, so the next invoke after an edit is a cold start.
          Memory sets CPU as on Lambda (1,769 MB = 1 vCPU): the CPU time a handler uses here is stretched by 1,769 MB ÷ memory, and the
          environment stays busy that long; time spent waiting is not stretched.
        </p>
      </footer>
    </div>
  );
}
