/**
 * Reading untrusted JSON (a link, a saved record, an imported file) field by
 * field: a missing field takes its default, a present one must have the
 * right type, and the first problem is reported with its path
 * (`functions[1].memoryMb: expected a number`).
 */
export class SchemaProblem extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: unknown };

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`);

/** Reads the fields of one object at `path`. */
export class FieldReader {
  constructor(
    readonly value: JsonObject,
    readonly path: string,
  ) {}

  static of(value: unknown, path: string): FieldReader {
    if (!isObject(value)) throw new SchemaProblem(path || '(top)', `expected an object, got ${describe(value)}`);
    return new FieldReader(value, path);
  }

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  string(key: string, fallback?: string, maxLength = 10_000_000): string {
    const v = this.value[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'string') throw new SchemaProblem(this.at(key), `expected a string, got ${v === undefined ? 'nothing' : describe(v)}`);
    if (v.length > maxLength) throw new SchemaProblem(this.at(key), `longer than ${maxLength} characters`);
    return v;
  }

  number(key: string, fallback?: number): number {
    const v = this.value[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new SchemaProblem(this.at(key), `expected a number, got ${v === undefined ? 'nothing' : describe(v)}`);
    return v;
  }

  nullableNumber(key: string, fallback: number | null): number | null {
    if (this.value[key] === null) return null;
    return this.value[key] === undefined ? fallback : this.number(key);
  }

  boolean(key: string, fallback?: boolean): boolean {
    const v = this.value[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'boolean') throw new SchemaProblem(this.at(key), `expected true or false, got ${v === undefined ? 'nothing' : describe(v)}`);
    return v;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], fallback?: T): T {
    const v = this.string(key, fallback);
    if (!(allowed as readonly string[]).includes(v)) throw new SchemaProblem(this.at(key), `expected one of ${allowed.join(', ')}, got ${JSON.stringify(v)}`);
    return v as T;
  }

  object(key: string, fallback?: JsonObject): FieldReader {
    const v = this.value[key];
    if (v === undefined && fallback !== undefined) return new FieldReader(fallback, this.at(key));
    return FieldReader.of(v, this.at(key));
  }

  array<T>(key: string, read: (item: unknown, path: string) => T, fallback?: T[], maxItems = 1000): T[] {
    const v = this.value[key];
    if (v === undefined && fallback !== undefined) return fallback;
    if (!Array.isArray(v)) throw new SchemaProblem(this.at(key), `expected a list, got ${v === undefined ? 'nothing' : describe(v)}`);
    if (v.length > maxItems) throw new SchemaProblem(this.at(key), `more than ${maxItems} items`);
    return v.map((item, i) => read(item, `${this.at(key)}[${i}]`));
  }

  stringMap(key: string, fallback: Record<string, string>): Record<string, string> {
    if (this.value[key] === undefined) return fallback;
    const r = this.object(key);
    const out: Record<string, string> = {};
    for (const k of Object.keys(r.value)) out[k] = r.string(k);
    return out;
  }

  /** Any JSON value, passed through untouched (checked to be plain JSON). */
  json(key: string, fallback: unknown): unknown {
    const v = this.value[key];
    if (v === undefined) return fallback;
    assertJson(v, this.at(key));
    return v;
  }
}

function assertJson(v: unknown, path: string, depth = 0): void {
  if (depth > 64) throw new SchemaProblem(path, 'nested too deeply');
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new SchemaProblem(path, 'not a finite number');
    return;
  }
  if (Array.isArray(v)) {
    v.forEach((x, i) => assertJson(x, `${path}[${i}]`, depth + 1));
    return;
  }
  if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) assertJson(x, `${path}.${k}`, depth + 1);
    return;
  }
  throw new SchemaProblem(path, `not a JSON value (${typeof v})`);
}

/** Structural equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/** The object without the fields equal to their defaults. */
export function withoutDefaults<T extends object>(value: T, defaults: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(value) as (keyof T)[]) {
    const v = value[key];
    if (v === undefined) continue;
    if (key in defaults && jsonEqual(v, defaults[key])) continue;
    out[key] = v;
  }
  return out;
}
