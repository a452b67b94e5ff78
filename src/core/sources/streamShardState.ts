import { md5Hex } from './md5';
import type { SourceCommand, SourceInvokeResult } from './sourceTypes';
import type { StreamBatchView, StreamShardView, StreamSlotView } from './streamMappingView';
import type { StreamShardRecord } from './streamShardSource';

/** Records of one shard the mapping hands to the function together. */
export interface StreamBatch {
  /** Positions in the shard's record list, ascending. */
  indices: number[];
  /** Failed attempts counted against MaximumRetryAttempts (bisection and throttles do not count). */
  retries: number;
  /** Any failed attempt at all: the batch blocks its slot. */
  failed: boolean;
  invocations: number;
  lastResult?: SourceInvokeResult;
}

/** One of ParallelizationFactor readers of a shard: one batch in flight at most, in order. */
export interface StreamSlot {
  inFlight: StreamBatch | null;
  /** Batches to run before any new record: a retry, or the halves of a bisected batch. */
  queue: StreamBatch[];
  /** Earliest time the slot may invoke again; Infinity while it has nothing to do. */
  readyAt: number;
  /** When the batching window opened on the records now waiting. */
  windowOpenedAt: number | null;
}

/** What the mapping knows of one shard: its checkpoint and its readers. */
export class StreamShardState {
  /** Every record before this position is done (processed or discarded): the checkpoint is the one before it. */
  lowWater: number;
  /** Done records at or after lowWater (they finished out of order, in another slot). */
  readonly done = new Set<number>();
  /** Records held by some slot's batch. */
  readonly claimed = new Set<number>();
  slots: StreamSlot[];
  lastPollAt: number;
  timerAt: number | null = null;
  private readonly keyHashes = new Map<string, number>();

  constructor(
    readonly index: number,
    readonly shardId: string,
    start: number,
    slotCount: number,
    now: number,
  ) {
    this.lowWater = start;
    this.slots = StreamShardState.freshSlots(slotCount, Number.POSITIVE_INFINITY);
    this.lastPollAt = now;
  }

  static freshSlots(count: number, readyAt: number): StreamSlot[] {
    return Array.from({ length: count }, () => ({ inFlight: null, queue: [], readyAt, windowOpenedAt: null }));
  }

  /** The slot that reads a record: its partition key's MD5, modulo the slots (ParallelizationFactor). */
  slotOf(record: StreamShardRecord): number {
    if (this.slots.length === 1) return 0;
    let hash = this.keyHashes.get(record.partitionKey);
    if (hash === undefined) {
      hash = parseInt(md5Hex(record.partitionKey).slice(0, 8), 16);
      this.keyHashes.set(record.partitionKey, hash);
    }
    return hash % this.slots.length;
  }

  /** The next poll after `now`, on the shard's polling rhythm. */
  nextPoll(now: number, intervalMs: number): number {
    const ticks = Math.max(1, Math.ceil((now - this.lastPollAt) / intervalMs - 1e-9));
    return this.lastPollAt + ticks * intervalMs;
  }

  /** Arm the shard's one poll timer for its earliest due slot (none when `active` is false or nothing is due). */
  arm(now: number, active: boolean, out: SourceCommand[]): void {
    let due = Number.POSITIVE_INFINITY;
    if (active) for (const slot of this.slots) if (!slot.inFlight) due = Math.min(due, slot.readyAt);
    const at = Number.isFinite(due) ? Math.max(due, now) : null;
    if (at === this.timerAt) return;
    const timerId = `poll-${this.index}`;
    if (this.timerAt !== null) out.push({ type: 'clearTimer', timerId });
    this.timerAt = at;
    if (at !== null) out.push({ type: 'setTimer', timerId, atMs: at });
  }

  /**
   * The records a slot would take next, in order: those already older than
   * `maxAgeMs` first (to discard), then up to `batchSize` records within
   * `maxBytes`; `full` when more were left behind.
   */
  collect(
    records: readonly StreamShardRecord[],
    slot: number,
    limits: { now: number; maxAgeMs: number; batchSize: number; maxBytes: number },
    sizeOf: (record: StreamShardRecord) => number,
  ): { expired: number[]; fresh: number[]; full: boolean } {
    const expired: number[] = [];
    const fresh: number[] = [];
    let bytes = 0;
    for (let i = this.lowWater; i < records.length; i += 1) {
      const record = records[i]!;
      if (this.done.has(i) || this.claimed.has(i) || this.slotOf(record) !== slot) continue;
      if (fresh.length === 0 && limits.now - record.arrivalMs > limits.maxAgeMs) {
        expired.push(i);
        continue;
      }
      const size = sizeOf(record);
      if (fresh.length >= limits.batchSize || (fresh.length > 0 && bytes + size > limits.maxBytes)) return { expired, fresh, full: true };
      fresh.push(i);
      bytes += size;
    }
    return { expired, fresh, full: false };
  }

  /** How log lines name a slot of this shard. */
  label(slot: number): string {
    return this.slots.length > 1 ? `shard ${this.index} (slot ${slot})` : `shard ${this.index}`;
  }

  idle(): boolean {
    return this.slots.every((s) => !s.inFlight && s.queue.length === 0);
  }

  /** Mark records done and move the checkpoint over every contiguous done record. */
  finish(indices: readonly number[]): void {
    for (const i of indices) {
      this.claimed.delete(i);
      if (i >= this.lowWater) this.done.add(i);
    }
    while (this.done.delete(this.lowWater)) this.lowWater += 1;
  }

  view(records: readonly StreamShardRecord[]): StreamShardView {
    const batchView = (slot: number, b: StreamBatch): StreamBatchView => ({
      slot,
      size: b.indices.length,
      firstSequenceNumber: records[b.indices[0]!]?.sequenceNumber ?? '',
      lastSequenceNumber: records[b.indices[b.indices.length - 1]!]?.sequenceNumber ?? '',
      invocations: b.invocations,
      retries: b.retries,
    });
    const slots: StreamSlotView[] = this.slots.map((s, i) => {
      const head = s.inFlight ?? s.queue[0];
      return {
        slot: i,
        inFlight: s.inFlight ? batchView(i, s.inFlight) : null,
        waiting: s.queue.map((b) => batchView(i, b)),
        retries: head?.retries ?? 0,
        blocked: head?.failed ?? false,
      };
    });
    return {
      index: this.index,
      shardId: this.shardId,
      records: records.length,
      pending: Math.max(0, records.length - this.lowWater - this.done.size),
      checkpoint: this.lowWater > 0 ? (records[this.lowWater - 1]?.sequenceNumber ?? null) : null,
      inFlight: slots.flatMap((s) => (s.inFlight ? [s.inFlight] : [])),
      retries: Math.max(0, ...slots.map((s) => s.retries)),
      blocked: slots.some((s) => s.blocked),
      slots,
    };
  }
}

/** "seq A – B" (or "seq A" for one record), for log lines. */
export function sequenceRange(records: readonly StreamShardRecord[]): string {
  const first = records[0]?.sequenceNumber ?? '';
  const last = records[records.length - 1]?.sequenceNumber ?? '';
  return first === last ? `seq ${first}` : `seq ${first} – ${last}`;
}

/** What follows a failed attempt: halve the batch (function errors only, never one record), retry it, or give it up. */
export function afterFailure(
  batch: StreamBatch,
  bisect: boolean,
  maximumRetryAttempts: number,
): { kind: 'bisect'; halves: [StreamBatch, StreamBatch] } | { kind: 'retry' } | { kind: 'giveUp' } {
  batch.failed = true;
  if (bisect && batch.indices.length > 1) {
    const half = Math.ceil(batch.indices.length / 2);
    const part = (indices: number[]): StreamBatch => ({ indices, retries: batch.retries, failed: true, invocations: 0, lastResult: batch.lastResult });
    return { kind: 'bisect', halves: [part(batch.indices.slice(0, half)), part(batch.indices.slice(half))] };
  }
  batch.retries += 1;
  return maximumRetryAttempts !== -1 && batch.retries > maximumRetryAttempts ? { kind: 'giveUp' } : { kind: 'retry' };
}
