import { encodeWorkspaceFragment, shareUrl } from '../shareLink';
import { SAMPLE_APPS, type SampleApp } from './sampleCatalog';

export interface SampleLink extends Omit<SampleApp, 'workspace'> {
  /** The share link that opens the sample's workspace. */
  url: string;
}

/** Every sample application with its share link on this page (`base`: the page's address without its fragment). */
export function sampleLinks(base: string): Promise<SampleLink[]> {
  return Promise.all(SAMPLE_APPS.map(async ({ workspace, ...app }) => ({ ...app, url: shareUrl(base, await encodeWorkspaceFragment(workspace)) })));
}
