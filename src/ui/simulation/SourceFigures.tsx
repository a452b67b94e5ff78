import { useId } from 'react';
import type { SimSourceFigures } from '../../core/sim/simSource';
import { dec, int } from './simFormat';

/** The scenario's event source as the simulation left it, from the source's own view. */
export function SourceFigures({ figures }: { figures: SimSourceFigures }) {
  const headingId = useId();
  const f = figures;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>SQS queue and event source mapping</h4>
      <table className="sim-bill">
        <caption>What the queue and its pollers did</caption>
        <tbody>
          <tr><th scope="row">Messages sent</th><td>{int(f.sent)}</td></tr>
          <tr><th scope="row">Messages deleted (processed)</th><td>{int(f.deleted)}</td></tr>
          <tr><th scope="row">Moved to the dead-letter queue</th><td>{int(f.deadLettered)}</td></tr>
          <tr><th scope="row">Batches invoked</th><td>{int(f.invokes)}</td></tr>
          <tr><th scope="row">Backlog: queue depth, max (visible + in flight)</th><td>{int(f.maxQueueDepth)}</td></tr>
          <tr><th scope="row">Pollers, max</th><td>{int(f.maxPollers)}</td></tr>
          <tr><th scope="row">Age of the oldest message, max</th><td>{dec(f.maxOldestAgeMs / 1000)} s</td></tr>
          <tr><th scope="row">Queue empty since</th><td>{f.drainedAtMs === null ? 'not drained by the end' : `${dec(f.drainedAtMs / 1000)} s`}</td></tr>
        </tbody>
      </table>
    </section>
  );
}
