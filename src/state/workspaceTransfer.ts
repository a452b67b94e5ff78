import { realTimers } from '../bridge/timerHost';
import { layersLinkNote, linkLengthAdvice, type LinkLengthLevel } from '../core/workspace/shareLinkFormat';
import { withRequests } from './holdAutonomy';
import { decodeFragment, encodeWorkspaceFragment, shareUrl } from './shareLink';
import { currentWorkspace, openAsNew, useWorkspace } from './workspaceStore';

/** Share links and downloads: the ways a workspace leaves the page and comes back (export and import as files: workspaceFiles.ts, loaded on demand). */

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
