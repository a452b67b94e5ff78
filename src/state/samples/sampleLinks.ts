import { encodeWorkspaceFragment, shareUrl } from '../shareLink';
import { SAMPLE_BASE } from './sampleBase';
import type { SampleApp } from './sampleCatalog';

export interface SampleLink extends Omit<SampleApp, 'workspace'> {
  /** The share link that opens the sample's workspace. */
  url: string;
}

/**
 * Every sample application with its share link on this page (`pageUrl`: the
 * page's address without its fragment). The samples, with every handler's
 * source, are fetched here, the first time, as a chunk of their own.
 */
export async function sampleLinks(pageUrl: string): Promise<SampleLink[]> {
  const { sampleApps } = await import('./sampleCatalog');
  return Promise.all(sampleApps(SAMPLE_BASE).map(async ({ workspace, ...app }) => ({ ...app, url: shareUrl(pageUrl, await encodeWorkspaceFragment(workspace)) })));
}
