import { describe, expect, it } from 'vitest';
import { SqsEventSourceMapping } from './sqsEventSourceMapping';
import {
  DEFAULT_SQS_MAPPING_SETTINGS,
  effectiveVisibilityTimeoutS,
  maxPollers,
  minPollers,
  validateSqsMappingSettings,
  type SqsMappingSettings,
} from './sqsMappingSettings';
import { SqsTestHub } from './sqsTestHub.test-support';

const DLQ = 'arn:aws:sqs:us-east-1:123456789012:my-queue-dlq';
const check = (changes: Partial<SqsMappingSettings>, functionTimeoutS = 3) =>
  validateSqsMappingSettings({ ...DEFAULT_SQS_MAPPING_SETTINGS, ...changes }, { functionTimeoutS, deadLetterTargetArn: DLQ });
const range = (value: number, api: string, constraint: string) =>
  `1 validation error detected: Value '${value}' at '${api}' failed to satisfy constraint: Member must ${constraint}`;

describe('SQS event source mapping settings: validation in the APIs\' words', () => {
  it('accepts the defaults and the edges of every range', () => {
    expect(check({})).toEqual([]);
    expect(check({ batchSize: 1 })).toEqual([]);
    expect(check({ batchSize: 10_000, maximumBatchingWindowS: 1 })).toEqual([]);
    expect(check({ maximumBatchingWindowS: 300 })).toEqual([]);
    expect(check({ maximumConcurrency: 2 })).toEqual([]);
    expect(check({ maximumConcurrency: 1_000 })).toEqual([]);
    expect(check({ visibilityTimeoutS: 43_200 })).toEqual([]);
    expect(check({ maxReceiveCount: 1 })).toEqual([]);
    expect(check({ maxReceiveCount: 1_000 })).toEqual([]);
    expect(check({ visibilityTimeoutS: 3 }, 3)).toEqual([]);
  });

  it.each([
    [{ batchSize: 0 }, 'batchSize', range(0, 'batchSize', 'have value greater than or equal to 1')],
    [{ batchSize: 10_001, maximumBatchingWindowS: 5 }, 'batchSize', range(10_001, 'batchSize', 'have value less than or equal to 10000')],
    [{ batchSize: 2.5 }, 'batchSize', range(2.5, 'batchSize', 'be a whole number')],
    [{ maximumBatchingWindowS: 301 }, 'maximumBatchingWindowS', range(301, 'maximumBatchingWindowInSeconds', 'have value less than or equal to 300')],
    [{ maximumBatchingWindowS: -1 }, 'maximumBatchingWindowS', range(-1, 'maximumBatchingWindowInSeconds', 'have value greater than or equal to 0')],
    [{ maximumConcurrency: 1 }, 'maximumConcurrency', range(1, 'scalingConfig.maximumConcurrency', 'have value greater than or equal to 2')],
    [{ maximumConcurrency: 1_001 }, 'maximumConcurrency', range(1_001, 'scalingConfig.maximumConcurrency', 'have value less than or equal to 1000')],
    [{ batchSize: 11 }, 'maximumBatchingWindowS', 'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10'],
    [{ visibilityTimeoutS: 43_201 }, 'visibilityTimeoutS', 'Invalid value for the parameter VisibilityTimeout.'],
    [
      { maxReceiveCount: 0 },
      'maxReceiveCount',
      `Value {"deadLetterTargetArn":"${DLQ}","maxReceiveCount":0} for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: 0, valid values are from 1 to 1000 both inclusive.`,
    ],
  ])('%j is refused', (changes, field, message) => {
    expect(check(changes)).toEqual([expect.objectContaining({ field, message })]);
  });

  it.each([
    { changes: { batchSize: 10 }, problems: [] },
    { changes: { maximumBatchingWindowS: 5 }, problems: ['InvalidParameterValueException: Batching window is not supported for FIFO queues'] },
    { changes: { batchSize: 11 }, problems: ['InvalidParameterValueException: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10'] },
    {
      changes: { batchSize: 100, maximumBatchingWindowS: 1 },
      problems: ['InvalidParameterValueException: Batching window is not supported for FIFO queues'],
    },
  ])('a FIFO queue takes no batching window, so its batches stay at 10 or fewer: $changes', ({ changes, problems }) => {
    const found = validateSqsMappingSettings({ ...DEFAULT_SQS_MAPPING_SETTINGS, ...changes }, { functionTimeoutS: 3, deadLetterTargetArn: DLQ, fifo: true });
    expect(found.map((p) => `${p.errorType}: ${p.message}`)).toEqual(problems);
  });

  it('refuses a visibility timeout shorter than the function timeout, as Lambda words it', () => {
    expect(check({ visibilityTimeoutS: 30 }, 60)).toEqual([
      {
        field: 'visibilityTimeoutS',
        errorType: 'InvalidParameterValueException',
        message: 'Queue visibility timeout: 30 seconds is less than Function timeout: 60 seconds',
      },
    ]);
  });

  it('the constructor refuses bad options with the same messages; updateSettings returns them and changes nothing', () => {
    const hub = new SqsTestHub();
    expect(() => new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', batchSize: 100 })).toThrow(
      'InvalidParameterValueException: Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
    );
    expect(() => new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn', functionTimeoutS: 900 })).toThrow(
      'Queue visibility timeout: 30 seconds is less than Function timeout: 900 seconds',
    );
    const mapping = new SqsEventSourceMapping(hub.ctx, { id: 'sqs', functionName: 'fn' });
    const problems = mapping.updateSettings({ ...DEFAULT_SQS_MAPPING_SETTINGS, maximumConcurrency: 1 }, []);
    expect(problems.map((p) => p.field)).toEqual(['maximumConcurrency']);
    expect(mapping.view().settings).toEqual(DEFAULT_SQS_MAPPING_SETTINGS);
  });
});

describe('derived settings', () => {
  it('uses window + timeout + 30 s as the visibility timeout when window + timeout exceed the queue\'s', () => {
    expect(effectiveVisibilityTimeoutS({ ...DEFAULT_SQS_MAPPING_SETTINGS, visibilityTimeoutS: 30 }, 3)).toBe(30);
    expect(effectiveVisibilityTimeoutS({ ...DEFAULT_SQS_MAPPING_SETTINGS, visibilityTimeoutS: 30, maximumBatchingWindowS: 20 }, 10)).toBe(30);
    expect(effectiveVisibilityTimeoutS({ ...DEFAULT_SQS_MAPPING_SETTINGS, visibilityTimeoutS: 30, maximumBatchingWindowS: 25 }, 10)).toBe(65);
  });

  it('caps pollers at MaximumConcurrency or 1,250, and keeps 5 (or fewer) when idle', () => {
    expect(maxPollers(DEFAULT_SQS_MAPPING_SETTINGS)).toBe(1_250);
    expect(maxPollers({ ...DEFAULT_SQS_MAPPING_SETTINGS, maximumConcurrency: 40 })).toBe(40);
    expect(minPollers(DEFAULT_SQS_MAPPING_SETTINGS)).toBe(5);
    expect(minPollers({ ...DEFAULT_SQS_MAPPING_SETTINGS, maximumConcurrency: 2 })).toBe(2);
  });
});
