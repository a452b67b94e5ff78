import { useEffect, useState } from 'react';
import { usePlayground } from '../state/playgroundStore';
import { useWorkspace } from '../state/workspaceStore';
import { makeShareLink, playgroundBaseUrl } from '../state/workspaceTransfer';
import { EventPanel } from './EventPanel';
import { FunctionTabs } from './FunctionTabs';
import { HandlerPanel } from './HandlerPanel';
import { LessonsPanel } from './lessons/LessonsPanel';
import { LogsPanel } from './LogsPanel';
import { useLessons } from '../state/lessons/lessonStore';
import { ResponsePanel } from './ResponsePanel';
import { WorkspaceNotices } from './WorkspaceNotices';
import './embed.css';
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
 * editor and its test event beside (or, in a narrow frame, above) the
 * Response and the Logs, all within a 640 px-high frame, with a link out to
 * the full playground. Nothing is saved in embedded pages.
 */
export function EmbedApp() {
  const invoke = usePlayground((s) => s.invoke);
  const inFlight = usePlayground((s) => s.inFlight);
  const selectedId = usePlayground((s) => s.selectedId);
  const several = usePlayground((s) => s.functions.length > 1);
  const readOnly = useWorkspace((s) => s.readOnly);
  const fullLink = useFullPlaygroundLink();
  const inLesson = useLessons((s) => s.lessonId !== null || s.problem !== null);
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
      <WorkspaceNotices compact />
      {inLesson && <LessonsPanel compact />}
      {several && <FunctionTabs readOnly={readOnly} />}
      <main className="embed-layout" key={selectedId}>
        <div className="embed-code">
          <HandlerPanel readOnly={readOnly} />
        </div>
        <div className="embed-event">
          <EventPanel />
        </div>
        <div className="embed-response">
          <ResponsePanel />
        </div>
        <div className="embed-logs">
          <LogsPanel />
        </div>
      </main>
    </div>
  );
}
