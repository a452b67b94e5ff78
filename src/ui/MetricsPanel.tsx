import { memo, useEffect, useId, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsPoint, MetricsSeries } from '../state/runRecorder';
import { THROTTLE_REASONS, throttleText } from '../state/throttleTally';
import { formatMs as ms, summariseMetrics as summarise, type CountKey } from './metricsSummary';
import './runPanels.css';

const CHART_HEIGHT = 120;
const AXIS = { stroke: 'var(--muted)', fontSize: 11 };
const TOOLTIP_STYLE = { background: 'var(--panel)', border: '1px solid var(--border)', fontSize: 12 };
const FOCUS_HEIGHT = 260;
/** Every chart's axes say their units: time in seconds of the run across, the measure's unit up the side. */
const X_LABEL = { value: 'time (s)', position: 'insideBottomRight', offset: -2, fill: 'var(--muted)', fontSize: 10 } as const;
const yLabel = (value: string) => ({ value, angle: -90, position: 'insideLeft', offset: 10, fill: 'var(--muted)', fontSize: 10, style: { textAnchor: 'middle' } }) as const;
const Y_UNITS: Record<ChartKind, string> = {
  invocations: 'requests / s',
  concurrentExecutions: 'environments',
  coldStarts: 'cold starts / s',
  throttles: 'throttles / s',
  errors: 'errors / s',
  duration: 'ms',
};

type ChartKind = CountKey | 'concurrentExecutions' | 'duration';

/** Each chart takes its new data this long after the one before: six small tasks instead of one long one. */
const STAGGER_MS = 40;

const CHARTS: { kind: ChartKind; title: string }[] = [
  { kind: 'invocations', title: 'Invocations' },
  { kind: 'concurrentExecutions', title: 'ConcurrentExecutions' },
  { kind: 'coldStarts', title: 'Cold starts' },
  { kind: 'throttles', title: 'Throttles' },
  { kind: 'errors', title: 'Errors' },
  { kind: 'duration', title: 'Duration p50/p99 (ms)' },
];

function chartFor(kind: ChartKind, data: MetricsPoint[]): React.ReactElement {
  switch (kind) {
    case 'invocations':
      return countChart(data, 'invocations', 'var(--accent)');
    case 'concurrentExecutions':
      return countChart(data, 'concurrentExecutions', 'var(--cold)', true);
    case 'coldStarts':
      return countChart(data, 'coldStarts', 'var(--cold)');
    case 'throttles':
      return throttleChart(data);
    case 'errors':
      return countChart(data, kind, 'var(--err)');
    case 'duration':
      return durationChart(data);
  }
}

function Chart({ title, value, kind, data, index, height = CHART_HEIGHT }: { title: string; value: string; kind: ChartKind; data: MetricsPoint[]; index: number; height?: number }) {
  const id = useId();
  const [shown, setShown] = useState(data);
  useEffect(() => {
    if (shown === data) return;
    const timer = setTimeout(() => setShown(data), index * STAGGER_MS);
    return () => clearTimeout(timer);
  }, [data, shown, index]);
  // The same element while `shown` is the same: React skips the chart entirely.
  const chart = useMemo(() => chartFor(kind, shown), [kind, shown]);
  return (
    <figure className="metric" aria-labelledby={id}>
      <h3 id={id} className="metric-title">
        {title}
      </h3>
      <p className="metric-value">{value}</p>
      <div className="metric-chart" aria-hidden="true" style={{ height }}>
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 300, height }}>
          {chart}
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/**
 * Ticks at a fixed interval: Recharts' collision-avoiding intervals measure
 * every label in the DOM on each render, which during a run costs more than
 * the chart itself.
 */
const xInterval = (points: number): number => Math.max(0, Math.ceil(points / 6) - 1);

function countChart(data: MetricsPoint[], key: CountKey | 'concurrentExecutions', color: string, step = false) {
  const axes = [
    <CartesianGrid key="g" stroke="var(--border)" strokeDasharray="2 4" vertical={false} />,
    <XAxis key="x" dataKey="t" tick={AXIS} stroke="var(--border)" unit="s" interval={xInterval(data.length)} height={28} label={X_LABEL} />,
    <YAxis key="y" tick={AXIS} stroke="var(--border)" width={48} allowDecimals={false} interval={0} label={yLabel(Y_UNITS[key])} />,
    <Tooltip key="t" contentStyle={TOOLTIP_STYLE} labelFormatter={(t) => `t = ${String(t)} s`} />,
  ];
  return step ? (
    <LineChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
      {axes}
      <Line type="stepAfter" dataKey={key} stroke={color} dot={false} isAnimationActive={false} />
    </LineChart>
  ) : (
    <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
      {axes}
      <Bar dataKey={key} fill={color} isAnimationActive={false} />
    </BarChart>
  );
}

const REASON_COLOURS = ['var(--err)', 'var(--timeout, #d29922)', 'var(--tl-crash)', 'var(--cold)'];

/** Throttles per second, stacked by Lambda's reason. */
function throttleChart(data: MetricsPoint[]): React.ReactElement {
  return (
    <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
      <XAxis dataKey="t" tick={AXIS} stroke="var(--border)" unit="s" interval={xInterval(data.length)} height={28} label={X_LABEL} />
      <YAxis tick={AXIS} stroke="var(--border)" width={48} allowDecimals={false} interval={0} label={yLabel(Y_UNITS.throttles)} />
      <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(t) => `t = ${String(t)} s`} />
      <Legend wrapperStyle={{ fontSize: 11 }} />
      {THROTTLE_REASONS.map((reason, i) => (
        <Bar key={reason} name={reason} stackId="reason" dataKey={(p: MetricsPoint) => p.throttleReasons[reason]} fill={REASON_COLOURS[i]} isAnimationActive={false} />
      ))}
    </BarChart>
  );
}

function durationChart(data: MetricsPoint[]): React.ReactElement {
  return (
    <LineChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" vertical={false} />
      <XAxis dataKey="t" tick={AXIS} stroke="var(--border)" unit="s" interval={xInterval(data.length)} height={28} label={X_LABEL} />
      <YAxis tick={AXIS} stroke="var(--border)" width={52} interval={0} label={yLabel(Y_UNITS.duration)} />
      <Tooltip contentStyle={TOOLTIP_STYLE} labelFormatter={(t) => `t = ${String(t)} s`} />
      <Legend wrapperStyle={{ fontSize: 11 }} />
      <Line name="p50" dataKey="durationP50" stroke="var(--ok)" dot={false} connectNulls isAnimationActive={false} />
      <Line name="p99" dataKey="durationP99" stroke="var(--accent)" dot={false} connectNulls isAnimationActive={false} />
    </LineChart>
  );
}

/**
 * CloudWatch-style per-second metrics of the run, as small multiples. The
 * series object is mutable-backed (RunRecorder.metrics()): the panel renders
 * again only when `series.version` (or its points array) changes, and then
 * copies the points so the charts see new data.
 */
export const MetricsPanel = memo(
  function MetricsPanel({ series }: { series: MetricsSeries }) {
    const { version, points } = series;
    // `version` is the change signal for the mutable points array.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    const data = useMemo(() => points.map((p) => ({ ...p })), [points, version]);
    const s = useMemo(() => summarise(data), [data]);
    const [focus, setFocus] = useState<ChartKind>('concurrentExecutions');
    const values: Record<ChartKind, string> = {
      invocations: `Invocations: ${s.totals.invocations} total, peak ${s.peaks.invocations}/s`,
      concurrentExecutions: `ConcurrentExecutions: peak ${s.peaks.concurrentExecutions}, now ${s.latestConcurrency}`,
      coldStarts: `Cold starts: ${s.totals.coldStarts} total, peak ${s.peaks.coldStarts}/s`,
      throttles: `Throttles: ${s.totals.throttles} total, peak ${s.peaks.throttles}/s (${throttleText(s.throttleReasons)})`,
      errors: `Errors: ${s.totals.errors} total, peak ${s.peaks.errors}/s`,
      duration: `Duration: latest p50 ${ms(s.latestP50)}, p99 ${ms(s.latestP99)}; peak p99 ${ms(s.peakP99)}`,
    };
    const focused = CHARTS.find((c) => c.kind === focus) ?? (CHARTS[1] as (typeof CHARTS)[number]);
    return (
      <section className="panel run-panel metrics-panel" aria-labelledby="metrics-heading">
        <h2 id="metrics-heading">Metrics</h2>
        {data.length === 0 ? (
          <p className="empty">No data yet: metrics appear per second once the run sends requests.</p>
        ) : (
          <>
            <div className="metrics-focus">
              <label className="field inline">
                <span>Focus chart</span>
                <select value={focus} onChange={(e) => setFocus(e.currentTarget.value as ChartKind)}>
                  {CHARTS.map((c) => (
                    <option key={c.kind} value={c.kind}>
                      {c.title}
                    </option>
                  ))}
                </select>
              </label>
              <Chart index={0} kind={focused.kind} data={data} title={focused.title} value={values[focused.kind]} height={FOCUS_HEIGHT} />
            </div>
            <div className="metrics-grid">
              {CHARTS.filter((c) => c.kind !== focus).map((c, i) => (
                <Chart key={c.kind} index={i + 1} kind={c.kind} data={data} title={c.title} value={values[c.kind]} />
              ))}
            </div>
          </>
        )}
      </section>
    );
  },
  (prev, next) => prev.series.version === next.series.version && prev.series.points === next.series.points,
);
