import { createRandom, type Random } from './random';

/**
 * A load pattern: how requests arrive over a run (live mode's load runs).
 * Rates are requests per second; times are seconds from the start of the run.
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

/** The load patterns, plus the scale simulation's daily cycle and replay of per-minute counts. */
export type Traffic =
  | LoadPattern
  /** A rate that swings between `minRps` and `peakRps` once a day, highest at `peakHour` (hours after the start). */
  | { kind: 'daily'; minRps: number; peakRps: number; peakHour: number; poisson: boolean; seed: number }
  /**
   * Requests per minute, minute by minute (from CSV), times `scale`; repeated
   * when the run is longer. Within a minute, evenly spaced, or Poisson.
   */
  | { kind: 'replay'; perMinute: number[]; scale: number; poisson: boolean; seed: number };

/** A stretch of time over which the rate changes linearly (times in seconds from the start). */
interface Segment {
  startS: number;
  lengthS: number;
  fromRps: number;
  toRps: number;
}

const area = (s: Segment): number => ((s.fromRps + s.toRps) / 2) * s.lengthS;

/** Slack for float sums of rate × time, so 0.1 rps × 30 s still counts 3 requests. */
const slack = (total: number): number => 1e-9 * Math.max(1, total);

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

/** The daily cycle's rate at `tS` seconds: `minRps` twelve hours from the peak, `peakRps` at `peakHour`. */
export function dailyRate(t: { minRps: number; peakRps: number; peakHour: number }, tS: number): number {
  const phase = (2 * Math.PI * (tS / 3600 - t.peakHour)) / 24;
  return t.minRps + ((t.peakRps - t.minRps) * (1 + Math.cos(phase))) / 2;
}

/** Segments one after another, made on demand: a run of days has too many minutes to list up front. */
type SegmentSource = () => Segment | null;

function listSource(list: Segment[]): SegmentSource {
  let i = 0;
  return () => list[i++] ?? null;
}

function dailySource(t: Extract<Traffic, { kind: 'daily' }>, durationS: number): SegmentSource {
  let minute = 0;
  return () => {
    const startS = minute * 60;
    if (startS >= durationS) return null;
    minute += 1;
    const lengthS = Math.min(60, durationS - startS);
    return { startS, lengthS, fromRps: dailyRate(t, startS), toRps: dailyRate(t, startS + lengthS) };
  };
}

function replaySource(t: Extract<Traffic, { kind: 'replay' }>, durationS: number): SegmentSource {
  let minute = 0;
  const n = t.perMinute.length;
  return () => {
    const startS = minute * 60;
    if (startS >= durationS || n === 0) return null;
    const rps = ((t.perMinute[minute % n] ?? 0) * t.scale) / 60;
    minute += 1;
    return { startS, lengthS: Math.min(60, durationS - startS), fromRps: rps, toRps: rps };
  };
}

/** The segments of the deterministic load patterns. */
function patternSegments(t: Traffic, d: number): Segment[] {
  switch (t.kind) {
    case 'constant':
      return [{ startS: 0, lengthS: d, fromRps: t.rps, toRps: t.rps }];
    case 'ramp':
      return [{ startS: 0, lengthS: d, fromRps: t.fromRps, toRps: t.toRps }];
    case 'spike': {
      const end = Math.min(d, t.spikeStartS + t.spikeDurationS);
      return [
        { startS: 0, lengthS: t.spikeStartS, fromRps: t.baseRps, toRps: t.baseRps },
        { startS: t.spikeStartS, lengthS: end - t.spikeStartS, fromRps: t.spikeRps, toRps: t.spikeRps },
        { startS: end, lengthS: d - end, fromRps: t.baseRps, toRps: t.baseRps },
      ].filter((s) => s.lengthS > 0);
    }
    default:
      return [];
  }
}

/** How many requests a traffic shape sends over `durationS` (the mean, for Poisson shapes). */
export function expectedArrivals(t: Traffic, durationS: number): number {
  switch (t.kind) {
    case 'burst':
      return t.count;
    case 'poisson':
      return t.rps * durationS;
    case 'daily':
    case 'replay': {
      const next = t.kind === 'daily' ? dailySource(t, durationS) : replaySource(t, durationS);
      let total = 0;
      for (let s = next(); s; s = next()) total += area(s);
      return total;
    }
    default: {
      const total = patternSegments(t, durationS).reduce((sum, s) => sum + area(s), 0);
      return Math.floor(total + slack(total));
    }
  }
}

/**
 * When each request arrives, one at a time, in milliseconds from the start,
 * without holding them all in memory: the one arrival rule, drained whole by
 * live mode's `arrivalTimes` (loadPattern.ts) and step by step by the scale
 * simulation. Deterministic rates send the k-th request where the integral
 * of the rate reaches k (10 rps: 100, 200, … 1,000 ms); Poisson draws
 * exponential gaps from `createRandom(seed)`; a burst sends all at 0.
 * The daily cycle and replays follow their rate minute by minute (linear
 * within a minute), evenly or as a Poisson process (a unit-rate Poisson
 * process mapped through the integral of the rate). `next()` returns
 * Infinity when no request is left.
 */
export class ArrivalStream {
  private readonly endMs: number;
  private readonly nextSegment: SegmentSource;
  private readonly random: Random | null;
  private segment: Segment | null;
  /** Cumulative count (or unit-rate time) before the current segment. */
  private before = 0;
  /** The target of the next arrival: k, or a sum of exponential gaps. */
  private target = 0;
  private lastMs = 0;
  private sent = 0;
  /** Deterministic patterns: exactly this many requests (arrivals a float sum falls short of land at the end). */
  private readonly total: number;
  private readonly eps: number;
  private readonly kind: Traffic['kind'];
  private readonly poissonRps: number;

  constructor(traffic: Traffic, durationS: number) {
    this.endMs = durationS * 1000;
    this.kind = traffic.kind;
    this.poissonRps = traffic.kind === 'poisson' ? traffic.rps : 0;
    const seeded = traffic.kind === 'poisson' || ((traffic.kind === 'daily' || traffic.kind === 'replay') && traffic.poisson);
    this.random = seeded ? createRandom((traffic as { seed: number }).seed) : null;
    const expected = expectedArrivals(traffic, durationS);
    this.total = seeded ? Infinity : Math.floor(expected + slack(expected));
    this.eps = slack(Number.isFinite(this.total) ? this.total : 0);
    if (traffic.kind === 'daily') this.nextSegment = dailySource(traffic, durationS);
    else if (traffic.kind === 'replay') this.nextSegment = replaySource(traffic, durationS);
    else this.nextSegment = listSource(patternSegments(traffic, durationS));
    this.segment = this.nextSegment();
  }

  /** Requests handed out so far. */
  get count(): number {
    return this.sent;
  }

  next(): number {
    const t = this.compute();
    if (t === Infinity) return t;
    this.sent += 1;
    // Guard the order against rounding where two segments meet.
    if (t < this.lastMs) return this.lastMs;
    this.lastMs = t;
    return t;
  }

  private compute(): number {
    switch (this.kind) {
      case 'burst':
        return this.sent < this.total ? 0 : Infinity;
      case 'poisson': {
        if (this.poissonRps <= 0 || this.lastMs > this.endMs) return Infinity;
        const t = this.lastMs + (-Math.log(1 - (this.random as Random).next()) * 1000) / this.poissonRps;
        if (t > this.endMs) {
          this.lastMs = t;
          return Infinity;
        }
        return t;
      }
      default:
        return this.fromSegments();
    }
  }

  private fromSegments(): number {
    const random = this.random;
    const deterministic = random === null;
    if (deterministic && this.sent >= this.total) return Infinity;
    this.target += deterministic ? 1 : -Math.log(1 - random.next());
    const eps = deterministic ? this.eps : 0;
    for (let s = this.segment; s; s = this.segment) {
      const here = area(s);
      const after = this.before + here;
      if (here > 0 && this.target <= after + eps) {
        return s.startS * 1000 + Math.min(s.lengthS * 1000, Math.max(0, crossingMs(s, this.target - this.before)));
      }
      this.before = after;
      this.segment = this.nextSegment();
    }
    // Float sums that fall a hair short of the last whole number: those arrivals land at the end.
    return deterministic ? this.endMs : Infinity;
  }
}
