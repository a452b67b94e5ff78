import type { SqsEventSourceMapping } from '../../../core/sources/sqsEventSourceMapping';
import { sourceById, useSources } from '../../../state/sourcesStore';
import { SqsQueueView } from './SqsQueueView';

/** The SQS queue and its event source mapping, wired to the store. */
export function SqsTriggerView({ sourceId }: { sourceId: string }) {
  useSources((s) => s.version);
  const act = useSources((s) => s.act);
  const mapping = sourceById<SqsEventSourceMapping>(sourceId);
  if (!mapping) return null;
  return (
    <SqsQueueView
      view={mapping.view()}
      onSend={(body) => act(sourceId, (out) => mapping.send(body, undefined, out))}
      onSendBatch={(n) => act(sourceId, (out) => mapping.sendMessages(n, out))}
      onSettingsChange={(settings) => act(sourceId, (out) => mapping.updateSettings(settings, out))}
    />
  );
}
