import { isObject, jsonEqual, pathOf, Schema, type Infer, type JsonSchema, type ReadContext } from './schema';
import { EnumSchema } from './scalars';

export type Shape = { [key: string]: Schema<unknown> };
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly isOptional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<{ [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<Infer<S[K]>, undefined> }>;

/**
 * An object with known fields. A missing field takes its default (a field
 * without one is required); an object whose fields all have defaults may
 * itself be left out. A strict object refuses fields it does not know; a
 * lenient one ignores them (links from newer versions still load).
 */
export class ObjectSchema<S extends Shape> extends Schema<ObjectOf<S>> {
  constructor(
    readonly shape: S,
    readonly strict: boolean,
  ) {
    super();
  }

  override fallback(): { value: ObjectOf<S> } | null {
    const own = super.fallback();
    if (own) return own;
    if (!Object.values(this.shape).every((f) => f.fallback() !== null)) return null;
    return { value: this.readPresent({}, '', { problems: [] }) };
  }

  /** The default of every field that has one. */
  defaults(): Partial<ObjectOf<S>> {
    const out: { [key: string]: unknown } = {};
    for (const [key, field] of Object.entries(this.shape)) {
      const d = field.fallback();
      if (d && d.value !== undefined) out[key] = d.value;
    }
    return out as Partial<ObjectOf<S>>;
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): ObjectOf<S> {
    if (!isObject(v)) return this.expected(ctx, path || '(top)', 'an object', v);
    const out: { [key: string]: unknown } = {};
    for (const [key, field] of Object.entries(this.shape)) {
      const x = field.read(v[key], pathOf(path, key), ctx);
      if (x !== undefined) out[key] = x;
    }
    if (this.strict) for (const key of Object.keys(v)) if (!(key in this.shape)) this.problem(ctx, pathOf(path, key), 'not a field of this format', v);
    return out as ObjectOf<S>;
  }

  override compact(value: ObjectOf<S>): unknown {
    const out: { [key: string]: unknown } = {};
    const v = value as { [key: string]: unknown };
    for (const [key, field] of Object.entries(this.shape)) {
      const x = v[key];
      if (x === undefined) continue;
      const d = field.isOptional ? null : field.fallback();
      if (d && jsonEqual(x, d.value)) continue;
      out[key] = field.compact(x);
    }
    return out;
  }

  protected jsonNode(): JsonSchema {
    const properties: JsonSchema = {};
    for (const [key, field] of Object.entries(this.shape)) properties[key] = field.toJsonSchema();
    const required = Object.entries(this.shape).filter(([, f]) => f.fallback() === null).map(([k]) => k);
    return { type: 'object', ...(required.length > 0 ? { required } : {}), properties, ...(this.strict ? { additionalProperties: false } : {}) };
  }

  /** The same object with more (or replaced) fields. */
  extend<M extends Shape>(more: M): ObjectSchema<Omit<S, keyof M> & M> {
    return new ObjectSchema({ ...this.shape, ...more } as Omit<S, keyof M> & M, this.strict);
  }
}

export type Variants = { [tag: string]: Shape };
export type UnionOf<K extends string, V extends Variants> = { [T in keyof V & string]: Simplify<{ [P in K]: T } & ObjectOf<V[T]>> }[keyof V & string];

/** One of several objects, told apart by the string at `key` (`kind`, `type`, `model`, `policy`). */
export class UnionSchema<K extends string, V extends Variants> extends Schema<UnionOf<K, V>> {
  readonly variants: { [tag: string]: ObjectSchema<Shape> } = {};

  constructor(
    readonly key: K,
    variants: V,
    strict: boolean,
    /** The variant a value without `key` is (its tag may then be left out). */
    private readonly defaultTag?: keyof V & string,
  ) {
    super();
    for (const [tag, shape] of Object.entries(variants)) {
      const tagSchema = tag === defaultTag ? new EnumSchema([tag]).default(tag) : new EnumSchema([tag]);
      this.variants[tag] = new ObjectSchema({ [key]: tagSchema, ...shape } as Shape, strict);
    }
  }

  get tags(): string[] {
    return Object.keys(this.variants);
  }

  protected readPresent(v: unknown, path: string, ctx: ReadContext): UnionOf<K, V> {
    if (!isObject(v)) return this.expected(ctx, path || '(top)', 'an object', v);
    const tag = v[this.key] ?? this.defaultTag;
    const variant = typeof tag === 'string' && Object.hasOwn(this.variants, tag) ? this.variants[tag] : undefined;
    if (!variant) return this.problem(ctx, pathOf(path, this.key), `expected one of ${this.tags.join(', ')}, got ${JSON.stringify(tag) ?? 'nothing'}`, v);
    return variant.read(v, path, ctx) as UnionOf<K, V>;
  }

  override compact(value: UnionOf<K, V>): unknown {
    const tag = (value as { [key: string]: unknown })[this.key] as string;
    return (this.variants[tag] as ObjectSchema<Shape>).compact(value as ObjectOf<Shape>);
  }

  protected jsonNode(): JsonSchema {
    return { oneOf: Object.values(this.variants).map((o) => o.toJsonSchema()) };
  }
}
