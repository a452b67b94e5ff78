import { ConsentPrompt } from './ConsentPrompt';
import { confirmPending, dismissPending, useWorkspace } from '../state/workspaceStore';

const ORIGIN_TEXT = {
  link: 'This workspace was opened from a link.',
  import: 'This workspace was imported from a file.',
} as const;

/** Where the code came from, in full: the playground's own page saves what a link opens. */
function OriginText({ origin }: { origin: 'link' | 'import' }) {
  return (
    <p>
      {ORIGIN_TEXT[origin]} Read its code before you run it. Like all code here it runs only inside the sandboxed frame: it cannot read this page,
      your other workspaces, storage or cookies, and it has no network unless the function allows it. It was saved as a new workspace; your own
      workspaces are unchanged.
    </p>
  );
}

/**
 * What the page must tell about the workspace: a link that could not be
 * opened (the current workspace is untouched), where the code came from,
 * a link waiting for a yes, triggers that could not be restored.
 * `compact` (an embed, which saves nothing): where the code came from in one line.
 */
export function WorkspaceNotices({ compact = false }: { compact?: boolean }) {
  const linkError = useWorkspace((s) => s.linkError);
  const origin = useWorkspace((s) => s.origin);
  const originSeen = useWorkspace((s) => s.originSeen);
  const pending = useWorkspace((s) => s.pending);
  const problems = useWorkspace((s) => s.restoreProblems);
  const dismissLinkError = useWorkspace((s) => s.dismissLinkError);
  const dismissOrigin = useWorkspace((s) => s.dismissOrigin);
  return (
    <div className="workspace-notices">
      {linkError && (
        <div className="link-error" role="alert">
          <p>{linkError}</p>
          <button
            type="button"
            className="ghost"
            onClick={() => {
              dismissLinkError();
              history.replaceState(history.state, '', `${location.pathname}${location.search}`);
            }}
          >
            Dismiss
          </button>
        </div>
      )}
      {pending && (
        <div className="link-pending" role="alertdialog" aria-label="Open the shared workspace?">
          <p>
            Open “{pending.workspace.name}” from the {pending.origin === 'link' ? 'link' : 'file'}? This browser is not saving workspaces, so your current work
            would be replaced and lost. Copy a link or export it first to keep it.
          </p>
          <div className="actions">
            <button type="button" onClick={() => void confirmPending()}>
              Open and replace my work
            </button>
            <button type="button" className="ghost" onClick={dismissPending}>
              Keep my work
            </button>
          </div>
        </div>
      )}
      <ConsentPrompt />
      {origin !== 'local' && !originSeen && (
        <div className={compact ? 'origin-note compact' : 'origin-note'} role="status">
          {compact ? <p>Code from the embedding page: it runs only in a sandboxed frame, and nothing here is saved.</p> : <OriginText origin={origin} />}
          <button type="button" className="ghost" onClick={dismissOrigin}>
            Got it
          </button>
        </div>
      )}
      {problems.length > 0 && (
        <div className="origin-note" role="status">
          <p>Some triggers could not be restored: {problems.join('; ')}</p>
        </div>
      )}
    </div>
  );
}
