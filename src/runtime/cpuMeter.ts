/**
 * How long the handler kept this worker's thread busy, as opposed to waiting.
 *
 * Browsers have no CPU-time API for a worker, so the meter times the tasks
 * it can see start: the invoke message itself, and every timer callback
 * (setTimeout/setInterval are wrapped before handler code loads). A task's
 * end is found by a message posted to ourselves when it starts: it arrives
 * only after that task and its microtasks (the `await` continuations it
 * released) have run. Overlapping spans are merged. Work resumed by a
 * network response (fetch) is not seen and counts as waiting.
 */
export class CpuMeter {
  private busyMs = 0;
  /** End of the last counted span: spans never count the same time twice. */
  private countedTo = 0;
  private open: number | null = null;
  private readonly channel = new MessageChannel();

  constructor(private readonly now: () => number) {
    this.channel.port1.onmessage = () => this.close();
  }

  /** A task we can see has begun. */
  taskStarted(): void {
    if (this.open !== null) return;
    this.open = this.now();
    this.channel.port2.postMessage(0);
  }

  /** Start counting a new invocation from zero. */
  reset(): void {
    this.busyMs = 0;
    this.countedTo = this.now();
    this.open = null;
  }

  /** Whether a task we saw start has not yet been seen to end. */
  get taskOpen(): boolean {
    return this.open !== null;
  }

  /** CPU-busy milliseconds since the last reset, counting the task still running. */
  read(): number {
    const t = this.now();
    const running = this.open === null ? 0 : Math.max(0, t - Math.max(this.open, this.countedTo));
    return this.busyMs + running;
  }

  private close(): void {
    if (this.open === null) return;
    const t = this.now();
    this.busyMs += Math.max(0, t - Math.max(this.open, this.countedTo));
    this.countedTo = t;
    this.open = null;
  }

  /** Wrap the worker's timers so that every callback counts as a visible task. */
  wrapTimers(scope: Record<string, unknown>): void {
    for (const name of ['setTimeout', 'setInterval'] as const) {
      const original = scope[name] as (fn: unknown, ms?: number, ...args: unknown[]) => number;
      scope[name] = (fn: unknown, ms?: number, ...args: unknown[]): number => {
        if (typeof fn !== 'function') return original.call(scope, fn, ms, ...args);
        const callback = fn as (...a: unknown[]) => unknown;
        return original.call(scope, (...a: unknown[]) => {
          this.taskStarted();
          return callback(...a);
        }, ms, ...args);
      };
    }
  }
}
