import type { Random } from '../random';
import { KinesisStream } from '../sources/kinesisStream';
import type { SourceCommand, SourceContext } from '../sources/sourceTypes';
import { StreamEventSourceMapping } from '../sources/streamEventSourceMapping';
import { noAnswers } from './simSourceAnswers';
import type { SimKinesisFigures, SimKinesisSource, SimSourceAdapter } from './simSourceTypes';

/** The stream's figures are read from its view at most this often (simulated time); the view walks every shard. */
const SAMPLE_EVERY_MS = 100;

/** A Kinesis stream read by an event source mapping (the live classes): each arrival puts one record under a random partition key. */
export class SimKinesisAdapter implements SimSourceAdapter {
  readonly source: StreamEventSourceMapping;
  readonly figures: SimKinesisFigures = { kind: 'kinesis', ...noAnswers(), recordsPut: 0, recordsProcessed: 0, recordsDiscarded: 0, maxPending: 0, maxBatchesInFlight: 0, caughtUpAtMs: null };
  private readonly stream: KinesisStream;
  private readonly keys: Random;
  private lastSampleMs = Number.NEGATIVE_INFINITY;

  constructor(
    spec: SimKinesisSource,
    ctx: SourceContext,
    keys: Random,
    private readonly startMs: number,
  ) {
    this.keys = keys;
    this.stream = new KinesisStream(ctx, { name: 'stream', shardCount: spec.shards });
    this.source = new StreamEventSourceMapping(ctx, {
      id: 'stream',
      kind: 'kinesis',
      source: this.stream,
      functionName: 'simulated',
      startingPosition: 'TRIM_HORIZON',
      batchSize: spec.batchSize,
      maximumBatchingWindowS: spec.maximumBatchingWindowS,
      parallelizationFactor: spec.parallelizationFactor,
      maximumRetryAttempts: spec.maximumRetryAttempts,
      bisectBatchOnFunctionError: spec.bisectBatchOnFunctionError,
    });
  }

  begin(out: SourceCommand[]): void {
    this.source.start(out);
  }

  arrive(count: number, out: SourceCommand[]): void {
    for (let i = 0; i < count; i++) {
      this.stream.putRecord(`key-${Math.floor(this.keys.next() * 1_000_000)}`, '{}', out);
      this.figures.recordsPut += 1;
    }
  }

  sample(nowMs: number, final: boolean): void {
    if (!final && nowMs - this.lastSampleMs < SAMPLE_EVERY_MS) return;
    this.lastSampleMs = nowMs;
    const v = this.source.view();
    const f = this.figures;
    let pending = 0;
    let inFlight = 0;
    for (const shard of v.shards) {
      pending += shard.pending;
      inFlight += shard.inFlight.length;
    }
    f.recordsProcessed = v.totals.recordsProcessed;
    f.recordsDiscarded = v.totals.recordsDiscarded;
    if (pending > f.maxPending) f.maxPending = pending;
    if (inFlight > f.maxBatchesInFlight) f.maxBatchesInFlight = inFlight;
    if (pending === 0 && f.recordsPut > 0 && f.caughtUpAtMs === null) f.caughtUpAtMs = nowMs - this.startMs;
    if (pending > 0) f.caughtUpAtMs = null;
  }
}
