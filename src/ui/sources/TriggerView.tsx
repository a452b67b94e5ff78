import type { TriggerEntry } from '../../state/sourcesStore';
import { TRIGGER_VIEWS } from './triggerViews';

/** A trigger's source, shown with its kind's own view (triggerViews.tsx). */
export function TriggerView({ trigger }: { trigger: TriggerEntry }) {
  const { View } = TRIGGER_VIEWS[trigger.kind];
  return <View sourceId={trigger.sourceId} />;
}
