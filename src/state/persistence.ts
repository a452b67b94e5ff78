/**
 * Saved workspaces in IndexedDB: one record per named workspace, holding the
 * workspace in the share link's schema (compact JSON with its version), and
 * a `current` entry naming the one that was open. Every failure becomes a
 * StorageError whose message the UI shows: private windows and disabled
 * storage refuse to open, a full disk refuses to write.
 */
export interface WorkspaceRecord {
  id: string;
  name: string;
  /** The workspace schema version of `data`. */
  version: number;
  /** The compact workspace JSON. */
  data: unknown;
  updatedAtMs: number;
  /** Where the workspace came from: typed here, a share link, or an imported file. */
  origin: 'local' | 'link' | 'import';
}

export type StorageErrorKind = 'unavailable' | 'full' | 'failed';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const DB_NAME = 'serverless-playground';
const DB_VERSION = 1;
const WORKSPACES = 'workspaces';
const META = 'meta';

function classify(err: unknown, doing: string): StorageError {
  const name = err instanceof DOMException || err instanceof Error ? err.name : '';
  const detail = err instanceof Error ? err.message : String(err);
  if (name === 'QuotaExceededError') return new StorageError('full', `Not saved: the browser's storage for this site is full (${doing}). Export a zip or copy a link to keep this work, or delete saved workspaces.`);
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError') {
    return new StorageError('unavailable', `Not saved: this browser does not let the page store data (${name}; private windows often do this). Your work lasts until the tab closes: export a zip or copy a link to keep it.`);
  }
  return new StorageError('failed', `Not saved: storage failed while ${doing} (${name || 'error'}: ${detail}). Export a zip or copy a link to keep this work.`);
}

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new StorageError('unavailable', 'Not saved: this browser has no IndexedDB. Export a zip or copy a link to keep your work.'));
      return;
    }
    let r: IDBOpenDBRequest;
    try {
      r = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (err) {
      reject(classify(err, 'opening the database'));
      return;
    }
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains(WORKSPACES)) db.createObjectStore(WORKSPACES, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(classify(r.error, 'opening the database'));
    r.onblocked = () => reject(new StorageError('failed', 'Not saved: another tab holds an older version of the playground’s storage open. Close it and reload.'));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

async function run<T>(stores: string[], mode: IDBTransactionMode, doing: string, work: (tx: IDBTransaction) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    const tx = db.transaction(stores, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
      tx.onerror = () => reject(tx.error);
    });
    const result = await work(tx);
    await done;
    return result;
  } catch (err) {
    throw err instanceof StorageError ? err : classify(err, doing);
  }
}

/** Whether storage works at all (opening the database is the test). */
export async function storageProblem(): Promise<StorageError | null> {
  try {
    await open();
    return null;
  } catch (err) {
    return err instanceof StorageError ? err : classify(err, 'opening the database');
  }
}

export function listWorkspaces(): Promise<WorkspaceRecord[]> {
  return run([WORKSPACES], 'readonly', 'listing workspaces', (tx) => request(tx.objectStore(WORKSPACES).getAll() as IDBRequest<WorkspaceRecord[]>)).then((all) =>
    all.sort((a, b) => b.updatedAtMs - a.updatedAtMs),
  );
}

export function getWorkspace(id: string): Promise<WorkspaceRecord | undefined> {
  return run([WORKSPACES], 'readonly', 'reading a workspace', (tx) => request(tx.objectStore(WORKSPACES).get(id) as IDBRequest<WorkspaceRecord | undefined>));
}

/** Save the record and remember it as the one open. */
export function putWorkspace(record: WorkspaceRecord): Promise<void> {
  return run([WORKSPACES, META], 'readwrite', 'saving', async (tx) => {
    tx.objectStore(WORKSPACES).put(record);
    tx.objectStore(META).put(record.id, 'current');
  });
}

export function deleteWorkspace(id: string): Promise<void> {
  return run([WORKSPACES], 'readwrite', 'deleting a workspace', async (tx) => {
    tx.objectStore(WORKSPACES).delete(id);
  });
}

export function currentWorkspaceId(): Promise<string | undefined> {
  return run([META], 'readonly', 'reading which workspace was open', (tx) => request(tx.objectStore(META).get('current') as IDBRequest<string | undefined>));
}

export function setCurrentWorkspaceId(id: string): Promise<void> {
  return run([META], 'readwrite', 'remembering the open workspace', async (tx) => {
    tx.objectStore(META).put(id, 'current');
  });
}
