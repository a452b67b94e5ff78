import type { SimSourceSpec } from '../../core/sim/scenario';
import { SimNumber, SimSelect } from './SimField';

const CHOICES = { none: 'The traffic invokes the function directly', sqs: 'An SQS queue: each arrival is one message' } as const;

/** Lambda's defaults for a new mapping, as the workspace's SQS trigger makes them. */
export const DEFAULT_SQS_SOURCE: SimSourceSpec = { kind: 'sqs', batchSize: 10, maximumBatchingWindowS: 0, maximumConcurrency: null, visibilityTimeoutS: 30, maxReceiveCount: null, messageFailureRate: 0 };

/** What sits in front of the function: nothing, or an SQS queue polled by an event source mapping (the live mode's own classes, in virtual time). */
export function SourceFields({ source, onSource }: { source: SimSourceSpec | undefined; onSource(s: SimSourceSpec | undefined): void }) {
  return (
    <>
      <SimSelect label="Invoked by" value={source ? 'sqs' : 'none'} options={CHOICES} onValue={(v) => onSource(v === 'sqs' ? DEFAULT_SQS_SOURCE : undefined)} />
      {source && (
        <>
          <SimNumber label="Batch size" value={source.batchSize} step={1} hint="1–10,000; above 10 needs a window" onValue={(batchSize) => onSource({ ...source, batchSize })} />
          <SimNumber label="Batching window (s)" value={source.maximumBatchingWindowS} step={1} hint="0–300" onValue={(maximumBatchingWindowS) => onSource({ ...source, maximumBatchingWindowS })} />
          <SimNumber
            label="Maximum concurrency"
            value={source.maximumConcurrency ?? Number.NaN}
            step={1}
            hint="2–1,000; empty: up to 1,250 pollers"
            onValue={(n) => onSource({ ...source, maximumConcurrency: Number.isNaN(n) ? null : n })}
          />
          <SimNumber label="Visibility timeout (s)" value={source.visibilityTimeoutS} step={1} hint="at least the function timeout" onValue={(visibilityTimeoutS) => onSource({ ...source, visibilityTimeoutS })} />
          <SimNumber
            label="Max receive count"
            value={source.maxReceiveCount ?? Number.NaN}
            step={1}
            hint="then the dead-letter queue; empty: none"
            onValue={(n) => onSource({ ...source, maxReceiveCount: Number.isNaN(n) ? null : n })}
          />
          <SimNumber label="Failing messages (%)" value={source.messageFailureRate * 100} hint="a batch with one fails as a whole" onValue={(pct) => onSource({ ...source, messageFailureRate: pct / 100 })} />
        </>
      )}
    </>
  );
}
