import { userStack, userTrace, type TraceSource } from '../protocol/stackTrace';

/**
 * The handler's file as stack traces should show it, set when Init loads the
 * code. Every stack the runtime reports or logs goes through here, so the
 * user sees their own frames at the editor's positions, never the runtime's.
 */
let source: TraceSource | null = null;

export function setTraceSource(s: TraceSource): void {
  source = s;
}

/** A `stack` string with only the handler's frames (unchanged before Init has loaded the code). */
export function cleanStack(stack: string): string {
  return source ? userStack(stack, source) : stack;
}

/** The same, line by line. */
export function cleanTrace(lines: string[]): string[] {
  return source ? userTrace(lines, source) : lines;
}
