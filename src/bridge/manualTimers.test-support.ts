import { ManualClock } from '../core/clock';
import type { TimerHost } from './timerHost';

interface Entry {
  atMs: number;
  seq: number;
  fire: () => void;
}

/**
 * A TimerHost driven by hand, on a ManualClock standing in for the wall
 * clock: `advance` moves time and fires what is due, in deadline order. For
 * tests of the session, the drivers, the source hub and the stores, so none
 * waits on real time.
 */
export class ManualTimers implements TimerHost {
  readonly clock = new ManualClock(1_700_000_000_000);
  private readonly entries = new Map<number, Entry>();
  private nextHandle = 1;

  setTimeout(fire: () => void, delayMs: number): unknown {
    const handle = this.nextHandle++;
    this.entries.set(handle, { atMs: this.clock.now() + Math.max(0, delayMs), seq: handle, fire });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.entries.delete(handle as number);
  }

  /** Timers armed and not yet fired or cleared. */
  get pending(): number {
    return this.entries.size;
  }

  /** Move the clock `ms` ahead, firing every timer that comes due on the way (and those they arm, if due too). */
  advance(ms: number): void {
    const end = this.clock.now() + ms;
    for (;;) {
      let next: [number, Entry] | null = null;
      for (const e of this.entries) if (e[1].atMs <= end && (!next || e[1].atMs < next[1].atMs || (e[1].atMs === next[1].atMs && e[1].seq < next[1].seq))) next = e;
      if (!next) break;
      this.entries.delete(next[0]);
      if (next[1].atMs > this.clock.now()) this.clock.set(next[1].atMs);
      next[1].fire();
    }
    this.clock.set(end);
  }
}
