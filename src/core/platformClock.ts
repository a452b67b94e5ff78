import type { Clock } from './clock';

/**
 * Platform time: the one clock every state machine of a live workspace reads
 * (each function's Platform and every event source).
 *
 * The rule for compressed platform waits, decided once, here: platform time
 * runs `scale` times faster than real time only while **nothing executes**
 * in the workspace (no environment initialising, no invocation in flight);
 * while anything executes, it runs at real speed. So no wait (a visibility
 * timeout, a schedule, an async retry or event age, a stream retry, a
 * keep-alive) can pass in compressed time while a handler runs: measured
 * against any invocation, every deadline sees exactly the real duration of
 * the handler. Every trace the playground shows is then one Lambda could
 * produce for the same handler durations; compression only shortens the
 * stretches in which nothing runs. The model itself never compresses: its
 * waits are Lambda's, in platform time.
 *
 * Pure: real time comes from the injected clock; the executing count is told
 * by whoever starts and ends execution (the live driver, from the model's own
 * environment notices).
 */
export class PlatformClock implements Clock {
  private anchorReal: number;
  private anchorPlatform: number;
  private scale: number;
  private executing = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly real: Clock, scale = 1) {
    this.scale = saneScale(scale);
    this.anchorReal = real.now();
    this.anchorPlatform = this.anchorReal;
  }

  now(): number {
    return this.anchorPlatform + (this.real.now() - this.anchorReal) * this.rate();
  }

  /** Platform milliseconds per real millisecond now. */
  rate(): number {
    return this.executing > 0 ? 1 : this.scale;
  }

  /** The compression the user chose (1 = real time); in force whenever nothing executes. */
  waitScale(): number {
    return this.scale;
  }

  /** Environments initialising or invoking, across the workspace. */
  executingCount(): number {
    return this.executing;
  }

  setScale(scale: number): void {
    this.change(() => (this.scale = saneScale(scale)));
  }

  /** Something started executing (an environment began its init or an invocation). */
  begin(): void {
    this.change(() => (this.executing += 1));
  }

  /** Something stopped executing. */
  end(): void {
    this.change(() => (this.executing = Math.max(0, this.executing - 1)));
  }

  /** Real milliseconds until platform time reaches `atMs`, if the rate stays as it is (0 when already past). */
  realDelayUntil(atMs: number): number {
    return Math.max(0, (atMs - this.now()) / this.rate());
  }

  /** Be told whenever the rate changes (a scheduler re-arms its real timers then); returns the unsubscribe function. */
  onRateChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-anchor at the current moment (platform time never jumps, it only changes speed), apply `mutate`, tell listeners if the rate changed. */
  private change(mutate: () => void): void {
    const before = this.rate();
    const real = this.real.now();
    this.anchorPlatform += (real - this.anchorReal) * before;
    this.anchorReal = real;
    mutate();
    if (this.rate() !== before) for (const listener of this.listeners) listener();
  }
}

function saneScale(k: number): number {
  return Number.isFinite(k) && k >= 1 ? k : 1;
}
