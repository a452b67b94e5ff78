import type { SimReport } from './simReport';

/** B's difference from A on the figures a comparison reads, for the command line's `--compare`. */
export interface ReportComparison {
  a: string;
  b: string;
  rows: { metric: string; a: number | null; b: number | null; difference: number | null; relative: number | null }[];
}

const METRICS: [string, (r: SimReport) => number | null][] = [
  ['coldStarts', (r) => r.coldStarts.count],
  ['coldStartProbability', (r) => r.coldStarts.probability],
  ['averageEnvironments', (r) => r.environments.average],
  ['peakEnvironments', (r) => r.environments.peak],
  ['averageBusy', (r) => r.environments.averageBusy],
  ['averageIdle', (r) => r.environments.averageIdle],
  ['idleGbSeconds', (r) => r.environments.idleGbSeconds],
  ['throttles', (r) => r.throttles.total],
  ['durationP99Ms', (r) => r.durationMs.p99],
  ['latencyP99Ms', (r) => r.latencyMs.p99],
  ['costUsd', (r) => r.cost.totalUsd],
];

export function compareReports(a: SimReport, b: SimReport): ReportComparison {
  return {
    a: a.scenario.name ?? 'A',
    b: b.scenario.name ?? 'B',
    rows: METRICS.map(([metric, of]) => {
      const va = of(a);
      const vb = of(b);
      const difference = va === null || vb === null ? null : vb - va;
      return { metric, a: va, b: vb, difference, relative: difference === null || !va ? null : difference / va };
    }),
  };
}
