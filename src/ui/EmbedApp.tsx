import { useEffect, useState } from 'react';
import { usePlayground } from '../state/playgroundStore';
import { useWorkspace } from '../state/workspaceStore';
import { makeShareLink, playgroundBaseUrl } from '../state/workspaceTransfer';
import { EventPanel } from './EventPanel';
import { FunctionTabs } from './FunctionTabs';
import { HandlerPanel } from './HandlerPanel';
import { LogsPanel } from './LogsPanel';
import { ResponsePanel } from './ResponsePanel';
import { WorkspaceNotices } from './WorkspaceNotices';
import './workspace.css';

/** Where "Open in the full playground" points: this workspace, as it is now, in a link to the page without embed options. */
function useFullPlaygroundLink(): string {
  const functions = usePlayground((s) => s.functions);
  const [href, setHref] = useState(playgroundBaseUrl());
  useEffect(() => {
    const timer = setTimeout(() => {
      void makeShareLink(playgroundBaseUrl()).then((link) => setHref(link.url));
    }, 300);
    return () => clearTimeout(timer);
  }, [functions]);
  return href;
}

/**
 * The compact layout for iframes (`?embed=1`, optionally `&readonly=1`): the
 * editor, the test event and the run controls, with a link out to the full
 * playground. Nothing is saved in embedded pages.
 */
export function EmbedApp() {
  const invoke = usePlayground((s) => s.invoke);
  const inFlight = usePlayground((s) => s.inFlight);
  const selectedId = usePlayground((s) => s.selectedId);
  const readOnly = useWorkspace((s) => s.readOnly);
  const fullLink = useFullPlaygroundLink();
  return (
    <div className="app embed">
      <header className="topbar">
        <h1>Serverless Playground</h1>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void invoke()} aria-keyshortcuts="Control+Enter Meta+Enter" title="Invoke (Ctrl/Cmd+Enter)">
            Invoke
          </button>
          {inFlight > 0 && <span className="hint">{inFlight} running</span>}
        </div>
        <a className="embed-link" href={fullLink} target="_blank" rel="noopener">
          Open in the full playground ↗
        </a>
      </header>
      <WorkspaceNotices />
      <FunctionTabs readOnly={readOnly} />
      <main className="layout" key={selectedId}>
        <div className="column">
          <HandlerPanel readOnly={readOnly} height="320px" />
        </div>
        <div className="column">
          <EventPanel />
          <ResponsePanel />
          <LogsPanel />
        </div>
      </main>
    </div>
  );
}
