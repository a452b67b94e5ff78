import { choose, type PowerResult } from '../../core/powerTuning';
import { formatMoney, formatSmallMoney } from '../billing/money';

/** The marks a size earned: cheapest, fastest, balanced. */
function marksOf(memoryMb: number, choices: ReturnType<typeof choose>): string[] {
  if (!choices) return [];
  const out: string[] = [];
  if (choices.cheapest === memoryMb) out.push('Cheapest');
  if (choices.fastest === memoryMb) out.push('Fastest');
  if (choices.balanced === memoryMb) out.push('Balanced');
  return out;
}

/** Each size's averages, and which is cheapest, fastest and balanced. */
export function PowerTuningTable({ results }: { results: readonly PowerResult[] }) {
  const choices = choose(results);
  return (
    <table className="power-table">
      <caption>Averages per memory size (warm invocations, extremes dropped)</caption>
      <thead>
        <tr>
          <th scope="col">Memory</th>
          <th scope="col">Duration</th>
          <th scope="col">Cost per invocation</th>
          <th scope="col">Per 1M</th>
          <th scope="col">Choice</th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => {
          const marks = marksOf(r.memoryMb, choices);
          return (
            <tr key={r.memoryMb} className={marks.length > 0 ? 'marked' : undefined}>
              <th scope="row">{r.memoryMb.toLocaleString('en-US')} MB</th>
              <td>{r.avgDurationMs.toFixed(2)} ms</td>
              <td>{formatSmallMoney(r.avgComputeUsd)}</td>
              <td>{formatMoney(r.avgComputeUsd * 1e6)}</td>
              <td>
                {marks.map((m) => (
                  <span key={m} className={`power-mark ${m.toLowerCase()}`}>
                    {m}
                  </span>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
