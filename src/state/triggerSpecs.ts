import type { WorkspaceTrigger } from '../core/workspace/workspaceTypes';
import { useSources } from './sourcesStore';
import { captureTrigger, disposeTrigger, restoreTrigger } from './triggers/triggerKindsLive';

/**
 * The workspace keeps each trigger's settings, read from its source's view,
 * and rebuilds the sources from them; their contents (objects, messages,
 * records, deliveries) stay behind. Each kind does its own part
 * (src/state/triggers/<kind>/).
 */
export function captureTriggers(): WorkspaceTrigger[] {
  return useSources
    .getState()
    .triggers.map(captureTrigger)
    .filter((t): t is WorkspaceTrigger => t !== null);
}

/** Every trigger and its source goes (timers cleared, polling stopped). */
export function removeAllTriggers(): void {
  const store = useSources.getState();
  for (const t of store.triggers) {
    disposeTrigger(t);
    store.removeTrigger(t.sourceId);
  }
}

/** Rebuild the triggers of a workspace; returns what could not be rebuilt, in words. */
export function restoreTriggers(triggers: readonly WorkspaceTrigger[]): string[] {
  const problems: string[] = [];
  for (const t of triggers) {
    try {
      const problem = restoreTrigger(t);
      if (problem) problems.push(`${t.type} trigger: ${problem}`);
    } catch (err) {
      problems.push(`${t.type} trigger: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}
