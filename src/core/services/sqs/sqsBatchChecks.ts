import { obj, str, type JsonObject } from '../awsJson';
import { SQS_MAX_BATCH_ENTRIES } from '../../sources/sqsMessage';
import type { SqsServiceError } from './sqsServiceErrors';

/** A batch request's entries with their ids, or SQS's error for the whole batch (none, too many, a bad or repeated id). */
export function checkBatchEntries(entries: unknown, entryShape: string): { id: string; entry: JsonObject }[] | SqsServiceError {
  const list = Array.isArray(entries) ? entries : [];
  if (list.length === 0) return { name: 'EmptyBatchRequest', message: `There should be at least one ${entryShape} in the request.` };
  if (list.length > SQS_MAX_BATCH_ENTRIES) {
    return { name: 'TooManyEntriesInBatchRequest', message: `Maximum number of entries per request are ${SQS_MAX_BATCH_ENTRIES}. You have sent ${list.length}.` };
  }
  const out: { id: string; entry: JsonObject }[] = [];
  const seen = new Set<string>();
  for (const raw of list) {
    const entry = obj(raw) ?? {};
    const id = str(entry, 'Id');
    if (id === undefined || !/^[A-Za-z0-9_-]{1,80}$/.test(id)) {
      return { name: 'InvalidBatchEntryId', message: 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.' };
    }
    if (seen.has(id)) return { name: 'BatchEntryIdsNotDistinct', message: `Id ${id} repeated.` };
    seen.add(id);
    out.push({ id, entry });
  }
  return out;
}
