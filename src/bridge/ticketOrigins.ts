import type { InvocationTrace } from '../core/tracing/invocationTrace';

/** Origins kept at most: the oldest go first (a log group shows none rather than the memory growing). */
const MAX_ORIGINS = 20_000;

/** What caused each invocation ("Invoke button", "SQS queue orders" …), by its ticket, for the logs. */
export class TicketOrigins {
  private readonly byTicket = new Map<number, string>();
  /** The trace header each invocation continues, when its caller gave one. */
  private readonly traces = new Map<number, string>();

  /** Sampled requests the Invoke API refused (throttles): their trace and when. */
  private readonly refusals = new Map<number, { trace: InvocationTrace; atMs: number }>();

  noteRefusal(ticket: number, trace: InvocationTrace, atMs: number): void {
    if (!trace.sampled) return;
    this.refusals.set(ticket, { trace, atMs });
    if (this.refusals.size > MAX_ORIGINS) this.refusals.delete(this.refusals.keys().next().value as number);
  }

  refusalOf(ticket: number): { trace: InvocationTrace; atMs: number } | null {
    return this.refusals.get(ticket) ?? null;
  }

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
