import { useId } from 'react';
import type { SimSourceFigures } from '../../core/sim/simSource';
import { dec, int } from './simFormat';

const TITLES: Record<SimSourceFigures['kind'], { heading: string; caption: string }> = {
  sqs: { heading: 'SQS queue and event source mapping', caption: 'What the queue and its pollers did' },
  kinesis: { heading: 'Kinesis stream and event source mapping', caption: 'What the stream and its shard readers did' },
  eventbridge: { heading: 'EventBridge bus and schedule', caption: 'What the bus and the schedule sent' },
};

const seconds = (ms: number | null, otherwise: string): string => (ms === null ? otherwise : `${dec(ms / 1000)} s`);

/** The scenario's event source as the simulation left it, from the source's own view, and how the function answered it. */
export function SourceFigures({ figures }: { figures: SimSourceFigures }) {
  const headingId = useId();
  const f = figures;
  const title = TITLES[f.kind];
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{title.heading}</h4>
      <table className="sim-bill">
        <caption>{title.caption}</caption>
        <tbody>
          {f.kind === 'sqs' && (
            <>
              <tr><th scope="row">Messages sent</th><td>{int(f.sent)}</td></tr>
              <tr><th scope="row">Messages deleted (processed)</th><td>{int(f.deleted)}</td></tr>
              <tr><th scope="row">Moved to the dead-letter queue</th><td>{int(f.deadLettered)}</td></tr>
              <tr><th scope="row">Batches invoked</th><td>{int(f.invokes)}</td></tr>
              <tr><th scope="row">Backlog: queue depth, max (visible + in flight)</th><td>{int(f.maxQueueDepth)}</td></tr>
              <tr><th scope="row">Pollers, max</th><td>{int(f.maxPollers)}</td></tr>
              <tr><th scope="row">Age of the oldest message, max</th><td>{dec(f.maxOldestAgeMs / 1000)} s</td></tr>
              <tr><th scope="row">Queue empty since</th><td>{seconds(f.drainedAtMs, 'not drained by the end')}</td></tr>
            </>
          )}
          {f.kind === 'kinesis' && (
            <>
              <tr><th scope="row">Records put</th><td>{int(f.recordsPut)}</td></tr>
              <tr><th scope="row">Records processed</th><td>{int(f.recordsProcessed)}</td></tr>
              <tr><th scope="row">Records discarded (retries or age exhausted)</th><td>{int(f.recordsDiscarded)}</td></tr>
              <tr><th scope="row">Batches invoked</th><td>{int(f.invokes)}</td></tr>
              <tr><th scope="row">Backlog: records not yet processed, max</th><td>{int(f.maxPending)}</td></tr>
              <tr><th scope="row">Batches in flight at once, max</th><td>{int(f.maxBatchesInFlight)}</td></tr>
              <tr><th scope="row">Caught up with the stream since</th><td>{seconds(f.caughtUpAtMs, 'behind at the end')}</td></tr>
            </>
          )}
          {f.kind === 'eventbridge' && (
            <>
              <tr><th scope="row">Events put by the traffic</th><td>{int(f.eventsPut)}</td></tr>
              <tr><th scope="row">Schedule fires</th><td>{int(f.scheduledFires)}</td></tr>
              <tr><th scope="row">Asynchronous invokes</th><td>{int(f.invokes)}</td></tr>
              <tr><th scope="row">Accepted (202)</th><td>{int(f.accepted)}</td></tr>
            </>
          )}
          <tr><th scope="row">Answers: succeeded / function errors / refused</th><td>{int(f.succeeded)} / {int(f.functionErrors)} / {int(f.rejected)}</td></tr>
        </tbody>
      </table>
    </section>
  );
}
