import type { ProvisionedChange } from '../core/billing';
import type { InvocationRecord, LogLine } from '../core/invocationRecord';
import type { DeadLetterMessage, DestinationRecord, EnvironmentState, Notice, PlatformCommand } from '../core/platformTypes';
import { noThrottles, THROTTLE_REASONS, type ThrottleCounts, type ThrottleSpan } from './throttleTally';
import type { TimelineData, TimelineRow, TimelineSegment } from './timelineData';
import { percentileOfSorted } from '../core/percentile';
import type { Accounting, MetricsPoint, MetricsSeries } from './runMetrics';

export type { Accounting, MetricsPoint, MetricsSeries } from './runMetrics';

interface EnvTrack {
  row: TimelineRow;
  state: EnvironmentState;
  /** Counts toward ConcurrentExecutions: busy, or initialising on demand. */
  counts: boolean;
}

/**
 * Watches a run's command stream and keeps what the timeline, the metrics,
 * the bill and the run summary show. `observe` is O(1) amortised per command.
 *
 * `timeline()` and `metrics()` return fresh wrapper objects (so React sees a
 * new prop and a new `version`) around arrays this recorder keeps mutating:
 * rows, segments and points are shared, not copied. Treat them as read-only
 * snapshots valid until the next `observe`. `records()` and `destinations()`
 * are likewise the recorder's own growing arrays.
 */
export class RunRecorder {
  private readonly rows: TimelineRow[] = [];
  private readonly envs = new Map<string, EnvTrack>();
  /** Invocation segments opened by a busy notice, awaiting their `complete`. */
  private readonly running = new Map<string, TimelineSegment>();
  private timelineVersion = 0;

  private readonly points: MetricsPoint[] = [];
  /** Durations of the records that ended in each second; percentiles are worked out lazily in `metrics()`. */
  private readonly durations: number[][] = [];
  private readonly dirtySeconds = new Set<number>();
  private concurrency = 0;
  private metricsVersion = 0;

  private readonly allRecords: InvocationRecord[] = [];
  /** The log lines of each record, by the record's index: what the Logs panel's window leaves out. */
  private readonly recordLogs: (readonly LogLine[])[] = [];
  private readonly provisioned: ProvisionedChange[] = [];
  private readonly destinationRecords: DestinationRecord[] = [];
  private readonly deadLetterMessages: DeadLetterMessage[] = [];
  private readonly syncTickets = new Set<number>();
  private readonly acceptedTickets = new Set<number>();
  private readonly doneTickets = new Set<number>();
  private readonly byVersion: Record<string, number> = {};
  private readonly counts = { succeeded: 0, functionErrors: 0, throttled: 0, rejected: 0, accepted: 0, delivered: 0, retriedDelivered: 0, onFailure: 0 };
  private changes = 0;
  private readonly throttleSpans = new Map<string, ThrottleSpan>();

  constructor(private readonly originMs: number) {}

  /** Increases on every command that changed anything: a cheap "has the run moved?" for selectors. */
  get version(): number {
    return this.changes;
  }

  observe(c: PlatformCommand): void {
    switch (c.type) {
      case 'complete':
        this.complete(c.ticket, c.record);
        this.recordLogs.push(c.logs);
        break;
      case 'reject':
        if (!this.firstSync(c.ticket)) return;
        if (c.statusCode === 429) this.counts.throttled += 1;
        else this.counts.rejected += 1;
        break;
      case 'accepted':
        if (this.acceptedTickets.has(c.ticket)) return;
        this.acceptedTickets.add(c.ticket);
        this.counts.accepted += 1;
        break;
      case 'notice':
        this.notice(c.notice);
        break;
      default:
        return;
    }
    this.changes += 1;
  }

  timeline(): TimelineData {
    const throttles = THROTTLE_REASONS.flatMap((r) => {
      const span = this.throttleSpans.get(r);
      return span ? [{ ...span }] : [];
    });
    return { version: this.timelineVersion, originMs: this.originMs, rows: this.rows, throttles };
  }

  metrics(): MetricsSeries {
    for (const i of this.dirtySeconds) {
      const point = this.points[i];
      const list = this.durations[i];
      if (!point || !list) continue;
      list.sort((a, b) => a - b);
      point.durationP50 = percentileOfSorted(list, 50);
      point.durationP99 = percentileOfSorted(list, 99);
    }
    this.dirtySeconds.clear();
    return { version: this.metricsVersion, points: this.points };
  }

  records(): readonly InvocationRecord[] {
    return this.allRecords;
  }

  /** The full log lines of `records()[index]`. */
  logsOf(index: number): readonly LogLine[] {
    return this.recordLogs[index] ?? [];
  }

  destinations(): DestinationRecord[] {
    return this.destinationRecords;
  }

  /** What the function's dead-letter queue received (when it has one). */
  deadLetters(): readonly DeadLetterMessage[] {
    return this.deadLetterMessages;
  }

  /** The provisioned notices in order: the bill's `provisioned` input. */
  provisionedChanges(): readonly ProvisionedChange[] {
    return this.provisioned;
  }

  /** Where the `sent` requests ended up. Requests still in flight count as lost until they are answered. */
  accounting(sent: number): Accounting {
    const n = this.counts;
    const answered = n.succeeded + n.functionErrors + n.throttled + n.rejected + n.accepted;
    return {
      sent,
      succeeded: n.succeeded,
      functionErrors: n.functionErrors,
      throttled: n.throttled,
      throttleReasons: this.throttleCounts(),
      rejected: n.rejected,
      async: {
        accepted: n.accepted,
        delivered: n.delivered,
        retriedDelivered: n.retriedDelivered,
        onFailure: n.onFailure,
        stillQueued: n.accepted - (n.delivered + n.retriedDelivered + n.onFailure),
      },
      lost: sent - answered,
      byVersion: { ...this.byVersion },
    };
  }

  private throttleCounts(): ThrottleCounts {
    const counts = noThrottles();
    for (const span of this.throttleSpans.values()) counts[span.reason] = span.count;
    return counts;
  }

  private countVersion(record: InvocationRecord): void {
    const v = record.version ?? '$LATEST';
    this.byVersion[v] = (this.byVersion[v] ?? 0) + 1;
  }

  private firstSync(ticket: number): boolean {
    if (this.syncTickets.has(ticket)) return false;
    this.syncTickets.add(ticket);
    return true;
  }

  private complete(ticket: number, record: InvocationRecord): void {
    this.allRecords.push(record);
    if (record.invocationType === 'RequestResponse' && this.firstSync(ticket)) {
      if (record.outcome === 'success') this.counts.succeeded += 1;
      else this.counts.functionErrors += 1;
      this.countVersion(record);
    } else if (record.invocationType === 'Event' && record.attempt === 1) this.countVersion(record);

    const started = this.point(record.startedAtMs);
    started.invocations += 1;
    if (record.outcome !== 'success') started.errors += 1;
    if (record.cold) started.coldStarts += 1;
    const endIndex = this.point(record.endedAtMs).t;
    (this.durations[endIndex] ??= []).push(record.durationMs);
    this.dirtySeconds.add(endIndex);
    this.metricsVersion += 1;

    const segment = this.running.get(record.requestId);
    if (segment && segment.endMs === null) {
      this.running.delete(record.requestId);
      segment.kind = record.outcome;
      segment.endMs = Math.max(segment.startMs, record.endedAtMs);
      segment.durationMs = record.durationMs;
      segment.billedDurationMs = record.billedDurationMs;
      segment.cold = record.cold;
      if (record.contended) segment.contended = true;
      if (record.initDurationMs !== undefined) segment.initDurationMs = record.initDurationMs;
      if (record.errorType !== undefined) segment.errorType = record.errorType;
      this.timelineVersion += 1;
    }
  }

  private notice(n: Notice): void {
    switch (n.kind) {
      case 'environment':
        this.environment(n);
        return;
      case 'throttle': {
        const point = this.point(n.atMs);
        point.throttles += 1;
        point.throttleReasons[n.reason] += 1;
        this.metricsVersion += 1;
        const span = this.throttleSpans.get(n.reason);
        if (span) {
          span.count += 1;
          span.lastMs = Math.max(span.lastMs, n.atMs);
        } else this.throttleSpans.set(n.reason, { reason: n.reason, count: 1, firstMs: n.atMs, lastMs: n.atMs });
        this.timelineVersion += 1;
        return;
      }
      case 'asyncDone':
        if (this.doneTickets.has(n.ticket)) return;
        this.doneTickets.add(n.ticket);
        if (n.result === 'delivered') this.counts.delivered += 1;
        else if (n.result === 'retried-delivered') this.counts.retriedDelivered += 1;
        else this.counts.onFailure += 1;
        if (n.destination) this.destinationRecords.push(n.destination);
        if (n.deadLetter) this.deadLetterMessages.push(n.deadLetter);
        return;
      case 'provisioned':
        this.provisioned.push({ atMs: n.atMs, count: n.count, memoryMb: n.memoryMb, architecture: n.architecture, source: `${n.functionName ?? ''}:${n.version ?? ''}` });
        return;
      case 'asyncRetry':
        return;
    }
  }

  private environment(n: Extract<Notice, { kind: 'environment' }>): void {
    let env = this.envs.get(n.envId);
    if (!env) {
      const row: TimelineRow = {
        envId: n.envId,
        provisioned: n.provisioned,
        memoryMb: n.memoryMb,
        createdAtMs: n.atMs,
        destroyedAtMs: null,
        destroyReason: null,
        segments: [],
      };
      this.rows.push(row);
      env = { row, state: n.state, counts: false };
      this.envs.set(n.envId, env);
    }
    const { row } = env;

    // Timeline: close the open segment, open the next.
    const last = row.segments[row.segments.length - 1];
    if (last && last.endMs === null) {
      last.endMs = n.atMs;
      if (last.requestId !== undefined) this.running.delete(last.requestId);
    }
    if (n.state === 'initializing') row.segments.push({ kind: 'init', startMs: n.atMs, endMs: null });
    else if (n.state === 'idle') row.segments.push({ kind: 'idle', startMs: n.atMs, endMs: null });
    else if (n.state === 'busy') {
      // Provisional kind until the record says how it ended.
      const segment: TimelineSegment = { kind: 'success', startMs: n.atMs, endMs: null };
      if (n.requestId !== undefined) {
        segment.requestId = n.requestId;
        this.running.set(n.requestId, segment);
      }
      row.segments.push(segment);
    } else {
      row.destroyedAtMs = n.atMs;
      row.destroyReason = n.reason ?? null;
    }
    this.timelineVersion += 1;

    // ConcurrentExecutions: carry the level into this second, then take the new level's maximum.
    const point = this.point(n.atMs);
    const counts = n.state === 'busy' || (n.state === 'initializing' && !env.row.provisioned);
    this.concurrency += (counts ? 1 : 0) - (env.counts ? 1 : 0);
    env.counts = counts;
    env.state = n.state;
    if (this.concurrency > point.concurrentExecutions) {
      point.concurrentExecutions = this.concurrency;
      this.metricsVersion += 1;
    }
  }

  /** The point of the second holding `atMs`, creating the seconds up to it (carrying the concurrency level). */
  private point(atMs: number): MetricsPoint {
    const index = Math.max(0, Math.floor((atMs - this.originMs) / 1000));
    while (this.points.length <= index) {
      this.points.push({
        t: this.points.length,
        invocations: 0,
        errors: 0,
        coldStarts: 0,
        throttles: 0,
        throttleReasons: noThrottles(),
        concurrentExecutions: this.concurrency,
        durationP50: null,
        durationP99: null,
      });
      this.metricsVersion += 1;
    }
    return this.points[index] as MetricsPoint;
  }
}

