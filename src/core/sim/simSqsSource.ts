import { SqsEventSourceMapping } from '../sources/sqsEventSourceMapping';
import type { SourceCommand, SourceContext } from '../sources/sourceTypes';
import { noAnswers } from './simSourceAnswers';
import type { SimSourceAdapter, SimSqsFigures, SimSqsSource } from './simSourceTypes';

/** An SQS queue polled by an event source mapping (the live classes), each arrival one message. */
export class SimSqsAdapter implements SimSourceAdapter {
  readonly source: SqsEventSourceMapping;
  readonly figures: SimSqsFigures = { kind: 'sqs', ...noAnswers(), sent: 0, deleted: 0, deadLettered: 0, maxQueueDepth: 0, maxPollers: 0, drainedAtMs: null, maxOldestAgeMs: 0 };

  constructor(
    spec: SimSqsSource,
    ctx: SourceContext,
    functionTimeoutS: number,
    private readonly startMs: number,
  ) {
    this.source = new SqsEventSourceMapping(ctx, {
      id: 'queue',
      functionName: 'simulated',
      functionTimeoutS,
      batchSize: spec.batchSize,
      maximumBatchingWindowS: spec.maximumBatchingWindowS,
      maximumConcurrency: spec.maximumConcurrency,
      visibilityTimeoutS: spec.visibilityTimeoutS,
      maxReceiveCount: spec.maxReceiveCount,
    });
  }

  begin(): void {}

  arrive(count: number, out: SourceCommand[]): void {
    this.source.sendMessages(count, out);
  }

  sample(nowMs: number): void {
    const v = this.source.view();
    const f = this.figures;
    const depth = v.queue.visible + v.queue.inFlight;
    f.sent = v.queue.sent;
    f.deleted = v.queue.deleted;
    f.deadLettered = v.deadLettered;
    if (depth > f.maxQueueDepth) f.maxQueueDepth = depth;
    if (v.pollers > f.maxPollers) f.maxPollers = v.pollers;
    if (depth === 0 && f.sent > 0 && f.drainedAtMs === null) f.drainedAtMs = nowMs - this.startMs;
    if (depth > 0) f.drainedAtMs = null;
    const oldest = this.source.queue.oldestSentAtMs();
    if (oldest !== null && nowMs - oldest > f.maxOldestAgeMs) f.maxOldestAgeMs = nowMs - oldest;
  }
}
