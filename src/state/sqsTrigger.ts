import { SqsEventSourceMapping } from '../core/sources/sqsEventSourceMapping';
import { usePlayground } from './playgroundStore';
import { sourceById, sourceContext, useSources } from './sourcesStore';

/** An SQS queue with an event source mapping that invokes `functionName`. */
export function addSqsTrigger(functionName: string, options: { name: string; detail: string }): string | null {
  const queueName = options.name || `${functionName}-queue`;
  const id = `sqs-${queueName}`.replace(/[^A-Za-z0-9._-]/g, '-');
  if (useSources.getState().triggers.some((t) => t.sourceId === id)) return `The queue ${queueName} already has an event source mapping.`;
  const fn = usePlayground.getState().functions.find((f) => f.config.name === functionName);
  const batchSize = options.detail ? Number(options.detail) : 10;
  const mapping = new SqsEventSourceMapping(sourceContext, {
    id,
    functionName,
    queueName,
    functionTimeoutS: fn?.config.timeoutS ?? 3,
    batchSize,
    maxReceiveCount: 3,
    reportBatchItemFailures: true,
  });
  useSources.getState().register({ sourceId: id, kind: 'sqs', functionNames: [functionName] }, mapping);
  return null;
}

/** Lambda checks the function timeout against the queue's visibility timeout: keep the mappings told. */
usePlayground.subscribe((state, previous) => {
  if (state.functions === previous.functions) return;
  for (const trigger of useSources.getState().triggers) {
    if (trigger.kind !== 'sqs') continue;
    const fn = state.functions.find((f) => trigger.functionNames.includes(f.config.name));
    const mapping = sourceById<SqsEventSourceMapping>(trigger.sourceId);
    if (!fn || !mapping || mapping.view().functionTimeoutS === fn.config.timeoutS) continue;
    useSources.getState().act(trigger.sourceId, (out) => mapping.setFunctionTimeout(fn.config.timeoutS, out));
  }
});
