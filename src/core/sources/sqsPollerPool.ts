import { SQS_MAPPING_LIMITS } from './sqsMappingSettings';

/**
 * The pollers of an SQS event source mapping and their scaling rule
 * (lambda-model.md §4): one batch at a time each; while messages wait and
 * every poller is busy, up to 300 more per (platform) minute, refilled
 * continuously and not accrued while nothing waits.
 */
export type SqsPollerState = 'idle' | 'gathering' | 'invoking';

export interface SqsPoller<B> {
  readonly id: number;
  readonly state: SqsPollerState;
  batch: B | null;
  idleSinceMs: number;
}

type Mutable<B> = { -readonly [K in keyof SqsPoller<B>]: SqsPoller<B>[K] };

export class SqsPollerPool<B> {
  private readonly byId = new Map<number, Mutable<B>>();
  private readonly byState: Record<SqsPollerState, Set<Mutable<B>>> = { idle: new Set(), gathering: new Set(), invoking: new Set() };
  private nextId = 1;
  private backlogSinceMs: number | null = null;
  private credit = 0;

  get size(): number {
    return this.byId.size;
  }

  count(state: SqsPollerState): number {
    return this.byState[state].size;
  }

  /** The pollers in a state, oldest first (a copy: states may change meanwhile). */
  inState(state: SqsPollerState): SqsPoller<B>[] {
    return [...this.byState[state]];
  }

  find(id: number): SqsPoller<B> | undefined {
    return this.byId.get(id);
  }

  add(n: number, nowMs: number): void {
    for (let i = 0; i < n; i += 1) {
      const p: Mutable<B> = { id: this.nextId++, state: 'idle', batch: null, idleSinceMs: nowMs };
      this.byId.set(p.id, p);
      this.byState.idle.add(p);
    }
  }

  setState(poller: SqsPoller<B>, state: SqsPollerState, nowMs: number): void {
    const p = this.byId.get(poller.id);
    if (!p || p.state === state) return;
    this.byState[p.state].delete(p);
    p.state = state;
    this.byState[state].add(p);
    if (state === 'idle') {
      p.batch = null;
      p.idleSinceMs = nowMs;
    }
  }

  remove(poller: SqsPoller<B>): void {
    const p = this.byId.get(poller.id);
    if (!p) return;
    this.byId.delete(p.id);
    this.byState[p.state].delete(p);
  }

  /** Remove up to `n` idle pollers (the newest first) that `eligible` accepts; how many went. */
  retireIdle(n: number, eligible: (p: SqsPoller<B>) => boolean = () => true): number {
    let removed = 0;
    for (const p of [...this.byState.idle].reverse()) {
      if (removed >= n) break;
      if (!eligible(p)) continue;
      this.remove(p);
      removed += 1;
    }
    return removed;
  }

  /** Messages wait and every poller is busy: scale-up credit starts to accrue (if it had not). */
  backlog(nowMs: number): void {
    this.backlogSinceMs ??= nowMs;
  }

  /** Nothing waits (or a throttle): the credit is gone. */
  noBacklog(): void {
    this.backlogSinceMs = null;
    this.credit = 0;
  }

  /** Add the pollers the credit earned since the last step allows, up to `cap`; how many were added. */
  scaleUp(nowMs: number, cap: number): number {
    if (this.backlogSinceMs === null) return 0;
    this.credit += ((nowMs - this.backlogSinceMs) * SQS_MAPPING_LIMITS.scaleUpPerMinute) / 60_000;
    this.backlogSinceMs = nowMs;
    const add = Math.min(Math.floor(this.credit + 1e-9), cap - this.byId.size);
    if (add <= 0) return 0;
    this.credit = Math.max(0, this.credit - add);
    this.add(add, nowMs);
    return add;
  }
}
