/**
 * Make the worker's channel to the app unreachable from handler code. Runs
 * after the runtime holds its MessagePort (in a closure) and before any
 * handler code loads:
 *
 * - the worker's own `postMessage` / `onmessage` / `onmessageerror` are gone
 *   (from the global and its prototype), and `addEventListener('message')`
 *   on the global does nothing: the app talks to the runtime only over the
 *   port, which handler code never sees;
 * - the prototypes the runtime's messaging goes through are frozen, so a
 *   handler cannot patch `MessagePort.prototype.postMessage` or the
 *   `MessageEvent.prototype.data` getter to be handed the port.
 */
const MESSAGE_EVENTS = new Set(['message', 'messageerror']);

function remove(target: object | null | undefined, name: string): void {
  if (!target) return;
  const own = Object.getOwnPropertyDescriptor(target, name);
  if (own && !own.configurable) return;
  try {
    Object.defineProperty(target, name, { value: undefined, writable: false, enumerable: false, configurable: false });
  } catch {
    // A property the engine will not let go of stays as it was; the prototypes below are frozen either way.
  }
}

export function sealChannel(scope: object): void {
  const proto = Object.getPrototypeOf(scope) as object | null;
  for (const name of ['postMessage', 'onmessage', 'onmessageerror']) {
    remove(proto, name);
    remove(scope, name);
  }
  const add = EventTarget.prototype.addEventListener;
  const apply = Reflect.apply;
  const guarded = function (this: unknown, type: string, ...rest: unknown[]): void {
    if (this === scope && MESSAGE_EVENTS.has(String(type))) return;
    apply(add, this, [type, ...rest]);
  };
  Object.defineProperty(EventTarget.prototype, 'addEventListener', { value: guarded, writable: false, configurable: false });
  for (const ctor of [EventTarget, MessagePort, MessageEvent, MessageChannel]) {
    Object.freeze(ctor.prototype);
    Object.freeze(ctor);
  }
}
