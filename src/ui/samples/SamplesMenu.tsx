import { lazy, Suspense, useState } from 'react';

/** The samples' workspaces hold every handler's source: their list comes with its own chunk, fetched when the menu first opens. */
const SampleList = lazy(() => import('./SampleList'));

/** "Sample applications" in the header: complete workspaces (functions, triggers, test events), each opened through its share link. */
export function SamplesMenu() {
  const [open, setOpen] = useState(false);
  return (
    <details className="workspaces samples" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Sample applications</summary>
      {open && (
        <div className="workspaces-panel samples-panel">
          <Suspense fallback={<p className="hint">Loading the samples…</p>}>
            <SampleList onOpen={() => setOpen(false)} />
          </Suspense>
        </div>
      )}
    </details>
  );
}
