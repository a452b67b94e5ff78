import { describe, expect, it } from 'vitest';
import { s } from './builders';
import { readAll, readOrThrow, type Infer } from './schema';

const fn = s.object({
  name: s.string(8).default('fn'),
  memoryMb: s.number({ min: 128, max: 10_240, int: true }).default(128),
  env: s.record(s.string()).default({}),
  prefix: s.optional(s.string()),
  reserved: s.nullable(s.number()).default(null),
});
const trigger = s.union('type', { http: { function: s.string() }, sqs: { queue: s.string(), batchSize: s.number({ min: 1, max: 10_000 }).default(10) } });
const doc = s.object({ functions: s.array(fn, { min: 1, max: 3, item: 'function' }), triggers: s.array(trigger).default([]), strict: s.strictObject({ on: s.boolean().default(false) }) });

// The type comes from the schema: these lines fail to compile if inference breaks.
const typed: Infer<typeof doc> = { functions: [{ name: 'a', memoryMb: 256, env: {}, reserved: null }], triggers: [{ type: 'sqs', queue: 'q', batchSize: 5 }], strict: { on: true } };

describe('the schema builder', () => {
  it('fills what is left out with its default, at any depth, and keeps what is there', () => {
    expect(readOrThrow(doc, { functions: [{}] })).toEqual({ functions: [{ name: 'fn', memoryMb: 128, env: {}, reserved: null }], triggers: [], strict: { on: false } });
    expect(readOrThrow(doc, typed)).toEqual(typed);
    expect(readOrThrow(doc, { functions: [{ prefix: 'p/' }], triggers: [{ type: 'sqs', queue: 'q' }] }).triggers).toEqual([{ type: 'sqs', queue: 'q', batchSize: 10 }]);
  });

  it('names every problem by its path, in words', () => {
    const { problems } = readAll(doc, {
      functions: [{ memoryMb: 64 }, { memoryMb: 130.5, name: 'much too long', env: { A: 1 } }],
      triggers: [{ type: 'sqs' }, { type: 'pigeon' }],
      strict: { on: 'yes', other: 1 },
    });
    expect(problems.map((p) => p.message)).toEqual([
      'functions[0].memoryMb: must be from 128 to 10,240 (got 64)',
      'functions[1].name: longer than 8 characters',
      'functions[1].memoryMb: must be a whole number (got 130.5)',
      'functions[1].env.A: expected a string, got number 1',
      'triggers[0].queue: required',
      'triggers[1].type: expected one of http, sqs, got "pigeon"',
      'strict.on: expected true or false, got string "yes"',
      'strict.other: not a field of this format',
    ]);
    expect(() => readOrThrow(doc, { functions: [] })).toThrow('functions: at least one function');
    expect(() => readOrThrow(doc, 'x')).toThrow('(top): expected an object, got string "x"');
  });

  it('a "__proto__" key of a map stays an entry', () => {
    const env = readOrThrow(s.record(s.string()), JSON.parse('{"__proto__": "x", "A": "1"}'));
    expect(Object.getPrototypeOf(env)).toBe(Object.prototype);
    expect(Object.entries(env)).toEqual([['__proto__', 'x'], ['A', '1']]);
  });

  it('refine adds a rule that runs once the value has the right shape', () => {
    const even = s.number().refine((n) => (n % 2 === 0 ? null : 'must be even'));
    expect(readAll(even, 3).problems.map((p) => p.message)).toEqual(['(top): must be even']);
    expect(readAll(even, 4).problems).toEqual([]);
    expect(readAll(even, 'x').problems.map((p) => p.detail)).toEqual(['expected a number, got string "x"']);
  });

  it('the compact form leaves out what equals its default, and reads back as the same value', () => {
    const full = readOrThrow(doc, { functions: [{ name: 'a', memoryMb: 512 }], triggers: [{ type: 'sqs', queue: 'q', batchSize: 10 }, { type: 'http', function: 'a' }] });
    const compact = doc.compact(full);
    expect(compact).toEqual({ functions: [{ name: 'a', memoryMb: 512 }], triggers: [{ type: 'sqs', queue: 'q' }, { type: 'http', function: 'a' }] });
    expect(readOrThrow(doc, compact)).toEqual(full);
  });

  it('its JSON Schema says the same: required fields, ranges, defaults, closed objects, tagged unions', () => {
    const json = doc.toJsonSchema() as { required: string[]; properties: Record<string, Record<string, unknown>> };
    expect(json.required).toEqual(['functions']);
    const fnJson = (json.properties.functions as { items: { properties: Record<string, unknown>; required?: string[] }; minItems: number }).items;
    expect(fnJson.required).toBeUndefined();
    expect(fnJson.properties.memoryMb).toEqual({ type: 'integer', minimum: 128, maximum: 10240, default: 128 });
    expect(fnJson.properties.reserved).toEqual({ anyOf: [{ type: 'number' }, { type: 'null' }], default: null });
    expect(json.properties.strict).toMatchObject({ additionalProperties: false });
    expect((json.properties.triggers as { items: { oneOf: { properties: { type: unknown }; required: string[] }[] } }).items.oneOf.map((o) => [o.properties.type, o.required])).toEqual([
      [{ const: 'http' }, ['type', 'function']],
      [{ const: 'sqs' }, ['type', 'queue']],
    ]);
  });
});
