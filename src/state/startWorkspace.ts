import { startPersistence } from './workspaceStore';
import { openLinkFromLocation } from './workspaceTransfer';
import { openLessonFromSearch } from './lessons/lessonStore';

/** The page's query options: `?embed=1` for the compact iframe layout, `&readonly=1` to show the code without letting it be edited. */
export function embedOptions(search: string): { embed: boolean; readOnly: boolean } {
  const params = new URLSearchParams(search);
  const on = (name: string): boolean => ['1', 'true', 'yes'].includes((params.get(name) ?? '').toLowerCase());
  return { embed: on('embed'), readOnly: on('readonly') };
}

/**
 * Open what the page should show: the workspace that was open (saved in
 * IndexedDB), then a workspace in the link's fragment as a new one; a link
 * pasted into this tab later is opened the same way. A `?lesson=…` link
 * then opens its lesson.
 */
export async function startWorkspace(search: string): Promise<void> {
  const { embed, readOnly } = embedOptions(search);
  await startPersistence(embed, readOnly);
  await openLinkFromLocation();
  await openLessonFromSearch(search, embed);
  window.addEventListener('hashchange', () => void openLinkFromLocation());
}
