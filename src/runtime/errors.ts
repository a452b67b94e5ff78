import type { WireError } from '../protocol/messages';

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

/** An error the handler threw or passed to its callback, as the response body. */
export function toWireError(err: unknown): WireError {
  if (err instanceof Error) {
    const trace = (err.stack ?? `${err.name}: ${err.message}`).split('\n');
    return { errorType: err.name, errorMessage: err.message, trace };
  }
  let errorMessage: string;
  try {
    errorMessage = typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err));
  } catch {
    errorMessage = String(err);
  }
  return { errorType: typeof err, errorMessage, trace: [] };
}

/** The JSON the runtime logs after `Invoke Error` or `Uncaught Exception`: `stack` in place of `trace`. */
export function loggedErrorJson(error: WireError): string {
  return JSON.stringify({ errorType: error.errorType, errorMessage: error.errorMessage, stack: error.trace });
}

/** Re-label an error as a runtime error, keeping its message chain as Lambda does (`Runtime.X: SyntaxError: …`). */
export function runtimeError(errorType: string, errorMessage: string, cause?: unknown): WireError {
  const causeStack = cause instanceof Error && cause.stack ? cause.stack.split('\n').slice(1) : [];
  return { errorType, errorMessage, trace: [`${errorType}: ${errorMessage}`, ...causeStack] };
}
