/** `timers`: the global timers (the runtime's, metered for CPU), and `setImmediate` as a macrotask. */
type Fn = (...args: unknown[]) => void;

const immediates = new Map<number, ReturnType<typeof setTimeout>>();
let nextImmediate = 1;

export function setImmediate(fn: Fn, ...args: unknown[]): { id: number; hasRef: () => boolean; ref(): unknown; unref(): unknown } {
  const id = nextImmediate++;
  immediates.set(id, setTimeout(() => {
    immediates.delete(id);
    fn(...args);
  }, 0));
  const handle = { id, hasRef: () => true, ref: () => handle, unref: () => handle, [Symbol.toPrimitive]: () => id };
  return handle;
}

export function clearImmediate(handle: { id: number } | undefined): void {
  if (!handle) return;
  const t = immediates.get(handle.id);
  if (t !== undefined) clearTimeout(t);
  immediates.delete(handle.id);
}

const timers = {
  setTimeout: (...a: Parameters<typeof setTimeout>) => setTimeout(...a),
  clearTimeout: (t: Parameters<typeof clearTimeout>[0]) => clearTimeout(t),
  setInterval: (...a: Parameters<typeof setInterval>) => setInterval(...a),
  clearInterval: (t: Parameters<typeof clearInterval>[0]) => clearInterval(t),
  setImmediate,
  clearImmediate,
};
export default timers;
