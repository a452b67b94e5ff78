import { s } from '../../schema/builders';
import { S3_EVENT_TYPES } from '../../sources/s3Bucket';
import { pascalCase } from '../../workspace/exportLayout';
import { ref, type YamlNode } from '../../workspace/yamlEmitter';
import { FUNCTION_NAME_MAX, triggerKind } from '../triggerKind';

/** A bucket and its event notifications (each to one function). */
export const s3TriggerKind = triggerKind({
  type: 's3',
  shape: {
    bucket: s.string(255),
    notifications: s
      .array(
        s.object({
          id: s.string(255),
          function: s.string(FUNCTION_NAME_MAX),
          events: s.array(s.enum(S3_EVENT_TYPES)),
          prefix: s.optional(s.string()),
          suffix: s.optional(s.string()),
        }),
      )
      .default([]),
  },
  functions: (t) => t.notifications.map((n) => n.function),
  sam(t, out) {
    const bucket = out.resource(`${pascalCase(t.bucket, 'Playground')}Bucket`, `S3 bucket ${t.bucket}`, { Type: 'AWS::S3::Bucket' }, { kind: 'buckets', name: t.bucket });
    for (const n of t.notifications) {
      const rules: YamlNode[] = [...(n.prefix ? [{ Name: 'prefix', Value: n.prefix }] : []), ...(n.suffix ? [{ Name: 'suffix', Value: n.suffix }] : [])];
      out.event(n.function, `${bucket}Event`, {
        Type: 'S3',
        Properties: { Bucket: ref(bucket), Events: n.events, Filter: rules.length > 0 ? { S3Key: { Rules: rules } } : undefined },
      });
    }
  },
});
