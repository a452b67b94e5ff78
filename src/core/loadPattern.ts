import type { InvocationType } from './platformTypes';
import { createRandom } from './random';

/**
 * A load pattern: how requests arrive over a run. Rates are requests per
 * second; times are seconds from the start of the run.
 */
export type LoadPattern =
  | { kind: 'constant'; rps: number }
  /** The rate changes linearly from `fromRps` at the start to `toRps` at the end of the run. */
  | { kind: 'ramp'; fromRps: number; toRps: number }
  /** `baseRps`, stepping up to `spikeRps` from `spikeStartS` for `spikeDurationS`, then back. */
  | { kind: 'spike'; baseRps: number; spikeRps: number; spikeStartS: number; spikeDurationS: number }
  /** Random arrivals at an average of `rps`: exponential gaps drawn from the seeded generator. */
  | { kind: 'poisson'; rps: number; seed: number }
  /** `count` requests at once, at the start. */
  | { kind: 'burst'; count: number };

export type LoadPatternKind = LoadPattern['kind'];

export const LOAD_PATTERN_KINDS: readonly LoadPatternKind[] = ['constant', 'ramp', 'spike', 'poisson', 'burst'];

/** A whole load run: the pattern, how long it lasts and how each request is invoked. */
export interface LoadPlan {
  pattern: LoadPattern;
  durationS: number;
  invocationType: InvocationType;
}

/** Where a load run is: the runner's lifecycle, shared by the bridge (which runs it) and the UI (which shows it). */
export type LoadRunState = 'idle' | 'running' | 'paused' | 'stopped' | 'finished';

/** A snapshot of a load run. */
export interface LoadProgress {
  sent: number;
  total: number;
  elapsedMs: number;
  durationMs: number;
  state: LoadRunState;
}

export const LOAD_LIMITS = {
  rps: { min: 0, max: 2_000 },
  durationS: { min: 1, max: 600 },
  burst: { min: 1, max: 2_000 },
  seed: { min: 0, max: 4_294_967_295 },
  totalArrivals: 200_000,
} as const;

export const DEFAULT_LOAD_PLAN: LoadPlan = {
  pattern: { kind: 'constant', rps: 10 },
  durationS: 20,
  invocationType: 'RequestResponse',
};

export interface LoadProblem {
  /** The pattern's field, `durationS`, `seed`, or `total` for the plan as a whole. */
  field: string;
  message: string;
}

const fmt = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

function inRange(field: string, label: string, value: number, min: number, max: number, unit: string, whole = false): LoadProblem | null {
  if (!Number.isFinite(value)) return { field, message: `${label}: enter a number (${fmt(min)}–${fmt(max)}${unit}).` };
  if (whole && !Number.isInteger(value)) return { field, message: `${label}: must be a whole number from ${fmt(min)} to ${fmt(max)}${unit} (got ${fmt(value)}).` };
  if (value < min) return { field, message: `${label}: must be at least ${fmt(min)}${unit} (got ${fmt(value)}).` };
  if (value > max) return { field, message: `${label}: must be at most ${fmt(max)}${unit} (got ${fmt(value)}).` };
  return null;
}

const rate = (field: string, label: string, value: number): LoadProblem | null =>
  inRange(field, label, value, LOAD_LIMITS.rps.min, LOAD_LIMITS.rps.max, ' per second');

/** Every problem with a plan; an empty list means `arrivalTimes` can run it. */
export function validateLoadPlan(plan: LoadPlan): LoadProblem[] {
  const L = LOAD_LIMITS;
  const p = plan.pattern;
  const problems: (LoadProblem | null)[] = [];
  problems.push(inRange('durationS', 'Duration (s)', plan.durationS, L.durationS.min, L.durationS.max, ' s'));
  switch (p.kind) {
    case 'constant':
      problems.push(rate('rps', 'Requests per second', p.rps));
      break;
    case 'ramp':
      problems.push(rate('fromRps', 'From (rps)', p.fromRps), rate('toRps', 'To (rps)', p.toRps));
      break;
    case 'spike': {
      problems.push(rate('baseRps', 'Requests per second', p.baseRps), rate('spikeRps', 'Spike (rps)', p.spikeRps));
      const d = Number.isFinite(plan.durationS) ? plan.durationS : L.durationS.max;
      const start = inRange('spikeStartS', 'Spike starts at (s)', p.spikeStartS, 0, d, ' s');
      problems.push(start);
      if (!Number.isFinite(p.spikeDurationS) || p.spikeDurationS <= 0) {
        problems.push({ field: 'spikeDurationS', message: 'Spike lasts (s): must be more than 0 s.' });
      } else if (!start && p.spikeStartS + p.spikeDurationS > d) {
        problems.push({
          field: 'spikeDurationS',
          message: `Spike lasts (s): the spike must end within the run (starts at ${fmt(p.spikeStartS)} s + lasts ${fmt(p.spikeDurationS)} s is past the duration of ${fmt(d)} s).`,
        });
      }
      break;
    }
    case 'poisson':
      problems.push(rate('rps', 'Requests per second', p.rps));
      problems.push(inRange('seed', 'Seed', p.seed, L.seed.min, L.seed.max, '', true));
      break;
    case 'burst':
      problems.push(inRange('count', 'Burst size', p.count, L.burst.min, L.burst.max, ' requests', true));
      break;
  }
  const found = problems.filter((x): x is LoadProblem => x !== null);
  if (found.length > 0) return found;
  const total = expectedArrivalCount(plan);
  if (total > L.totalArrivals) {
    found.push({ field: 'total', message: `This plan sends ${p.kind === 'poisson' ? 'about ' : ''}${fmt(total)} requests: the limit is ${fmt(L.totalArrivals)} per run. Lower the rate or the duration.` });
  } else if (total < 1) {
    found.push({ field: 'total', message: 'This plan sends no requests: raise the rate or the duration.' });
  }
  return found;
}

/** A stretch of the run over which the rate changes linearly. */
interface Segment {
  startS: number;
  lengthS: number;
  fromRps: number;
  toRps: number;
}

function segments(plan: LoadPlan): Segment[] {
  const d = plan.durationS;
  const p = plan.pattern;
  switch (p.kind) {
    case 'constant':
      return [{ startS: 0, lengthS: d, fromRps: p.rps, toRps: p.rps }];
    case 'ramp':
      return [{ startS: 0, lengthS: d, fromRps: p.fromRps, toRps: p.toRps }];
    case 'spike': {
      const end = Math.min(d, p.spikeStartS + p.spikeDurationS);
      return [
        { startS: 0, lengthS: p.spikeStartS, fromRps: p.baseRps, toRps: p.baseRps },
        { startS: p.spikeStartS, lengthS: end - p.spikeStartS, fromRps: p.spikeRps, toRps: p.spikeRps },
        { startS: end, lengthS: d - end, fromRps: p.baseRps, toRps: p.baseRps },
      ].filter((s) => s.lengthS > 0);
    }
    default:
      return [];
  }
}

const area = (s: Segment): number => ((s.fromRps + s.toRps) / 2) * s.lengthS;

/** Slack for the float sums of rate × time, so that 0.1 rps × 30 s still counts as 3 requests. */
const slack = (total: number): number => 1e-9 * Math.max(1, total);

/**
 * How many requests the plan sends: exact for every pattern but Poisson,
 * whose count is random and this is its mean (rounded).
 */
export function expectedArrivalCount(plan: LoadPlan): number {
  const p = plan.pattern;
  if (p.kind === 'burst') return p.count;
  if (p.kind === 'poisson') return Math.round(p.rps * plan.durationS);
  const total = segments(plan).reduce((sum, s) => sum + area(s), 0);
  return Math.floor(total + slack(total));
}

/**
 * Milliseconds into a segment at which its cumulative count reaches `x`
 * (0 < x ≤ its area): the root of fromRps·τ + (toRps − fromRps)/(2·length)·τ² = x,
 * in the form that does not cancel when the rate barely changes.
 */
function crossingMs(s: Segment, x: number): number {
  const a = (s.toRps - s.fromRps) / (2 * s.lengthS);
  const b = s.fromRps;
  if (a === 0) return (x * 1000) / b;
  return (2000 * x) / (b + Math.sqrt(Math.max(0, b * b + 4 * a * x)));
}

function deterministicTimes(plan: LoadPlan): Float64Array {
  const n = expectedArrivalCount(plan);
  const out = new Float64Array(n);
  const eps = slack(n);
  let k = 1;
  let before = 0;
  for (const s of segments(plan)) {
    const here = area(s);
    const after = before + here;
    const startMs = s.startS * 1000;
    const lengthMs = s.lengthS * 1000;
    if (here > 0) {
      for (; k <= n && k <= after + eps; k++) {
        out[k - 1] = startMs + Math.min(lengthMs, Math.max(0, crossingMs(s, k - before)));
      }
    }
    before = after;
  }
  // Float sums that fall a hair short of the last whole number: those arrivals land at the end.
  for (; k <= n; k++) out[k - 1] = plan.durationS * 1000;
  return out;
}

function poissonTimes(rps: number, seed: number, durationS: number): Float64Array {
  const random = createRandom(seed);
  const times: number[] = [];
  if (rps <= 0) return new Float64Array(0);
  const endMs = durationS * 1000;
  let t = 0;
  for (;;) {
    // 1 − u is in (0, 1], so the logarithm is finite.
    t += (-Math.log(1 - random.next()) * 1000) / rps;
    if (t > endMs) break;
    times.push(t);
  }
  return Float64Array.from(times);
}

/**
 * When each request of the plan is sent, in milliseconds from the start of
 * the run, in order. Deterministic rates send the k-th request where the
 * integral of the rate reaches k (so 10 rps sends at 100, 200, … 1,000 ms);
 * Poisson draws exponential gaps from `createRandom(seed)`; a burst sends
 * everything at 0. Throws a RangeError for a plan `validateLoadPlan` refuses.
 */
export function arrivalTimes(plan: LoadPlan): Float64Array {
  const problems = validateLoadPlan(plan);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join(' '));
  const p = plan.pattern;
  if (p.kind === 'burst') return new Float64Array(p.count);
  if (p.kind === 'poisson') return poissonTimes(p.rps, p.seed, plan.durationS);
  const out = deterministicTimes(plan);
  // Guard the order against rounding where two segments meet.
  for (let i = 1; i < out.length; i++) if (out[i]! < out[i - 1]!) out[i] = out[i - 1]!;
  return out;
}

/** The rate a pattern starts from, to carry over when the user picks another kind. */
function leadRate(p: LoadPattern): number {
  switch (p.kind) {
    case 'constant':
    case 'poisson':
      return p.rps;
    case 'ramp':
      return p.toRps;
    case 'spike':
      return p.baseRps;
    case 'burst':
      return Math.min(LOAD_LIMITS.rps.max, p.count);
  }
}

/** The same plan with another kind of pattern, keeping its rate where that makes sense. */
export function switchPatternKind(p: LoadPattern, kind: LoadPatternKind, durationS: number): LoadPattern {
  if (p.kind === kind) return p;
  const r = leadRate(p);
  const rps = Number.isFinite(r) ? r : 10;
  const d = Number.isFinite(durationS) ? durationS : DEFAULT_LOAD_PLAN.durationS;
  switch (kind) {
    case 'constant':
      return { kind, rps };
    case 'ramp':
      return { kind, fromRps: 0, toRps: rps };
    case 'spike': {
      const spikeStartS = Math.round(d / 4);
      return { kind, baseRps: rps, spikeRps: Math.min(LOAD_LIMITS.rps.max, rps * 10), spikeStartS, spikeDurationS: Math.max(1, Math.round(d / 4)) };
    }
    case 'poisson':
      return { kind, rps, seed: 1 };
    case 'burst':
      return { kind, count: Math.max(LOAD_LIMITS.burst.min, Math.min(LOAD_LIMITS.burst.max, Math.round(rps * 10))) };
  }
}
