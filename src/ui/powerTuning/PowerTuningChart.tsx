import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PowerResult } from '../../core/powerTuning';

const AXIS = { stroke: 'var(--muted)', fontSize: 11 };
const TOOLTIP = { background: 'var(--panel)', border: '1px solid var(--border)', fontSize: 12 };

/** Duration and cost against memory, two lines on two axes, as Lambda Power Tuning draws them. The table beside it carries the same figures for screen readers. */
export function PowerTuningChart({ results }: { results: readonly PowerResult[] }) {
  const data = results.map((r) => ({ memory: r.memoryMb, duration: Number(r.avgDurationMs.toFixed(2)), cost: Number((r.avgComputeUsd * 1e6).toFixed(4)) }));
  return (
    <div className="power-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={200} initialDimension={{ width: 320, height: 200 }}>
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 4, bottom: 14, left: 4 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="memory" tick={AXIS} stroke="var(--border)" label={{ value: 'Memory (MB)', position: 'insideBottom', offset: -10, fill: 'var(--muted)', fontSize: 11 }} />
          <YAxis yAxisId="d" tick={AXIS} stroke="var(--border)" width={48} label={{ value: 'Duration (ms)', angle: -90, position: 'insideLeft', fill: 'var(--muted)', fontSize: 11, dy: 40 }} />
          <YAxis yAxisId="c" orientation="right" tick={AXIS} stroke="var(--border)" width={52} label={{ value: 'Cost per 1M ($)', angle: 90, position: 'insideRight', fill: 'var(--muted)', fontSize: 11, dy: -40 }} />
          <Tooltip contentStyle={TOOLTIP} labelFormatter={(m) => `${String(m)} MB`} />
          <Legend wrapperStyle={{ fontSize: 11 }} verticalAlign="top" />
          <Line yAxisId="d" dataKey="duration" name="Duration (ms)" stroke="var(--accent)" isAnimationActive={false} />
          <Line yAxisId="c" dataKey="cost" name="Compute cost per 1M invocations ($)" stroke="var(--cold)" strokeDasharray="5 3" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
