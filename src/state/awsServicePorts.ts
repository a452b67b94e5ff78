import type { AwsServicePorts } from '../bridge/services/awsServiceHub';
import type { InvokeTarget } from '../bridge/sourceHub';
import type { Session } from './session';
import { savedResources } from './savedResources';
import { usePlayground } from './playgroundStore';
import { useVersions } from './versionsStore';
import { loadServiceBill } from './lazyServiceBill';

/**
 * The stores' side of the workspace's AWS services (bridge/services): the
 * live sources they share resources with, and the functions an SDK call
 * invokes (Lambda Invoke, SNS and EventBridge deliveries), through the
 * same admission as every other caller.
 */
export function awsServicePorts(session: Session, targetFor: (functionName: string, origin: string) => InvokeTarget | null): AwsServicePorts {
  const notFound = (functionName: string) => ({
    kind: 'rejected' as const,
    statusCode: 404,
    error: { errorType: 'ResourceNotFoundException', errorMessage: `Function not found: ${functionName}`, trace: [] },
  });
  const invoke = ((functionName: string, payload: string, type: 'RequestResponse' | 'Event', origin: string, traceHeader?: string) => {
    const target = targetFor(functionName, origin);
    if (!target) return Promise.resolve(notFound(functionName));
    return type === 'Event' ? target.invokeAsync(payload, traceHeader) : target.invoke(payload, traceHeader);
  }) as AwsServicePorts['invoke'];
  return {
    sources: () => session.sources.all(),
    act: (sourceId, action) => session.sources.act(sourceId, action),
    invoke,
    qualifiers: (name) => {
      const f = usePlayground.getState().functions.find((x) => x.config.name === name);
      if (!f) return undefined;
      const v = useVersions.getState().byFunction[f.id];
      return ['$LATEST', ...(v?.versions.map((x) => String(x.version)) ?? []), ...(v?.aliases.map((a) => a.name) ?? [])];
    },
    standaloneQueues: () => savedResources().queues.map((q) => ({ name: q.name, ...(q.visibilityTimeoutS !== undefined ? { visibilityTimeoutS: q.visibilityTimeoutS } : {}), ...(q.maxReceiveCount !== undefined && q.deadLetterQueue ? { maxReceiveCount: q.maxReceiveCount } : {}) })),
    standaloneTables: () => savedResources().tables,
    deadLetterQueueOf: (name) => savedResources().queues.find((q) => q.name === name)?.deadLetterQueue,
    standaloneBuckets: () => savedResources().buckets.map((b) => b.name),
    standaloneTopics: () => savedResources().topics.map((t) => t.name),
    // The hub itself loads with the first SDK call; the bill with the first billed request.
    billed: (b) => void loadServiceBill().then((m) => m.useServiceBill.getState().add(b)),
    // Traces load with the first sampled request, outside the first load too.
    traced: (span) => void import('./traceStore').then((m) => m.useTraces.getState().add([span])),
  };
}
