import { s } from '../../schema/builders';
import { DEFAULT_SQS_MAPPING_SETTINGS as D } from '../../sources/sqsMappingSettings';
import { pascalCase } from '../../workspace/exportLayout';
import { getAtt } from '../../workspace/yamlEmitter';
import { FUNCTION_NAME_MAX, triggerKind } from '../triggerKind';

/** The event source mapping's settings as saved (sqsMappingSettings.ts checks their ranges when the mapping is made). */
export const sqsSettingsSchema = s.object({
  batchSize: s.number().default(D.batchSize),
  maximumBatchingWindowS: s.number().default(D.maximumBatchingWindowS),
  maximumConcurrency: s.nullable(s.number()).default(D.maximumConcurrency),
  visibilityTimeoutS: s.number().default(D.visibilityTimeoutS),
  maxReceiveCount: s.nullable(s.number()).default(D.maxReceiveCount),
  reportBatchItemFailures: s.boolean().default(D.reportBatchItemFailures),
  enabled: s.boolean().default(D.enabled),
  filterPatterns: s.array(s.string(4096), { max: 5, item: 'filter pattern (JSON)' }).default([]),
});

/** A queue polled by an event source mapping that invokes one function. */
export const sqsTriggerKind = triggerKind({
  type: 'sqs',
  shape: {
    queue: s.string(255).describe('A name ending in .fifo makes a FIFO queue.'),
    function: s.string(FUNCTION_NAME_MAX),
    settings: sqsSettingsSchema,
    contentBasedDeduplication: s.optional(s.boolean()).describe('FIFO queues: deduplicate by the SHA-256 of the body when a send gives no id (absent: off).'),
  },
  functions: (t) => [t.function],
  sam(t, out) {
    const st = t.settings;
    const base = pascalCase(t.queue, 'Playground');
    // A FIFO queue (and its dead-letter queue, which must be FIFO too) is named, as SQS requires a .fifo name.
    const fifo = t.queue.endsWith('.fifo');
    const fifoDlq = fifo ? { FifoQueue: true, QueueName: `${t.queue.slice(0, -'.fifo'.length)}-dlq.fifo` } : {};
    const dlq = st.maxReceiveCount === null ? null : out.resource(`${base}DeadLetterQueue`, `dead-letter queue of ${t.queue}`, { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 1_209_600, ...fifoDlq } });
    const queue = out.resource(`${base}Queue`, `SQS queue ${t.queue}`, {
      Type: 'AWS::SQS::Queue',
      Properties: {
        ...(fifo ? { FifoQueue: true, QueueName: t.queue, ContentBasedDeduplication: t.contentBasedDeduplication ? true : undefined } : {}),
        VisibilityTimeout: st.visibilityTimeoutS,
        RedrivePolicy: dlq === null ? undefined : { deadLetterTargetArn: getAtt(dlq, 'Arn'), maxReceiveCount: st.maxReceiveCount },
      },
    }, { kind: 'queues', name: t.queue });
    out.event(t.function, `${queue}Messages`, {
      Type: 'SQS',
      Properties: {
        Queue: getAtt(queue, 'Arn'),
        BatchSize: st.batchSize,
        MaximumBatchingWindowInSeconds: st.maximumBatchingWindowS > 0 ? st.maximumBatchingWindowS : undefined,
        FunctionResponseTypes: st.reportBatchItemFailures ? ['ReportBatchItemFailures'] : undefined,
        ScalingConfig: st.maximumConcurrency === null ? undefined : { MaximumConcurrency: st.maximumConcurrency },
        Enabled: st.enabled ? undefined : false,
        FilterCriteria: st.filterPatterns.length > 0 ? { Filters: st.filterPatterns.map((Pattern) => ({ Pattern })) } : undefined,
      },
    });
  },
});
