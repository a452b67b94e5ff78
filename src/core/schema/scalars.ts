import { isObject, pathOf, Schema, type JsonSchema, type ReadContext } from './schema';

const count = (n: number): string => n.toLocaleString('en-US');

export interface NumberRules {
  min?: number;
  max?: number;
  /** A whole number. */
  int?: boolean;
}

export class NumberSchema extends Schema<number> {
  constructor(private readonly rules: NumberRules) {
    super();
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.expected(ctx, path, 'a number', v);
    const { min, max, int } = this.rules;
    if (int && !Number.isInteger(v)) return this.problem(ctx, path, `must be a whole number (got ${v})`, v);
    if ((min !== undefined && v < min) || (max !== undefined && v > max)) {
      const range = min !== undefined && max !== undefined ? `from ${count(min)} to ${count(max)}` : min !== undefined ? `at least ${count(min)}` : `at most ${count(max as number)}`;
      return this.problem(ctx, path, `must be ${range} (got ${count(v)})`, v);
    }
    return v;
  }

  protected jsonNode(): JsonSchema {
    const { min, max, int } = this.rules;
    return { type: int ? 'integer' : 'number', ...(min !== undefined ? { minimum: min } : {}), ...(max !== undefined ? { maximum: max } : {}) };
  }
}

export class StringSchema extends Schema<string> {
  constructor(private readonly maxLength: number | undefined) {
    super();
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): string {
    if (typeof v !== 'string') return this.expected(ctx, path, 'a string', v);
    if (this.maxLength !== undefined && v.length > this.maxLength) return this.problem(ctx, path, `longer than ${count(this.maxLength)} characters`, v);
    return v;
  }

  protected jsonNode(): JsonSchema {
    return { type: 'string', ...(this.maxLength !== undefined ? { maxLength: this.maxLength } : {}) };
  }
}

export class BooleanSchema extends Schema<boolean> {
  protected readPresent(v: unknown, path: string, ctx: ReadContext): boolean {
    return typeof v === 'boolean' ? v : this.expected(ctx, path, 'true or false', v);
  }

  protected jsonNode(): JsonSchema {
    return { type: 'boolean' };
  }
}

export class EnumSchema<T extends string | number> extends Schema<T> {
  constructor(readonly values: readonly T[]) {
    super();
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): T {
    if ((this.values as readonly unknown[]).includes(v)) return v as T;
    return this.problem(ctx, path, `expected one of ${this.values.join(', ')}, got ${JSON.stringify(v)?.slice(0, 40)}`, v);
  }

  protected jsonNode(): JsonSchema {
    return this.values.length === 1 ? { const: this.values[0] } : { enum: [...this.values] };
  }
}

/** A value that may be null (null is a value, not a missing field). */
export class NullableSchema<T> extends Schema<T | null> {
  constructor(private readonly inner: Schema<T>) {
    super();
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): T | null {
    return v === null ? null : this.inner.read(v, path, ctx);
  }

  protected jsonNode(): JsonSchema {
    return { anyOf: [this.inner.toJsonSchema(), { type: 'null' }] };
  }
}

/** A field an object may leave out; its type gains `undefined` and its key becomes optional. */
export class OptionalSchema<T> extends Schema<T | undefined> {
  override readonly isOptional = true;

  constructor(readonly inner: Schema<T>) {
    super();
  }

  override fallback(): { value: T | undefined } {
    return { value: undefined };
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): T | undefined {
    return this.inner.read(v, path, ctx);
  }

  override compact(value: T | undefined): unknown {
    return value === undefined ? undefined : this.inner.compact(value);
  }

  protected jsonNode(): JsonSchema {
    return this.inner.toJsonSchema();
  }
}

export interface ArrayRules {
  min?: number;
  max?: number;
  /** What an item is called in problems ("at least one function"). */
  item?: string;
}

export class ArraySchema<T> extends Schema<T[]> {
  constructor(
    private readonly item: Schema<T>,
    private readonly rules: ArrayRules,
  ) {
    super();
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): T[] {
    if (!Array.isArray(v)) return this.expected(ctx, path, 'a list', v);
    if (this.rules.max !== undefined && v.length > this.rules.max) return this.problem(ctx, path, `more than ${count(this.rules.max)} items`, v);
    const { min, item = 'item' } = this.rules;
    if (min !== undefined && v.length < min) return this.problem(ctx, path, min === 1 ? `at least one ${item}` : `at least ${count(min)} ${item}s`, v);
    return v.map((x, i) => this.item.read(x, pathOf(path, i), ctx));
  }

  override compact(value: T[]): unknown {
    return value.map((x) => this.item.compact(x));
  }

  protected jsonNode(): JsonSchema {
    const { min, max } = this.rules;
    return { type: 'array', items: this.item.toJsonSchema(), ...(min !== undefined ? { minItems: min } : {}), ...(max !== undefined ? { maxItems: max } : {}) };
  }
}

/** An object whose keys are names and whose values all have one schema (environment variables). */
export class RecordSchema<T> extends Schema<Record<string, T>> {
  constructor(private readonly value: Schema<T>) {
    super();
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): Record<string, T> {
    if (!isObject(v)) return this.expected(ctx, path, 'an object', v);
    const out: Record<string, T> = {};
    // defineProperty: a key "__proto__" from JSON.parse stays a plain entry instead of replacing the prototype.
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: this.value.read(x, pathOf(path, k), ctx), enumerable: true, writable: true, configurable: true });
    return out;
  }

  protected jsonNode(): JsonSchema {
    return { type: 'object', additionalProperties: this.value.toJsonSchema() };
  }
}

/** Any JSON value, kept as it is (checked to be plain, finite JSON, at most 64 deep). */
export class JsonValueSchema<T = unknown> extends Schema<T> {
  protected readPresent(v: unknown, path: string, ctx: ReadContext): T {
    const problem = jsonProblem(v, path, 0);
    return problem ? this.problem(ctx, problem.path, problem.detail, v) : (v as T);
  }

  protected jsonNode(): JsonSchema {
    return {};
  }
}

function jsonProblem(v: unknown, path: string, depth: number): { path: string; detail: string } | null {
  if (depth > 64) return { path, detail: 'nested too deeply' };
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? null : { path, detail: 'not a finite number' };
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = jsonProblem(v[i], pathOf(path, i), depth + 1);
      if (p) return p;
    }
    return null;
  }
  if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      const p = jsonProblem(x, pathOf(path, k), depth + 1);
      if (p) return p;
    }
    return null;
  }
  return { path, detail: `not a JSON value (${typeof v})` };
}
