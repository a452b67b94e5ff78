/**
 * The only source of time for the platform model. Live mode passes a wall
 * clock; the scale simulation passes a virtual one. Milliseconds since the
 * Unix epoch, fractions allowed.
 */
export interface Clock {
  now(): number;
}

/** A clock that only moves when told to: for tests and virtual time. */
export class ManualClock implements Clock {
  /** A number from the start (as in ScalingBudget): it is stored on every simulated event. */
  private timeMs = 0;

  constructor(timeMs = 0) {
    this.timeMs = timeMs;
  }

  now(): number {
    return this.timeMs;
  }

  set(timeMs: number): void {
    this.timeMs = timeMs;
  }

  advance(ms: number): void {
    this.timeMs += ms;
  }
}
