/** Origins kept at most: the oldest go first (a log group shows none rather than the memory growing). */
const MAX_ORIGINS = 20_000;

/** What caused each invocation ("Invoke button", "SQS queue orders" …), by its ticket, for the logs. */
export class TicketOrigins {
  private readonly byTicket = new Map<number, string>();

  note(ticket: number, origin: string | undefined): void {
    if (origin === undefined) return;
    this.byTicket.set(ticket, origin);
    if (this.byTicket.size > MAX_ORIGINS) this.byTicket.delete(this.byTicket.keys().next().value as number);
  }

  of(ticket: number): string | null {
    return this.byTicket.get(ticket) ?? null;
  }
}
