/**
 * One description of a saved format, from which come its TypeScript type
 * (`Infer<typeof s>`), the reader of untrusted JSON (defaults filled in,
 * problems reported with their path: `functions[0].memoryMb: expected a
 * number, got string "x"`), the compact form that leaves defaults out, and
 * its JSON Schema (docs/*.schema.json). The workspace, the share link and
 * the scenario file are each one such schema, built with `s` (builders.ts).
 */

/** What is wrong with a value, and where. */
export class SchemaProblem extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path || '(top)'}: ${detail}`);
  }
}

export type JsonSchema = { [key: string]: unknown };

/** A reading in progress: the problems found so far. */
export interface ReadContext {
  problems: SchemaProblem[];
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)?.slice(0, 40)}`);

export const isObject = (v: unknown): v is { [key: string]: unknown } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Structural equality of JSON values (key order ignored, undefined fields ignored). */
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

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** The base of every schema node: defaults, descriptions and extra checks are common to all. */
export abstract class Schema<T> {
  /** True only for `optional(…)`: an object leaves the field out when it is absent. */
  readonly isOptional: boolean = false;
  protected defaultValue: { value: T } | null = null;
  protected description: string | undefined;
  // Stored loosely so that Schema<T> stays covariant in T (a Schema<number> is a Schema<unknown>).
  private checks: ((value: never) => string | null)[] = [];

  /** Reads a value that is present (not undefined). On a problem, records it and returns the value as it came. */
  protected abstract readPresent(value: unknown, path: string, ctx: ReadContext): T;
  /** This node's JSON Schema, without default and description. */
  protected abstract jsonNode(): JsonSchema;

  /** The value's compact form: what equals its default inside it left out. */
  compact(value: T): unknown {
    return value;
  }

  /** Whether a missing value can be filled in, and with what. */
  fallback(): { value: T } | null {
    return this.defaultValue;
  }

  read(value: unknown, path: string, ctx: ReadContext): T {
    if (value === undefined) {
      const d = this.fallback();
      if (d) return clone(d.value);
      ctx.problems.push(new SchemaProblem(path, 'required'));
      return value as T;
    }
    const before = ctx.problems.length;
    const out = this.readPresent(value, path, ctx);
    if (ctx.problems.length === before) {
      for (const check of this.checks as ((value: T) => string | null)[]) {
        const problem = check(out);
        if (problem !== null) {
          ctx.problems.push(new SchemaProblem(path, problem));
          break;
        }
      }
    }
    return out;
  }

  toJsonSchema(): JsonSchema {
    const d = this.defaultValue; // only a default set on this node: one built from its fields' defaults goes without saying
    return { ...this.jsonNode(), ...(d && d.value !== undefined ? { default: d.value } : {}), ...(this.description ? { description: this.description } : {}) };
  }

  protected problem(ctx: ReadContext, path: string, detail: string, value: unknown): T {
    ctx.problems.push(new SchemaProblem(path, detail));
    return value as T;
  }

  protected expected(ctx: ReadContext, path: string, what: string, value: unknown): T {
    return this.problem(ctx, path, `expected ${what}, got ${describe(value)}`, value);
  }

  private copy(change: (s: this) => void): this {
    const s = Object.assign(Object.create(Object.getPrototypeOf(this) as object) as this, this);
    s.checks = [...this.checks];
    change(s);
    return s;
  }

  /** What a missing value means. */
  default(value: T): this {
    return this.copy((s) => (s.defaultValue = { value }));
  }

  describe(text: string): this {
    return this.copy((s) => (s.description = text));
  }

  /** A further rule: the problem in words, or null when the value keeps it. */
  refine(check: (value: T) => string | null): this {
    return this.copy((s) => s.checks.push(check));
  }
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/**
 * Reads untrusted JSON against a schema: the value with its defaults, and
 * every problem found (empty when it fits).
 */
export function readAll<T>(schema: Schema<T>, value: unknown): { value: T; problems: SchemaProblem[] } {
  const ctx: ReadContext = { problems: [] };
  const out = schema.read(value, '', ctx);
  return { value: out, problems: ctx.problems };
}

/** Reads untrusted JSON against a schema; throws the first problem. */
export function readOrThrow<T>(schema: Schema<T>, value: unknown): T {
  const { value: out, problems } = readAll(schema, value);
  if (problems[0]) throw problems[0];
  return out;
}

/** Joins a path and a key the way problems name them. */
export const pathOf = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);
