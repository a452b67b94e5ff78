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
      onSend={(body, fifo) => act(sourceId, (out) => mapping.send(body, undefined, out, fifo ?? {}))}
      onSendBatch={(n, groups) => act(sourceId, (out) => mapping.sendMessages(n, out, groups))}
      onSettingsChange={(settings) => act(sourceId, (out) => mapping.updateSettings(settings, out))}
      onContentBasedDeduplication={(on) => act(sourceId, (out) => mapping.setContentBasedDeduplication(on, out))}
    />
  );
}
