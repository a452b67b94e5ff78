import type { S3Error } from './s3Error';
import type { S3ObjectSummary } from './s3Types';

/**
 * HTTP preconditions as S3 applies them (RFC 7232, S3's GetObject notes):
 * If-Match true lets a false If-Unmodified-Since pass; If-None-Match false
 * lets a true If-Modified-Since pass. Dates compare in whole seconds.
 */

export interface Preconditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  ifUnmodifiedSince?: string;
}

/** `pass`, `notModified` (GET and HEAD: 304), or the condition that failed (412, or for a copy source also for the "none" ones). */
export type PreconditionOutcome = { kind: 'pass' } | { kind: 'notModified' } | { kind: 'failed'; condition: string };

const bare = (tag: string): string => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');

/** Does any tag of a comma-separated list (or `*`) match the ETag? */
export function etagMatches(list: string, eTag: string): boolean {
  return list.split(',').some((t) => t.trim() === '*' || bare(t) === eTag);
}

const seconds = (ms: number): number => Math.floor(ms / 1000);
const parsed = (date: string | undefined): number | null => {
  if (date === undefined) return null;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? null : ms;
};

export function evaluatePreconditions(object: S3ObjectSummary, p: Preconditions, names: Record<keyof Preconditions, string>): PreconditionOutcome {
  const modified = seconds(object.lastModifiedMs);
  if (p.ifMatch !== undefined) {
    if (!etagMatches(p.ifMatch, object.eTag)) return { kind: 'failed', condition: names.ifMatch };
  } else {
    const since = parsed(p.ifUnmodifiedSince);
    if (since !== null && modified > seconds(since)) return { kind: 'failed', condition: names.ifUnmodifiedSince };
  }
  if (p.ifNoneMatch !== undefined) {
    if (etagMatches(p.ifNoneMatch, object.eTag)) return { kind: 'notModified' };
  } else {
    const since = parsed(p.ifModifiedSince);
    if (since !== null && modified <= seconds(since)) return { kind: 'notModified' };
  }
  return { kind: 'pass' };
}

export const preconditionFailed = (condition: string): S3Error => ({
  code: 'PreconditionFailed',
  message: 'At least one of the pre-conditions you specified did not hold',
  status: 412,
  fields: { Condition: condition },
});
