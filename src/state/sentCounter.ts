/**
 * Requests sent to the platform since the run's accounting began (Invoke
 * button and load generator alike): the "sent" of the run summary.
 */
let sent = 0;

export function countSent(): void {
  sent += 1;
}

export function sentSoFar(): number {
  return sent;
}

export function resetSent(): void {
  sent = 0;
}
