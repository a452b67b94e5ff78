import type { DeadLetterMessage, DestinationRecord } from '../core/platformTypes';
import type { Accounting } from '../state/runRecorder';
import { THROTTLE_REASONS } from '../state/throttleTally';
import './runPanels.css';

/** Destination records beyond this many are counted, not shown. */
export const MAX_DESTINATIONS_SHOWN = 100;

export interface RunSummaryProps {
  accounting: Accounting;
  destinations: readonly DestinationRecord[];
  deadLetters?: readonly DeadLetterMessage[];
}

/** One list of records (a destination, the dead-letter queue), the first MAX_DESTINATIONS_SHOWN of them. */
function RecordList({ title, empty, items }: { title: string; empty: string; items: readonly unknown[] }) {
  const id = `records-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  const shown = items.slice(0, MAX_DESTINATIONS_SHOWN);
  return (
    <section className="destinations" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <>
          <ol className="destination-list" aria-label={title}>
            {shown.map((d, i) => (
              <li key={i}>
                <pre className="payload">{JSON.stringify(d, null, 2)}</pre>
              </li>
            ))}
          </ol>
          {items.length > shown.length && <p className="hint">{(items.length - shown.length).toLocaleString('en-US')} more records not shown.</p>}
        </>
      )}
    </section>
  );
}

function Item({ term, value, className }: { term: string; value: number; className?: string }) {
  return (
    <div className={className}>
      <dt>{term}</dt>
      <dd>{value.toLocaleString('en-US')}</dd>
    </div>
  );
}

/** Where every request of the run ended up, and what reached the on-failure destination. */
export function RunSummary({ accounting: a, destinations, deadLetters = [] }: RunSummaryProps) {
  const failures = destinations.filter((d) => d.requestContext.condition !== 'Success');
  const successes = destinations.filter((d) => d.requestContext.condition === 'Success');
  return (
    <section className="panel run-panel run-summary" aria-labelledby="run-summary-heading">
      <h2 id="run-summary-heading">Run summary</h2>
      <dl className="accounting">
        <Item term="Sent" value={a.sent} />
        <Item term="Succeeded" value={a.succeeded} />
        <Item term="Function errors" value={a.functionErrors} />
        <Item term="Throttled (429)" value={a.throttled} />
        <Item term="Rejected (400/413)" value={a.rejected} />
        <Item term="Async accepted (202)" value={a.async.accepted} />
        <Item term="Async delivered" value={a.async.delivered} />
        <Item term="Async delivered after retries" value={a.async.retriedDelivered} />
        <Item term="Async to on-failure destination" value={a.async.onFailure} />
        <Item term="Async still queued" value={a.async.stillQueued} />
        <Item term="Lost" value={a.lost} className={a.lost !== 0 ? 'lost nonzero' : 'lost'} />
      </dl>
      {Object.keys(a.byVersion).some((v) => v !== '$LATEST') && (
        <section aria-labelledby="by-version-heading">
          <h3 id="by-version-heading">Requests by version</h3>
          <p className="hint">Which version ran each request: an alias with weights splits them.</p>
          <dl className="accounting" aria-labelledby="by-version-heading">
            {Object.entries(a.byVersion)
              .sort(([x], [y]) => x.localeCompare(y, 'en', { numeric: true }))
              .map(([version, n]) => (
                <Item key={version} term={`Version ${version}`} value={n} />
              ))}
          </dl>
        </section>
      )}
      <section className="throttle-reasons" aria-labelledby="throttle-reasons-heading">
        <h3 id="throttle-reasons-heading">Throttles by reason</h3>
        <p className="hint">Every throttle: synchronous 429s and asynchronous events put back in the queue.</p>
        <dl className="accounting" aria-labelledby="throttle-reasons-heading">
          {THROTTLE_REASONS.map((reason) => (
            <Item key={reason} term={reason} value={a.throttleReasons[reason]} />
          ))}
        </dl>
      </section>
      <p className={a.lost !== 0 ? 'lost-line nonzero' : 'lost-line'}>
        <span>Lost: {a.lost.toLocaleString('en-US')}</span>{' '}
        <span className="hint">
          {a.lost !== 0
            ? '(sent but never answered: still in flight, or a bug in the platform model)'
            : '(every request sent is accounted for)'}
        </span>
      </p>
      <RecordList title="On-failure destination" empty="No asynchronous event went to the on-failure destination." items={failures} />
      {successes.length > 0 && <RecordList title="On-success destination" empty="" items={successes} />}
      {deadLetters.length > 0 && <RecordList title="Dead-letter queue" empty="" items={deadLetters} />}
    </section>
  );
}
