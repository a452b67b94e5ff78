import { useVersions } from './versionsStore';
import { useLayers } from './layersStore';
import { realTimers } from '../bridge/timerHost';
import { create } from 'zustand';
import { compactWorkspace } from '../core/workspace/compactWorkspace';
import { SchemaProblem } from '../core/schema/schema';
import { readAnyVersion } from '../core/workspace/workspaceMigrations';
import { WORKSPACE_VERSION, type Workspace } from '../core/workspace/workspaceTypes';
import { currentWorkspaceId, deleteWorkspace, getWorkspace, listWorkspaces, putWorkspace, setCurrentWorkspaceId, storageProblem, StorageError, type WorkspaceRecord } from './persistence';
import { usePlayground } from './playgroundStore';
import { useRun } from './runStore';
import { useSources } from './sourcesStore';
import { onSavedResourcesChange } from './savedResources';
import { holdAutonomy, type ConsentRequest } from './holdAutonomy';
import { applyWorkspace, captureWorkspace, exampleWorkspace } from './workspaceSnapshot';

/** Edits are saved this long after the first one of a burst: well within a second. */
export const SAVE_DELAY_MS = 400;

export type Origin = WorkspaceRecord['origin'];
export interface SavedSummary { id: string; name: string; updatedAtMs: number }
export interface SaveStatus { state: 'idle' | 'pending' | 'saved' | 'error' | 'off'; message: string }

export interface WorkspaceState {
  id: string;
  name: string;
  /** The simulation's scenarios, kept and passed through as they are. */
  scenarios: unknown[];
  origin: Origin;
  /** The origin banner ("came from a link") was dismissed. */
  originSeen: boolean;
  saved: SavedSummary[];
  save: SaveStatus;
  /** Why a link could not be opened; the current workspace was left as it was. */
  linkError: string | null;
  /** What of the last opened workspace could not be restored (a trigger the sources refused). */
  restoreProblems: string[];
  /** A workspace (from a link or a file) waiting for the user's yes: storage is off and the current work would be lost. */
  pending: { workspace: Workspace; origin: Origin } | null;
  /** What the workspace opened from a link or a file asked to run on its own (held until the user allows it). */
  consent: ConsentRequest | null;
  embed: boolean;
  readOnly: boolean;
  setName(name: string): void;
  setScenarios(scenarios: unknown[]): void;
  dismissLinkError(): void;
  dismissOrigin(): void;
}

export const useWorkspace = create<WorkspaceState>()((set) => ({
  id: newId(),
  name: 'Example',
  scenarios: [],
  origin: 'local',
  originSeen: false,
  saved: [],
  save: { state: 'idle', message: '' },
  linkError: null,
  restoreProblems: [],
  pending: null,
  consent: null,
  embed: false,
  readOnly: false,
  setName: (name) => set({ name }),
  setScenarios: (scenarios) => set({ scenarios }),
  dismissLinkError: () => set({ linkError: null }),
  dismissOrigin: () => set({ originSeen: true }),
}));

function newId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `ws-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The workspace as the stores hold it now. */
export function currentWorkspace(): Workspace {
  const { name, scenarios } = useWorkspace.getState();
  return captureWorkspace(name, scenarios);
}

// ---- saving ----------------------------------------------------------------

let lastSaved = '';
/** The workspace as it was opened: a later difference is work that storage must keep. */
let baseline = '';
let saveTimer: unknown = null;
let suspended = 0;
let storageOk = true;

const fingerprint = (): string => {
  const s = useWorkspace.getState();
  return JSON.stringify([s.id, s.name, compactWorkspace(currentWorkspace())]);
};

function scheduleSave(): void {
  if (suspended > 0 || useWorkspace.getState().embed || saveTimer !== null) return;
  saveTimer = realTimers.setTimeout(() => {
    saveTimer = null;
    void saveNow();
  }, SAVE_DELAY_MS);
}

/** Save now if anything changed since the last save. */
export async function saveNow(): Promise<void> {
  if (saveTimer !== null) {
    realTimers.clearTimeout(saveTimer);
    saveTimer = null;
  }
  const s = useWorkspace.getState();
  if (s.embed) return;
  const print = fingerprint();
  if (print === lastSaved) return;
  const record: WorkspaceRecord = { id: s.id, name: s.name, version: WORKSPACE_VERSION, data: compactWorkspace(currentWorkspace()), updatedAtMs: Date.now(), origin: s.origin };
  useWorkspace.setState({ save: { state: 'pending', message: 'Saving…' } });
  try {
    await putWorkspace(record);
    storageOk = true;
    lastSaved = print;
    useWorkspace.setState({ save: { state: 'saved', message: `Saved ${new Date(record.updatedAtMs).toLocaleTimeString()}` } });
    await refreshList();
  } catch (err) {
    storageOk = false;
    useWorkspace.setState({ save: { state: 'error', message: err instanceof StorageError ? err.message : `Not saved: ${String(err)}` } });
  }
}

async function refreshList(): Promise<void> {
  try {
    const all = await listWorkspaces();
    useWorkspace.setState({ saved: all.map(({ id, name, updatedAtMs }) => ({ id, name, updatedAtMs })) });
  } catch {
    // The save status already tells what storage refused.
  }
}

/** Put a workspace into the stores without saving the intermediate states. */
function load(workspace: Workspace, id: string, origin: Origin, consent: ConsentRequest | null = null): void {
  suspended += 1;
  try {
    const restored = applyWorkspace(workspace);
    const restoreProblems = Array.isArray(restored) ? restored : [];
    useWorkspace.setState({ id, name: workspace.name, scenarios: workspace.scenarios, origin, originSeen: origin === 'local', restoreProblems, consent });
    if (!Array.isArray(restored)) {
      // Triggers come back once their code has loaded: then they count in what is "unchanged".
      void restored.then((problems) => {
        if (useWorkspace.getState().id !== id) return;
        useWorkspace.setState({ restoreProblems: problems });
        baseline = JSON.stringify(compactWorkspace(currentWorkspace()));
      });
    }
  } finally {
    suspended -= 1;
  }
  baseline = JSON.stringify(compactWorkspace(currentWorkspace()));
}

const isDirty = (): boolean => JSON.stringify(compactWorkspace(currentWorkspace())) !== baseline;

function recordWorkspace(record: WorkspaceRecord): Workspace {
  try {
    return { ...readAnyVersion(record.version, record.data), name: record.name };
  } catch (err) {
    const why = err instanceof SchemaProblem ? err.message : String(err);
    throw new Error(`The saved workspace “${record.name}” could not be read (${why}); it was left as it is.`, { cause: err });
  }
}

// ---- the user's actions ------------------------------------------------------

/**
 * Open a workspace as a new saved workspace; the current one stays saved. Asks first when storage is off and the current work would be lost.
 * A workspace from a link or a file runs nothing on its own: network access, schedules and provisioned concurrency are held until the user allows them.
 */
export async function openAsNew(workspace: Workspace, origin: Origin, confirmed = false): Promise<void> {
  const s = useWorkspace.getState();
  if (!s.embed && !storageOk && isDirty() && !confirmed) {
    useWorkspace.setState({ pending: { workspace, origin } });
    return;
  }
  await saveNow();
  const held = origin === 'local' ? { workspace, request: null } : holdAutonomy(workspace);
  load(held.workspace, newId(), origin, held.request);
  useWorkspace.setState({ pending: null });
  await saveNow();
}

export async function confirmPending(): Promise<void> {
  const pending = useWorkspace.getState().pending;
  if (pending) await openAsNew(pending.workspace, pending.origin, true);
}

export function dismissPending(): void {
  useWorkspace.setState({ pending: null });
}

export async function switchTo(id: string): Promise<void> {
  await saveNow();
  try {
    const record = await getWorkspace(id);
    if (!record) return;
    load(recordWorkspace(record), record.id, record.origin);
    lastSaved = fingerprint();
    await setCurrentWorkspaceId(id);
  } catch (err) {
    useWorkspace.setState({ save: { state: 'error', message: err instanceof Error ? err.message : String(err) } });
  }
}

export async function newWorkspace(): Promise<void> {
  await saveNow();
  const names = new Set(useWorkspace.getState().saved.map((w) => w.name));
  let n = 1;
  while (names.has(`Untitled workspace ${n}`)) n += 1;
  load(exampleWorkspace(`Untitled workspace ${n}`), newId(), 'local');
  await saveNow();
}

/** Put the example back into the current workspace (the UI asks first: this replaces its functions and triggers). */
export async function resetToExample(): Promise<void> {
  const { id, name } = useWorkspace.getState();
  load(exampleWorkspace(name), id, 'local');
  await saveNow();
}

export async function deleteSaved(id: string): Promise<void> {
  try {
    await deleteWorkspace(id);
  } catch (err) {
    useWorkspace.setState({ save: { state: 'error', message: err instanceof Error ? err.message : String(err) } });
    return;
  }
  await refreshList();
  if (id !== useWorkspace.getState().id) return;
  // The open workspace is gone: what the stores hold must not be saved back under its id.
  lastSaved = fingerprint();
  const next = useWorkspace.getState().saved[0];
  if (next) await switchTo(next.id);
  else await newWorkspace();
}

// ---- start-up ----------------------------------------------------------------

/** Start persistence: open the workspace that was open, then any saved changes are autosaved. Embedded pages keep nothing. */
export async function startPersistence(embed: boolean, readOnly: boolean): Promise<void> {
  useWorkspace.setState({ embed, readOnly, save: embed ? { state: 'off', message: 'Embedded: nothing is saved' } : { state: 'idle', message: '' } });
  baseline = JSON.stringify(compactWorkspace(currentWorkspace()));
  if (embed) return;
  usePlayground.subscribe((s, p) => (s.functions !== p.functions || s.selectedId !== p.selectedId) && scheduleSave());
  useSources.subscribe((s, p) => (s.triggers !== p.triggers || s.version !== p.version) && scheduleSave());
  useRun.subscribe((s, p) => (s.settings !== p.settings || s.plan !== p.plan) && scheduleSave());
  useVersions.subscribe((s, p) => s.byFunction !== p.byFunction && scheduleSave());
  useLayers.subscribe((s, p) => s.layers !== p.layers && scheduleSave());
  onSavedResourcesChange(() => scheduleSave());
  useWorkspace.subscribe((s, p) => (s.name !== p.name || s.scenarios !== p.scenarios) && scheduleSave());
  const flush = (): void => {
    if (document.visibilityState === 'hidden') void saveNow();
  };
  document.addEventListener('visibilitychange', flush);
  window.addEventListener('pagehide', () => void saveNow());
  const problem = await storageProblem();
  if (problem) {
    storageOk = false;
    useWorkspace.setState({ save: { state: 'error', message: problem.message } });
    return;
  }
  try {
    const id = await currentWorkspaceId();
    const record = id ? await getWorkspace(id) : undefined;
    if (record) {
      load(recordWorkspace(record), record.id, record.origin);
      lastSaved = fingerprint();
      useWorkspace.setState({ save: { state: 'saved', message: `Saved ${new Date(record.updatedAtMs).toLocaleTimeString()}` } });
      await refreshList();
      return;
    }
  } catch (err) {
    useWorkspace.setState({ save: { state: 'error', message: err instanceof Error ? err.message : String(err) }, id: newId() });
  }
  await saveNow();
}
