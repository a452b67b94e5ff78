import { ARCHITECTURES, RUNTIMES } from '../functionConfig';
import { validateSettings } from '../platformSettings';
import { expectedArrivals } from '../arrivalStream';
import { MAX_REPLAY_MINUTES } from './replayCsv';
import { DEFAULT_HYBRID, DEFAULT_SCENARIO, type DurationModel, type KeepAliveSpec, type Scenario, type Traffic } from './scenario';
import { settingsOf } from './scenarioPlatform';

export const SCENARIO_LIMITS = {
  durationS: { min: 1, max: 31 * 86_400 },
  rps: { max: 100_000 },
  burst: { max: 1_000_000 },
  arrivals: { max: 2_000_000_000 },
  seed: { max: 4_294_967_295 },
  durationMs: { max: 900_000 },
  keepAliveMinutes: { min: 1 / 60, max: 360 },
} as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObject(v) ? v : {});

function trafficOf(v: unknown, seed: number): Traffic {
  const t = obj(v);
  const common = { seed: typeof t.seed === 'number' ? t.seed : seed, poisson: t.poisson === true };
  switch (t.kind) {
    case 'ramp':
      return { kind: 'ramp', fromRps: 0, toRps: 100, ...t } as Traffic;
    case 'spike':
      return { kind: 'spike', baseRps: 10, spikeRps: 100, spikeStartS: 0, spikeDurationS: 60, ...t } as Traffic;
    case 'poisson':
      return { kind: 'poisson', rps: 10, ...t, seed: common.seed } as Traffic;
    case 'burst':
      return { kind: 'burst', count: 100, ...t } as Traffic;
    case 'daily':
      return { kind: 'daily', minRps: 1, peakRps: 100, peakHour: 14, ...t, ...common } as Traffic;
    case 'replay':
      return { kind: 'replay', perMinute: [], scale: 1, ...t, ...common } as Traffic;
    default:
      return { kind: 'constant', rps: 10, ...t, ...(t.kind === undefined ? { kind: 'constant' } : {}) } as Traffic;
  }
}

function keepAliveOf(v: unknown): KeepAliveSpec {
  const k = obj(v);
  if (k.policy === 'hybrid') return { ...DEFAULT_HYBRID, ...k, policy: 'hybrid' } as KeepAliveSpec;
  return { policy: 'fixed', minutes: 10, ...k } as KeepAliveSpec;
}

/**
 * A scenario from parsed JSON: fields left out take the defaults
 * (DEFAULT_SCENARIO, and per traffic kind), so a file need only say what
 * differs. Nothing is checked here: `validateScenario` does that.
 */
export function scenarioFromJson(input: unknown): Scenario {
  const { $schema: _schema, ...j } = obj(input);
  const d = DEFAULT_SCENARIO;
  const seed = typeof j.seed === 'number' ? j.seed : d.seed;
  return {
    ...d,
    ...j,
    version: 1,
    seed,
    traffic: trafficOf(j.traffic ?? d.traffic, seed),
    function: { ...d.function, ...obj(j.function) } as Scenario['function'],
    duration: (isObject(j.duration) ? j.duration : d.duration) as DurationModel,
    initDuration: (isObject(j.initDuration) ? j.initDuration : d.initDuration) as DurationModel,
    keepAlive: keepAliveOf(j.keepAlive ?? d.keepAlive),
    concurrency: { ...d.concurrency, ...obj(j.concurrency) } as Scenario['concurrency'],
    async: { ...d.async, ...obj(j.async) } as Scenario['async'],
    billing: { ...d.billing, ...obj(j.billing) } as Scenario['billing'],
  };
}

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function range(problems: string[], label: string, v: unknown, min: number, max: number, whole = false): void {
  if (!num(v)) problems.push(`${label}: must be a number (got ${JSON.stringify(v)}).`);
  else if (whole && !Number.isInteger(v)) problems.push(`${label}: must be a whole number (got ${v}).`);
  else if (v < min || v > max) problems.push(`${label}: must be from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')} (got ${v.toLocaleString('en-US')}).`);
}

function checkTraffic(p: string[], t: Traffic, durationS: number): void {
  const rate = (label: string, v: unknown): void => range(p, `traffic.${label}`, v, 0, SCENARIO_LIMITS.rps.max);
  switch (t.kind) {
    case 'constant':
    case 'poisson':
      rate('rps', t.rps);
      break;
    case 'ramp':
      rate('fromRps', t.fromRps);
      rate('toRps', t.toRps);
      break;
    case 'spike':
      rate('baseRps', t.baseRps);
      rate('spikeRps', t.spikeRps);
      range(p, 'traffic.spikeStartS', t.spikeStartS, 0, durationS);
      range(p, 'traffic.spikeDurationS', t.spikeDurationS, 0, durationS);
      break;
    case 'burst':
      range(p, 'traffic.count', t.count, 1, SCENARIO_LIMITS.burst.max, true);
      break;
    case 'daily':
      rate('minRps', t.minRps);
      rate('peakRps', t.peakRps);
      range(p, 'traffic.peakHour', t.peakHour, 0, 24);
      break;
    case 'replay':
      if (!Array.isArray(t.perMinute) || t.perMinute.length === 0 || t.perMinute.length > MAX_REPLAY_MINUTES || !t.perMinute.every((n) => num(n) && n >= 0)) {
        p.push(`traffic.perMinute: 1 to ${MAX_REPLAY_MINUTES.toLocaleString('en-US')} counts of requests, each ≥ 0.`);
      }
      range(p, 'traffic.scale', t.scale, 0, 1_000_000);
      break;
    default:
      p.push(`traffic.kind: one of constant, ramp, spike, poisson, burst, daily, replay (got ${JSON.stringify((t as { kind: unknown }).kind)}).`);
  }
  if ('seed' in t) range(p, 'traffic.seed', t.seed, 0, SCENARIO_LIMITS.seed.max, true);
}

function checkDuration(p: string[], label: string, m: DurationModel): void {
  const ms = (field: string, v: unknown, min = 0): void => range(p, `${label}.${field}`, v, min, SCENARIO_LIMITS.durationMs.max);
  switch (m.model) {
    case 'fixed':
      return ms('ms', m.ms);
    case 'normal':
    case 'lognormal':
      ms('meanMs', m.meanMs, m.model === 'lognormal' ? 0.001 : 0);
      return ms('sdMs', m.sdMs);
    case 'exponential':
      return ms('meanMs', m.meanMs);
    case 'profiled':
      if (!Array.isArray(m.samplesMs) || m.samplesMs.length === 0 || !m.samplesMs.every((v) => num(v) && v >= 0)) {
        p.push(`${label}.samplesMs: at least one measured duration (ms, ≥ 0) is needed; run the function live at this memory size first.`);
      }
      return;
    default:
      p.push(`${label}.model: one of fixed, normal, lognormal, exponential, profiled (got ${JSON.stringify((m as { model: unknown }).model)}).`);
  }
}

/** Every problem with a scenario, worded for the form and the command line; empty when it can run. */
export function validateScenario(s: Scenario): string[] {
  const p: string[] = [];
  const L = SCENARIO_LIMITS;
  range(p, 'durationS', s.durationS, L.durationS.min, L.durationS.max);
  range(p, 'seed', s.seed, 0, L.seed.max, true);
  if (s.invocationType !== 'RequestResponse' && s.invocationType !== 'Event') p.push(`invocationType: RequestResponse or Event (got ${JSON.stringify(s.invocationType)}).`);
  const f = s.function;
  range(p, 'function.memoryMb', f.memoryMb, 128, 10_240, true);
  range(p, 'function.timeoutS', f.timeoutS, 1, 900, true);
  if (f.ephemeralStorageMb !== undefined) range(p, 'function.ephemeralStorageMb', f.ephemeralStorageMb, 512, 10_240, true);
  if (!(ARCHITECTURES as readonly string[]).includes(f.architecture)) p.push(`function.architecture: x86_64 or arm64 (got ${JSON.stringify(f.architecture)}).`);
  if (!(RUNTIMES as readonly string[]).includes(f.runtime)) p.push(`function.runtime: one of ${RUNTIMES.join(', ')}.`);
  checkTraffic(p, s.traffic, num(s.durationS) ? s.durationS : L.durationS.max);
  checkDuration(p, 'duration', s.duration);
  checkDuration(p, 'initDuration', s.initDuration);
  range(p, 'errorRate', s.errorRate, 0, 1);
  const k = s.keepAlive;
  if (k.policy === 'fixed') range(p, 'keepAlive.minutes', k.minutes, L.keepAliveMinutes.min, L.keepAliveMinutes.max);
  else if (k.policy === 'hybrid') {
    range(p, 'keepAlive.rangeMinutes', k.rangeMinutes, 1, 24 * 60);
    range(p, 'keepAlive.binMinutes', k.binMinutes, 1 / 60, 60);
    range(p, 'keepAlive.headPercentile', k.headPercentile, 0, 100);
    range(p, 'keepAlive.tailPercentile', k.tailPercentile, 0, 100);
    range(p, 'keepAlive.marginPercent', k.marginPercent, 0, 100);
    range(p, 'keepAlive.cvThreshold', k.cvThreshold, 0, 1000);
    range(p, 'keepAlive.minObservations', k.minObservations, 0, 1_000_000);
    range(p, 'keepAlive.outOfBoundsPercent', k.outOfBoundsPercent, 0, 100);
  } else p.push(`keepAlive.policy: fixed or hybrid (got ${JSON.stringify((k as { policy: unknown }).policy)}).`);
  range(p, 'concurrency.scaleWindowS', s.concurrency.scaleWindowS, 1, 3600);
  if (p.length === 0) p.push(...validateSettings(settingsOf(s)).map((x) => `concurrency: ${x.message}`));
  if (s.billing.granularityMs !== 1 && s.billing.granularityMs !== 100) p.push('billing.granularityMs: 1 or 100.');
  if (p.length === 0) {
    const n = expectedArrivals(s.traffic, s.durationS);
    if (n > L.arrivals.max) {
      p.push(`This scenario sends about ${Math.round(n).toLocaleString('en-US')} requests: at most ${L.arrivals.max.toLocaleString('en-US')}. Lower the rate or the duration.`);
    }
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
  const scenario = scenarioFromJson(json);
  return { scenario, problems: validateScenario(scenario) };
}
