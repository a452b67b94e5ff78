import { Term } from './glossary/Term';
import { CONTENDED_NOTE } from './run/ContentionNote';
import { useId, useState } from 'react';
import type { Bill, BillingGranularityMs, BillLine } from '../core/billing';
import type { Architecture } from '../core/functionConfig';
import { costPerMillionRequestsUsd, projectMonthAt } from '../core/billAccumulator';
import { PRICES } from '../core/pricing';
import { SNAP_START_PRICES } from '../core/snapStart';
import { sustainedLoad } from '../core/sustainedLoad';
import { formatMoney, formatPicos, formatSmallMoney, formatUsd, PICO, toPicos } from './billing/money';
import './runPanels.css';

export interface BillingOptions {
  freeTier: boolean;
  granularityMs: BillingGranularityMs;
}

export interface BillingPanelProps {
  /** `computeBill(...)` of the run, drawn up with `options`; its `rows` are the invocations behind the total. */
  bill: Bill;
  options: BillingOptions;
  onOptionsChange: (options: BillingOptions) => void;
}

export const PAGE_SIZE = 50;

/**
 * Amounts are shown as people read them (money.ts); the exact figure, to the
 * picodollar, is each amount's title. Every cost rounds to whole picodollars
 * first and the totals are sums of those rounded amounts, so the exact
 * figures add up, as on an invoice. (An invocation costs about $0.0000002 and up.)
 */
/** The total as shown: the rounded rows, plus what is not an invocation (provisioned concurrency, free-tier credit), rounded. */
export function totalPicos(bill: Bill): { rows: number; total: number } {
  let rows = 0;
  for (const row of bill.rows) rows += toPicos(row.totalUsd);
  return { rows, total: rows + toPicos(bill.totalUsd - bill.rowsTotalUsd) };
}

const num = (n: number, digits = 6): string => n.toLocaleString('en-US', { maximumFractionDigits: digits });
const perMillion = (usd: number): string => `$${(usd * 1_000_000).toFixed(2)} per 1M`;

function Line({ label, detail, usd, credit = false }: { label: string; detail: string; usd: number; credit?: boolean }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{detail}</td>
      <td className="num" title={credit && usd > 0 ? `−${formatUsd(usd)}` : formatUsd(usd)}>
        {credit && usd > 0 ? `−${formatMoney(usd)}` : formatMoney(usd)}
      </td>
    </tr>
  );
}

const gbsDetail = (line: BillLine): string => `${num(line.gbSeconds)} GB-s`;

function Prices({ architectures }: { architectures: Architecture[] }) {
  const shown: Architecture[] = architectures.length > 0 ? architectures : ['x86_64'];
  return (
    <table className="bill-prices">
      <caption>
        Prices in force (us-east-1, first tier; per GB-second <Term id="gb-seconds" />)
      </caption>
      <thead>
        <tr>
          <th scope="col">Architecture</th>
          <th scope="col">Requests</th>
          <th scope="col">Duration</th>
          <th scope="col">Provisioned concurrency</th>
          <th scope="col">Duration on provisioned</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((a) => (
          <tr key={a}>
            <th scope="row">{a}</th>
            <td>{perMillion(PRICES.requestUsd)}</td>
            <td>${PRICES.gbSecondUsd[a]} / GB-s</td>
            <td>${PRICES.provisionedGbSecondUsd[a]} / GB-s</td>
            <td>${PRICES.provisionedDurationGbSecondUsd[a]} / GB-s</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Invocations({ bill }: { bill: Bill }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(bill.rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const rows = bill.rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const statusId = useId();
  const firstRow = current * PAGE_SIZE + 1;
  return (
    <details className="bill-invocations">
      <summary>Show the invocations behind the total ({bill.rows.length.toLocaleString('en-US')})</summary>
      <div className="table-scroll">
        <table className="bill-rows">
          <caption>Invocations behind the total ({bill.rows.length})</caption>
          <thead>
            <tr>
              <th scope="col">Request id</th>
              <th scope="col">Start</th>
              <th scope="col">Cold</th>
              <th scope="col">Duration</th>
              <th scope="col">Billed</th>
              <th scope="col">Memory</th>
              <th scope="col">/tmp</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const r = row.record;
              return (
                <tr key={`${current * PAGE_SIZE + i}`}>
                  <td className="mono">
                    {r.requestId}
                    {r.attempt > 1 ? ` (attempt ${r.attempt})` : ''}
                  </td>
                  <td className="num">+{((r.startedAtMs - bill.startMs) / 1000).toFixed(3)} s</td>
                  <td>{r.cold ? 'cold' : r.provisioned ? 'provisioned' : 'warm'}</td>
                  <td className="num">
                    {r.durationMs.toFixed(2)} ms{r.initDurationMs !== undefined ? ` + init ${r.initDurationMs.toFixed(2)} ms` : ''}
                    {r.contended && (
                      <span className="contended-mark" title={CONTENDED_NOTE}>
                        {' '}
                        · busy machine
                      </span>
                    )}
                  </td>
                  <td className="num">{row.billedMs} ms</td>
                  <td className="num">{r.memorySizeMb} MB</td>
                  <td className="num">{(r.ephemeralStorageMb ?? 512).toLocaleString('en-US')} MB</td>
                  <td className="num" title={formatUsd(row.totalUsd)}>
                    {formatSmallMoney(toPicos(row.totalUsd) / PICO)}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={7}>
                Sum of rows
              </th>
              <td className="num" title={formatPicos(totalPicos(bill).rows)}>
                {formatMoney(totalPicos(bill).rows / PICO)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {pages > 1 && (
        <nav className="pager" aria-label="Invocation pages">
          <button type="button" onClick={() => setPage(current - 1)} disabled={current === 0} aria-describedby={statusId}>
            Previous
          </button>
          <span id={statusId} aria-live="polite">
            Rows {firstRow.toLocaleString('en-US')}–{(firstRow + rows.length - 1).toLocaleString('en-US')} of {bill.rows.length.toLocaleString('en-US')}
          </span>
          <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages - 1} aria-describedby={statusId}>
            Next
          </button>
        </nav>
      )}
    </details>
  );
}

/** A month only from a sustained rate, saying the rate; otherwise why not. */
function Projection({ bill }: { bill: Bill }) {
  const load = sustainedLoad(bill.rows.map((r) => r.record.arrivedAtMs));
  if (!load) {
    return (
      <p className="bill-projection">
        No monthly projection: this run’s requests did not come at a sustained rate, and a one-off burst says nothing about a month. Run a steady load
        (Constant rate) for at least a minute to see one.
      </p>
    );
  }
  const monthly = projectMonthAt(bill, load.spanMs);
  return (
    <p className="bill-projection">
      At {num(load.ratePerS, 1)} requests per second, sustained for a month (730 h): about{' '}
      <strong title={formatUsd(monthly)}>{formatMoney(monthly)}</strong>
      {bill.freeTier.applies ? ', less a month’s free tier' : ''} (from this run’s {num(load.spanMs / 1000, 0)} s of steady load).
    </p>
  );
}

/**
 * What the run costs. The caller draws the bill up (`computeBill` from the
 * recorder's records and provisioned changes, with `options`) and passes it
 * in; the panel only shows it and reports option changes.
 */
export function BillingPanel({ bill, options, onOptionsChange }: BillingPanelProps) {
  const freeTierId = useId();
  const granularityId = useId();
  const ft = bill.freeTier;
  const perMillionUsd = costPerMillionRequestsUsd(bill);
  const total = totalPicos(bill).total;
  return (
    <section className="panel run-panel billing-panel" aria-labelledby="billing-heading">
      <h2 id="billing-heading">Billing</h2>
      <p className="bill-total" title={formatPicos(total)}>
        Total {formatMoney(total / PICO)}
      </p>
      {perMillionUsd !== null && (
        <p className="bill-per-million">
          Per 1 million requests at this run’s mix: <strong title={formatUsd(perMillionUsd)}>{formatMoney(perMillionUsd)}</strong> (before the free tier)
        </p>
      )}
      <table className="bill-lines">
        <caption>Breakdown</caption>
        <tbody>
          <Line label="Requests" detail={`${num(bill.requests.count)} requests`} usd={bill.requests.usd} />
          <Line label="Compute: invoke" detail={gbsDetail(bill.invoke)} usd={bill.invoke.usd} />
          <Line label="Compute: init" detail={`${gbsDetail(bill.init)} (billed like invoke since 1 Aug 2025)`} usd={bill.init.usd} />
          <Line
            label="Ephemeral storage"
            detail={`${gbsDetail(bill.ephemeralStorage)} above the 512 MB included, at $${PRICES.ephemeralStorageGbSecondUsd} / GB-s (no free tier)`}
            usd={bill.ephemeralStorage.usd}
          />
          <Line label="Provisioned concurrency" detail={`${gbsDetail(bill.provisionedConcurrency)} configured, used or not`} usd={bill.provisionedConcurrency.usd} />
          {(bill.snapStart.restores > 0 || bill.snapStart.cache.usd > 0) && (
            <>
              <Line label="SnapStart: restore duration" detail={`${gbsDetail(bill.snapStart.restoreDuration)} of Billed Restore Duration, billed like invoke`} usd={bill.snapStart.restoreDuration.usd} />
              <Line
                label="SnapStart: restores"
                detail={`${num(bill.snapStart.restores)} restores at $${SNAP_START_PRICES.restoreGbUsd} / GB of memory (no free tier)`}
                usd={bill.snapStart.restoreUsd}
              />
              <Line
                label="SnapStart: snapshot cache"
                detail={`${gbsDetail(bill.snapStart.cache)} at $${SNAP_START_PRICES.cacheGbSecondUsd} / GB-s, at least 3 hours per snapshot`}
                usd={bill.snapStart.cache.usd}
              />
            </>
          )}
          <Line
            label="Provisioned invocations"
            detail={`${num(bill.provisionedInvocations.count)} requests, ${gbsDetail(bill.provisionedInvocations)}`}
            usd={bill.provisionedInvocations.usd}
          />
          {ft.requested && (
            <Line
              label="Free tier credit"
              detail={
                ft.applies
                  ? `${num(ft.requests)} requests, ${num(ft.gbSeconds)} GB-s of 1M requests + 400,000 GB-s a month`
                  : 'not available: provisioned concurrency was enabled'
              }
              usd={ft.usd}
              credit
            />
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{bill.granularityMs === 100 ? 'rounded up to 100 ms per invocation; Init Duration not billed (as before August 2025)' : 'rounded up to 1 ms per invocation; Init Duration billed (since August 2025)'}</td>
            <td className="num" title={formatPicos(total)}>
              {formatMoney(total / PICO)}
            </td>
          </tr>
        </tfoot>
      </table>
      <div className="bill-options">
        <div className="field checkbox">
          <input
            id={freeTierId}
            type="checkbox"
            checked={options.freeTier}
            onChange={(e) => onOptionsChange({ ...options, freeTier: e.target.checked })}
          />
          <label htmlFor={freeTierId}>Free tier</label>
        </div>
        <div className="field">
          <label htmlFor={granularityId}>Billing granularity</label>
          <select
            id={granularityId}
            value={options.granularityMs}
            onChange={(e) => onOptionsChange({ ...options, granularityMs: e.target.value === '100' ? 100 : 1 })}
          >
            <option value={1}>1 ms (since December 2020)</option>
            <option value={100}>100 ms, init not billed (Lambda before December 2020, for teaching)</option>
          </select>
        </div>
      </div>
      <Projection bill={bill} />
      <Prices architectures={bill.architectures} />
      <Invocations bill={bill} />
    </section>
  );
}
