import { loadSucrase, sucrase } from '../bridge/sucraseLoader';
import { realTimers } from '../bridge/timerHost';
import { exportFiles } from '../core/workspace/exportFiles';
import { ImportProblem, workspaceFromDocument, workspaceFromFiles, type ImportedFile } from '../core/workspace/importFiles';
import { layersLinkNote, linkLengthAdvice, type LinkLengthLevel } from '../core/workspace/shareLinkFormat';
import type { WorkspaceFunction } from '../core/workspace/workspaceTypes';
import { readZip, ZipError } from '../bridge/zipReader';
import { writeZip } from '../bridge/zipWriter';
import { withRequests } from './holdAutonomy';
import { decodeFragment, encodeWorkspaceFragment, shareUrl } from './shareLink';
import { currentWorkspace, openAsNew, useWorkspace } from './workspaceStore';

/** Links, export and import: the ways a workspace leaves the page and comes back. */

export interface ShareLink {
  url: string;
  length: number;
  level: LinkLengthLevel;
  advice: string;
}

/** The page's own address without query options or fragment: where a full-playground link points. */
export function playgroundBaseUrl(): string {
  return `${location.origin}${location.pathname}`;
}

/** The link that opens the current workspace, with what its own link asked for and is still held (the page it opens asks again). */
export async function makeShareLink(base = `${location.origin}${location.pathname}${location.search}`): Promise<ShareLink> {
  const workspace = withRequests(currentWorkspace(), useWorkspace.getState().consent);
  const url = shareUrl(base, await encodeWorkspaceFragment(workspace));
  const advice = linkLengthAdvice(url.length);
  // A link carries the layers too; when they are what makes it too long, say so (an export carries them whole).
  if (advice.level !== 'ok' && workspace.layers.length > 0) {
    const without = shareUrl(base, await encodeWorkspaceFragment({ ...workspace, layers: [] })).length;
    const files = workspace.layers.reduce((n, l) => n + l.versions.reduce((m, v) => m + v.files.length, 0), 0);
    const note = layersLinkNote(url.length, without, files);
    if (note) advice.message += ` ${note}`;
  }
  return { url, length: url.length, level: advice.level, advice: advice.message };
}

/**
 * Open the workspace in the page's fragment, if there is one, as a new
 * workspace. A bad link leaves everything as it was and says why.
 */
export async function openLinkFromLocation(): Promise<void> {
  const fragment = location.hash;
  if (fragment === '' || fragment === '#') return;
  const decoded = await decodeFragment(fragment);
  if (!decoded.ok) {
    useWorkspace.setState({ linkError: decoded.error.message });
    return;
  }
  useWorkspace.setState({ linkError: null });
  await openAsNew(decoded.workspace, 'link');
  // The workspace now lives in storage (or in the tab): a reload must not open the link again as another copy.
  if (!useWorkspace.getState().embed && !useWorkspace.getState().pending) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/** Type-stripped JavaScript for an exported `.ts` handler; module syntax is kept, line numbers too. */
export function compileTypeScriptForExport(fn: WorkspaceFunction): string {
  try {
    return sucrase().transform(fn.code, { transforms: ['typescript'], filePath: fn.fileName, disableESTransforms: true, keepUnusedImports: false }).code;
  } catch (err) {
    return `// The playground could not compile this TypeScript (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).\n// The source follows as it was: fix it, or compile it yourself.\n${fn.code}`;
  }
}

const slug = (name: string): string => name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'workspace';

/** The workspace as a SAM project zip, and the name to download it as. */
export async function exportZip(modified = new Date()): Promise<{ fileName: string; bytes: Uint8Array }> {
  const workspace = currentWorkspace();
  const encoder = new TextEncoder();
  await loadSucrase();
  const files = exportFiles(workspace, compileTypeScriptForExport).map((f) => ({ path: f.path, data: encoder.encode(f.text) }));
  return { fileName: `${slug(workspace.name)}.zip`, bytes: await writeZip(files, modified) };
}

/** Start a download of bytes (the page makes the file; nothing is uploaded). */
export function download(fileName: string, bytes: Uint8Array, type = 'application/zip'): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  realTimers.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const HANDLER = /\.(mjs|cjs|js|ts)$/i;

/** A zip (an export, or any project with handler files), a playground.json, or one handler file, opened as a new workspace. Returns a problem to show, or null. */
export async function importFile(file: File): Promise<string | null> {
  if (file.size > 64 * 1024 * 1024) return `${file.name} is larger than 64 MB: not imported.`;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const base = file.name.replace(/\.[^.]+$/, '') || 'Imported';
    const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    let workspace;
    if (isZip) {
      const decoder = new TextDecoder();
      const files: ImportedFile[] = (await readZip(bytes)).map((e) => ({ path: e.path, text: decoder.decode(e.data) }));
      workspace = workspaceFromFiles(files, base);
    } else if (/\.json$/i.test(file.name)) {
      workspace = workspaceFromDocument(new TextDecoder().decode(bytes), file.name);
    } else if (HANDLER.test(file.name)) {
      workspace = workspaceFromFiles([{ path: file.name, text: new TextDecoder().decode(bytes) }], base);
    } else {
      return `${file.name} is not a zip, a playground.json or a handler file (.mjs, .js, .cjs, .ts).`;
    }
    await openAsNew(workspace, 'import');
    return null;
  } catch (err) {
    if (err instanceof ImportProblem || err instanceof ZipError) return `${file.name}: ${err.message}`;
    return `${file.name} could not be imported: ${err instanceof Error ? err.message : String(err)}`;
  }
}
