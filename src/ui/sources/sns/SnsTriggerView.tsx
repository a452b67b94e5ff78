import type { SnsTopic } from '../../../core/sources/snsTopic';
import { sourceById, useSources } from '../../../state/sourcesStore';
import { SnsTopicView } from './SnsTopicView';

/** The topic, wired to the store. */
export function SnsTriggerView({ sourceId }: { sourceId: string }) {
  useSources((s) => s.version);
  const act = useSources((s) => s.act);
  const source = sourceById<SnsTopic>(sourceId);
  if (!source) return null;
  return <SnsTopicView view={source.view()} onPublish={(input) => act(sourceId, (out) => source.publish(input, out))} />;
}
