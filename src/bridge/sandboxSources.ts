/**
 * The sandbox frame's scripts (its host and the runtime each worker runs),
 * as text. A module of their own so that sandboxFrame.ts can import them on
 * demand: they are not needed for the app's first paint, only for the first
 * frame, which is made at idle time or on the first invoke.
 */
import hostSource from '../sandbox/host.ts?bundle';
import runtimeSource from '../runtime/main.ts?bundle';

export { hostSource, runtimeSource };
