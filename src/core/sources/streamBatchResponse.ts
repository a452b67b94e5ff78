import type { SourceInvokeResult } from './sourceTypes';

/**
 * What a stream function's reply means when the mapping has
 * `ReportBatchItemFailures` (DG: services-kinesis-batchfailurereporting,
 * services-ddb-batchfailurereporting):
 *
 * - complete success: a null or empty reply, or a null or empty `batchItemFailures` list;
 * - complete failure: an `itemIdentifier` that is null, empty or under another key name;
 * - otherwise the checkpoint moves to just before the lowest sequence number reported,
 *   and every record from there on is retried.
 *
 * An identifier that is in no record of the batch is also taken as a complete
 * failure, as SQS documents; the stream pages do not say (an assumption).
 */
export type BatchResponseOutcome =
  | { kind: 'success' }
  | { kind: 'partial'; firstFailed: number }
  | { kind: 'failure'; reason: string };

/** `sequenceNumbers` are the batch's, in order; `firstFailed` indexes them. */
export function readBatchResponse(payload: string, sequenceNumbers: readonly string[]): BatchResponseOutcome {
  let reply: unknown;
  try {
    reply = JSON.parse(payload);
  } catch {
    return { kind: 'success' };
  }
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) return { kind: 'success' };
  const failures = (reply as Record<string, unknown>).batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'success' };
  if (!Array.isArray(failures)) return { kind: 'failure', reason: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'success' };
  let firstFailed = Number.POSITIVE_INFINITY;
  for (const failure of failures as unknown[]) {
    const id = typeof failure === 'object' && failure !== null ? (failure as Record<string, unknown>).itemIdentifier : undefined;
    if (typeof id !== 'string' || id === '') return { kind: 'failure', reason: `invalid itemIdentifier in ${JSON.stringify(failure) ?? 'undefined'}` };
    const index = sequenceNumbers.indexOf(id);
    if (index < 0) return { kind: 'failure', reason: `itemIdentifier ${id} is not a sequence number of the batch` };
    firstFailed = Math.min(firstFailed, index);
  }
  return { kind: 'partial', firstFailed };
}

/** What became of an invocation, for the mapping. */
export type BatchOutcome =
  | { kind: 'success' }
  | { kind: 'partial'; firstFailed: number }
  /** The function failed (an error, a timeout, or a reply that fails the whole batch): counted, may bisect. */
  | { kind: 'failed'; why: string }
  /** The invoke was refused (a throttle): retried until the records expire, not counted. */
  | { kind: 'refused'; why: string };

export function batchOutcome(result: SourceInvokeResult, reportBatchItemFailures: boolean, sequenceNumbers: readonly string[]): BatchOutcome {
  if (result.kind === 'rejected') return { kind: 'refused', why: `${result.statusCode} ${result.error.errorType}` };
  if (result.kind === 'functionError') return { kind: 'failed', why: `${result.error.errorType}: ${result.error.errorMessage}` };
  if (result.kind === 'accepted' || !reportBatchItemFailures) return { kind: 'success' };
  const read = readBatchResponse(result.payload, sequenceNumbers);
  return read.kind === 'failure' ? { kind: 'failed', why: `complete failure: ${read.reason}` } : read;
}
