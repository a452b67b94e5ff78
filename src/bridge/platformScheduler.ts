import type { Clock } from '../core/clock';
import { PlatformClock } from '../core/platformClock';

import { realTimers, type TimerHost } from './timerHost';

export type { TimerHost };

/** Wall-clock time on this thread, in epoch milliseconds: the one wall clock of live mode. */
export const wallClock: Clock = { now: () => performance.timeOrigin + performance.now() };

interface Pending {
  atMs: number;
  /** Order of setting: timers due at the same moment fire in it. */
  seq: number;
  fire: () => void;
}

/** setTimeout's longest delay; a later deadline is reached by re-arming. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The one timer owner of a live workspace: every state machine's timers
 * (each function's platform, every event source) are deadlines in platform
 * time, kept here. One real timer is armed, for the earliest deadline, at the
 * clock's current rate: setting a later deadline or clearing one costs no
 * host timer (a platform sets and clears two per invocation), and a host
 * timer that wakes for a cleared deadline only arms the next. When the rate
 * changes (compression switches off because a handler started executing, or
 * back on), the one timer is re-armed, so no deadline is ever reached early
 * or late in platform time.
 */
export class PlatformScheduler {
  private readonly pending = new Map<string, Pending>();
  private readonly unsubscribe: () => void;
  private handle: unknown = null;
  /** The platform time the armed host timer is for (Infinity: none armed). */
  private armedFor = Number.POSITIVE_INFINITY;
  private seq = 0;
  private disposed = false;

  constructor(
    readonly clock: PlatformClock,
    private readonly host: TimerHost = realTimers,
  ) {
    this.unsubscribe = clock.onRateChange(() => this.rearm());
  }

  /** Call `fire` once platform time reaches `atMs`; replaces any timer under `key`. */
  set(key: string, atMs: number, fire: () => void): void {
    if (this.disposed) return;
    const p = this.pending.get(key);
    const seq = this.seq++;
    if (p) {
      // Re-set: it moves to the end of the order among equal deadlines, as a new timer would.
      this.pending.delete(key);
      p.atMs = atMs;
      p.seq = seq;
      p.fire = fire;
      this.pending.set(key, p);
    } else {
      this.pending.set(key, { atMs, seq, fire });
    }
    if (atMs < this.armedFor) this.arm(atMs);
  }

  /** The deadline goes; the host timer armed for it, if any, wakes for nothing and arms the next. */
  clear(key: string): void {
    this.pending.delete(key);
    if (this.pending.size === 0) this.disarm();
  }

  /** Clear every timer whose key starts with `prefix` (an owner going away). */
  clearPrefix(prefix: string): void {
    for (const key of [...this.pending.keys()]) if (key.startsWith(prefix)) this.pending.delete(key);
    if (this.pending.size === 0) this.disarm();
  }

  has(key: string): boolean {
    return this.pending.has(key);
  }

  size(): number {
    return this.pending.size;
  }

  dispose(): void {
    this.disposed = true;
    this.pending.clear();
    this.disarm();
    this.unsubscribe();
  }

  private arm(atMs: number): void {
    if (this.handle !== null) this.host.clearTimeout(this.handle);
    this.armedFor = atMs;
    // Rounded up: a state machine woken before its deadline would only set the same timer again.
    const delay = Math.min(Math.ceil(this.clock.realDelayUntil(atMs)), MAX_DELAY_MS);
    this.handle = this.host.setTimeout(() => this.onTimeout(), delay);
  }

  private disarm(): void {
    if (this.handle !== null) this.host.clearTimeout(this.handle);
    this.handle = null;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  /** The rate changed: the one host timer is re-armed for the same platform time. */
  private rearm(): void {
    if (this.handle !== null && this.armedFor !== Number.POSITIVE_INFINITY) this.arm(this.armedFor);
  }

  private onTimeout(): void {
    this.handle = null;
    this.armedFor = Number.POSITIVE_INFINITY;
    const now = this.clock.now();
    const due: [string, Pending][] = [];
    for (const entry of this.pending) if (entry[1].atMs <= now) due.push(entry);
    due.sort((a, b) => a[1].atMs - b[1].atMs || a[1].seq - b[1].seq);
    for (const [key, p] of due) {
      // An earlier callback may have cleared or re-set this one.
      if (this.pending.get(key) !== p || p.atMs > now) continue;
      this.pending.delete(key);
      p.fire();
      if (this.disposed) return;
    }
    this.armNext();
  }

  private armNext(): void {
    let earliest = Number.POSITIVE_INFINITY;
    for (const p of this.pending.values()) if (p.atMs < earliest) earliest = p.atMs;
    if (earliest === Number.POSITIVE_INFINITY) this.disarm();
    else if (earliest !== this.armedFor || this.handle === null) this.arm(earliest);
  }
}

/** A clock and scheduler of its own, for a driver used alone (benchmarks, tests). */
export function standaloneScheduler(scale = 1): PlatformScheduler {
  return new PlatformScheduler(new PlatformClock(wallClock, scale));
}
