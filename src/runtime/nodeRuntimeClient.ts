import type { WireOutcome } from '../protocol/messages';
import type { ApiInvocation, RuntimeApi } from './runtimeApi';

const BASE = '/2018-06-01/runtime';
const NO_HEADERS = new Headers();

/**
 * The managed Node.js runtime's loop, as Lambda's Node.js runtime interface
 * client runs it: ask the Runtime API for the next event, run the handler,
 * post its result to `response` or its error (`{errorType, errorMessage,
 * trace}`, the type also in `Lambda-Runtime-Function-Error-Type`) to `error`.
 * Init is over when it first asks for `next`. What ends the process instead
 * (a crash, or Node's event loop emptying with the handler's promise pending)
 * is not an answer the API carries: `ended` hears it, and the loop stops.
 */
export async function serveNodeRuntime(api: RuntimeApi, run: (inv: ApiInvocation) => Promise<WireOutcome>, ended: (requestId: string, outcome: WireOutcome) => void): Promise<void> {
  for (;;) {
    const next = await api.handle('GET', `${BASE}/invocation/next`, NO_HEADERS, '');
    if (next.status !== 200) return;
    const h = next.headers;
    const requestId = h['Lambda-Runtime-Aws-Request-Id'] ?? '';
    const outcome = await run({
      requestId,
      payload: next.body,
      deadlineMs: Number(h['Lambda-Runtime-Deadline-Ms']),
      invokedFunctionArn: h['Lambda-Runtime-Invoked-Function-Arn'] ?? '',
      traceId: h['Lambda-Runtime-Trace-Id'] ?? '',
    });
    const path = `${BASE}/invocation/${encodeURIComponent(requestId)}`;
    if (outcome.kind === 'success') await api.handle('POST', `${path}/response`, NO_HEADERS, outcome.payload);
    else if (outcome.kind === 'error') {
      const { errorType, errorMessage, trace } = outcome.error;
      await api.handle('POST', `${path}/error`, new Headers({ 'Lambda-Runtime-Function-Error-Type': errorType }), JSON.stringify({ errorType, errorMessage, trace }));
    } else {
      ended(requestId, outcome);
      return;
    }
  }
}
