import { utf8Length } from '../codec';
import type { EventSource, SourceCommand, SourceContext, SourceInvokeResult } from './sourceTypes';
import { batchOutcome } from './streamBatchResponse';
import { discardedStreamBatch } from './streamFailureRecord';
import {
  maximumRecordAge,
  streamMappingSettingsFrom,
  validateStreamMappingSettings,
  type StartingPosition,
  type StreamMappingSettings,
  type StreamSettingProblem,
} from './streamMappingSettings';
import type { DiscardedStreamBatch, StreamDiscardCondition, StreamMappingTotals, StreamMappingView, StreamSourceView } from './streamMappingView';
import { StreamShardState, afterFailure, sequenceRange, type StreamBatch } from './streamShardState';
import type { StreamKind, StreamShardRecord, StreamShardSource } from './streamShardSource';

/** Polls per shard: Kinesis once a second, DynamoDB Streams four times (lambda-model.md §4). */
export const STREAM_POLL_INTERVAL_MS: Record<StreamKind, number> = { kinesis: 1000, dynamodb: 250 };
/** A batch is also capped by the 6 MB synchronous payload. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
const ENVELOPE_BYTES = '{"Records":[]}'.length;
const MAX_DISCARDED_KEPT = 1000;

export interface StreamEventSourceMappingOptions extends Partial<StreamMappingSettings> {
  id: string;
  kind: StreamKind;
  /** The DynamoTable or the KinesisStream. */
  source: StreamShardSource<StreamShardRecord, StreamSourceView>;
  functionName: string;
  /** Default LATEST. */
  startingPosition?: StartingPosition;
  /** The function's execution role, the Kinesis record's `invokeIdentityArn`. */
  invokeIdentityArn?: string;
}

/**
 * An event source mapping on a Kinesis stream or a DynamoDB stream: polls
 * each shard and invokes the function synchronously with a batch from one
 * shard (one per ParallelizationFactor slot, records placed by partition
 * key), one batch in flight per slot, in order. A failed or throttled batch
 * is retried and blocks its slot until it succeeds, runs out of retries or
 * grows too old; then it is discarded to the on-failure destination.
 */
export class StreamEventSourceMapping implements EventSource {
  readonly id: string;
  readonly kind: StreamKind;
  readonly functionName: string;
  readonly startingPosition: StartingPosition;
  private settings: StreamMappingSettings;
  private readonly source: StreamShardSource<StreamShardRecord, StreamSourceView>;

  /** The stream (or table) it reads. */
  get streamSource(): StreamShardSource<StreamShardRecord, StreamSourceView> {
    return this.source;
  }
  private readonly shards: StreamShardState[];
  private readonly inFlight = new Map<string, { shard: StreamShardState; slot: number; batch: StreamBatch }>();
  private readonly discarded: DiscardedStreamBatch[] = [];
  private readonly totals: StreamMappingTotals = {
    invocations: 0, succeededBatches: 0, functionErrors: 0, throttles: 0, partialFailures: 0, recordsProcessed: 0, recordsDiscarded: 0,
  };
  private readonly recordSizes = new WeakMap<StreamShardRecord, number>();
  private readonly unsubscribe: () => void;
  private readonly invokeIdentityArn: string;
  private readonly functionArn: string;
  private invocations = 0;
  private stopped = false;

  constructor(
    private readonly ctx: SourceContext,
    options: StreamEventSourceMappingOptions,
  ) {
    if (options.source.kind !== options.kind) throw new Error(`The source is a ${options.source.kind} stream, not ${options.kind}`);
    const settings = streamMappingSettingsFrom(options);
    this.settings = settings;
    this.id = options.id;
    this.kind = options.kind;
    this.source = options.source;
    this.functionName = options.functionName;
    this.startingPosition = options.startingPosition ?? 'LATEST';
    this.functionArn = `arn:aws:lambda:${ctx.region}:${ctx.accountId}:function:${options.functionName}`;
    this.invokeIdentityArn = options.invokeIdentityArn ?? `arn:aws:iam::${ctx.accountId}:role/service-role/${options.functionName}-role`;
    const now = ctx.clock.now();
    this.shards = Array.from({ length: this.source.shardCount() }, (_, i) => {
      const start = this.startingPosition === 'LATEST' ? this.source.shardRecords(i).length : 0;
      return new StreamShardState(i, this.source.shardId(i), start, settings.parallelizationFactor, now);
    });
    this.unsubscribe = this.source.subscribe((shardIndex, out) => this.onAppend(shardIndex, out));
  }

  /** Begin polling: shards that already hold records (TRIM_HORIZON) are read at their next poll. */
  start(out: SourceCommand[]): void {
    const now = this.ctx.clock.now();
    for (const shard of this.shards) {
      const factor = this.settings.parallelizationFactor;
      if (shard.slots.length !== factor && shard.idle()) shard.slots = StreamShardState.freshSlots(factor, Number.POSITIVE_INFINITY);
      const unread = shard.lowWater < this.source.shardRecords(shard.index).length;
      if (unread) for (const slot of shard.slots) slot.readyAt = Math.min(slot.readyAt, this.nextPoll(shard, now));
      shard.arm(now, !this.stopped, out);
    }
  }

  /** Delete the mapping: no more polls; answers still to come are ignored. */
  stop(out: SourceCommand[]): void {
    this.stopped = true;
    this.unsubscribe();
    for (const shard of this.shards) shard.arm(this.ctx.clock.now(), false, out);
  }

  /** UpdateEventSourceMapping: refused with Lambda's wording, or applied to the next batches. */
  configure(settings: StreamMappingSettings, out: SourceCommand[]): StreamSettingProblem[] {
    const problems = validateStreamMappingSettings(settings);
    if (problems.length > 0) return problems;
    this.settings = { ...settings };
    const now = this.ctx.clock.now();
    out.push({ type: 'log', atMs: now, text: `mapping ${this.id}: settings updated` });
    this.start(out);
    out.push({ type: 'changed' });
    return [];
  }

  onTimer(timerId: string, out: SourceCommand[]): void {
    const shard = this.shards[Number(timerId.replace(/^poll-/, ''))];
    if (!shard || this.stopped) return;
    shard.timerAt = null;
    shard.lastPollAt = this.ctx.clock.now();
    this.poll(shard, out);
    out.push({ type: 'changed' });
  }

  onResult(invocationId: string, result: SourceInvokeResult, out: SourceCommand[]): void {
    const entry = this.inFlight.get(invocationId);
    if (!entry) return;
    this.inFlight.delete(invocationId);
    const { shard, slot: s, batch } = entry;
    const slot = shard.slots[s]!;
    slot.inFlight = null;
    if (this.stopped) return;
    batch.lastResult = result;
    const now = this.ctx.clock.now();
    const at = shard.label(s);
    const records = this.source.shardRecords(shard.index);
    const outcome = batchOutcome(result, this.settings.reportBatchItemFailures, batch.indices.map((i) => records[i]!.sequenceNumber));
    if (outcome.kind === 'refused') {
      this.totals.throttles += 1;
      batch.failed = true;
      slot.queue.unshift(batch);
      slot.readyAt = this.nextPoll(shard, now);
      out.push({ type: 'log', atMs: now, text: `${at} blocked: invoke refused (${outcome.why}); retrying until the records expire` });
    } else if (outcome.kind === 'failed') {
      this.totals.functionErrors += 1;
      this.fail(shard, s, batch, outcome.why, true, now, out);
    } else {
      const done = outcome.kind === 'success' ? batch.indices : batch.indices.slice(0, outcome.firstFailed);
      shard.finish(done);
      this.totals.recordsProcessed += done.length;
      const checkpoint = shard.lowWater > 0 ? records[shard.lowWater - 1]!.sequenceNumber : 'none';
      if (outcome.kind === 'success') {
        this.totals.succeededBatches += 1;
        slot.readyAt = now;
        out.push({ type: 'log', atMs: now, text: `${at}: batch of ${batch.indices.length} succeeded; checkpoint ${checkpoint}` });
      } else {
        this.totals.partialFailures += 1;
        batch.indices = batch.indices.slice(outcome.firstFailed);
        const from = records[batch.indices[0]!]!.sequenceNumber;
        this.fail(shard, s, batch, `partial batch response: ${done.length} done, checkpoint ${checkpoint}, retrying from seq ${from}`, false, now, out);
      }
    }
    this.poll(shard, out);
    out.push({ type: 'changed' });
  }

  view(): StreamMappingView {
    return {
      id: this.id,
      kind: this.kind,
      functionName: this.functionName,
      eventSourceArn: this.source.streamArn,
      startingPosition: this.startingPosition,
      settings: { ...this.settings },
      pollIntervalMs: STREAM_POLL_INTERVAL_MS[this.kind],
      shards: this.shards.map((s) => s.view(this.source.shardRecords(s.index))),
      discarded: [...this.discarded],
      totals: { ...this.totals },
      source: this.source.view(),
    };
  }

  private onAppend(shardIndex: number, out: SourceCommand[]): void {
    const shard = this.shards[shardIndex];
    const records = this.source.shardRecords(shardIndex);
    const record = records[records.length - 1];
    if (!shard || !record || this.stopped) return;
    const now = this.ctx.clock.now();
    const slot = shard.slots[shard.slotOf(record)]!;
    if (!slot.inFlight && slot.queue.length === 0) slot.readyAt = Math.min(slot.readyAt, this.nextPoll(shard, now));
    shard.arm(now, !this.stopped, out);
  }

  /** Invoke every slot that is due, then arm the shard's next poll. */
  private poll(shard: StreamShardState, out: SourceCommand[]): void {
    const now = this.ctx.clock.now();
    if (shard.slots.length !== this.settings.parallelizationFactor && shard.idle()) {
      shard.slots = StreamShardState.freshSlots(this.settings.parallelizationFactor, now);
    }
    shard.slots.forEach((slot, s) => {
      if (!slot.inFlight && slot.readyAt <= now) this.dispatch(shard, s, now, out);
    });
    shard.arm(now, !this.stopped, out);
  }

  private dispatch(shard: StreamShardState, s: number, now: number, out: SourceCommand[]): void {
    const slot = shard.slots[s]!;
    const records = this.source.shardRecords(shard.index);
    const limit = maximumRecordAge(this.settings, this.source.retentionS);
    const age = { ms: limit.seconds * 1000, reason: limit.reason };
    for (let batch = slot.queue.shift(); batch; batch = slot.queue.shift()) {
      if (now - records[batch.indices[0]!]!.arrivalMs <= age.ms) return this.invoke(shard, s, batch, now, out);
      this.discard(shard, batch, 'MaximumRecordAgeExceeded', age.reason, now, out);
    }
    // A new ParallelizationFactor waits until the shard's batches are done.
    if (shard.slots.length !== this.settings.parallelizationFactor) return;
    const limits = { now, maxAgeMs: age.ms, batchSize: this.settings.batchSize, maxBytes: MAX_PAYLOAD_BYTES - ENVELOPE_BYTES };
    const { expired, fresh, full } = shard.collect(records, s, limits, (record) => this.recordBytes(record) + 1);
    if (expired.length > 0) this.discard(shard, { indices: expired, retries: 0, failed: false, invocations: 0 }, 'MaximumRecordAgeExceeded', age.reason, now, out);
    if (fresh.length === 0) {
      slot.readyAt = Number.POSITIVE_INFINITY;
      slot.windowOpenedAt = null;
      return;
    }
    const windowMs = this.settings.maximumBatchingWindowS * 1000;
    if (windowMs > 0 && !full && fresh.length < this.settings.batchSize) {
      slot.windowOpenedAt ??= now;
      if (now < slot.windowOpenedAt + windowMs) {
        slot.readyAt = slot.windowOpenedAt + windowMs;
        return;
      }
    }
    slot.windowOpenedAt = null;
    for (const i of fresh) shard.claimed.add(i);
    this.invoke(shard, s, { indices: fresh, retries: 0, failed: false, invocations: 0 }, now, out);
  }

  private invoke(shard: StreamShardState, s: number, batch: StreamBatch, now: number, out: SourceCommand[]): void {
    const records = batch.indices.map((i) => this.source.shardRecords(shard.index)[i]!);
    batch.invocations += 1;
    const invocationId = `${this.id}-${++this.invocations}`;
    shard.slots[s]!.inFlight = batch;
    shard.lastPollAt = now;
    this.inFlight.set(invocationId, { shard, slot: s, batch });
    this.totals.invocations += 1;
    const payload = JSON.stringify({ Records: records.map((r) => this.source.eventRecord(r, this.invokeIdentityArn)) });
    const attempt = batch.invocations > 1 ? ` (attempt ${batch.invocations})` : '';
    out.push({ type: 'log', atMs: now, text: `${shard.label(s)}: batch of ${records.length} (${sequenceRange(records)}) → invoke${attempt}` });
    out.push({ type: 'invoke', functionName: this.functionName, invocationId, payload, invocationType: 'RequestResponse' });
  }

  /** A failed attempt: bisect (function errors only), or count a retry and requeue, or give up. */
  private fail(shard: StreamShardState, s: number, batch: StreamBatch, why: string, bisectable: boolean, now: number, out: SourceCommand[]): void {
    const slot = shard.slots[s]!;
    slot.readyAt = this.nextPoll(shard, now);
    const max = this.settings.maximumRetryAttempts;
    const next = afterFailure(batch, bisectable && this.settings.bisectBatchOnFunctionError, max);
    if (next.kind === 'giveUp') return this.discard(shard, batch, 'RetryAttemptsExhausted', `${why}; ${max} ${max === 1 ? 'retry' : 'retries'} used`, now, out);
    slot.queue.unshift(...(next.kind === 'bisect' ? next.halves : [batch]));
    const [first, second] = next.kind === 'bisect' ? next.halves : [];
    const text = first && second
      ? `batch of ${batch.indices.length} failed (${why}); bisected into ${first.indices.length} + ${second.indices.length}`
      : `retry ${batch.retries}${max === -1 ? ' (no retry limit)' : ` of ${max}`} (${why})`;
    out.push({ type: 'log', atMs: now, text: `${shard.label(s)} blocked: ${text}` });
  }

  private discard(shard: StreamShardState, batch: StreamBatch, condition: StreamDiscardCondition, reason: string, now: number, out: SourceCommand[]): void {
    const all = this.source.shardRecords(shard.index);
    const records = batch.indices.map((i) => all[i]!);
    shard.finish(batch.indices);
    this.totals.recordsDiscarded += records.length;
    const context = { kind: this.kind, functionArn: this.functionArn, streamArn: this.source.streamArn, shardIndex: shard.index, shardId: shard.shardId };
    const { invocations, lastResult } = batch;
    const requestId = this.ctx.random.uuid();
    this.discarded.push(discardedStreamBatch({ ...context, atMs: now, requestId, condition, reason, approximateInvokeCount: invocations, lastResult, records }));
    if (this.discarded.length > MAX_DISCARDED_KEPT) this.discarded.shift();
    out.push({ type: 'log', atMs: now, text: `shard ${shard.index}: batch of ${records.length} discarded (${condition}: ${reason}), ${sequenceRange(records)} → on-failure destination` });
  }

  /** The shard's next poll after `now`, on its rhythm (platform time: see PlatformClock). */
  private nextPoll(shard: StreamShardState, now: number): number {
    return shard.nextPoll(now, STREAM_POLL_INTERVAL_MS[this.kind]);
  }

  private recordBytes(record: StreamShardRecord): number {
    let size = this.recordSizes.get(record);
    if (size === undefined) {
      size = utf8Length(JSON.stringify(this.source.eventRecord(record, this.invokeIdentityArn)));
      this.recordSizes.set(record, size);
    }
    return size;
  }
}
