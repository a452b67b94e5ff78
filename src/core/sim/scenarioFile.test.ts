import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from './scenario';
import { readAll } from '../schema/schema';
import { readScenario, scenarioFromJson, validateScenario } from './scenarioFile';
import { scenarioSchema } from './scenarioSchema';

const root = join(__dirname, '..', '..', '..');

describe('scenario files', () => {
  const examples = readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.json'));

  it('there are examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples)('examples/%s fits the schema and runs', (file) => {
    const text = readFileSync(join(root, 'examples', file), 'utf8');
    expect(readAll(scenarioSchema, JSON.parse(text)).problems).toEqual([]);
    expect(readScenario(text).problems).toEqual([]);
  });

  it('the defaults fit the schema, and a scenario round-trips through JSON', () => {
    expect(readAll(scenarioSchema, DEFAULT_SCENARIO).problems).toEqual([]);
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

  it('names a field the format does not have, and a value of the wrong type, by its path', () => {
    expect(readScenario('{"version": 1, "function": {"memorySize": 512}}').problems).toEqual(['function.memorySize: not a field of this format.']);
    expect(readScenario('{"version": 1, "traffic": {"kind": "ramp", "toRps": "lots"}}').problems).toEqual(['traffic.toRps: expected a number, got string "lots".']);
    expect(readScenario('{"traffic": {"kind": "burst", "count": 2.5}}').problems).toEqual(['version: required.', 'traffic.count: must be a whole number (got 2.5).']);
    expect(readScenario('{"version": 1, "durationS": 60, "traffic": {"kind": "spike", "spikeStartS": 120}}').problems).toEqual([
      "traffic.spikeStartS: must be within the scenario's 60 s (got 120).",
    ]);
  });
});
