import type { AwsServicePorts } from '../bridge/services/awsServiceHub';
import type { InvokeTarget } from '../bridge/sourceHub';
import type { Session } from './session';

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
  const invoke = ((functionName: string, payload: string, type: 'RequestResponse' | 'Event', origin: string) => {
    const target = targetFor(functionName, origin);
    if (!target) return Promise.resolve(notFound(functionName));
    return type === 'Event' ? target.invokeAsync(payload) : target.invoke(payload);
  }) as AwsServicePorts['invoke'];
  return {
    sources: () => session.sources.all(),
    act: (sourceId, action) => session.sources.act(sourceId, action),
    invoke,
    standaloneQueues: () => [],
    standaloneTopics: () => [],
    billed: () => undefined,
  };
}
