import type { InvocationType } from './platformTypes';
import { ArrivalStream, expectedArrivals, type LoadPattern } from './arrivalStream';

export type { LoadPattern } from './arrivalStream';

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

/**
 * How many requests the plan sends: exact for every pattern but Poisson,
 * whose count is random and this is its mean (rounded).
 */
export function expectedArrivalCount(plan: LoadPlan): number {
  const n = expectedArrivals(plan.pattern, plan.durationS);
  return plan.pattern.kind === 'poisson' ? Math.round(n) : n;
}

/**
 * When each request of the plan is sent, in milliseconds from the start of
 * the run, in order: arrivalStream.ts's stream, drained. Throws a RangeError
 * for a plan `validateLoadPlan` refuses.
 */
export function arrivalTimes(plan: LoadPlan): Float64Array {
  const problems = validateLoadPlan(plan);
  if (problems.length > 0) throw new RangeError(problems.map((p) => p.message).join(' '));
  const stream = new ArrivalStream(plan.pattern, plan.durationS);
  const times: number[] = [];
  for (let t = stream.next(); t !== Infinity; t = stream.next()) times.push(t);
  return Float64Array.from(times);
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
