/** What the watch needs from a sandbox frame. */
export interface Pingable {
  /** Resolves when the frame's renderer answers. */
  ping(): Promise<unknown>;
  /** Is the frame's own thread known to be busy (starting workers), so a late answer is expected? */
  busy(): boolean;
}

export interface FrameWatchOptions {
  now: () => number;
  /** How often `tick` is called, and a ping sent to each frame not already asked. */
  everyMs?: number;
  /** Silence after which an idle frame is dead, at the least (see `slowFactor`). */
  deadAfterMs?: number;
  /** On a loaded machine the silence allowed grows to this many times the slowest recent answer... */
  slowFactor?: number;
  /** ...up to this. */
  maxDeadAfterMs?: number;
  /** Silence after which a frame busy starting workers is dead. */
  busyDeadAfterMs?: number;
}

interface Watched {
  /** When the frame last answered (or was first watched, or the app was last late to look). */
  heardAt: number;
  asking: boolean;
  /** The slowest recent ping round trip (decaying), ms. */
  slowestMs: number;
}

/**
 * Notices a sandbox frame whose renderer died (a handler ran it out of
 * memory): a dead renderer's ports stop answering, and nothing else tells
 * the page. While invocations are in flight, the app pings every frame
 * every `everyMs` (one ping outstanding per frame) and declares a frame dead
 * once it has been silent for `deadAfterMs`, so a crash is reported within
 * about `deadAfterMs + everyMs` of the renderer's death.
 *
 * A renderer starved of CPU (a loaded machine, many busy workers) answers
 * slowly without being dead, so the silence allowed adapts: `slowFactor`
 * times the slowest recent round trip, never less than `deadAfterMs` and
 * never more than `maxDeadAfterMs`.
 *
 * Two things answer late without being dead, and are not counted: a frame
 * busy starting workers (its thread is taken: it gets `busyDeadAfterMs`),
 * and the app's own thread when it was stalled (rendering, a long task):
 * if `tick` itself runs late, every frame's silence starts over.
 */
export class FrameWatch<F extends Pingable> {
  private readonly watched = new Map<F, Watched>();
  private lastTick: number | null = null;
  private resuming = false;
  private readonly everyMs: number;
  private readonly deadAfterMs: number;
  private readonly busyDeadAfterMs: number;
  private readonly slowFactor: number;
  private readonly maxDeadAfterMs: number;

  constructor(private readonly options: FrameWatchOptions) {
    this.everyMs = options.everyMs ?? 100;
    // A floor of 2 s: under a fully loaded machine (e2e with every core kept busy) a live renderer was measured silent past 0.6 s,
    // and a false verdict kills a healthy environment as out of memory. A real crash is reported about 2 s after it happens.
    this.deadAfterMs = options.deadAfterMs ?? 2000;
    this.busyDeadAfterMs = options.busyDeadAfterMs ?? 8000;
    this.slowFactor = options.slowFactor ?? 4;
    this.maxDeadAfterMs = options.maxDeadAfterMs ?? 8000;
  }

  /** Ping the frames, and return those found dead (no longer watched). */
  tick(frames: readonly F[]): F[] {
    const now = this.options.now();
    const appWasLate = this.resuming || (this.lastTick !== null && now - this.lastTick > 3 * this.everyMs);
    this.resuming = false;
    this.lastTick = now;
    for (const frame of this.watched.keys()) if (!frames.includes(frame)) this.watched.delete(frame);
    const dead: F[] = [];
    for (const frame of frames) {
      let w = this.watched.get(frame);
      if (!w) {
        // Until it has answered a few times, a frame is given the longest allowance.
        w = { heardAt: now, asking: false, slowestMs: this.maxDeadAfterMs / this.slowFactor };
        this.watched.set(frame, w);
      }
      if (appWasLate) w.heardAt = now;
      const silentMs = now - w.heardAt;
      const allowedMs = Math.min(this.maxDeadAfterMs, Math.max(this.deadAfterMs, this.slowFactor * w.slowestMs));
      if (silentMs > (frame.busy() ? Math.max(allowedMs, this.busyDeadAfterMs) : allowedMs)) {
        this.watched.delete(frame);
        dead.push(frame);
        continue;
      }
      if (!w.asking) this.ask(frame, w);
    }
    return dead;
  }

  /** Nothing in flight: stop watching until the next `tick`; silence does not carry over, what was learnt about speed does. */
  pause(): void {
    this.lastTick = null;
    this.resuming = true;
  }

  private ask(frame: F, w: Watched): void {
    w.asking = true;
    const askedAt = this.options.now();
    frame.ping().then(
      () => {
        const t = this.options.now();
        w.asking = false;
        w.heardAt = t;
        w.slowestMs = Math.max(t - askedAt, w.slowestMs * 0.9);
      },
      () => {
        // A closed frame cannot answer: it is dead at the next tick.
        w.heardAt = -Infinity;
      },
    );
  }
}
