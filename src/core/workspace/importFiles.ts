import { SchemaProblem } from '../schema/schema';
import { WORKSPACE_FILE, WORKSPACE_FORMAT } from './exportFiles';
import { layersFromFiles } from './samLayers';
import { readAnyVersion } from './workspaceMigrations';
import { FUNCTION_DEFAULTS, WORKSPACE_DEFAULTS, WORKSPACE_VERSION, type Workspace, type WorkspaceFunction } from './workspaceTypes';

/** Why an import was refused, in words for the user. */
export class ImportProblem extends Error {}

export interface ImportedFile {
  path: string;
  text: string;
}

const HANDLER_FILE = /(^|\/)([\w.-]+)\.(mjs|cjs|js|ts)$/;
const SKIPPED = /(^|\/)(node_modules|\.aws-sam|\.git)\//;
const LAYER_FILE = /(^|\/)layers\/[a-zA-Z0-9_-]+\/\d+\//;

/** A `playground.json` document (any version up to the current one) as a workspace. */
export function workspaceFromDocument(text: string, path = WORKSPACE_FILE): Workspace {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ImportProblem(`${path} is not JSON.`);
  }
  const d = doc as { format?: unknown; version?: unknown; workspace?: unknown };
  if (typeof doc !== 'object' || doc === null || d.format !== WORKSPACE_FORMAT) throw new ImportProblem(`${path} is not a playground workspace (its "format" is not "${WORKSPACE_FORMAT}").`);
  if (typeof d.version !== 'number' || d.version > WORKSPACE_VERSION) {
    throw new ImportProblem(`${path} was written by a newer version of the playground (format ${String(d.version)}; this page reads up to ${WORKSPACE_VERSION}). Reload the page and import it again.`);
  }
  try {
    return readAnyVersion(d.version, d.workspace);
  } catch (err) {
    if (err instanceof SchemaProblem) throw new ImportProblem(`${path} is not a valid workspace: ${err.message}`);
    throw err;
  }
}

function functionFrom(path: string, code: string, folderName: string | null): WorkspaceFunction {
  const match = HANDLER_FILE.exec(path);
  const fileName = `${match?.[2] ?? 'index'}.${match?.[3] ?? 'mjs'}`;
  const base = match?.[2] ?? 'index';
  const name = (folderName ?? base).replace(/[^a-zA-Z0-9_-]+/g, '-').slice(0, 64) || 'imported-function';
  return { ...FUNCTION_DEFAULTS, environment: {}, savedEvents: [], name, fileName, handler: `${base}.handler`, code };
}

/**
 * A workspace from the files of a zip (or one file): the exported
 * `playground.json` when there is one, restoring everything; otherwise each
 * handler file becomes a function with default settings (named after its
 * folder) and `events/*.json` become its test events.
 */
export function workspaceFromFiles(files: readonly ImportedFile[], name: string): Workspace {
  const kept = files.filter((f) => !SKIPPED.test(f.path));
  const workspaceFile = kept.filter((f) => f.path.split('/').pop() === WORKSPACE_FILE).sort((a, b) => a.path.length - b.path.length)[0];
  if (workspaceFile) return workspaceFromDocument(workspaceFile.text, workspaceFile.path);
  // A layer's files (layers/<name>/<version>/…) are layers, not handlers.
  const layers = layersFromFiles(files);
  const handlers = kept.filter((f) => HANDLER_FILE.test(f.path) && !f.path.startsWith('events/') && !LAYER_FILE.test(f.path) && !/\.(test|spec|d)\.[mc]?[jt]s$/.test(f.path));
  // One handler per folder: index.* first.
  const byFolder = new Map<string, ImportedFile>();
  for (const f of handlers.sort((a, b) => Number(!/(^|\/)index\./.test(a.path)) - Number(!/(^|\/)index\./.test(b.path)))) {
    const folder = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '';
    if (!byFolder.has(folder)) byFolder.set(folder, f);
  }
  if (byFolder.size === 0) throw new ImportProblem('No handler file (.mjs, .js, .cjs or .ts) and no playground.json was found.');
  const functions = [...byFolder.entries()].slice(0, 500).map(([folder, f]) => functionFrom(f.path, f.text, folder ? (folder.split('/').pop() ?? null) : null));
  const names = new Set<string>();
  for (const fn of functions) {
    let n = 2;
    const base = fn.name;
    while (names.has(fn.name)) fn.name = `${base}-${n++}`;
    names.add(fn.name);
  }
  const events = kept.filter((f) => /(^|\/)events\/[^/]+\.json$/.test(f.path));
  for (const e of events) {
    const file = e.path.split('/').pop()!.replace(/\.json$/, '');
    const owner = functions.find((fn) => file === fn.name || file.startsWith(`${fn.name}--`)) ?? functions[0]!;
    if (file === owner.name || owner.event === FUNCTION_DEFAULTS.event) owner.event = e.text;
    else owner.savedEvents.push({ name: file.replace(`${owner.name}--`, ''), json: e.text });
  }
  return { ...WORKSPACE_DEFAULTS, triggers: [], scenarios: [], layers, name, functions };
}
