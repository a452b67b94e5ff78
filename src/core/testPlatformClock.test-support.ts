/**
 * Platform time for tests: a PlatformClock over a manual real clock.
 * `advance` moves real time; `now()` is platform time, which runs `scale`
 * times faster while nothing executes (see PlatformClock). Test hubs call
 * `begin`/`end` around each invocation they hold, as the live driver does.
 */
import { ManualClock } from './clock';
import { PlatformClock } from './platformClock';

export class TestPlatformClock extends PlatformClock {
  readonly manual: ManualClock;

  constructor(startMs: number, scale = 1) {
    const real = new ManualClock(startMs);
    super(real, scale);
    this.manual = real;
  }

  /** Move real time on by `realMs`. */
  advance(realMs: number): void {
    this.manual.advance(realMs);
  }

  /**
   * Move real time on by `realMs`, calling `fireNext(untilPlatformMs)` before
   * each step: it fires the earliest timer due by then (returning its time) or
   * returns null. The rate may change as timers fire (invocations start), so
   * the horizon is recomputed after each one. `stop`, when given, ends the
   * advance early (at the moment it first holds after a timer fired).
   */
  advanceFiring(realMs: number, nextDue: () => number | null, fire: () => void, stop?: () => boolean): void {
    const end = this.manual.now() + realMs;
    for (let fired = 0; ; fired += 1) {
      if (fired > 1_000_000) throw new Error(`timer loop: a timer keeps falling due at ${this.now()}`);
      const at = nextDue();
      if (at === null) break;
      const reach = this.manual.now() + this.realDelayUntil(at);
      if (reach > end) break;
      this.manual.set(Math.max(this.manual.now(), reach));
      // Epoch milliseconds times a scale lose the last fractions: step on by a microsecond until the deadline is reached.
      while (this.now() < at) this.manual.set(this.manual.now() + 0.001);
      fire();
      if (stop?.()) return;
    }
    this.manual.set(end);
  }

  /**
   * `advanceFiring` over a map of timer ids to platform-time deadlines, as
   * test hubs keep them: the earliest due timer is removed from `timers`
   * and handed to `onTimer`, in time order.
   */
  advanceTimers(realMs: number, timers: Map<string, number>, onTimer: (timerId: string) => void, stop?: () => boolean): void {
    let next: string | null = null;
    const nextDue = (): number | null => {
      let at: number | null = null;
      next = null;
      for (const [id, t] of timers) if (at === null || t < at) [next, at] = [id, t];
      return at;
    };
    this.advanceFiring(
      realMs,
      nextDue,
      () => {
        const timerId = next as string;
        timers.delete(timerId);
        onTimer(timerId);
      },
      stop,
    );
  }
}
