import type { EventBridge } from '../../../core/sources/eventBridge';
import { usePlayground } from '../../../state/playgroundStore';
import { sourceById, useSources } from '../../../state/sourcesStore';
import { EVENTBRIDGE_ID, nextRuleName } from '../../../state/triggers/eventbridge/eventBridgeTriggerLive';
import { EventBridgeView } from './EventBridgeView';

/** The workspace's one bus, its schedules and rules, wired to the store (new ones for the function in the editor). */
export function EventBridgeTriggerView({ sourceId }: { sourceId: string }) {
  useSources((s) => s.version);
  const act = useSources((s) => s.act);
  const functionName = usePlayground((s) => s.config.name);
  const bus = sourceById<EventBridge>(EVENTBRIDGE_ID);
  if (!bus) return null;
  return (
    <EventBridgeView
      view={bus.view()}
      onAddSchedule={(expression, enabled) => act(sourceId, (out) => bus.addSchedule({ name: nextRuleName(functionName, 'schedule'), expression, functionName, enabled }, out))}
      onRemoveSchedule={(name) => act(sourceId, (out) => bus.removeSchedule(name, out))}
      onToggleSchedule={(name, enabled) => act(sourceId, (out) => bus.setScheduleEnabled(name, enabled, out))}
      onAddRule={(name, pattern) => act(sourceId, (out) => bus.addRule({ name, pattern, functionName }, out))}
      onPutEvents={(entry) => act(sourceId, (out) => bus.putEvents([entry], out))}
    />
  );
}
