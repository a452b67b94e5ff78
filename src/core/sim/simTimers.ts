import { isTimeoutTimer } from '../timerKey';
import type { EventQueue } from './eventQueue';

/**
 * The model's timers, kept in the simulation's event queue. Most timers are
 * cleared and set again long before they are due (a keep-alive timer is
 * cleared when its environment takes a request and set again when the
 * request ends), so they are handled lazily: clearing only disarms a timer,
 * and setting it later than its queued entry only moves its deadline. When
 * the queued entry comes due, the timer fires, is queued again at its new
 * deadline, or is dropped. That keeps heap operations off the per-request
 * path without changing when any timer fires.
 */
export class SimTimers<TimerId extends string = string> {
  private readonly ids = new Map<TimerId, number>();
  private names: TimerId[] = [];
  private deadlines = new Float64Array(64);
  /** When the timer's queued entry is due (its deadline or earlier); −1: not queued. */
  private queuedAt = new Float64Array(64).fill(-1);
  private slots = new Int32Array(64).fill(-1);
  private armed = new Uint8Array(64);
  private freeList: number[] = [];
  private count = 0;
  /** Timers named `timeout:…` held now (set or queued): while there are none, clearing one needs no lookup. */
  private timeouts = 0;
  /** The model's timeout timers are counted (a fast path for clearing them); other owners' ids never are. */
  private readonly isTimeout: (id: TimerId) => boolean;

  constructor(
    private readonly queue: EventQueue,
    private readonly kind: number,
    countTimeouts = false,
  ) {
    this.isTimeout = countTimeouts ? (id) => isTimeoutTimer(id as unknown as Parameters<typeof isTimeoutTimer>[0]) : () => false;
  }

  set(timerId: TimerId, atMs: number): void {
    let t = this.ids.get(timerId);
    if (t === undefined) {
      t = this.allocate(timerId);
      this.ids.set(timerId, t);
    }
    this.deadlines[t] = atMs;
    this.armed[t] = 1;
    const queuedAt = this.queuedAt[t] as number;
    if (queuedAt < 0) this.enqueue(t, atMs);
    else if (queuedAt > atMs) {
      this.queue.remove(this.slots[t] as number);
      this.enqueue(t, atMs);
    }
  }

  /** Held timers named `timeout:…`. */
  get timeoutTimers(): number {
    return this.timeouts;
  }

  clear(timerId: TimerId): void {
    const t = this.ids.get(timerId);
    if (t !== undefined) this.armed[t] = 0;
  }

  /**
   * The queued entry of timer `t` came due at `nowMs` (its queue slot is
   * already released): the id of the timer to fire, or null.
   */
  due(t: number, nowMs: number): TimerId | null {
    this.queuedAt[t] = -1;
    this.slots[t] = -1;
    const name = this.names[t] as TimerId;
    if (this.armed[t] === 1 && (this.deadlines[t] as number) > nowMs) {
      this.enqueue(t, this.deadlines[t] as number);
      return null;
    }
    const fire = this.armed[t] === 1;
    this.ids.delete(name);
    this.freeList.push(t);
    if (this.isTimeout(name)) this.timeouts -= 1;
    return fire ? name : null;
  }

  private enqueue(t: number, atMs: number): void {
    this.queuedAt[t] = atMs;
    this.slots[t] = this.queue.push(atMs, this.kind, null, null, t);
  }

  private allocate(name: TimerId): number {
    if (this.isTimeout(name)) this.timeouts += 1;
    const reused = this.freeList.pop();
    if (reused !== undefined) {
      this.names[reused] = name;
      return reused;
    }
    const t = this.count++;
    if (t >= this.deadlines.length) this.grow();
    this.names.push(name);
    return t;
  }

  private grow(): void {
    const n = this.deadlines.length * 2;
    const f = (a: Float64Array, fill: number): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(n).fill(fill);
      b.set(a);
      return b;
    };
    this.deadlines = f(this.deadlines, 0);
    this.queuedAt = f(this.queuedAt, -1);
    const slots = new Int32Array(n).fill(-1);
    slots.set(this.slots);
    this.slots = slots;
    const armed = new Uint8Array(n);
    armed.set(this.armed);
    this.armed = armed;
  }
}
