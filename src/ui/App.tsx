import { QualifierSelect } from './VersionsPanel';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useEditorJump } from '../state/editorJump';
import { usePlayground } from '../state/playgroundStore';
import { FunctionTabs } from './FunctionTabs';
import { SkipLink } from './layout/SkipLink';
import { panelId, tabId, useView, VIEWS, type ViewId } from './layout/viewStore';
import { ViewTabs } from './layout/ViewTabs';
import { LessonsPanel, LESSONS_PANEL_ID } from './lessons/LessonsPanel';
import { LogsPanel } from './LogsPanel';
import { POWER_TUNING_PANEL_ID, usePowerTuningPanel } from './powerTuning/powerTuningPanelStore';
import { useLessons } from '../state/lessons/lessonStore';
import { RunView } from './run/RunView';
import { WorkspaceMenu } from './WorkspaceMenu';
import { WorkspaceNotices } from './WorkspaceNotices';
import type { ResourceContents } from './views/ResourcesView';
import './layout/layout.css';

// Views a first visit does not need come with their own code (the configuration forms, Recharts with Metrics, the trigger views, the resources, the simulation).
const ConfigurationView = lazy(() => import('./views/ConfigurationView').then((m) => ({ default: m.ConfigurationView })));
const TriggersPanel = lazy(() => import('./TriggersPanel').then((m) => ({ default: m.TriggersPanel })));
const SimulationPanel = lazy(() => import('./simulation/SimulationPanel').then((m) => ({ default: m.SimulationPanel })));
const MetricsView = lazy(() => import('./views/MetricsView'));
const BillingView = lazy(() => import('./views/BillingView'));
const PowerTuningPanel = lazy(() => import('./powerTuning/PowerTuningPanel'));
const ResourcesView = lazy(() => import('./views/ResourcesView'));
const TracesView = lazy(() => import('./views/TracesView'));
/** Each kind's contents view (items, objects, message counts), read through the workspace's AWS services; lazy, like the view. */
const RESOURCE_CONTENTS: ResourceContents = {
  tables: lazy(() => import('./resources/TableContents')),
  buckets: lazy(() => import('./resources/BucketContents')),
  queues: lazy(() => import('./resources/QueueContents')),
};

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

/** A trace line clicked anywhere (the Logs panel is on every view) shows the editor it points into. */
function useJumpShowsEditor(): void {
  useEffect(
    () =>
      useEditorJump.subscribe((s, prev) => {
        if (s.jump && s.jump !== prev.jump) useView.getState().show('run');
      }),
    [],
  );
}

/** Run and Configuration are always there; Triggers, Resources and Simulation once opened (so what was typed survives); Metrics and Billing only while shown (their charts and tables cost). */
function mountedViews(view: ViewId, visited: ReadonlySet<ViewId>): Set<ViewId> {
  const out = new Set<ViewId>(['run', 'configuration', view]);
  for (const v of ['triggers', 'resources', 'simulation'] as const) if (visited.has(v)) out.add(v);
  return out;
}

function viewContent(view: ViewId): ReactNode {
  switch (view) {
    case 'run':
      return <RunView />;
    case 'configuration':
      return <ConfigurationView />;
    case 'triggers':
      return <TriggersPanel />;
    case 'resources':
      return <ResourcesView contents={RESOURCE_CONTENTS} />;
    case 'metrics':
      return <MetricsView />;
    case 'billing':
      return <BillingView />;
    case 'traces':
      return <TracesView />;
    case 'simulation':
      return <SimulationPanel />;
  }
}

function ViewPanel({ view, shown }: { view: ViewId; shown: boolean }) {
  return (
    // Focusable (WAI-ARIA tabs pattern): on a wide screen the panel is the box that scrolls, and the keyboard must reach it.
    <div role="tabpanel" id={panelId(view)} aria-labelledby={tabId(view)} hidden={!shown} className={`view-panel view-${view}`} tabIndex={0}>
      <Suspense fallback={<p className="empty view-loading">Loading…</p>}>{viewContent(view)}</Suspense>
    </div>
  );
}

/** Shows and hides the guided lessons beside the view. */
function LessonsButton() {
  const open = useLessons((s) => s.open);
  const show = useLessons((s) => s.show);
  return (
    <button type="button" className="lessons-button" aria-expanded={open} aria-controls={open ? LESSONS_PANEL_ID : undefined} onClick={() => show(!open)}>
      Lessons
    </button>
  );
}

/** Shows and hides the Power tuning region beside the view. */
function PowerTuningButton() {
  const { open, toggle } = usePowerTuningPanel();
  return (
    <button type="button" aria-expanded={open} aria-controls={open ? POWER_TUNING_PANEL_ID : undefined} onClick={toggle}>
      Power tuning
    </button>
  );
}

/**
 * The page: a top bar (Invoke, workspaces), the function and view tabs, the
 * view, and the Logs panel at the bottom, reachable from every view. On a
 * wide screen the page is one screen high and each part scrolls inside
 * itself, so nothing (an Invoke, new log lines) ever scrolls the window.
 */
export function App() {
  const invoke = usePlayground((s) => s.invoke);
  const inFlight = usePlayground((s) => s.inFlight);
  const hasProblems = usePlayground((s) => s.problems.length > 0);
  const view = useView((s) => s.view);
  const visited = useView((s) => s.visited);
  useInvokeShortcut(() => void invoke());
  useJumpShowsEditor();
  const mounted = mountedViews(view, visited);
  const lessonsOpen = useLessons((s) => s.open);
  const powerTuningOpen = usePowerTuningPanel((s) => s.open);
  return (
    <div className="app shell">
      <SkipLink />
      <header className="topbar">
        <h1>Serverless Playground</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void invoke()} aria-keyshortcuts="Control+Enter Meta+Enter" title="Invoke (Ctrl/Cmd+Enter)">
            Invoke
          </button>
          <QualifierSelect />
          {inFlight > 0 && <span className="hint">{inFlight} running</span>}
          {hasProblems && <span className="hint warn">Fix the configuration to invoke</span>}
        </div>
        <p className="tagline">Lambda-style handlers in sandboxed Web Workers, in your browser tab.</p>
        <LessonsButton />
        <PowerTuningButton />
        <WorkspaceMenu />
      </header>
      <div className="navbar">
        <FunctionTabs />
        <ViewTabs mounted={mounted} />
      </div>
      <WorkspaceNotices />
      <div className="workarea">
        <main className="views" id="main" tabIndex={-1}>
          {VIEWS.filter((v) => mounted.has(v.id)).map((v) => (
            <ViewPanel key={v.id} view={v.id} shown={v.id === view} />
          ))}
        </main>
        {(lessonsOpen || powerTuningOpen) && (
          <div className="side-column">
            {lessonsOpen && <LessonsPanel />}
            {powerTuningOpen && (
              <Suspense fallback={<p className="empty view-loading">Loading…</p>}>
                <PowerTuningPanel />
              </Suspense>
            )}
          </div>
        )}
      </div>
      <LogsPanel collapsible />
    </div>
  );
}
