import { useState } from 'react';
import { SampleList } from './SampleList';

/** "Sample applications" in the header: complete workspaces (functions, triggers, test events), each opened through its share link. */
export function SamplesMenu() {
  const [open, setOpen] = useState(false);
  return (
    <details className="workspaces samples" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Sample applications</summary>
      {open && (
        <div className="workspaces-panel samples-panel">
          <SampleList onOpen={() => setOpen(false)} />
        </div>
      )}
    </details>
  );
}
