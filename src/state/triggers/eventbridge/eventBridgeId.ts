import type { EventBridge } from '../../../core/sources/eventBridge';
import { sourceById, useSources } from '../../sourcesStore';

/** The workspace's one event bus (its source id). Light on purpose: the store and the link checks use it without loading the bus's code. */
export const EVENTBRIDGE_ID = 'eventbridge';

/** Platform waits changed speed: the bus's schedules move their next firings (when there is a bus). */
export function waitScaleChanged(): void {
  const bus = sourceById<EventBridge>(EVENTBRIDGE_ID);
  if (!bus) return;
  useSources.getState().act(EVENTBRIDGE_ID, (out) => bus.onWaitScaleChanged(out));
}
