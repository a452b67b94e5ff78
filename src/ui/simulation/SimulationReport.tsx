import { useId } from 'react';
import type { SimReport } from '../../core/sim/simReport';
import { SimulationCharts } from './SimulationCharts';
import { SourceFigures } from './SourceFigures';
import { dec, int, ms, pct, span, usd } from './simFormat';

function Stat({ label, value, wide = false }: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={wide ? 'sim-stat wide' : 'sim-stat'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** What a simulation found: numbers as text, the bill's breakdown, then the charts. */
export function SimulationReport({ report, title, wallMs }: { report: SimReport; title: string; wallMs: number | null }) {
  const headingId = useId();
  const r = report;
  const e = r.environments;
  const c = r.cost;
  const perSecond = wallMs && wallMs > 0 ? r.requests.invocations / (wallMs / 1000) : null;
  const windows = r.keepAlive.windows;
  return (
    <section className="sim-report" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <p className="hint" role="status">
        {span(r.simulatedS)} simulated{wallMs !== null ? ` in ${dec(wallMs / 1000)} s` : ''}
        {perSecond !== null ? ` (${int(perSecond)} invocations per second)` : ''}; {int(r.events)} events.
      </p>
      <dl className="sim-stats">
        <Stat label="Requests sent" value={int(r.requests.sent)} />
        <Stat label="Invocations" value={int(r.requests.invocations)} />
        <Stat label="Cold starts" value={`${int(r.coldStarts.count)} (${pct(r.coldStarts.probability)})`} />
        <Stat label="Environments, average" value={dec(e.average)} />
        <Stat label="Environments, peak" value={int(e.peak)} />
        <Stat label="Busy, average" value={`${dec(e.averageBusy)} (peak ${int(e.peakBusy)})`} />
        <Stat label="Idle, average" value={`${dec(e.averageIdle)} (${int(e.idleGbSeconds)} GB-s held idle)`} />
        <Stat
          label="Throttles"
          wide={r.throttles.total > 0}
          value={
            r.throttles.total === 0
              ? '0'
              : `${int(r.throttles.total)}: ConcurrentInvocationLimitExceeded ${int(r.throttles.byReason.ConcurrentInvocationLimitExceeded)}, ReservedFunctionConcurrentInvocationLimitExceeded ${int(r.throttles.byReason.ReservedFunctionConcurrentInvocationLimitExceeded)}`
          }
        />
        <Stat label="Errors" value={`${int(r.requests.functionErrors)} function errors, ${int(r.requests.timeouts)} timeouts`} />
        {r.requests.async.accepted > 0 && (
          <Stat
            wide
            label="Asynchronous"
            value={`${int(r.requests.async.accepted)} accepted: ${int(r.requests.async.delivered + r.requests.async.retriedDelivered)} delivered (${int(r.requests.async.retriedDelivered)} after retries), ${int(r.requests.async.onFailure)} to the on-failure destination, ${int(r.requests.async.stillQueued)} still queued`}
          />
        )}
        <Stat label="Duration p50 / p90 / p99" value={`${ms(r.durationMs.p50)} / ${ms(r.durationMs.p90)} / ${ms(r.durationMs.p99)}`} />
        <Stat label="Duration p99.9 / max" value={`${ms(r.durationMs.p999)} / ${ms(r.durationMs.max)}`} />
        <Stat label="Latency p50 / p99 (Init included)" value={`${ms(r.latencyMs.p50)} / ${ms(r.latencyMs.p99)}`} />
        {windows && <Stat label="Hybrid windows at the end" value={`${windows.mode}: pre-warm ${dec(windows.prewarmMs / 60_000)} min, keep-alive ${dec(windows.keepAliveMs / 60_000)} min`} />}
      </dl>
      <table className="sim-bill">
        <caption>Cost for the period ({c.architecture}, {c.granularityMs} ms billing)</caption>
        <tbody>
          <tr><th scope="row">Requests ({int(c.requests.count)})</th><td>{usd(c.requests.usd)}</td></tr>
          <tr><th scope="row">Compute, invoke ({dec(c.invoke.gbSeconds)} GB-s)</th><td>{usd(c.invoke.usd)}</td></tr>
          <tr><th scope="row">Compute, init ({dec(c.init.gbSeconds)} GB-s)</th><td>{usd(c.init.usd)}</td></tr>
          {c.ephemeralStorage.gbSeconds > 0 && <tr><th scope="row">Ephemeral storage above 512 MB ({dec(c.ephemeralStorage.gbSeconds)} GB-s)</th><td>{usd(c.ephemeralStorage.usd)}</td></tr>}
          <tr><th scope="row">Provisioned concurrency ({dec(c.provisionedConcurrency.gbSeconds)} GB-s)</th><td>{usd(c.provisionedConcurrency.usd)}</td></tr>
          <tr><th scope="row">Invocations on provisioned ({int(c.provisionedInvocations.count)})</th><td>{usd(c.provisionedInvocations.usd)}</td></tr>
          {c.freeTier.applies && <tr><th scope="row">Free tier</th><td>−{usd(c.freeTier.usd)}</td></tr>}
          {c.tierDiscount.usd > 0 && <tr><th scope="row">Duration tiers ({dec(c.tierDiscount.gbSeconds)} GB-s past the first tier)</th><td>−{usd(c.tierDiscount.usd)}</td></tr>}
          <tr className="sim-bill-total"><th scope="row">Total</th><td>{usd(c.totalUsd)}</td></tr>
          {c.projectedMonthlyUsd !== null && <tr><th scope="row">A month at this rate</th><td>{usd(c.projectedMonthlyUsd)}</td></tr>}
        </tbody>
      </table>
      {r.source && <SourceFigures figures={r.source} />}
      <SimulationCharts report={r} />
    </section>
  );
}
