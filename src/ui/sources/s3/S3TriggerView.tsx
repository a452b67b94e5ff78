import type { S3Bucket } from '../../../core/sources/s3Bucket';
import { sourceById, useSources } from '../../../state/sourcesStore';
import { S3BucketView } from './S3BucketView';

/** The bucket, wired to the store. */
export function S3TriggerView({ sourceId }: { sourceId: string }) {
  useSources((s) => s.version);
  const act = useSources((s) => s.act);
  const source = sourceById<S3Bucket>(sourceId);
  if (!source) return null;
  return (
    <S3BucketView
      view={source.view()}
      onPut={(key, bytes, type) => act(sourceId, (out) => source.putObject(key, bytes, type, out))}
      onPutText={(key, text) => act(sourceId, (out) => source.putText(key, text, out))}
      onDelete={(key) => act(sourceId, (out) => source.deleteObject(key, out))}
    />
  );
}
