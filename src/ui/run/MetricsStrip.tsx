import { useMemo } from 'react';
import type { InvocationRecord } from '../../core/invocationRecord';
import type { MetricsSeries } from '../../state/runRecorder';
import { formatSmallMoney } from '../billing/money';
import type { GlossaryId } from '../glossary/glossary';
import { Term } from '../glossary/Term';
import { goToView } from '../layout/viewStore';
import { formatMs, summariseMetrics } from '../metricsSummary';


function Figure({ term, value, tone, explain }: { term: string; value: string; tone?: 'warn' | 'err'; explain?: GlossaryId }) {
  return (
    <div className={tone ? `glance-${tone}` : undefined}>
      <dt>
        <span>{term}</span>
        {explain && <Term id={explain} />}
      </dt>
      <dd>{value}</dd>
    </div>
  );
}

const cores = typeof navigator === 'undefined' ? 2 : navigator.hardwareConcurrency || 2;

/**
 * The run at a glance, one line under the timeline: the CloudWatch figures a
 * class watches while load runs, the bill so far, and the way to the Metrics
 * and Billing views for the detail.
 */
export function MetricsStrip({ series, records, totalUsd }: { series: MetricsSeries; records: readonly InvocationRecord[]; totalUsd: number | null }) {
  const { version, points } = series;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the change signal for the mutable points array
  const s = useMemo(() => summariseMetrics(points), [points, version]);
  let contended = 0;
  for (const r of records) if (r.contended) contended += 1;
  const n = (x: number): string => x.toLocaleString('en-US');
  return (
    <section className="metrics-strip" aria-label="Run at a glance">
      <dl>
        <Figure term="Invocations" value={n(s.totals.invocations)} />
        <Figure term="Cold starts" value={n(s.totals.coldStarts)} explain="cold-start" />
        <Figure term="Errors" value={n(s.totals.errors)} tone={s.totals.errors > 0 ? 'err' : undefined} />
        <Figure term="Throttles" value={n(s.totals.throttles)} tone={s.totals.throttles > 0 ? 'err' : undefined} explain="throttle" />
        <Figure term="Peak concurrency" value={n(s.peaks.concurrentExecutions)} explain="concurrency" />
        <Figure term="p99 (latest)" value={formatMs(s.latestP99)} />
        {totalUsd !== null && <Figure term="Cost so far" value={formatSmallMoney(totalUsd)} />}
        {contended > 0 && (
          <Figure term="Contended" value={`${n(contended)} of ${n(records.length)}`} tone="warn" />
        )}
      </dl>
      {contended > 0 && (
        <p className="sr-only">
          {n(contended)} invocations ran while more handlers were busy than this machine has cores ({cores}): their durations include waiting for a core.
        </p>
      )}
      <div className="glance-links">
        <button type="button" className="link-button" onClick={() => goToView('metrics')}>
          Metrics ›
        </button>
        <button type="button" className="link-button" onClick={() => goToView('billing')}>
          Billing ›
        </button>
      </div>
    </section>
  );
}
