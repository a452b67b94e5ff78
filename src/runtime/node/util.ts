/**
 * `util`: format and inspect are the runtime's own (src/runtime/inspect.ts,
 * checked against Node's util.inspect), so `util.format` prints exactly what
 * `console.log` does; promisify, callbackify, types and the rest follow Node.
 */
import { format, inspect as inspectValue } from '../inspect';

const custom = Symbol.for('nodejs.util.promisify.custom');

type Callback = (err: unknown, ...values: unknown[]) => void;
type AnyFn = (...args: unknown[]) => unknown;

function invalidArg(name: string, type: string, value: unknown): TypeError {
  const received = value === null ? 'null' : value === undefined ? 'undefined' : `type ${typeof value}`;
  return Object.assign(new TypeError(`The "${name}" argument must be of type ${type}. Received ${received}`), { code: 'ERR_INVALID_ARG_TYPE' });
}

function promisify(original: AnyFn & { [custom]?: AnyFn }): AnyFn {
  if (typeof original !== 'function') throw invalidArg('original', 'function', original);
  if (original[custom]) return original[custom];
  const fn = function (this: unknown, ...args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      original.call(this, ...args, (err: unknown, value: unknown) => (err ? reject(err) : resolve(value)));
    });
  };
  Object.defineProperty(fn, custom, { value: fn });
  return fn;
}
promisify.custom = custom;

function callbackify(original: AnyFn): AnyFn {
  if (typeof original !== 'function') throw invalidArg('original', 'function', original);
  return function (this: unknown, ...args: unknown[]) {
    const cb = args.pop() as Callback;
    if (typeof cb !== 'function') throw invalidArg('last argument', 'function', cb);
    Promise.resolve(original.apply(this, args)).then(
      (value) => queueMicrotask(() => cb(null, value)),
      (reason: unknown) => {
        const err = reason || Object.assign(new Error('Promise was rejected with a falsy value'), { code: 'ERR_FALSY_VALUE_REJECTION', reason });
        queueMicrotask(() => cb(err));
      },
    );
  };
}

const tag = (v: unknown): string => Object.prototype.toString.call(v).slice(8, -1);
const types = {
  isPromise: (v: unknown) => v instanceof Promise,
  isRegExp: (v: unknown) => v instanceof RegExp,
  isDate: (v: unknown) => v instanceof Date,
  isMap: (v: unknown) => v instanceof Map,
  isSet: (v: unknown) => v instanceof Set,
  isWeakMap: (v: unknown) => v instanceof WeakMap,
  isWeakSet: (v: unknown) => v instanceof WeakSet,
  isNativeError: (v: unknown) => v instanceof Error,
  isArrayBuffer: (v: unknown) => v instanceof ArrayBuffer,
  isAnyArrayBuffer: (v: unknown) => v instanceof ArrayBuffer || tag(v) === 'SharedArrayBuffer',
  isArrayBufferView: (v: unknown) => ArrayBuffer.isView(v),
  isTypedArray: (v: unknown) => ArrayBuffer.isView(v) && !(v instanceof DataView),
  isUint8Array: (v: unknown) => v instanceof Uint8Array,
  isDataView: (v: unknown) => v instanceof DataView,
  isAsyncFunction: (v: unknown) => tag(v) === 'AsyncFunction' || tag(v) === 'AsyncGeneratorFunction',
  isGeneratorFunction: (v: unknown) => tag(v) === 'GeneratorFunction' || tag(v) === 'AsyncGeneratorFunction',
  isGeneratorObject: (v: unknown) => tag(v) === 'Generator',
  isBoxedPrimitive: (v: unknown) => ['Number', 'String', 'Boolean', 'BigInt', 'Symbol'].includes(tag(v)) && typeof v === 'object',
  isProxy: () => false,
};

function inherits(ctor: { prototype: object; super_?: unknown }, superCtor: { prototype: object }): void {
  Object.defineProperty(ctor, 'super_', { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function deprecate<T extends AnyFn>(fn: T, message: string, code?: string): T {
  let warned = false;
  return function (this: unknown, ...args: unknown[]) {
    if (!warned) {
      warned = true;
      console.error(`(node:8) ${code ? `[${code}] ` : ''}DeprecationWarning: ${message}`);
    }
    return fn.apply(this, args);
  } as T;
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map || a instanceof Set) {
    const bb = b as Map<unknown, unknown>;
    if (a.size !== bb.size) return false;
    if (a instanceof Set) return [...a].every((v) => (b as Set<unknown>).has(v) || [...(b as Set<unknown>)].some((w) => isDeepStrictEqual(v, w)));
    return [...a].every(([k, v]) => bb.has(k) && isDeepStrictEqual(v, bb.get(k)));
  }
  const ka = Reflect.ownKeys(a).filter((k) => Object.prototype.propertyIsEnumerable.call(a, k));
  const kb = Reflect.ownKeys(b).filter((k) => Object.prototype.propertyIsEnumerable.call(b, k));
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && isDeepStrictEqual((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

const inspect = Object.assign((value: unknown) => inspectValue(value), { custom: Symbol.for('nodejs.util.inspect.custom'), defaultOptions: { depth: 2 } });

const util = {
  format,
  inspect,
  promisify,
  callbackify,
  types,
  inherits,
  deprecate,
  isDeepStrictEqual,
  isArray: Array.isArray,
  TextEncoder,
  TextDecoder,
  debuglog: () => Object.assign(() => undefined, { enabled: false }),
  // eslint-disable-next-line no-control-regex
  stripVTControlCharacters: (s: string) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, ''),
};

export { format, inspect, promisify, isDeepStrictEqual, types };
export default util;
export const variants = { 'util/types': types };
