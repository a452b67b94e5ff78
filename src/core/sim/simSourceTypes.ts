import type { EventSource, SourceCommand } from '../sources/sourceTypes';

/** An SQS queue with an event source mapping, fed by the scenario's traffic (each arrival sends one message). */
export interface SimSqsSource {
  kind: 'sqs';
  batchSize: number;
  maximumBatchingWindowS: number;
  /** 2–1,000; null: not set. */
  maximumConcurrency: number | null;
  visibilityTimeoutS: number;
  /** null: no dead-letter queue. */
  maxReceiveCount: number | null;
  /** Share of messages whose processing fails (0–1); a batch with one failed message fails as a whole. */
  messageFailureRate: number;
}

/** A Kinesis stream with an event source mapping: each arrival puts one record (a random partition key). */
export interface SimKinesisSource {
  kind: 'kinesis';
  shards: number;
  batchSize: number;
  maximumBatchingWindowS: number;
  parallelizationFactor: number;
  /** −1: retry until the record expires (Lambda's default). */
  maximumRetryAttempts: number;
  bisectBatchOnFunctionError: boolean;
  /** Share of records whose processing fails (0–1); a batch with one fails as a whole. */
  messageFailureRate: number;
}

/**
 * EventBridge: each arrival is one event put on the bus, which a rule
 * delivers to the function asynchronously; a schedule (rate or cron), if
 * given, invokes it too.
 */
export interface SimEventBridgeSource {
  kind: 'eventbridge';
  /** `rate(…)` or `cron(…)`; null: no schedule. */
  schedule: string | null;
  /** Share of events whose handler fails (0–1): the function's asynchronous retries follow. */
  messageFailureRate: number;
}

export type SimSourceSpec = SimSqsSource | SimKinesisSource | SimEventBridgeSource;

/** How the source's invocations were answered (every kind). */
export interface SimSourceAnswers {
  invokes: number;
  succeeded: number;
  functionErrors: number;
  /** Asynchronous invokes queued by Lambda (202). */
  accepted: number;
  /** Throttled or refused by the Invoke API. */
  rejected: number;
}

export interface SimSqsFigures extends SimSourceAnswers {
  kind: 'sqs';
  sent: number;
  deleted: number;
  deadLettered: number;
  maxQueueDepth: number;
  maxPollers: number;
  /** When the queue last held no message (ms of simulated time from the start), or null if it never emptied after the first send. */
  drainedAtMs: number | null;
  /** The age of the oldest message, at its highest over the run (SQS's ApproximateAgeOfOldestMessage). */
  maxOldestAgeMs: number;
}

export interface SimKinesisFigures extends SimSourceAnswers {
  kind: 'kinesis';
  recordsPut: number;
  recordsProcessed: number;
  recordsDiscarded: number;
  /** Records put and not yet processed, at the most (all shards). */
  maxPending: number;
  /** Batches in flight at once, at the most (at most shards × parallelization factor). */
  maxBatchesInFlight: number;
  /** When the mapping last caught up with the stream (ms from the start), or null if it was behind at the end. */
  caughtUpAtMs: number | null;
}

export interface SimEventBridgeFigures extends SimSourceAnswers {
  kind: 'eventbridge';
  eventsPut: number;
  scheduledFires: number;
}

export type SimSourceFigures = SimSqsFigures | SimKinesisFigures | SimEventBridgeFigures;

/** One kind's part of a simulated source: the live class, what an arrival does, and its figures. */
export interface SimSourceAdapter {
  readonly source: EventSource;
  /** Before the first event: a mapping starts polling, a schedule is put. */
  begin(out: SourceCommand[]): void;
  /** `count` arrivals of the traffic at this instant. */
  arrive(count: number, out: SourceCommand[]): void;
  /** Fold what the source shows now into the figures (the answers are the runner's); `final` for the report. */
  sample(nowMs: number, final: boolean): void;
  readonly figures: SimSourceFigures;
}
