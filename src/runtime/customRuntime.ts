import type { InitSpec, WireError } from '../protocol/messages';
import { InitError, prepareModule } from './loadHandler';
import { ProcessExit } from './processShim';
import { RuntimeApi, runtimeApiFetch, type ApiInvocation } from './runtimeApi';

/** What the environment does with what the custom runtime tells the Runtime API, and with its process ending. */
export interface CustomRuntimeHost {
  initDone(): void;
  initFailed(error: WireError): void;
  respond(requestId: string, payload: string): void;
  fail(requestId: string, error: WireError): void;
  /** The bootstrap's top-level code ended (status 0) or threw (status 1, the error given): its process is gone. */
  exited(status: number, thrown: unknown): void;
}

/** The OS-only runtimes: the function's own `bootstrap` is the runtime (lambda-model.md §8). */
export function isCustomRuntime(runtime: string): boolean {
  return runtime.startsWith('provided');
}

/** Lambda's answer when neither the function nor a layer has a bootstrap (Runtime.InvalidEntrypoint). */
export const NO_BOOTSTRAP: WireError = {
  errorType: 'Runtime.InvalidEntrypoint',
  errorMessage: "Couldn't find valid bootstrap(s): [/var/task/bootstrap /opt/bootstrap]",
  trace: [],
};

/**
 * Lambda's error when a runtime's process ends: without a reason (status 0)
 * or with its exit status; during an invocation the message names it.
 */
export function runtimeExitError(status: number, requestId: string | null): WireError {
  const reason = status === 0 ? 'Runtime exited without providing a reason' : `Runtime exited with error: exit status ${status}`;
  return { errorType: 'Runtime.ExitError', errorMessage: requestId === null ? `Error: ${reason}` : `RequestId: ${requestId} Error: ${reason}`, trace: [] };
}

/**
 * Start a custom runtime (`provided.al2023`): `/var/task/bootstrap`, written
 * in JavaScript here, runs as the environment's process and talks to the
 * Runtime API at `http://${AWS_LAMBDA_RUNTIME_API}` with `fetch`, which this
 * environment serves itself (whatever the function's network setting). Init
 * ends when the bootstrap first asks for `next`. Returns what the platform's
 * invocations are handed to, or null when Init already failed.
 */
export function startCustomRuntime(spec: InitSpec, scope: Record<string, unknown>, host: CustomRuntimeHost): { deliver(inv: ApiInvocation): void } | null {
  if (spec.fileName !== 'bootstrap') {
    host.initFailed(NO_BOOTSTRAP);
    return null;
  }
  const api = new RuntimeApi(host);
  const inner = scope.fetch as typeof fetch;
  scope.fetch = runtimeApiFetch(api, (input, init) => inner(input, init));
  let start: () => Promise<unknown>;
  try {
    start = prepareModule(spec, scope);
  } catch (err) {
    // A bootstrap that cannot even be parsed is a process that exits at once, its error on standard error.
    api.end();
    host.exited(1, err instanceof InitError ? err.wire : err);
    return null;
  }
  start().then(
    () => {
      api.end();
      host.exited(0, null);
    },
    (err: unknown) => {
      api.end();
      // process.exit(n) ends the process with its status, saying nothing.
      if (err instanceof ProcessExit) host.exited(err.status, null);
      else host.exited(1, err);
    },
  );
  return api;
}
