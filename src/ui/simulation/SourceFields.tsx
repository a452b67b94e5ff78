import { useId } from 'react';
import type { SimEventBridgeSource, SimKinesisSource, SimSourceSpec, SimSqsSource } from '../../core/sim/simSource';
import { SimCheckbox, SimNumber, SimSelect } from './SimField';

type Choice = 'none' | SimSourceSpec['kind'];

const CHOICES: Record<Choice, string> = {
  none: 'The traffic invokes the function directly',
  sqs: 'An SQS queue: each arrival is one message',
  kinesis: 'A Kinesis stream: each arrival is one record',
  eventbridge: 'EventBridge: each arrival is one event (and a schedule)',
};

/** Lambda's defaults for a new mapping, as the workspace's SQS trigger makes them. */
export const DEFAULT_SQS_SOURCE: SimSqsSource = { kind: 'sqs', batchSize: 10, maximumBatchingWindowS: 0, maximumConcurrency: null, visibilityTimeoutS: 30, maxReceiveCount: null, messageFailureRate: 0 };
/** Lambda's defaults for a Kinesis mapping (CreateEventSourceMapping). */
export const DEFAULT_KINESIS_SOURCE: SimKinesisSource = {
  kind: 'kinesis', shards: 1, batchSize: 100, maximumBatchingWindowS: 0, parallelizationFactor: 1, maximumRetryAttempts: -1, bisectBatchOnFunctionError: false, messageFailureRate: 0,
};
export const DEFAULT_EVENTBRIDGE_SOURCE: SimEventBridgeSource = { kind: 'eventbridge', schedule: null, messageFailureRate: 0 };

const DEFAULTS: Record<SimSourceSpec['kind'], SimSourceSpec> = { sqs: DEFAULT_SQS_SOURCE, kinesis: DEFAULT_KINESIS_SOURCE, eventbridge: DEFAULT_EVENTBRIDGE_SOURCE };

/**
 * What sits in front of the function: nothing, an SQS queue or a Kinesis
 * stream read by an event source mapping, or EventBridge (the live mode's own
 * classes, in virtual time).
 */
export function SourceFields({ source, onSource }: { source: SimSourceSpec | undefined; onSource(s: SimSourceSpec | undefined): void }) {
  return (
    <>
      <SimSelect<Choice> label="Invoked by" value={source?.kind ?? 'none'} options={CHOICES} onValue={(v) => onSource(v === 'none' ? undefined : DEFAULTS[v])} />
      {source?.kind === 'sqs' && <SqsFields source={source} onSource={onSource} />}
      {source?.kind === 'kinesis' && <KinesisFields source={source} onSource={onSource} />}
      {source?.kind === 'eventbridge' && <EventBridgeFields source={source} onSource={onSource} />}
      {source && (
        <SimNumber
          label={source.kind === 'eventbridge' ? 'Failing events (%)' : source.kind === 'sqs' ? 'Failing messages (%)' : 'Failing records (%)'}
          value={source.messageFailureRate * 100}
          hint={source.kind === 'eventbridge' ? "Lambda's asynchronous retries follow" : 'a batch with one fails as a whole'}
          onValue={(pct) => onSource({ ...source, messageFailureRate: pct / 100 })}
        />
      )}
    </>
  );
}

const orNull = (n: number): number | null => (Number.isNaN(n) ? null : n);

function SqsFields({ source, onSource }: { source: SimSqsSource; onSource(s: SimSourceSpec): void }) {
  return (
    <>
      <SimNumber label="Batch size" value={source.batchSize} step={1} hint="1–10,000; above 10 needs a window" onValue={(batchSize) => onSource({ ...source, batchSize })} />
      <SimNumber label="Batching window (s)" value={source.maximumBatchingWindowS} step={1} hint="0–300" onValue={(maximumBatchingWindowS) => onSource({ ...source, maximumBatchingWindowS })} />
      <SimNumber label="Maximum concurrency" value={source.maximumConcurrency ?? Number.NaN} step={1} hint="2–1,000; empty: up to 1,250 pollers" onValue={(n) => onSource({ ...source, maximumConcurrency: orNull(n) })} />
      <SimNumber label="Visibility timeout (s)" value={source.visibilityTimeoutS} step={1} hint="at least the function timeout" onValue={(visibilityTimeoutS) => onSource({ ...source, visibilityTimeoutS })} />
      <SimNumber label="Max receive count" value={source.maxReceiveCount ?? Number.NaN} step={1} hint="then the dead-letter queue; empty: none" onValue={(n) => onSource({ ...source, maxReceiveCount: orNull(n) })} />
    </>
  );
}

function KinesisFields({ source, onSource }: { source: SimKinesisSource; onSource(s: SimSourceSpec): void }) {
  return (
    <>
      <SimNumber label="Shards" value={source.shards} step={1} hint="1–20" onValue={(shards) => onSource({ ...source, shards })} />
      <SimNumber label="Batch size" value={source.batchSize} step={1} hint="1–10,000" onValue={(batchSize) => onSource({ ...source, batchSize })} />
      <SimNumber label="Batching window (s)" value={source.maximumBatchingWindowS} step={1} hint="0–300" onValue={(maximumBatchingWindowS) => onSource({ ...source, maximumBatchingWindowS })} />
      <SimNumber label="Parallelization factor" value={source.parallelizationFactor} step={1} hint="batches per shard at once, 1–10" onValue={(parallelizationFactor) => onSource({ ...source, parallelizationFactor })} />
      <SimNumber label="Maximum retry attempts" value={source.maximumRetryAttempts} step={1} hint="−1: until the record expires" onValue={(maximumRetryAttempts) => onSource({ ...source, maximumRetryAttempts })} />
      <SimCheckbox label="Split a failed batch in two (bisect)" checked={source.bisectBatchOnFunctionError} onChecked={(bisectBatchOnFunctionError) => onSource({ ...source, bisectBatchOnFunctionError })} />
    </>
  );
}

function EventBridgeFields({ source, onSource }: { source: SimEventBridgeSource; onSource(s: SimSourceSpec): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Schedule expression</label>
      <input
        id={id}
        type="text"
        placeholder="rate(5 minutes) or cron(0 12 * * ? *); empty: none"
        value={source.schedule ?? ''}
        onChange={(e) => onSource({ ...source, schedule: e.target.value.trim() === '' ? null : e.target.value })}
      />
    </div>
  );
}
