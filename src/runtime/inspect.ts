/**
 * A subset of Node's util.inspect and util.format, so that console output
 * reads as it does in CloudWatch (`{ a: 1, b: 'x' }`, not `[object Object]`).
 * Known difference: Node groups long arrays of short items into columns;
 * this prints one item per line.
 */
import { cleanStack } from './traceSource';

const MAX_DEPTH = 2;
const MAX_ARRAY = 100;
const IDENT = /^[A-Za-z_$][\w$]*$/;

function quote(s: string): string {
  if (!s.includes("'")) return `'${s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}'`;
  if (!s.includes('"')) return `"${s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}"`;
  return `\`${s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\n/g, '\\n')}\``;
}

function key(k: string | symbol): string {
  if (typeof k === 'symbol') return `[${k.toString()}]`;
  return IDENT.test(k) ? k : quote(k);
}

function wrap(open: string, parts: string[], close: string, prefix: string, indent: number): string {
  if (parts.length === 0) return `${prefix}${open}${close}`;
  const oneLine = `${prefix}${open} ${parts.join(', ')} ${close}`;
  if (oneLine.length + indent <= 72 && !parts.some((p) => p.includes('\n'))) return oneLine;
  const pad = ' '.repeat(indent + 2);
  return `${prefix}${open}\n${pad}${parts.join(`,\n${pad}`)}\n${' '.repeat(indent)}${close}`;
}

function inspectValue(value: unknown, depth: number, seen: Set<object>, indent: number): string {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? value : quote(value);
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return value.name ? `[Function: ${value.name}]` : '[Function (anonymous)]';
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (seen.has(obj)) return '[Circular *1]';
  if (obj instanceof Error) return obj.stack ? cleanStack(obj.stack) : `${obj.name}: ${obj.message}`;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof RegExp) return obj.toString();
  if (obj instanceof Promise) return 'Promise { <pending> }';
  if (depth > MAX_DEPTH) return Array.isArray(obj) ? '[Array]' : '[Object]';
  seen.add(obj);
  try {
    const child = (v: unknown): string => inspectValue(v, depth + 1, seen, indent + 2);
    if (Array.isArray(obj)) {
      const parts = obj.slice(0, MAX_ARRAY).map((v) => (typeof v === 'string' ? quote(v) : child(v)));
      if (obj.length > MAX_ARRAY) parts.push(`... ${obj.length - MAX_ARRAY} more items`);
      return wrap('[', parts, ']', '', indent);
    }
    if (obj instanceof Map) {
      const parts = [...obj].map(([k, v]) => `${typeof k === 'string' ? quote(k) : child(k)} => ${typeof v === 'string' ? quote(v) : child(v)}`);
      return wrap('{', parts, '}', `Map(${obj.size}) `, indent);
    }
    if (obj instanceof Set) {
      const parts = [...obj].map((v) => (typeof v === 'string' ? quote(v) : child(v)));
      return wrap('{', parts, '}', `Set(${obj.size}) `, indent);
    }
    const proto: unknown = Object.getPrototypeOf(obj);
    const ctor = proto === null ? '[Object: null prototype] ' : '';
    const name = proto && proto !== Object.prototype ? (proto as { constructor?: { name?: string } }).constructor?.name : undefined;
    const prefix = name ? `${name} ` : ctor;
    const parts = Reflect.ownKeys(obj)
      .filter((k) => Object.prototype.propertyIsEnumerable.call(obj, k))
      .map((k) => {
        const v = (obj as Record<string | symbol, unknown>)[k];
        return `${key(k)}: ${typeof v === 'string' ? quote(v) : child(v)}`;
      });
    return wrap('{', parts, '}', prefix, indent);
  } finally {
    seen.delete(obj);
  }
}

/** Like Node's util.inspect with default options, for the common cases. */
export function inspect(value: unknown): string {
  return typeof value === 'string' ? quote(value) : inspectValue(value, 0, new Set(), 0);
}

/** Like Node's util.format: printf-style `%s %d %i %f %j %o %O %%`, then the rest joined by spaces. */
export function format(...args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  if (rest.length === 0) return first;
  let i = 0;
  const out = first.replace(/%([sdifjoOc%])/g, (match, spec: string) => {
    if (spec === '%') return '%';
    if (i >= rest.length) return match;
    const arg = rest[i++];
    switch (spec) {
      case 's':
        return typeof arg === 'string' ? arg : typeof arg === 'object' && arg !== null ? inspect(arg) : String(arg);
      case 'd':
      case 'i': {
        if (typeof arg === 'bigint') return `${arg}n`;
        const n = Number(arg);
        return String(spec === 'i' ? Math.trunc(n) : n);
      }
      case 'f':
        return String(parseFloat(String(arg)));
      case 'j':
        try {
          return JSON.stringify(arg);
        } catch {
          return '[Circular]';
        }
      case 'c':
        return '';
      default:
        return inspect(arg);
    }
  });
  const tail = rest.slice(i).map((a) => (typeof a === 'string' ? a : inspect(a)));
  return [out, ...tail].join(' ');
}
