import type { WireError } from '../protocol/messages';
import { cleanStack, cleanTrace } from './traceSource';

/**
 * Errors in the shapes of Lambda's Node.js runtime: `trace` in the response
 * body, `stack` in the logged JSON (aws-lambda-nodejs-runtime-interface-client,
 * Errors.js).
 */

export class RuntimeError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * An error the handler threw or passed to its callback, as the response body.
 * A value that is not an Error is reported as the runtime reports it:
 * `errorType` is its `typeof`, `errorMessage` its `toString()`, no trace
 * (`throw 'oops'` → `string`/`oops`; `throw {a: 1}` → `object`/`[object Object]`).
 */
export function toWireError(err: unknown): WireError {
  if (isErrorLike(err)) {
    const trace = cleanStack(err.stack ?? `${err.name}: ${err.message}`).split('\n');
    return { errorType: err.name, errorMessage: err.message, trace };
  }
  try {
    return { errorType: typeof err, errorMessage: String((err as { toString(): string }).toString()), trace: [] };
  } catch {
    return { errorType: 'handled', errorMessage: HANDLED_MESSAGE, trace: [] };
  }
}

const HANDLED_MESSAGE = 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack';

/**
 * What the runtime logs after `Invoke Error` for `err`: an Error as it is; any
 * other value wrapped in `new Error(value)` first, as Node's runtime does, so
 * `throw 'oops'` logs `{"errorType":"Error","errorMessage":"oops",…}`.
 */
export function loggedErrorOf(err: unknown, wire: WireError): WireError {
  if (isErrorLike(err) || wire.errorType === 'handled') return wire;
  const message = wire.errorMessage;
  return { errorType: 'Error', errorMessage: message, trace: [message === '' ? 'Error' : `Error: ${message}`] };
}

/** An Error, or an object shaped like one (name, message and stack strings), as the runtime tells them apart. */
function isErrorLike(err: unknown): err is Error {
  if (err instanceof Error) return true;
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Record<string, unknown>;
  return typeof e.name === 'string' && e.name !== '' && typeof e.message === 'string' && e.message !== '' && typeof e.stack === 'string' && e.stack !== '';
}

/** The JSON the runtime logs after `Invoke Error` or `Uncaught Exception`: `stack` in place of `trace`. */
export function loggedErrorJson(error: WireError): string {
  return JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace });
}

/** Re-label an error as a runtime error, keeping its message chain as Lambda does (`Runtime.X: SyntaxError: …`). */
export function runtimeError(errorType: string, errorMessage: string, cause?: unknown): WireError {
  const causeStack = cause instanceof Error && cause.stack ? cleanTrace(cause.stack.split('\n').slice(1)) : [];
  return { errorType, errorMessage, trace: [`${errorType}: ${errorMessage}`, ...causeStack] };
}
