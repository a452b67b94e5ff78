import { ObjectSchema, UnionSchema, type Shape, type Variants } from './objects';
import { ArraySchema, type ArrayRules, BooleanSchema, EnumSchema, JsonValueSchema, NullableSchema, NumberSchema, OptionalSchema, RecordSchema, StringSchema, type NumberRules } from './scalars';
import type { Schema } from './schema';

/** The schema builders: `s.object({ memoryMb: s.number({ min: 128, max: 10_240, int: true }).default(128) })`. */
export const s = {
  number: (rules: NumberRules = {}) => new NumberSchema(rules),
  string: (maxLength?: number) => new StringSchema(maxLength),
  boolean: () => new BooleanSchema(),
  /** One of these strings or numbers. */
  enum: <const T extends string | number>(values: readonly T[]) => new EnumSchema<T>(values),
  literal: <const T extends string | number>(value: T) => new EnumSchema<T>([value]),
  nullable: <T>(inner: Schema<T>) => new NullableSchema(inner),
  optional: <T>(inner: Schema<T>) => new OptionalSchema(inner),
  array: <T>(item: Schema<T>, rules: ArrayRules = {}) => new ArraySchema(item, rules),
  record: <T>(value: Schema<T>) => new RecordSchema(value),
  /** Any JSON value, typed as T by the caller (a further `refine` checks it is one). */
  json: <T = unknown>() => new JsonValueSchema<T>(),
  /** An object that ignores fields it does not know. */
  object: <S extends Shape>(shape: S) => new ObjectSchema(shape, false),
  /** An object that refuses fields it does not know. */
  strictObject: <S extends Shape>(shape: S) => new ObjectSchema(shape, true),
  union: <K extends string, V extends Variants>(key: K, variants: V, options: { strict?: boolean; defaultTag?: keyof V & string } = {}) =>
    new UnionSchema(key, variants, options.strict ?? false, options.defaultTag),
};
