import { DynamoTable } from '../../../core/sources/dynamoTable';
import { KinesisStream } from '../../../core/sources/kinesisStream';
import type { StreamEventSourceMapping } from '../../../core/sources/streamEventSourceMapping';
import { sourceById, useSources } from '../../../state/sourcesStore';
import { switchStreamKind, writeToStream } from '../../../state/triggers/streams/streamTriggers';
import { StreamView } from './StreamView';

/** A DynamoDB or Kinesis stream and its event source mapping, wired to the store. */
export function StreamTriggerView({ sourceId }: { sourceId: string }) {
  useSources((s) => s.version);
  const act = useSources((s) => s.act);
  const mapping = sourceById<StreamEventSourceMapping>(sourceId);
  if (!mapping) return null;
  return (
    <StreamView
      view={mapping.view()}
      onPutItem={(json) => writeToStream(sourceId, (s, out) => (s instanceof DynamoTable ? s.putItem(json, out) : { ok: false, error: 'Not a table' }))}
      onDeleteItem={(keyJson) =>
        writeToStream(sourceId, (s, out) => {
          if (!(s instanceof DynamoTable)) return { ok: false, error: 'Not a table' };
          try {
            return s.deleteItem(JSON.parse(keyJson) as Record<string, unknown>, out);
          } catch {
            return { ok: false, error: 'The key must be a JSON object, e.g. {"id": "1"}' };
          }
        })
      }
      onPutRecord={(key, data) => writeToStream(sourceId, (s, out) => (s instanceof KinesisStream ? s.putRecord(key, data, out) : { ok: false, error: 'Not a stream' }))}
      onSettingsChange={(settings) => act(sourceId, (out) => mapping.configure(settings, out))}
      onKindChange={(kind) => switchStreamKind(sourceId, kind)}
    />
  );
}
