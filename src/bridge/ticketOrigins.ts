/** Origins kept at most: the oldest go first (a log group shows none rather than the memory growing). */
const MAX_ORIGINS = 20_000;

/** What caused each invocation ("Invoke button", "SQS queue orders" …), by its ticket, for the logs. */
export class TicketOrigins {
  private readonly byTicket = new Map<number, string>();
  /** The trace header each invocation continues, when its caller gave one. */
  private readonly traces = new Map<number, string>();

  noteTrace(ticket: number, traceHeader: string | undefined): void {
    if (traceHeader === undefined) return;
    this.traces.set(ticket, traceHeader);
    if (this.traces.size > MAX_ORIGINS) this.traces.delete(this.traces.keys().next().value as number);
  }

  traceOf(ticket: number): string | null {
    return this.traces.get(ticket) ?? null;
  }

  note(ticket: number, origin: string | undefined): void {
    if (origin === undefined) return;
    this.byTicket.set(ticket, origin);
    if (this.byTicket.size > MAX_ORIGINS) this.byTicket.delete(this.byTicket.keys().next().value as number);
  }

  of(ticket: number): string | null {
    return this.byTicket.get(ticket) ?? null;
  }
}
