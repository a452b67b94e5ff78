import { NO_RESOURCES, type WorkspaceResources } from '../core/workspace/workspaceResources';

/**
 * The open workspace's resources as it saves them. The resources store
 * (resourcesStore.ts, with its checks) loads with the Resources view, so the
 * first load stays small; until then, and for saving, the workspace keeps
 * the section here, as triggerSpecs.ts keeps triggers whose kinds have not
 * loaded. The store mirrors it both ways.
 */
let held: WorkspaceResources = NO_RESOURCES;
const listeners = new Set<(resources: WorkspaceResources) => void>();

export const savedResources = (): WorkspaceResources => held;

/** Opening a workspace, or an edit in the store: the section as it is now (listeners hear of a change). */
export function setSavedResources(resources: WorkspaceResources): void {
  if (resources === held) return;
  held = resources;
  for (const listener of listeners) listener(resources);
}

/** Hear of every change of the section; returns the unsubscribe. */
export function onSavedResourcesChange(listener: (resources: WorkspaceResources) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
