import { memo, useId, useMemo, type ReactElement } from 'react';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SimReport } from '../../core/sim/simReport';
import { clock, dec, int, ms, pct } from './simFormat';
import '../runPanels.css';

const HEIGHT = 140;
const AXIS = { stroke: 'var(--muted)', fontSize: 11 };
const TOOLTIP = { background: 'var(--panel)', border: '1px solid var(--border)', fontSize: 12 };
const MARGIN = { top: 4, right: 8, bottom: 0, left: 0 };

function Figure({ title, summary, children }: { title: string; summary: string; children: ReactElement }) {
  const id = useId();
  return (
    <figure className="metric" aria-labelledby={id}>
      <h4 id={id} className="metric-title">
        {title}
      </h4>
      <p className="metric-value">{summary}</p>
      <div className="metric-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={HEIGHT} initialDimension={{ width: 300, height: HEIGHT }}>
          {children}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Axes that say their units: simulated time across, `yName` up the side. */
const axes = (runS: number, yName: string, unit?: string) => [
  <CartesianGrid key="g" stroke="var(--border)" strokeDasharray="2 4" vertical={false} />,
  <XAxis
    key="x"
    dataKey="t"
    tick={AXIS}
    stroke="var(--border)"
    tickFormatter={(t: number) => clock(t, runS)}
    minTickGap={28}
    height={28}
    label={{ value: 'simulated time', position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 10 }}
  />,
  <YAxis key="y" tick={AXIS} stroke="var(--border)" width={52} unit={unit} label={{ value: yName, angle: -90, position: 'insideLeft', offset: 10, fill: 'var(--muted)', fontSize: 10, style: { textAnchor: 'middle' } }} />,
  <Tooltip key="tt" contentStyle={TOOLTIP} labelFormatter={(t) => `t = ${clock(Number(t), runS)}`} />,
];

/** The report's time series: environments, cold starts, throttles and Duration, per bucket of the run. */
export const SimulationCharts = memo(function SimulationCharts({ report }: { report: SimReport }) {
  const s = report.series;
  const data = useMemo(
    () =>
      s.t.map((t, i) => ({
        t,
        busy: s.busy[i],
        idle: s.idle[i],
        peak: s.peakEnvironments[i],
        coldRate: s.coldStartRate[i] === null ? null : (s.coldStartRate[i] as number) * 100,
        coldStarts: s.coldStarts[i],
        throttles: s.throttles[i],
        p50: s.durationP50[i],
        p99: s.durationP99[i],
      })),
    [s],
  );
  const e = report.environments;
  const runS = report.simulatedS;
  const bucket = s.bucketS >= 60 ? `${s.bucketS / 60} min` : `${s.bucketS} s`;
  return (
    <div className="metrics-grid sim-charts">
      <Figure title={`Environments (average per ${bucket})`} summary={`busy ${dec(e.averageBusy)} + idle ${dec(e.averageIdle)} on average; peak ${int(e.peak)}`}>
        <AreaChart accessibilityLayer={false} data={data} margin={MARGIN}>
          {axes(runS, 'environments')}
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Area type="stepAfter" dataKey="busy" name="busy" stackId="e" stroke="var(--cold)" fill="var(--cold)" fillOpacity={0.5} isAnimationActive={false} />
          <Area type="stepAfter" dataKey="idle" name="idle" stackId="e" stroke="var(--muted)" fill="var(--muted)" fillOpacity={0.3} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="peak" name="peak" stroke="var(--accent)" dot={false} isAnimationActive={false} />
        </AreaChart>
      </Figure>
      <Figure title={`Cold-start rate (per ${bucket})`} summary={`${int(report.coldStarts.count)} cold starts, ${pct(report.coldStarts.probability)} of invocations`}>
        <LineChart accessibilityLayer={false} data={data} margin={MARGIN}>
          {axes(runS, 'cold starts', '%')}
          <Line type="stepAfter" dataKey="coldRate" name="cold starts %" stroke="var(--cold)" dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </Figure>
      <Figure title={`Throttles (per ${bucket})`} summary={`${int(report.throttles.total)} throttles`}>
        <BarChart accessibilityLayer={false} data={data} margin={MARGIN}>
          {axes(runS, 'throttles')}
          <Bar dataKey="throttles" name="throttles" fill="var(--err)" isAnimationActive={false} />
        </BarChart>
      </Figure>
      <Figure title={`Duration p50 / p99 (per ${bucket})`} summary={`p50 ${ms(report.durationMs.p50)}, p99 ${ms(report.durationMs.p99)}`}>
        <LineChart accessibilityLayer={false} data={data} margin={MARGIN}>
          {axes(runS, 'Duration (ms)')}
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Line dataKey="p50" name="p50" stroke="var(--ok)" dot={false} connectNulls isAnimationActive={false} />
          <Line dataKey="p99" name="p99" stroke="var(--accent)" dot={false} connectNulls isAnimationActive={false} />
        </LineChart>
      </Figure>
    </div>
  );
});
