import { deleteFromBatch, judgeSqsBatch, newSqsBatch, receiveIntoBatch, type SqsBatch } from './sqsBatch';
import { matchesEventPattern, parseEventPattern, type EventPattern } from './eventPattern';
import { buildSqsEvent, sqsRecord } from './sqsEvent';
import {
  DEFAULT_SQS_MAPPING_SETTINGS,
  describeSqsMappingSettings,
  effectiveVisibilityTimeoutS,
  maxPollers,
  minPollers,
  validateSqsMappingSettings,
  type SqsMappingSettings,
  type SqsSettingProblem,
} from './sqsMappingSettings';
import { SqsPollerPool, type SqsPoller } from './sqsPollerPool';
import type { SqsMessageAttributes, SqsSendBatchResult, SqsSendResult } from './sqsMessage';
import type { SqsMappingView } from './sqsMappingView';
import { SqsQueue, type SqsSendOptions } from './sqsQueue';
import type { EventSource, SourceCommand, SourceContext, SourceInvokeResult } from './sourceTypes';
import { checkFunctionRecursion } from '../recursion/checkRecursion';
import { recursionStopNotice, stoppedEventDisposition } from '../recursion/recursionStop';

/**
 * An SQS event source mapping (lambda-model.md §4): pollers long-poll the
 * queue, gather a batch (batch size, batching window, 6 MB), invoke the
 * function synchronously with it, and delete what succeeded; what failed
 * stays in flight until its visibility timeout and comes back, until redrive
 * moves it to the dead-letter queue. Pollers start at 5 concurrent batches
 * and add up to 300 a minute while messages wait, up to MaximumConcurrency
 * (or 1,250); idle ones retire after an empty 20 s long poll, down to 5.
 * Every wait is a timer of the hub's, in platform time (see PlatformClock).
 */

/** An idle poller's long poll; one that stays empty this long retires (above the floor). */
const LONG_POLL_S = 20;
/** Scale-up steps: one per platform second, but never more often than every 50 ms of real time. */
const SCALE_STEP_S = 1;
const MIN_STEP_MS = 50;

type Poller = SqsPoller<SqsBatch>;

export interface SqsEventSourceMappingOptions extends Partial<SqsMappingSettings> {
  /** The source's id (no ':'). */
  id: string;
  functionName: string;
  /** The target function's timeout (s); must be ≤ the visibility timeout. Default 3, Lambda's. */
  functionTimeoutS?: number;
  /** The queue to poll; by default the mapping makes its own, named `queueName` ("my-queue"; a name ending in `.fifo` makes a FIFO queue). */
  queue?: SqsQueue;
  queueName?: string;
  /** The queue's own setting (FIFO queues): deduplicate by the body's SHA-256 when a send gives no id. */
  contentBasedDeduplication?: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export class SqsEventSourceMapping implements EventSource {
  readonly id: string;
  readonly functionName: string;
  readonly queue: SqsQueue;
  private settings: SqsMappingSettings;
  private functionTimeoutS: number;
  private readonly pollers = new SqsPollerPool<SqsBatch>();
  private readonly batches = new Map<string, SqsBatch>();
  private batchSeq = 0;
  private readonly timers = new Map<string, number>();
  private readonly counts = { invokes: 0, delivered: 0, failed: 0, functionErrors: 0, throttles: 0, filteredOut: 0 };
  /** The filter patterns in force, parsed once per settings change (null: no filter). */
  private filters: { source: readonly string[]; patterns: EventPattern[] | null } = { source: [], patterns: null };
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: SourceContext,
    options: SqsEventSourceMappingOptions,
  ) {
    const { id, functionName, functionTimeoutS = 3, queue, queueName = 'my-queue', contentBasedDeduplication = false, ...rest } = options;
    const settings: SqsMappingSettings = { ...DEFAULT_SQS_MAPPING_SETTINGS };
    for (const key of Object.keys(settings) as (keyof SqsMappingSettings)[]) if (rest[key] !== undefined) Object.assign(settings, { [key]: rest[key] });
    this.id = id;
    this.functionName = functionName;
    this.queue = queue ?? new SqsQueue(ctx, { name: queueName, contentBasedDeduplication });
    const problems = validateSqsMappingSettings(settings, { functionTimeoutS, deadLetterTargetArn: this.queue.deadLetterArn, fifo: this.queue.fifo });
    if (problems.length > 0) throw new Error(problems.map((p) => `${p.errorType}: ${p.message}`).join('\n'));
    this.settings = settings;
    this.functionTimeoutS = functionTimeoutS;
    this.queue.visibilityTimeoutS = settings.visibilityTimeoutS;
    this.queue.maxReceiveCount = settings.maxReceiveCount;
    if (settings.enabled) this.pollers.add(minPollers(settings), ctx.clock.now());
    this.unsubscribe = this.queue.subscribe((out) => this.settle(out));
  }

  // ---- user actions -------------------------------------------------------

  send(body: string, messageAttributes: SqsMessageAttributes | undefined, out: SourceCommand[], options: SqsSendOptions = {}): SqsSendResult {
    return this.queue.send(body, messageAttributes, out, options);
  }

  /** SetQueueAttributes ContentBasedDeduplication (FIFO queues). */
  setContentBasedDeduplication(on: boolean, out: SourceCommand[]): void {
    if (!this.queue.fifo || this.queue.contentBasedDeduplication === on) return;
    this.queue.contentBasedDeduplication = on;
    this.queue.log(`Content-based deduplication ${on ? 'on' : 'off'}`, out);
    out.push({ type: 'changed' });
  }

  sendBatch(bodies: readonly string[], out: SourceCommand[]): SqsSendBatchResult {
    return this.queue.sendBatch(bodies, out);
  }

  /** "Send N": SendMessageBatch calls of up to 10, bodies `{"n": i}` numbered on from earlier sends (a FIFO queue's spread over `groups` message groups). */
  sendMessages(count: number, out: SourceCommand[], groups = 1): number {
    return this.queue.sendNumbered(count, out, groups);
  }

  /** Apply new settings, or return Lambda's (and SQS's) reasons for refusing them. */
  updateSettings(next: SqsMappingSettings, out: SourceCommand[]): SqsSettingProblem[] {
    const problems = validateSqsMappingSettings(next, { functionTimeoutS: this.functionTimeoutS, deadLetterTargetArn: this.queue.deadLetterArn, fifo: this.queue.fifo });
    if (problems.length > 0) return problems;
    const was = this.settings;
    this.settings = { ...next };
    this.queue.visibilityTimeoutS = next.visibilityTimeoutS;
    this.queue.maxReceiveCount = next.maxReceiveCount;
    if (was.enabled && !next.enabled) this.disable(out);
    if (!was.enabled && next.enabled) this.pollers.add(minPollers(next), this.ctx.clock.now());
    if (next.enabled) this.pollers.retireIdle(this.pollers.size - maxPollers(next));
    this.queue.log(describeSqsMappingSettings(next), out);
    this.settle(out);
    return [];
  }

  /** The mapping is deleted: its timers go, the queue no longer wakes it (invokes in flight are ignored). */
  dispose(out: SourceCommand[]): void {
    for (const timerId of [...this.timers.keys()]) this.clearTimer(timerId, out);
    this.unsubscribe();
    this.batches.clear();
  }

  /** The target function's timeout changed (its configuration is not the mapping's to refuse). */
  setFunctionTimeout(timeoutS: number, out: SourceCommand[]): void {
    this.functionTimeoutS = timeoutS;
    out.push({ type: 'changed' });
  }

  // ---- EventSource ----------------------------------------------------------

  onTimer(timerId: string, out: SourceCommand[]): void {
    this.timers.delete(timerId);
    const now = this.ctx.clock.now();
    if (timerId === 'scale') {
      this.scaleUp(now, out);
    } else if (timerId === 'idle') {
      this.scaleDown(now, out);
    } else if (timerId.startsWith('window-')) {
      const poller = this.pollers.find(Number(timerId.slice('window-'.length)));
      if (poller?.state === 'gathering') {
        this.take(poller, out);
        this.invoke(poller, out);
      }
    }
    this.settle(out);
  }

  onResult(invocationId: string, result: SourceInvokeResult, out: SourceCommand[]): void {
    const batch = this.batches.get(invocationId);
    if (!batch) return;
    this.batches.delete(invocationId);
    const ids = batch.messages.map((m) => m.messageId);
    const verdict = judgeSqsBatch(result, ids, this.settings.reportBatchItemFailures);
    const throttled = verdict.throttled;
    this.counts.failed += verdict.failedCount;
    if (verdict.functionError) this.counts.functionErrors += 1;
    if (throttled) this.counts.throttles += 1;
    const deleted = deleteFromBatch(this.queue, batch, verdict.deleteIds);
    this.counts.delivered += deleted;
    const stale = verdict.deleteIds.length - deleted;
    const visibilityS = effectiveVisibilityTimeoutS(this.settings, this.functionTimeoutS);
    // A batch recursive loop detection stopped was never invoked: its messages are gone already, nothing to report.
    if (ids.length > 0) this.queue.log(
      `Batch ${batch.seq}: ` +
        (verdict.failedCount === 0 ? `${plural(ids.length, 'message')} processed` : `${verdict.why}; ${plural(verdict.failedCount, 'message')} ${verdict.failedCount === 1 ? 'stays' : 'stay'} in flight until the visibility timeout (${visibilityS} s)`) +
        (verdict.deleteIds.length > 0 ? `; ${plural(deleted, 'message')} deleted` : '') +
        (stale > 0 ? `; ${stale} not deleted: received again since, the receipt handle is stale` : ''),
      out,
    );
    const poller = this.pollers.find(batch.pollerId);
    if (poller) {
      this.pollers.setState(poller, 'idle', this.ctx.clock.now());
      const over = !this.settings.enabled || this.pollers.size > maxPollers(this.settings);
      // A throttle backs the mapping off: this poller retires (not below the floor) and scale-up starts over.
      if (over || (throttled && this.pollers.size > minPollers(this.settings))) this.pollers.remove(poller);
    }
    if (throttled) this.pollers.noBacklog();
    this.settle(out);
  }

  view(): SqsMappingView {
    const queue = this.queue.view();
    return {
      id: this.id,
      functionName: this.functionName,
      queue,
      settings: { ...this.settings },
      functionTimeoutS: this.functionTimeoutS,
      effectiveVisibilityTimeoutS: effectiveVisibilityTimeoutS(this.settings, this.functionTimeoutS),
      problems: validateSqsMappingSettings(this.settings, { functionTimeoutS: this.functionTimeoutS, deadLetterTargetArn: this.queue.deadLetterArn, fifo: this.queue.fifo }),
      pollers: this.pollers.size,
      maxPollers: maxPollers(this.settings),
      concurrency: this.pollers.count('invoking'),
      batchesInFlight: this.batches.size,
      gathering: this.pollers.count('gathering'),
      invokes: this.counts.invokes,
      delivered: this.counts.delivered,
      failed: this.counts.failed,
      deadLettered: queue.deadLetterCount,
      functionErrors: this.counts.functionErrors,
      throttles: this.counts.throttles,
      filteredOut: this.counts.filteredOut,
    };
  }

  // ---- the pollers ------------------------------------------------------------

  /** Bring everything up to date: pollers take what is visible, timers follow the queue. Ends every entry point. */
  private settle(out: SourceCommand[]): void {
    const now = this.ctx.clock.now();
    const back = this.queue.takeReturned();
    if (back > 0) this.queue.log(`${plural(back, 'message')} visible again after the visibility timeout`, out);
    if (this.settings.enabled) {
      for (const p of this.pollers.inState('gathering')) {
        this.take(p, out);
        if (this.ready(p)) this.invoke(p, out);
      }
      for (const p of this.pollers.inState('idle')) {
        if (!this.take(p, out)) break;
        if (this.ready(p)) this.invoke(p, out);
        else this.setTimer(`window-${p.id}`, now + this.settings.maximumBatchingWindowS * 1000, out);
      }
    }
    const next = this.queue.nextChangeAtMs();
    if (next === null) this.clearTimer('visibility', out);
    else this.setTimer('visibility', next, out);
    this.syncScaling(now, out);
    if (this.pollers.count('idle') > 0 && this.pollers.size > this.floor()) {
      if (!this.timers.has('idle')) this.setTimer('idle', now + this.longPollMs(), out);
    } else this.clearTimer('idle', out);
    out.push({ type: 'changed' });
  }

  /** Receive into the poller's batch (an idle poller starts one); false if nothing came (or only messages the filters dropped). */
  private take(p: Poller, out: SourceCommand[]): boolean {
    const batch = p.batch ?? newSqsBatch(this.batchSeq + 1, p.id);
    const visibilityS = effectiveVisibilityTimeoutS(this.settings, this.functionTimeoutS);
    for (;;) {
      const before = batch.messages.length;
      const received = receiveIntoBatch(this.queue, batch, this.settings.batchSize - before, visibilityS, this.ctx.region, out);
      if (received === 0) break;
      // Everything received was filtered out (and deleted): receive again, the queue is shorter now.
      if (this.dropFiltered(batch, before, out) < received || batch.messages.length >= this.settings.batchSize) break;
    }
    if (batch.messages.length === 0) return false;
    if (!p.batch) {
      this.batchSeq = batch.seq;
      this.batches.set(batch.invocationId, batch);
      p.batch = batch;
      this.pollers.setState(p, 'gathering', this.ctx.clock.now());
    }
    return true;
  }

  /** The patterns of the settings in force; null when there is no filter (or one Lambda would not have accepted). */
  private patterns(): EventPattern[] | null {
    const texts = this.settings.filterPatterns;
    if (this.filters.source !== texts) {
      const parsed = texts.map(parseEventPattern);
      this.filters = { source: texts, patterns: texts.length === 0 || parsed.some((x) => !x.ok) ? null : parsed.map((x) => (x.ok ? x.pattern : {})) };
    }
    return this.filters.patterns;
  }

  /**
   * Filter criteria: of the messages received into the batch from `from` on,
   * those that match no pattern are deleted from the queue at once, without
   * an invoke, as Lambda does for SQS. Each message is matched as its record,
   * with its body parsed when it is JSON. Returns how many were dropped.
   */
  private dropFiltered(batch: SqsBatch, from: number, out: SourceCommand[]): number {
    const patterns = this.patterns();
    if (patterns === null) return 0;
    const kept = batch.messages.slice(0, from);
    let dropped = 0;
    for (const m of batch.messages.slice(from)) {
      const record = sqsRecord(m, this.queue.arn, this.ctx.region) as unknown as Record<string, unknown>;
      let body: unknown = m.body;
      try {
        body = JSON.parse(m.body);
      } catch {
        // A body that is not JSON is matched as a string.
      }
      if (patterns.some((pattern) => matchesEventPattern(pattern, { ...record, body }))) kept.push(m);
      else if (this.queue.deleteMessage(m.receiptHandle)) dropped += 1;
    }
    if (dropped > 0) {
      batch.messages = kept;
      this.counts.filteredOut += dropped;
      this.queue.log(`Filtered out ${plural(dropped, 'message')} (no filter matched): deleted without an invoke`, out);
    }
    return dropped;
  }

  private ready(p: Poller): boolean {
    const b = p.batch;
    return b !== null && (this.settings.maximumBatchingWindowS === 0 || b.messages.length >= this.settings.batchSize || b.sizeFull);
  }

  private invoke(p: Poller, out: SourceCommand[]): void {
    const batch = p.batch;
    if (!batch || p.state !== 'gathering') return;
    this.clearTimer(`window-${p.id}`, out);
    this.pollers.setState(p, 'invoking', this.ctx.clock.now());
    // A message sent with a trace header continues its request chain: Lambda's recursive loop detection reads it.
    const traced = batch.messages.find((m) => m.traceHeader !== undefined)?.traceHeader;
    const { region, accountId, random, clock } = this.ctx;
    const recursion = traced === undefined ? null : checkFunctionRecursion({ functionName: this.functionName, region, accountId, traceHeader: traced, random, nowMs: clock.now() });
    if (recursion?.action === 'stop') return this.stopRecursive(batch, recursion.invocation, out);
    this.counts.invokes += 1;
    const payload = JSON.stringify(buildSqsEvent(batch.messages, this.queue.arn, this.ctx.region));
    this.queue.log(`Polled ${plural(batch.messages.length, 'message')} (batch of ${this.settings.batchSize}) → invoke`, out);
    out.push({ type: 'invoke', functionName: this.functionName, invocationId: batch.invocationId, payload, invocationType: 'RequestResponse', ...(recursion ? { traceHeader: recursion.traceHeader } : {}) });
  }

  /** Lambda stopped the batch's invocation (a recursive loop): its messages go to the dead-letter queue, or are dropped; the poller goes on. */
  private stopRecursive(batch: SqsBatch, invocation: number, out: SourceCommand[]): void {
    const disposition = stoppedEventDisposition('sqs', { queueDeadLetter: this.queue.maxReceiveCount !== null });
    for (const m of batch.messages) this.queue.stopRecursive(m.receiptHandle, out);
    this.queue.log(recursionStopNotice(this.functionName, 'sqs', invocation, disposition), out);
    batch.messages = [];
    this.onResult(batch.invocationId, { kind: 'success', payload: 'null' }, out);
  }

  private syncScaling(now: number, out: SourceCommand[]): void {
    const cap = maxPollers(this.settings);
    if (!this.settings.enabled || this.pollers.size >= cap || this.pollers.count('idle') > 0 || !this.queue.hasVisible()) {
      this.pollers.noBacklog();
      this.clearTimer('scale', out);
      return;
    }
    this.pollers.backlog(now);
    if (!this.timers.has('scale')) this.setTimer('scale', now + Math.max(SCALE_STEP_S * 1000, MIN_STEP_MS), out);
  }

  private scaleUp(now: number, out: SourceCommand[]): void {
    const cap = maxPollers(this.settings);
    const added = this.pollers.scaleUp(now, cap);
    if (added === 0) return;
    const why = this.settings.maximumConcurrency === null ? '1,250 per mapping' : 'MaximumConcurrency';
    this.queue.log(`Scaled up to ${plural(this.pollers.size, 'poller')} (+${added})${this.pollers.size >= cap ? `: the maximum, ${why}` : ''}`, out);
  }

  /** Idle pollers whose long poll stayed empty retire, down to the floor. */
  private scaleDown(now: number, out: SourceCommand[]): void {
    const cutoff = now - this.longPollMs() + 1e-6;
    const gone = this.pollers.retireIdle(this.pollers.size - this.floor(), (p) => p.idleSinceMs <= cutoff);
    if (gone > 0) this.queue.log(`Scaled down to ${plural(this.pollers.size, 'poller')}: no messages for ${LONG_POLL_S} s`, out);
  }

  private disable(out: SourceCommand[]): void {
    for (const p of this.pollers.inState('gathering')) {
      if (!p.batch) continue;
      this.clearTimer(`window-${p.id}`, out);
      this.batches.delete(p.batch.invocationId);
      this.queue.log(`Disabled: batch ${p.batch.seq} (${plural(p.batch.messages.length, 'message')}) was not invoked; its messages stay in flight until the visibility timeout`, out);
    }
    for (const p of [...this.pollers.inState('gathering'), ...this.pollers.inState('idle')]) this.pollers.remove(p);
  }

  private floor(): number {
    return this.settings.enabled ? minPollers(this.settings) : 0;
  }

  private longPollMs(): number {
    return LONG_POLL_S * 1000;
  }

  private setTimer(timerId: string, atMs: number, out: SourceCommand[]): void {
    const current = this.timers.get(timerId);
    if (current === atMs) return;
    if (current !== undefined) out.push({ type: 'clearTimer', timerId });
    this.timers.set(timerId, atMs);
    out.push({ type: 'setTimer', timerId, atMs });
  }

  private clearTimer(timerId: string, out: SourceCommand[]): void {
    if (this.timers.delete(timerId)) out.push({ type: 'clearTimer', timerId });
  }
}
