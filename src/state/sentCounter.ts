/**
 * Requests sent to each function since the run's accounting began (Invoke
 * button, load generator and triggers alike): the "sent" of the run summary.
 */
const sent = new Map<string, number>();

export function countSent(functionId: string): void {
  sent.set(functionId, (sent.get(functionId) ?? 0) + 1);
}

/** Sent to one function, or to all of them. */
export function sentSoFar(functionId?: string): number {
  if (functionId !== undefined) return sent.get(functionId) ?? 0;
  let total = 0;
  for (const n of sent.values()) total += n;
  return total;
}

export function resetSent(): void {
  sent.clear();
}
