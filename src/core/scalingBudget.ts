/**
 * Lambda's scaling rate (lambda-model.md §4): each function may add at most
 * `burst` new execution environments per `windowMs` (1,000 per 10 s), and the
 * budget refills continuously without accruing past `burst`.
 */
export class ScalingBudget {
  // Numbers from the start: a class field declared without a value is first
  // `undefined`, and V8 then boxes every number later stored in it (one
  // allocation per store, on the simulation's per-request path).
  private tokens = 0;
  private atMs = 0;
  private burst = 0;
  private windowMs = 1;

  constructor(burst: number, windowMs: number, nowMs: number) {
    this.burst = burst;
    this.windowMs = windowMs;
    this.tokens = burst;
    this.atMs = nowMs;
  }

  /** Spend one new environment if the budget allows it now. */
  take(nowMs: number): boolean {
    this.refill(nowMs);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole environments that could start now. */
  available(nowMs: number): number {
    this.refill(nowMs);
    return Math.floor(this.tokens);
  }

  /** New limits keep what has been spent in the current window. */
  reset(burst: number, windowMs: number, nowMs: number): void {
    this.refill(nowMs);
    this.tokens = Math.min(burst, this.tokens + (burst - this.burst));
    this.burst = burst;
    this.windowMs = windowMs;
  }

  private refill(nowMs: number): void {
    const elapsed = Math.max(0, nowMs - this.atMs);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.burst) / this.windowMs);
    this.atMs = nowMs;
  }
}
