import { validateSettings } from '../platformSettings';
import { snapStartProblem } from '../snapStart';
import { DEFAULT_SQS_MAPPING_SETTINGS, validateSqsMappingSettings } from '../sources/sqsMappingSettings';
import { expectedArrivals } from '../arrivalStream';
import { isObject, readAll, type Infer } from '../schema/schema';
import { DEFAULT_SCENARIO, type Scenario, type Traffic } from './scenario';
import { SCENARIO_LIMITS, scenarioSchema } from './scenarioSchema';
import { settingsOf } from './scenarioPlatform';

type ReadScenario = Infer<typeof scenarioSchema>;

/** Traffic without a seed of its own takes the scenario's, as live mode's Poisson pattern has one. */
function withSeed(t: ReadScenario['traffic'], seed: number): Traffic {
  if (!isObject(t)) return t; // wrong, and kept as it came for validateScenario to name
  return t.kind === 'poisson' || t.kind === 'daily' || t.kind === 'replay' ? { ...t, seed: t.seed ?? seed } : t;
}

/** The Scenario of a read value (this fails to compile when the schema and the Scenario type part ways). */
function toScenario(read: ReadScenario): Scenario {
  const { $schema: _schema, traffic, ...rest } = read;
  return { ...rest, traffic: withSeed(traffic, read.seed) };
}

const problemsOf = (value: unknown): string[] => readAll(scenarioSchema, value).problems.map((p) => `${p.message}.`);

/**
 * A scenario from parsed JSON: fields left out take the defaults
 * (scenarioSchema.ts), so a file need only say what differs. A field that
 * is wrong is kept as it came: `validateScenario` says what is wrong.
 */
export function scenarioFromJson(input: unknown): Scenario {
  return toScenario(readAll(scenarioSchema, isObject(input) ? input : {}).value);
}

/** Every problem with a scenario, worded for the form and the command line; empty when it can run. */
export function validateScenario(scenario: Scenario): string[] {
  const p = problemsOf(scenario);
  if (p.length > 0) return p;
  const t = scenario.traffic;
  if (t.kind === 'spike') {
    if (t.spikeStartS > scenario.durationS) p.push(`traffic.spikeStartS: must be within the scenario's ${scenario.durationS.toLocaleString('en-US')} s (got ${t.spikeStartS.toLocaleString('en-US')}).`);
    if (t.spikeDurationS > scenario.durationS) p.push(`traffic.spikeDurationS: must be within the scenario's ${scenario.durationS.toLocaleString('en-US')} s (got ${t.spikeDurationS.toLocaleString('en-US')}).`);
  }
  p.push(...validateSettings(settingsOf(scenario)).map((x) => `concurrency: ${x.message}`));
  if (scenario.snapStart) {
    const refusal = snapStartProblem('PublishedVersions', scenario.function, scenario.concurrency.provisionedConcurrency);
    if (refusal) p.push(`snapStart: ${refusal.message}`);
  }
  const src = scenario.source;
  if (src?.kind === 'sqs') {
    // The live mapping's own rules (batch size against the window, visibility timeout against the function's timeout …).
    const settings = { ...DEFAULT_SQS_MAPPING_SETTINGS, batchSize: src.batchSize, maximumBatchingWindowS: src.maximumBatchingWindowS, maximumConcurrency: src.maximumConcurrency, visibilityTimeoutS: src.visibilityTimeoutS, maxReceiveCount: src.maxReceiveCount };
    p.push(...validateSqsMappingSettings(settings, { functionTimeoutS: scenario.function.timeoutS, deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:my-queue-dlq' }).map((x) => `source: ${x.message}`));
  }
  if (p.length === 0) {
    const n = expectedArrivals(scenario.traffic, scenario.durationS);
    const max = SCENARIO_LIMITS.arrivals.max;
    if (n > max) p.push(`This scenario sends about ${Math.round(n).toLocaleString('en-US')} requests: at most ${max.toLocaleString('en-US')}. Lower the rate or the duration.`);
  }
  return p;
}

/** Parse and check a scenario file's text. */
export function readScenario(text: string): { scenario: Scenario; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { scenario: DEFAULT_SCENARIO, problems: [`Not JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  const problems = problemsOf(json);
  const scenario = scenarioFromJson(json);
  return { scenario, problems: problems.length > 0 ? problems : validateScenario(scenario) };
}
