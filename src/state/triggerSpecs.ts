import type { WorkspaceTrigger } from '../core/workspace/workspaceTypes';
import { useSources, type TriggerEntry } from './sourcesStore';

/** What the workspace needs of the trigger kinds (src/state/triggers/triggerKindsLive.ts). */
export interface TriggerKindsApi {
  captureTrigger(entry: TriggerEntry): WorkspaceTrigger | null;
  restoreTrigger(saved: WorkspaceTrigger): string | null;
  disposeTrigger(entry: TriggerEntry): void;
}
type Kinds = TriggerKindsApi;

let kinds: Kinds | null = null;
let loading: Promise<Kinds> | null = null;
/** Triggers of the open workspace waiting for the kinds' code: saved as they are meanwhile, so a save then loses none. */
let pending: readonly WorkspaceTrigger[] | null = null;

/** The kinds' module announces itself when it is evaluated, however it was loaded (this facade, or the Triggers view's own import). */
export function adoptTriggerKinds(api: TriggerKindsApi): void {
  kinds = api;
}

/**
 * The trigger kinds (every event source's code, ~40 KB gzip) load on
 * demand: with the Triggers view, or with a workspace that has triggers.
 * A page without triggers never fetches them.
 */
export function loadTriggerKinds(): Promise<Kinds> {
  loading ??= import('./triggers/triggerKindsLive').then((m) => (kinds = m));
  return loading;
}

/**
 * The workspace keeps each trigger's settings, read from its source's view,
 * and rebuilds the sources from them; their contents (objects, messages,
 * records, deliveries) stay behind. Each kind does its own part
 * (src/state/triggers/<kind>/). A trigger exists only once its kind's code
 * is loaded, so with triggers `kinds` is there.
 */
export function captureTriggers(): WorkspaceTrigger[] {
  const { triggers } = useSources.getState();
  if (pending) return [...pending];
  if (triggers.length === 0 || !kinds) return [];
  const k = kinds;
  return triggers.map((t) => k.captureTrigger(t)).filter((t): t is WorkspaceTrigger => t !== null);
}

/** Every trigger and its source goes (timers cleared, polling stopped). */
export function removeAllTriggers(): void {
  pending = null;
  const store = useSources.getState();
  for (const t of store.triggers) {
    kinds?.disposeTrigger(t);
    store.removeTrigger(t.sourceId);
  }
}

function restoreNow(k: Kinds, triggers: readonly WorkspaceTrigger[]): string[] {
  const problems: string[] = [];
  for (const t of triggers) {
    try {
      const problem = k.restoreTrigger(t);
      if (problem) problems.push(`${t.type} trigger: ${problem}`);
    } catch (err) {
      problems.push(`${t.type} trigger: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return problems;
}

/**
 * Rebuild the triggers of a workspace: what could not be rebuilt, in words,
 * at once when the kinds' code is loaded, or once it is (a promise).
 * `stillWanted` is asked before a late rebuild: another workspace may have
 * been opened meanwhile.
 */
export function restoreTriggers(triggers: readonly WorkspaceTrigger[], stillWanted: () => boolean = () => true): string[] | Promise<string[]> {
  if (triggers.length === 0) return [];
  if (kinds) return restoreNow(kinds, triggers);
  pending = triggers;
  return loadTriggerKinds().then((k) => {
    if (pending !== triggers || !stillWanted()) return [];
    pending = null;
    return restoreNow(k, triggers);
  });
}
