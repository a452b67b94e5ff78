type Callback = (...args: unknown[]) => unknown;
type Schedule = (fn: unknown, ms?: number, ...args: unknown[]) => number;
type Clear = (id?: number) => void;

/**
 * Lambda freezes an execution environment once its response is sent: timers
 * left behind do not run while it is idle, and pick up inside the next
 * invocation on that environment. A worker cannot be frozen, so the runtime
 * wraps the handler's timers: a callback that comes due while no invocation
 * (or Init) is active is held back, at most once per timer (an interval
 * that fires ten times while idle runs once), and released at the start of
 * the next invocation. Microtask chains started from timers are held with
 * them, since they only start when the callback runs.
 */
export class TimerHold {
  private active = false;
  /** Callbacks that came due while idle, by timer id, in the order they came due. */
  private readonly held = new Map<number, () => void>();
  private schedule: Schedule | null = null;

  /** Wrap `setTimeout`/`setInterval`/`clear*` on `scope`, on top of what is there (the CPU meter's wrappers). */
  wrap(scope: Record<string, unknown>): void {
    const setTimeout = scope.setTimeout as Schedule;
    const setInterval = scope.setInterval as Schedule;
    const clearTimeout = scope.clearTimeout as Clear;
    const clearInterval = scope.clearInterval as Clear;
    this.schedule = (fn, ms, ...args) => setTimeout.call(scope, fn, ms, ...args);
    const wrapWith = (original: Schedule): Schedule => (fn, ms, ...args) => {
      if (typeof fn !== 'function') return original.call(scope, fn, ms, ...args);
      const callback = fn as Callback;
      let id = 0;
      id = original.call(scope, (...a: unknown[]) => this.due(id, () => void callback(...a)), ms, ...args);
      return id;
    };
    scope.setTimeout = wrapWith(setTimeout);
    scope.setInterval = wrapWith(setInterval);
    scope.clearTimeout = (id?: number) => {
      if (id !== undefined) this.held.delete(id);
      clearTimeout.call(scope, id);
    };
    scope.clearInterval = (id?: number) => {
      if (id !== undefined) this.held.delete(id);
      clearInterval.call(scope, id);
    };
  }

  /** An invocation (or Init) starts: callbacks held while idle run now, each as its own task. */
  begin(): void {
    this.active = true;
    const released = [...this.held];
    this.held.clear();
    for (const [id, run] of released) this.schedule?.(() => this.due(id, run), 0);
  }

  /** The response is sent: the environment is frozen until the next `begin`. */
  end(): void {
    this.active = false;
  }

  /** Callbacks held back right now (for tests and the bench). */
  heldCount(): number {
    return this.held.size;
  }

  private due(id: number, run: () => void): void {
    if (this.active) run();
    else if (!this.held.has(id)) this.held.set(id, run);
  }
}
