import type { WireOutcome } from '../protocol/messages';
import { loggedErrorOf, runtimeError, toWireError } from './errors';
import type { HandlerFn } from './loadHandler';
import type { LogSink } from './logSink';
import type { PendingWork } from './pendingWork';
import { ProcessExit } from './processShim';

/** Serialise a result as the runtime does; failure is an error, as on Lambda. */
function serialise(result: unknown, runtime: string): WireOutcome {
  try {
    return { kind: 'success', payload: JSON.stringify(result === undefined ? null : result) ?? 'null' };
  } catch (cause) {
    // nodejs20.x/22.x throw a plain Error; the nodejs24.x runtime names it.
    const errorType = runtime === 'nodejs24.x' ? 'Runtime.JSONStringifyError' : 'Error';
    const error = runtimeError(errorType, 'Unable to stringify response body', cause);
    return { kind: 'error', error };
  }
}

/** Checks in a row that must find the loop empty before a never-settling promise counts as abandoned. */
const EXIT_CHECKS = 3;

/**
 * Run one invocation: async handlers settle their promise; callback handlers
 * call `callback(err, result)`. A synchronous handler that neither returns a
 * promise nor calls back returns null, as on Lambda's Node.js runtimes, once
 * its pending callbacks have had a turn.
 *
 * With `loop` (what keeps the event loop alive, src/runtime/pendingWork.ts):
 * an async handler whose promise is still pending when the loop empties ends
 * as `Runtime.NodeJsExit`, as Node's Lambda runtime does, instead of running
 * to the timeout; a callback handler's reply waits for the loop to empty
 * unless `context.callbackWaitsForEmptyEventLoop` is false.
 */
export function invokeHandler(handler: HandlerFn, event: unknown, context: object, runtime: string, logs: LogSink, loop?: PendingWork): Promise<WireOutcome> {
  return new Promise<WireOutcome>((resolve) => {
    let settled = false;
    const succeed = (result: unknown): void => {
      if (settled) return;
      settled = true;
      const outcome = serialise(result, runtime);
      if (outcome.kind === 'error') logs.writeError('Invoke Error', outcome.error);
      resolve(outcome);
    };
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      if (err instanceof ProcessExit) {
        const errorMessage = `RequestId: ${requestId} Error: Runtime exited with error: exit status ${err.status}`;
        resolve({ kind: 'fatal', error: { errorType: 'Runtime.ExitError', errorMessage, trace: [] }, exitStatus: err.status });
        return;
      }
      const error = toWireError(err);
      logs.writeError('Invoke Error', loggedErrorOf(err, error));
      resolve({ kind: 'error', error });
    };
    let calledBack = false;
    const callback = (err: unknown, result?: unknown): void => {
      if (calledBack || settled) return;
      calledBack = true;
      const reply = (): void => (err !== null && err !== undefined ? fail(err) : succeed(result));
      const waits = (context as { callbackWaitsForEmptyEventLoop?: unknown }).callbackWaitsForEmptyEventLoop !== false;
      if (loop && waits) loop.whenEmpty(reply, () => settled);
      else reply();
    };
    // The legacy completion methods of the Node.js runtimes that still take callbacks (not nodejs24.x).
    if (runtime !== 'nodejs24.x') {
      Object.assign(context, { done: callback, succeed: (result?: unknown) => callback(null, result), fail: (err: unknown) => callback(err ?? new Error('fail')) });
    }
    const requestId = (context as { awsRequestId?: string }).awsRequestId ?? '';
    const exitedWithoutReason = (): void => {
      if (settled) return;
      settled = true;
      resolve({ kind: 'noReply' });
    };
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof (returned as PromiseLike<unknown>).then === 'function') {
        (returned as PromiseLike<unknown>).then(succeed, fail);
        loop?.whenEmpty(exitedWithoutReason, () => settled, EXIT_CHECKS);
      } else if (handler.length < 3) {
        setTimeout(() => succeed(null), 0);
      }
    } catch (err) {
      fail(err);
    }
  });
}
