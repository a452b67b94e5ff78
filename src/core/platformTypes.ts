import type { FunctionConfig } from './functionConfig';
import type { FinishedInvocation, LogLine } from './invocationRecord';
import type { ExitReason, LambdaError } from './lambdaError';
import type { InitializationType } from './environmentVariables';

/** What an execution environment needs to start: its code, configuration and identity. */
export interface EnvironmentSpec {
  envId: string;
  config: FunctionConfig;
  initializationType: InitializationType;
  logStreamName: string;
  functionArn: string;
  logGroupName: string;
  /** `process.env` as the handler will see it. */
  variables: Record<string, string>;
}

/** How a handler's invocation ended, as the execution environment reports it. */
export type HandlerOutcome =
  | { kind: 'success'; payload: string }
  | { kind: 'error'; error: LambdaError }
  /** The runtime reported this error, then its process exited (uncaught exception, unhandled rejection). */
  | { kind: 'fatal'; error: LambdaError; exitStatus: number };

/** Events into the platform model. Durations are measured by the environment itself. */
export type PlatformEvent =
  | { type: 'invoke'; ticket: number; payload: string }
  | { type: 'initDone'; envId: string; initDurationMs: number; logs: LogLine[] }
  | { type: 'initFailed'; envId: string; initDurationMs: number; error: LambdaError; logs: LogLine[] }
  | { type: 'invokeDone'; envId: string; requestId: string; durationMs: number; outcome: HandlerOutcome; logs: LogLine[] }
  | { type: 'timer'; timerId: string }
  | { type: 'environmentLost'; envId: string; reason: ExitReason }
  | { type: 'configure'; config: FunctionConfig };

export type DestroyReason = 'timeout' | 'exited' | 'init-failed' | 'config-changed' | 'lost';

/** Commands out of the platform model, for a driver (real workers or virtual time) to carry out. */
export type PlatformCommand =
  | { type: 'startEnvironment'; spec: EnvironmentSpec }
  | { type: 'invoke'; envId: string; requestId: string; payload: string; remainingMs: number }
  | { type: 'destroyEnvironment'; envId: string; reason: DestroyReason }
  | { type: 'setTimer'; timerId: string; atMs: number }
  | { type: 'clearTimer'; timerId: string }
  | ({ type: 'complete'; ticket: number } & FinishedInvocation)
  /** The Invoke API refused the request before any environment saw it. */
  | { type: 'reject'; ticket: number; statusCode: number; error: LambdaError };

export type EnvironmentState = 'initializing' | 'idle' | 'busy' | 'destroyed';

/** A read-only view of an execution environment, for the UI and tests. */
export interface EnvironmentView {
  envId: string;
  state: EnvironmentState;
  createdAtMs: number;
  invocations: number;
  logStreamName: string;
}
