import { useRef, useState } from 'react';
import { useWorkspace, deleteSaved, newWorkspace, resetToExample, switchTo } from '../state/workspaceStore';
import { download, makeShareLink, type ShareLink } from '../state/workspaceTransfer';

/** Export and import come with their own code (the SAM template, zips, importers), loaded when used. */
const workspaceFiles = () => import('../state/workspaceFiles');
import { ShareLinkDialog } from './ShareLinkDialog';
import { SamplesMenu } from './samples/SamplesMenu';
import './workspace.css';

/** Saved workspaces: the name of this one, the others to open, a new one, reset, delete. */
function WorkspacesPanel() {
  const name = useWorkspace((s) => s.name);
  const id = useWorkspace((s) => s.id);
  const saved = useWorkspace((s) => s.saved);
  const setName = useWorkspace((s) => s.setName);
  return (
    <details className="workspaces">
      <summary>Workspaces</summary>
      <div className="workspaces-panel">
        <label className="field">
          <span>Workspace name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        </label>
        <label className="field">
          <span>Open saved workspace</span>
          <select value={id} onChange={(e) => void switchTo(e.target.value)}>
            {!saved.some((w) => w.id === id) && <option value={id}>{name} (not saved)</option>}
            {saved.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} · {new Date(w.updatedAtMs).toLocaleString()}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="button" onClick={() => void newWorkspace()}>
            New workspace
          </button>
          <button
            type="button"
            onClick={() => {
              if (window.confirm(`Reset “${name}” to the example? Its functions, triggers and settings are replaced.`)) void resetToExample();
            }}
          >
            Reset to example
          </button>
          <button
            type="button"
            className="ghost"
            onClick={() => {
              if (window.confirm(`Delete the saved workspace “${name}”? This cannot be undone.`)) void deleteSaved(id);
            }}
          >
            Delete workspace
          </button>
        </div>
      </div>
    </details>
  );
}

/** The header's workspace controls: saved workspaces, the sample applications, Copy link, Export, Import, and whether the work is saved. */
export function WorkspaceMenu() {
  const save = useWorkspace((s) => s.save);
  const [link, setLink] = useState<ShareLink | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const copyLink = async (): Promise<void> => {
    const made = await makeShareLink();
    setLink(made);
    try {
      await navigator.clipboard.writeText(made.url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  const exportProject = async (): Promise<void> => {
    setBusy('Exporting…');
    try {
      const { fileName, bytes } = await (await workspaceFiles()).exportZip();
      download(fileName, bytes);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="workspace-menu">
      <WorkspacesPanel />
      <SamplesMenu />
      <button type="button" onClick={() => void copyLink()}>
        Copy link
      </button>
      <button type="button" onClick={() => void exportProject()} title="Download an AWS SAM project (zip)">
        Export
      </button>
      <button type="button" onClick={() => fileInput.current?.click()} title="Open a zip, a playground.json or a handler file as a new workspace">
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        hidden
        aria-label="Workspace to import"
        accept=".zip,.json,.mjs,.js,.cjs,.ts,application/zip"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          setImportError(null);
          void workspaceFiles()
            .then((m) => m.importFile(file))
            .catch((err: unknown) => `${file.name} could not be imported: ${err instanceof Error ? err.message : String(err)}`)
            .then(setImportError);
        }}
      />
      {busy && <span className="hint">{busy}</span>}
      {save.state === 'error' ? (
        <span className="save-status error" role="alert">
          {save.message}
        </span>
      ) : (
        <span className="save-status hint" role="status">
          {save.message}
        </span>
      )}
      {importError && (
        <p className="link-error" role="alert">
          {importError}{' '}
          <button type="button" className="ghost" onClick={() => setImportError(null)}>
            Dismiss
          </button>
        </p>
      )}
      {link && <ShareLinkDialog link={link} copied={copied} onClose={() => setLink(null)} />}
    </div>
  );
}
