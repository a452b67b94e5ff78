import { cpuFactor, modelledDurationMs } from '../cpuShare';
import type { Random } from '../random';
import type { DurationCpu, DurationModel } from './scenario';

/** Draws durations (ms) from a model with a seeded generator; allocates nothing per draw. */
export interface DurationSampler {
  sample(): number;
  /** The model's mean, for the report. */
  readonly meanMs: number;
}

/** A standard normal variate (Box–Muller), keeping the second value of each pair for the next call. */
function normalSource(random: Random): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    // 1 − u is in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - random.next()));
    const theta = 2 * Math.PI * random.next();
    spare = r * Math.sin(theta);
    hasSpare = true;
    return r * Math.cos(theta);
  };
}

/** Lognormal parameters (of the logarithm) for a distribution with this mean and standard deviation. */
export function lognormalParams(meanMs: number, sdMs: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + (sdMs * sdMs) / (meanMs * meanMs));
  return { mu: Math.log(meanMs) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

export function createDurationSampler(model: DurationModel, random: Random): DurationSampler {
  switch (model.model) {
    case 'fixed': {
      const ms = model.ms;
      return { sample: () => ms, meanMs: ms };
    }
    case 'normal': {
      const { meanMs, sdMs } = model;
      const z = normalSource(random);
      return {
        meanMs,
        sample: () => {
          // Redraw the (rare, for sensible parameters) non-positive values; give up after a few and use the mean.
          for (let i = 0; i < 16; i++) {
            const d = meanMs + sdMs * z();
            if (d > 0) return d;
          }
          return meanMs;
        },
      };
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(model.meanMs, model.sdMs);
      const z = normalSource(random);
      return { meanMs: model.meanMs, sample: () => Math.exp(mu + sigma * z()) };
    }
    case 'exponential': {
      const meanMs = model.meanMs;
      return { meanMs, sample: () => -Math.log(1 - random.next()) * meanMs };
    }
    case 'profiled': {
      const samples = Float64Array.from(model.samplesMs);
      const n = samples.length;
      const meanMs = n === 0 ? 0 : samples.reduce((a, b) => a + b, 0) / n;
      return { meanMs, sample: () => (n === 0 ? 0 : (samples[Math.floor(random.next() * n)] as number)) };
    }
  }
}

/**
 * How much longer (or shorter) a Duration stated at `cpu.memoryMb` reads at
 * `memoryMb`: its CPU-bound part is first taken back to one full vCPU, then
 * stretched by live mode's own function (`modelledDurationMs`), so that the
 * simulation and live runs (and power tuning) agree on what memory does.
 */
export function cpuDurationScale(cpu: DurationCpu, memoryMb: number): number {
  const c = Math.min(1, Math.max(0, cpu.cpuFraction));
  const cpuAtOneVcpu = c / cpuFactor(cpu.memoryMb);
  return modelledDurationMs(1 - c + cpuAtOneVcpu, cpuAtOneVcpu, memoryMb);
}

/** The sampler's durations as they read at `memoryMb` (unchanged without a CPU statement). */
export function cpuScaled(sampler: DurationSampler, cpu: DurationCpu | undefined, memoryMb: number): DurationSampler {
  if (!cpu) return sampler;
  const k = cpuDurationScale(cpu, memoryMb);
  if (k === 1) return sampler;
  return { meanMs: sampler.meanMs * k, sample: () => sampler.sample() * k };
}
