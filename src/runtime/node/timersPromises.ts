/** `timers/promises`: promise forms of the timers, with Node's AbortError on `signal`. */
import { setImmediate, clearImmediate } from './timers';

function abortError(signal: AbortSignal): Error {
  return Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR', cause: signal.reason as unknown });
}

function setTimeoutP<T = void>(delay?: number, value?: T, options?: { signal?: AbortSignal }): Promise<T> {
  const signal = options?.signal;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => resolve(value as T), delay ?? 1);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(abortError(signal));
    }, { once: true });
  });
}

function setImmediateP<T = void>(value?: T, options?: { signal?: AbortSignal }): Promise<T> {
  const signal = options?.signal;
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const h = setImmediate(() => resolve(value as T));
    signal?.addEventListener('abort', () => {
      clearImmediate(h);
      reject(abortError(signal));
    }, { once: true });
  });
}

async function* setIntervalP<T = void>(delay?: number, value?: T, options?: { signal?: AbortSignal }): AsyncGenerator<T> {
  for (;;) yield await setTimeoutP(delay, value, options);
}

const scheduler = { wait: (delay: number, options?: { signal?: AbortSignal }) => setTimeoutP(delay, undefined, options), yield: () => setImmediateP() };

export default { setTimeout: setTimeoutP, setImmediate: setImmediateP, setInterval: setIntervalP, scheduler };
