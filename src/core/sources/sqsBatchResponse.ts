/**
 * What a function's reply means to an SQS event source mapping with
 * `ReportBatchItemFailures` on (lambda-model.md §4):
 * - success of the whole batch: a null reply, an empty object, or a
 *   `batchItemFailures` list that is null or empty;
 * - some messages failed: `{"batchItemFailures":[{"itemIdentifier":"<messageId>"}]}`;
 * - the whole batch failed: a reply that is not JSON, an entry whose
 *   `itemIdentifier` is missing (a bad key), null, empty or not a message of
 *   the batch.
 * The model's own reading where Lambda's documentation is silent: a reply
 * that is JSON but not an object (a string, a number, an array) and a
 * `batchItemFailures` that is not a list are malformed, so the batch failed;
 * an object without `batchItemFailures` is an empty EventResponse, so success.
 */
export type SqsBatchOutcome =
  | { kind: 'allSucceeded' }
  | { kind: 'partial'; failedIds: string[] }
  | { kind: 'batchFailed'; reason: string };

export function parseSqsBatchResponse(payload: string, messageIds: readonly string[]): SqsBatchOutcome {
  let reply: unknown;
  try {
    reply = JSON.parse(payload);
  } catch {
    return { kind: 'batchFailed', reason: 'the response is not valid JSON' };
  }
  if (reply === null) return { kind: 'allSucceeded' };
  if (typeof reply !== 'object' || Array.isArray(reply)) return { kind: 'batchFailed', reason: 'the response is not a batchItemFailures object' };
  const failures = (reply as Record<string, unknown>).batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'allSucceeded' };
  if (!Array.isArray(failures)) return { kind: 'batchFailed', reason: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'allSucceeded' };
  const known = new Set(messageIds);
  const failedIds = new Set<string>();
  for (const entry of failures as unknown[]) {
    if (typeof entry !== 'object' || entry === null || !('itemIdentifier' in entry)) {
      return { kind: 'batchFailed', reason: 'a batchItemFailures entry has no itemIdentifier' };
    }
    const id = (entry as { itemIdentifier: unknown }).itemIdentifier;
    if (id === null || id === '') return { kind: 'batchFailed', reason: `an itemIdentifier is ${id === null ? 'null' : 'empty'}` };
    if (typeof id !== 'string' || !known.has(id)) return { kind: 'batchFailed', reason: `itemIdentifier ${JSON.stringify(id)} is not a message of the batch` };
    failedIds.add(id);
  }
  return { kind: 'partial', failedIds: [...failedIds] };
}
