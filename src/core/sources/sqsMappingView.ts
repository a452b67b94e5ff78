import type { SqsMappingSettings, SqsSettingProblem } from './sqsMappingSettings';
import type { SqsQueueView } from './sqsQueue';

/** What the SQS panel shows: the queue, the mapping's settings, its pollers and what became of the messages. */
export interface SqsMappingView {
  id: string;
  functionName: string;
  queue: SqsQueueView;
  settings: SqsMappingSettings;
  functionTimeoutS: number;
  /** What the mapping's receives hide messages for (lambda-model.md §4). */
  effectiveVisibilityTimeoutS: number;
  /** Problems of the settings in force with the function's current timeout (after a timeout change). */
  problems: SqsSettingProblem[];
  pollers: number;
  maxPollers: number;
  /** Invocations in flight now. */
  concurrency: number;
  /** Batches received and not yet answered: gathering or invoking. */
  batchesInFlight: number;
  gathering: number;
  invokes: number;
  /** Messages deleted after their function succeeded. */
  delivered: number;
  /** Message deliveries that failed (function error, throttle, batch item failure). */
  failed: number;
  deadLettered: number;
  /** Messages deleted unprocessed because they matched none of the filter patterns. */
  filteredOut: number;
  functionErrors: number;
  throttles: number;
}
