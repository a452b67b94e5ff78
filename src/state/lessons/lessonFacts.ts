import type { InvocationRecord } from '../../core/invocationRecord';
import type { PlatformCommand } from '../../core/platformTypes';

/** One invocation as a lesson sees it: what the platform really did. */
export type LessonInvocation = Pick<
  InvocationRecord,
  'requestId' | 'envId' | 'cold' | 'coldReason' | 'outcome' | 'attempt' | 'invocationType' | 'memorySizeMb' | 'durationMs' | 'billedDurationMs' | 'provisioned' | 'startedAtMs' | 'endedAtMs'
> & { functionId: string; costUsd: number };

/** Things the user did in other tools of the page, counted as they finish. */
export type LessonEvent = 'simulation-run' | 'simulation-compared' | 'power-tuning';

/** What happened since a point in time (a step's or a lesson's start). */
export interface LessonFacts {
  invocations: LessonInvocation[];
  throttles: number;
  /** Asynchronous events that ended at the on-failure destination (or were dropped). */
  onFailure: number;
  /** Provisioned environments that finished init and are ready, now (not "since"). */
  provisionedReady: number;
  events: Record<LessonEvent, number>;
  /** SQS event source mappings' totals since the start. */
  sqs: { delivered: number; failed: number; deadLettered: number };
}

export function emptyFacts(): LessonFacts {
  return {
    invocations: [],
    throttles: 0,
    onFailure: 0,
    provisionedReady: 0,
    events: { 'simulation-run': 0, 'simulation-compared': 0, 'power-tuning': 0 },
    sqs: { delivered: 0, failed: 0, deadLettered: 0 },
  };
}

const READY = new Set(['idle', 'busy']);

/**
 * Folds platform commands into lesson facts. The facts are kept since two
 * starts at once (the lesson's and the current step's), so a step can
 * compare with an earlier one ("faster than at 128 MB").
 */
export class LessonFactsRecorder {
  private lessonFacts = emptyFacts();
  private stepFacts = emptyFacts();
  /** Provisioned environments by id → ready or not: a count for "now". */
  private readonly provisionedEnvs = new Map<string, boolean>();
  private sqsBase = { delivered: 0, failed: 0, deadLettered: 0 };
  private stepSqsBase = { delivered: 0, failed: 0, deadLettered: 0 };

  get lesson(): LessonFacts {
    return this.lessonFacts;
  }

  get step(): LessonFacts {
    return this.stepFacts;
  }

  startLesson(sqsNow: LessonFacts['sqs']): void {
    this.lessonFacts = emptyFacts();
    this.sqsBase = { ...sqsNow };
    this.startStep(sqsNow);
  }

  startStep(sqsNow: LessonFacts['sqs']): void {
    this.stepFacts = emptyFacts();
    this.stepFacts.provisionedReady = this.lessonFacts.provisionedReady;
    this.stepSqsBase = { ...sqsNow };
  }

  /** Everything either fact set holds, updated in both. */
  private both(f: (facts: LessonFacts) => void): void {
    f(this.lessonFacts);
    f(this.stepFacts);
  }

  observe(functionId: string, commands: readonly PlatformCommand[]): void {
    for (const c of commands) {
      if (c.type === 'complete') {
        const r = c.record;
        const inv: LessonInvocation = {
          functionId,
          requestId: r.requestId,
          envId: r.envId,
          cold: r.cold,
          ...(r.coldReason ? { coldReason: r.coldReason } : {}),
          outcome: r.outcome,
          attempt: r.attempt,
          invocationType: r.invocationType,
          memorySizeMb: r.memorySizeMb,
          durationMs: r.durationMs,
          billedDurationMs: r.billedDurationMs,
          provisioned: r.provisioned,
          startedAtMs: r.startedAtMs,
          endedAtMs: r.endedAtMs,
          costUsd: r.cost.totalUsd,
        };
        this.both((f) => f.invocations.push(inv));
      } else if (c.type === 'reject' && c.statusCode === 429) {
        this.both((f) => (f.throttles += 1));
      } else if (c.type === 'notice') {
        const n = c.notice;
        if (n.kind === 'asyncDone' && n.result !== 'delivered' && n.result !== 'retried-delivered') this.both((f) => (f.onFailure += 1));
        if (n.kind === 'environment' && n.provisioned) {
          const key = `${functionId}/${n.envId}`;
          if (n.state === 'destroyed') this.provisionedEnvs.delete(key);
          else this.provisionedEnvs.set(key, READY.has(n.state));
          const ready = [...this.provisionedEnvs.values()].filter(Boolean).length;
          this.both((f) => (f.provisionedReady = ready));
        }
      }
    }
  }

  event(kind: LessonEvent): void {
    this.both((f) => (f.events[kind] += 1));
  }

  /** The SQS totals now, as differences from each start. */
  sqsNow(totals: LessonFacts['sqs']): void {
    const diff = (base: LessonFacts['sqs']): LessonFacts['sqs'] => ({
      delivered: totals.delivered - base.delivered,
      failed: totals.failed - base.failed,
      deadLettered: totals.deadLettered - base.deadLettered,
    });
    this.lessonFacts.sqs = diff(this.sqsBase);
    this.stepFacts.sqs = diff(this.stepSqsBase);
  }
}
