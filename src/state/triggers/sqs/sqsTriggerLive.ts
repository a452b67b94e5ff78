import { splitQualifiedName } from '../../../core/functionVersions';
import { SqsEventSourceMapping } from '../../../core/sources/sqsEventSourceMapping';
import { usePlayground } from '../../playgroundStore';
import { sourceById, sourceContext, useSources } from '../../sourcesStore';
import { sourceIdFor, triggerKindLive } from '../triggerKindLive';

const timeoutOf = (functionName: string): number => usePlayground.getState().functions.find((f) => f.config.name === functionName)?.config.timeoutS ?? 3;

/** An SQS queue with an event source mapping that invokes one function. */
export const sqsTriggerLive = triggerKindLive({
  type: 'sqs',
  choices: [
    {
      choice: 'sqs',
      label: 'SQS queue',
      nameLabel: 'Queue name',
      namePlaceholder: 'my-function-queue',
      detailLabel: 'Batch size',
      detailPlaceholder: '10',
      hint: 'An event source mapping polls the queue and invokes synchronously in batches. A name ending in .fifo makes a FIFO queue.',
      add(functionName, options) {
        const queueName = options.name || `${functionName}-queue`;
        const id = sourceIdFor('sqs', queueName);
        if (useSources.getState().triggers.some((t) => t.sourceId === id)) return `The queue ${queueName} already has an event source mapping.`;
        const batchSize = options.detail ? Number(options.detail) : 10;
        const mapping = new SqsEventSourceMapping(sourceContext, { id, functionName, queueName, functionTimeoutS: timeoutOf(functionName), batchSize, maxReceiveCount: 3, reportBatchItemFailures: true });
        useSources.getState().register({ sourceId: id, kind: 'sqs', functionNames: [functionName] }, mapping);
        return null;
      },
    },
  ],
  capture(entry) {
    const v = sourceById<SqsEventSourceMapping>(entry.sourceId)?.view();
    return v ? { type: 'sqs', queue: v.queue.name, function: v.functionName, settings: { ...v.settings }, ...(v.queue.contentBasedDeduplication ? { contentBasedDeduplication: true } : {}) } : null;
  },
  restore(t) {
    const sourceId = sourceIdFor('sqs', t.queue);
    const mapping = new SqsEventSourceMapping(sourceContext, {
      ...t.settings,
      id: sourceId,
      functionName: t.function,
      queueName: t.queue,
      functionTimeoutS: timeoutOf(t.function),
      contentBasedDeduplication: t.contentBasedDeduplication ?? false,
    });
    useSources.getState().register({ sourceId, kind: 'sqs', functionNames: [t.function] }, mapping);
    return null;
  },
  dispose(entry) {
    const mapping = sourceById<SqsEventSourceMapping>(entry.sourceId);
    if (mapping) useSources.getState().act(entry.sourceId, (out) => mapping.dispose(out));
  },
});

/** Lambda checks the function timeout against the queue's visibility timeout: keep the mappings told. */
usePlayground.subscribe((state, previous) => {
  if (state.functions === previous.functions) return;
  for (const trigger of useSources.getState().triggers) {
    if (trigger.kind !== 'sqs') continue;
    const fn = state.functions.find((f) => trigger.functionNames.some((n) => splitQualifiedName(n).name === f.config.name));
    const mapping = sourceById<SqsEventSourceMapping>(trigger.sourceId);
    if (!fn || !mapping || mapping.view().functionTimeoutS === fn.config.timeoutS) continue;
    useSources.getState().act(trigger.sourceId, (out) => mapping.setFunctionTimeout(fn.config.timeoutS, out));
  }
});
