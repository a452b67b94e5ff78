import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './scenario';
import { readScenario, scenarioFromJson, validateScenario } from './scenarioFile';

type Schema = Record<string, unknown>;
const root = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(root, 'docs', 'scenario.schema.json'), 'utf8')) as Schema;

/** The part of JSON Schema the scenario schema uses: enough to check the examples and the defaults against it. */
function check(value: unknown, s: Schema, path: string, problems: string[]): void {
  if (typeof s.$ref === 'string') return check(value, (schema.$defs as Record<string, Schema>)[s.$ref.replace('#/$defs/', '')] as Schema, path, problems);
  if (Array.isArray(s.oneOf)) {
    const matches = (s.oneOf as Schema[]).filter((option) => {
      const inner: string[] = [];
      check(value, option, path, inner);
      return inner.length === 0;
    });
    if (matches.length !== 1) problems.push(`${path}: matches ${matches.length} of the oneOf options`);
    return;
  }
  if ('const' in s && value !== s.const) problems.push(`${path}: must be ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(value)) problems.push(`${path}: not one of ${JSON.stringify(s.enum)}`);
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  const typeOf = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (types.length > 0 && !types.some((t) => t === typeOf || (t === 'number' && typeOf === 'integer'))) problems.push(`${path}: ${typeOf}, not ${types.join('|')}`);
  if (typeof value === 'number') {
    if (typeof s.minimum === 'number' && value < s.minimum) problems.push(`${path}: below ${s.minimum}`);
    if (typeof s.maximum === 'number' && value > s.maximum) problems.push(`${path}: above ${s.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems) problems.push(`${path}: too few items`);
    if (s.items) value.forEach((v, i) => check(v, s.items as Schema, `${path}[${i}]`, problems));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && s.properties) {
    const props = s.properties as Record<string, Schema>;
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in value)) problems.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(value)) {
      if (props[key]) check(v, props[key], `${path}.${key}`, problems);
      else if (s.additionalProperties === false) problems.push(`${path}.${key}: not in the schema`);
    }
  }
}

const schemaProblems = (value: unknown): string[] => {
  const problems: string[] = [];
  check(value, schema, '$', problems);
  return problems;
};

describe('scenario files', () => {
  const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json'));

  it('there are examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('examples/%s fits the schema and runs', (file) => {
    const text = readFileSync(join(root, 'examples', file), 'utf8');
    expect(schemaProblems(JSON.parse(text))).toEqual([]);
    expect(readScenario(text).problems).toEqual([]);
  });

  it('the defaults fit the schema, and a scenario round-trips through JSON', () => {
    expect(schemaProblems(DEFAULT_SCENARIO)).toEqual([]);
    expect(scenarioFromJson(JSON.parse(JSON.stringify(DEFAULT_SCENARIO)))).toEqual(DEFAULT_SCENARIO);
  });

  it('fields left out take their defaults', () => {
    const s = scenarioFromJson({ version: 1, traffic: { kind: 'poisson', rps: 5 }, seed: 9, keepAlive: { policy: 'hybrid' } });
    expect(s.function).toEqual(DEFAULT_SCENARIO.function);
    expect(s.traffic).toEqual({ kind: 'poisson', rps: 5, seed: 9 });
    expect(s.keepAlive).toMatchObject({ policy: 'hybrid', rangeMinutes: 240, headPercentile: 5, tailPercentile: 99 });
    expect(validateScenario(s)).toEqual([]);
  });

  it('says what is wrong, in Lambda’s words where it has them', () => {
    expect(readScenario('{"version": 1,').problems[0]).toMatch(/^Not JSON/);
    const problems = validateScenario(
      scenarioFromJson({
        version: 1,
        durationS: 0,
        function: { memoryMb: 64 },
        duration: { model: 'profiled', samplesMs: [] },
        traffic: { kind: 'teleport' },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'durationS: must be from 1 to 2,678,400 (got 0).',
        'function.memoryMb: must be from 128 to 10,240 (got 64).',
        expect.stringMatching(/^duration.samplesMs: at least one measured duration/),
      ]),
    );
    expect(validateScenario(scenarioFromJson({ version: 1, concurrency: { provisionedConcurrency: 50, reservedConcurrency: 20 } }))).toEqual([
      'concurrency: Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function (20).',
    ]);
    expect(validateScenario(scenarioFromJson({ version: 1, durationS: 31 * 86_400, traffic: { kind: 'constant', rps: 100_000 } }))[0]).toMatch(/sends about/);
  });
});
