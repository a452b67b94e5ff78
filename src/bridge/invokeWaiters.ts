/** The callers waiting for invokes' results, and how they stop waiting (abort, disposal). */

/** Why an invoke's promise rejected: its caller aborted, or the function's driver was disposed (the function removed). */
export class InvokeAbortedError extends Error {
  override readonly name = 'AbortError';
}

export interface Waiter<T> {
  resolve(result: T): void;
  reject(error: Error): void;
}

/** A promise for the result of `ticket`, registered in `waiters`; it rejects when `signal` aborts or the driver is already disposed. */
export function wait<T>(waiters: Map<number, Waiter<T>>, ticket: number, signal: AbortSignal | undefined, disposed: boolean): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (disposed) return reject(new InvokeAbortedError('The function was removed from the workspace.'));
    if (signal?.aborted) return reject(new InvokeAbortedError(abortReason(signal)));
    const onAbort = (): void => {
      waiters.delete(ticket);
      reject(new InvokeAbortedError(abortReason(signal as AbortSignal)));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    waiters.set(ticket, {
      resolve: (result) => {
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      },
      reject: (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    });
  });
}

function abortReason(signal: AbortSignal): string {
  const r: unknown = signal.reason;
  return r instanceof Error ? r.message : typeof r === 'string' ? r : 'The caller stopped waiting for the invocation.';
}
