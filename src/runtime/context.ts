import type { InitSpec } from '../protocol/messages';

/** The Node.js `context` object (lambda-model.md §6). */
export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  identity: undefined;
  clientContext: undefined;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

export function makeContext(spec: InitSpec, requestId: string, deadline: number, now: () => number, invokedFunctionArn?: string): LambdaContext {
  return {
    functionName: spec.functionName,
    functionVersion: spec.functionVersion ?? '$LATEST',
    invokedFunctionArn: invokedFunctionArn ?? spec.functionArn,
    memoryLimitInMB: String(spec.memoryMb),
    awsRequestId: requestId,
    logGroupName: spec.logGroupName,
    logStreamName: spec.logStreamName,
    identity: undefined,
    clientContext: undefined,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, Math.round(deadline - now())),
  };
}
