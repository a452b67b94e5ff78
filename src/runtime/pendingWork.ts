type Schedule = (fn: unknown, ms?: number, ...args: unknown[]) => number;
type Clear = (id?: number) => void;
type NativeTimeout = (fire: () => void, ms: number) => unknown;

const BODY_READERS = ['json', 'text', 'arrayBuffer', 'blob', 'formData', 'bytes'] as const;

/**
 * What would keep Node's event loop alive, as far as a worker can see it:
 * timers not yet fired or cleared (an interval until it is cleared), `fetch`
 * calls in flight (and `http`/`https`, which go through `fetch`), and
 * response bodies being read. A browser worker has no event loop to ask, so
 * this is the runtime's own count; work it cannot see (a WebSocket, an
 * XMLHttpRequest, a hand-made MessageChannel) does not keep it alive.
 *
 * Used for what Node's Lambda runtime does when the loop empties: an async
 * handler whose promise can never settle ends as `Runtime.NodeJsExit`, and a
 * callback handler's reply waits for it unless
 * `context.callbackWaitsForEmptyEventLoop` is false.
 */
export class PendingWork {
  private readonly timers = new Set<number>();
  private inFlight = 0;

  constructor(private readonly native: NativeTimeout, private readonly everyMs = 25) {}

  /** Wrap the scope's timers and fetch; call after the other timer wrappers, so a frozen timer still counts as pending. */
  wrap(scope: Record<string, unknown>): void {
    const setTimeout = scope.setTimeout as Schedule;
    const setInterval = scope.setInterval as Schedule;
    const clearTimeout = scope.clearTimeout as Clear;
    const clearInterval = scope.clearInterval as Clear;
    scope.setTimeout = (fn: unknown, ms?: number, ...args: unknown[]): number => {
      if (typeof fn !== 'function') return setTimeout.call(scope, fn, ms, ...args);
      const callback = fn as (...a: unknown[]) => unknown;
      let id = 0;
      id = setTimeout.call(scope, (...a: unknown[]) => {
        this.timers.delete(id);
        return callback(...a);
      }, ms, ...args);
      this.timers.add(id);
      return id;
    };
    scope.setInterval = (fn: unknown, ms?: number, ...args: unknown[]): number => {
      const id = setInterval.call(scope, fn, ms, ...args);
      if (typeof fn === 'function') this.timers.add(id);
      return id;
    };
    // Browsers share one id space between the two, as Node lets either clear either.
    const clear = (inner: Clear) => (id?: number) => {
      if (id !== undefined) this.timers.delete(id);
      inner.call(scope, id);
    };
    scope.clearTimeout = clear(clearTimeout);
    scope.clearInterval = clear(clearInterval);
    if (typeof scope.fetch === 'function') {
      const fetch = scope.fetch as (...a: unknown[]) => Promise<unknown>;
      scope.fetch = (...a: unknown[]) => this.track(fetch.apply(scope, a));
    }
    const proto = (scope.Response as { prototype?: Record<string, unknown> } | undefined)?.prototype;
    if (proto) {
      for (const name of BODY_READERS) {
        const read = proto[name];
        if (typeof read !== 'function') continue;
        const track = this.track.bind(this);
        proto[name] = function (this: unknown, ...a: unknown[]) {
          return track((read as (...x: unknown[]) => Promise<unknown>).apply(this, a));
        };
      }
    }
  }

  /** Nothing pending that the runtime can see. */
  empty(): boolean {
    return this.timers.size === 0 && this.inFlight === 0;
  }

  /**
   * Calls `then` once the loop is found empty at `checks` checks in a row:
   * the first after one macrotask, the next `everyMs` apart (so work started
   * by the last callback, and module loading, get their turn), unless
   * `cancelled()` says the question is moot. Checks run on the worker's own
   * timer, which counts as nothing.
   */
  whenEmpty(then: () => void, cancelled: () => boolean, checks = 1): void {
    let emptyChecks = 0;
    const check = (): void => {
      if (cancelled()) return;
      emptyChecks = this.empty() ? emptyChecks + 1 : 0;
      if (emptyChecks >= checks) then();
      else this.native(check, this.everyMs);
    };
    this.native(check, 0);
  }

  /** Work in flight the runtime itself starts for the handler (an AWS SDK request): pending until it settles. */
  track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight += 1;
    const done = (): void => {
      this.inFlight -= 1;
    };
    promise.then(done, done);
    return promise;
  }
}
