import { S3Bucket } from '../../../core/sources/s3Bucket';
import { sourceById, sourceContext, useSources } from '../../sourcesStore';
import { actNow, registerOrTarget, sourceIdFor, triggerKindLive } from '../triggerKindLive';

export const s3TriggerLive = triggerKindLive({
  type: 's3',
  choices: [
    {
      choice: 's3',
      label: 'S3 bucket',
      nameLabel: 'Bucket name',
      namePlaceholder: 'my-function-uploads',
      detailLabel: 'Key filter (prefix*suffix)',
      detailPlaceholder: 'uploads/*.jpg',
      hint: 'Asynchronous: ObjectCreated and ObjectRemoved notifications. A bucket that exists gets another notification.',
      add(functionName, options) {
        const bucketName = options.name || `${functionName}-bucket`.toLowerCase();
        const id = sourceIdFor('s3', bucketName);
        const [prefix, suffix] = options.detail.includes('*') ? options.detail.split('*', 2) : [options.detail, ''];
        registerOrTarget('s3', id, functionName, () => new S3Bucket(sourceContext, { id, bucketName }));
        return actNow(id, (out) =>
          (sourceById<S3Bucket>(id) as S3Bucket).addNotification(
            { id: `${functionName}-notification`, functionName, events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'], ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
            out,
          ),
        );
      },
    },
  ],
  capture(entry) {
    const v = sourceById<S3Bucket>(entry.sourceId)?.view();
    return v ? { type: 's3', bucket: v.bucketName, notifications: v.notifications.map(({ functionName, ...n }) => ({ ...n, function: functionName, events: [...n.events] })) } : null;
  },
  restore(t) {
    const sourceId = sourceIdFor('s3', t.bucket);
    const bucket = new S3Bucket(sourceContext, { id: sourceId, bucketName: t.bucket });
    useSources.getState().register({ sourceId, kind: 's3', functionNames: [...new Set(t.notifications.map((n) => n.function))] }, bucket);
    const problems = t.notifications.map((n) => actNow(sourceId, (out) => bucket.addNotification({ id: n.id, functionName: n.function, events: n.events, prefix: n.prefix, suffix: n.suffix }, out)));
    return problems.find((p) => p !== null) ?? null;
  },
});
