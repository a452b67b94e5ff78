import type { SimReport } from '../../core/sim/simReport';
import { dec, int, ms, pct, usd } from './simFormat';

interface Row {
  label: string;
  value(r: SimReport): number | null;
  show(n: number | null): string;
}

const ROWS: Row[] = [
  { label: 'Cold starts', value: (r) => r.coldStarts.count, show: (n) => (n === null ? '–' : int(n)) },
  { label: 'Cold-start probability', value: (r) => r.coldStarts.probability, show: (n) => pct(n) },
  { label: 'Environments, average', value: (r) => r.environments.average, show: (n) => (n === null ? '–' : dec(n)) },
  { label: 'Environments, peak', value: (r) => r.environments.peak, show: (n) => (n === null ? '–' : int(n)) },
  { label: 'Busy, average', value: (r) => r.environments.averageBusy, show: (n) => (n === null ? '–' : dec(n)) },
  { label: 'Idle, average', value: (r) => r.environments.averageIdle, show: (n) => (n === null ? '–' : dec(n)) },
  { label: 'Idle GB-s', value: (r) => r.environments.idleGbSeconds, show: (n) => (n === null ? '–' : int(n)) },
  { label: 'Throttles', value: (r) => r.throttles.total, show: (n) => (n === null ? '–' : int(n)) },
  { label: 'Duration p99', value: (r) => r.durationMs.p99, show: ms },
  { label: 'Latency p99', value: (r) => r.latencyMs.p99, show: ms },
  { label: 'Cost', value: (r) => r.cost.totalUsd, show: (n) => (n === null ? '–' : usd(n)) },
];

function delta(a: number | null, b: number | null): string {
  if (a === null || b === null) return '–';
  if (a === b) return '=';
  const rel = a !== 0 ? ` (${b > a ? '+' : ''}${dec(((b - a) / Math.abs(a)) * 100, 1)} %)` : '';
  return `${b > a ? '+' : '−'}${dec(Math.abs(b - a), Number.isInteger(a) && Number.isInteger(b) ? 0 : 3)}${rel}`;
}

/** A and B side by side, with B's difference from A. */
export function ComparisonTable({ a, b }: { a: SimReport; b: SimReport }) {
  return (
    <table className="sim-compare">
      <caption>A / B comparison</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col">A: {a.scenario.name ?? 'A'}</th>
          <th scope="col">B: {b.scenario.name ?? 'B'}</th>
          <th scope="col">B − A</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => {
          const va = row.value(a);
          const vb = row.value(b);
          return (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.show(va)}</td>
              <td>{row.show(vb)}</td>
              <td>{delta(va, vb)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
