import type { WireLog } from '../protocol/messages';
import { format } from './inspect';
import { cleanStack } from './traceSource';

/** An Error inside a logged value, as the runtime serialises it: type, message, the stack as lines, and its own fields. */
function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return { errorType: value.constructor?.name ?? 'UnknownError', errorMessage: value.message, stackTrace: cleanStack(value.stack ?? '').split('\n'), ...value };
  }
  return value;
}

/**
 * One console call in Lambda's JSON application-log format:
 * `{"timestamp","level","requestId","message"}`. A single argument is the
 * message as it is (an object stays structured JSON); several are formatted
 * as `util.format` does, and the first Error among them adds `errorType`,
 * `errorMessage` and `stackTrace`. Without a request (during Init) there is
 * no `requestId`. A value JSON cannot hold (a cycle, a BigInt) falls back to
 * its formatted text.
 */
export function jsonLogMessage(at: { atMs: number; iso: string }, level: string, requestId: string | null, args: unknown[]): WireLog {
  const base: Record<string, unknown> = { timestamp: at.iso, level };
  if (requestId !== null) base.requestId = requestId;
  if (args.length === 1) {
    try {
      return { atMs: at.atMs, text: JSON.stringify({ ...base, message: args[0] }, errorReplacer) };
    } catch {
      return { atMs: at.atMs, text: JSON.stringify({ ...base, message: format(args[0]) }) };
    }
  }
  const out: Record<string, unknown> = { ...base, message: format(...args) };
  const err = args.find((a): a is Error => a instanceof Error);
  if (err) {
    out.errorType = err.constructor?.name ?? 'UnknownError';
    out.errorMessage = err.message;
    out.stackTrace = cleanStack(err.stack ?? '').split('\n');
  }
  return { atMs: at.atMs, text: JSON.stringify(out) };
}
