import type { Clock } from '../core/clock';
import { PlatformClock } from '../core/platformClock';

import { realTimers, type TimerHost } from './timerHost';

export type { TimerHost };

/** Wall-clock time on this thread, in epoch milliseconds: the one wall clock of live mode. */
export const wallClock: Clock = { now: () => performance.timeOrigin + performance.now() };

interface Pending {
  atMs: number;
  fire: () => void;
  handle: unknown;
}

/** setTimeout's longest delay; a later deadline is reached by re-arming. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The one timer owner of a live workspace: every state machine's timers
 * (each function's platform, every event source) are deadlines in platform
 * time, kept here and armed as real timers at the clock's current rate.
 * When the rate changes (compression switches off because a handler started
 * executing, or back on), every pending timer is re-armed, so no deadline is
 * ever reached early or late in platform time.
 */
export class PlatformScheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly unsubscribe: () => void;

  constructor(
    readonly clock: PlatformClock,
    private readonly host: TimerHost = realTimers,
  ) {
    this.unsubscribe = clock.onRateChange(() => this.rearmAll());
  }

  /** Call `fire` once platform time reaches `atMs`; replaces any timer under `key`. */
  set(key: string, atMs: number, fire: () => void): void {
    this.clear(key);
    const p: Pending = { atMs, fire, handle: null };
    this.pending.set(key, p);
    this.arm(key, p);
  }

  clear(key: string): void {
    const p = this.pending.get(key);
    if (!p) return;
    this.host.clearTimeout(p.handle);
    this.pending.delete(key);
  }

  /** Clear every timer whose key starts with `prefix` (an owner going away). */
  clearPrefix(prefix: string): void {
    for (const key of [...this.pending.keys()]) if (key.startsWith(prefix)) this.clear(key);
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  size(): number {
    return this.pending.size;
  }

  dispose(): void {
    for (const p of this.pending.values()) this.host.clearTimeout(p.handle);
    this.pending.clear();
    this.unsubscribe();
  }

  private arm(key: string, p: Pending): void {
    // Rounded up: a state machine woken before its deadline would only set the same timer again.
    const delay = Math.min(Math.ceil(this.clock.realDelayUntil(p.atMs)), MAX_DELAY_MS);
    p.handle = this.host.setTimeout(() => this.onTimeout(key, p), delay);
  }

  private onTimeout(key: string, p: Pending): void {
    if (this.pending.get(key) !== p) return;
    if (this.clock.now() < p.atMs) {
      this.arm(key, p); // woke early: the rate changed, or the deadline was beyond setTimeout's reach
      return;
    }
    this.pending.delete(key);
    p.fire();
  }

  private rearmAll(): void {
    for (const [key, p] of this.pending) {
      this.host.clearTimeout(p.handle);
      this.arm(key, p);
    }
  }
}

/** A clock and scheduler of its own, for a driver used alone (benchmarks, tests). */
export function standaloneScheduler(scale = 1): PlatformScheduler {
  return new PlatformScheduler(new PlatformClock(wallClock, scale));
}
