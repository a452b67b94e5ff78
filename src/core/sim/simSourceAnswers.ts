import type { SourceInvokeResult } from '../sources/sourceTypes';
import type { SimSourceAnswers } from './simSourceTypes';

export const noAnswers = (): SimSourceAnswers => ({ invokes: 0, succeeded: 0, functionErrors: 0, accepted: 0, rejected: 0 });

/** Count one answer of the function to the source. */
export function countAnswer(into: SimSourceAnswers, result: SourceInvokeResult): void {
  if (result.kind === 'success') into.succeeded += 1;
  else if (result.kind === 'functionError') into.functionErrors += 1;
  else if (result.kind === 'accepted') into.accepted += 1;
  else into.rejected += 1;
}
