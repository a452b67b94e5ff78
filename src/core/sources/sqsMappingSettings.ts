import { parseEventPattern } from './eventPattern';
import { SQS_MAX_VISIBILITY_TIMEOUT_S } from './sqsMessage';

/**
 * The settings of an SQS event source mapping, with the queue's visibility
 * timeout and redrive policy beside them (lambda-model.md §4), and their
 * validation in the words of Lambda's and SQS's APIs.
 */
export interface SqsMappingSettings {
  /** 1–10,000 (standard queue); above 10 needs a batching window of at least 1 s. */
  batchSize: number;
  /** 0–300 s. */
  maximumBatchingWindowS: number;
  /** ScalingConfig.MaximumConcurrency, 2–1,000; null = not set (up to 1,250 pollers). */
  maximumConcurrency: number | null;
  /** The queue's VisibilityTimeout, 0–43,200 s; must be ≥ the function's timeout. */
  visibilityTimeoutS: number;
  /** The queue's redrive policy, 1–1,000; null = no dead-letter queue. */
  maxReceiveCount: number | null;
  /** FunctionResponseTypes: ["ReportBatchItemFailures"]. */
  reportBatchItemFailures: boolean;
  enabled: boolean;
  /**
   * FilterCriteria: event patterns (JSON text, EventBridge's syntax) matched
   * against each message as a record, its body parsed when it is JSON. A
   * message that matches none is deleted without an invoke. Empty: no filter.
   */
  filterPatterns: string[];
}

export const DEFAULT_SQS_MAPPING_SETTINGS: SqsMappingSettings = {
  batchSize: 10,
  maximumBatchingWindowS: 0,
  maximumConcurrency: null,
  visibilityTimeoutS: 30,
  maxReceiveCount: null,
  reportBatchItemFailures: false,
  enabled: true,
  filterPatterns: [],
};

export const SQS_MAPPING_LIMITS = {
  batchSize: { min: 1, max: 10_000 },
  /** Batches above this size need a window. */
  batchSizeWithoutWindow: 10,
  maximumBatchingWindowS: { min: 0, max: 300 },
  maximumConcurrency: { min: 2, max: 1_000 },
  visibilityTimeoutS: { min: 0, max: SQS_MAX_VISIBILITY_TIMEOUT_S },
  maxReceiveCount: { min: 1, max: 1_000 },
  /** Filters per event source mapping (Lambda's default quota). */
  filters: 5,
  /** Pollers: 5 concurrent batches at first, up to 1,250 per mapping, +300 per minute. */
  initialPollers: 5,
  maxPollers: 1_250,
  scaleUpPerMinute: 300,
} as const;

export interface SqsSettingProblem {
  field: keyof SqsMappingSettings;
  /** The API's exception: ValidationException, InvalidParameterValueException, InvalidAttributeValue. */
  errorType: string;
  message: string;
}

function range(field: keyof SqsMappingSettings, api: string, value: number, min: number, max: number): SqsSettingProblem | null {
  const at = `1 validation error detected: Value '${value}' at '${api}' failed to satisfy constraint:`;
  if (!Number.isInteger(value)) return { field, errorType: 'ValidationException', message: `${at} Member must be a whole number` };
  if (value < min) return { field, errorType: 'ValidationException', message: `${at} Member must have value greater than or equal to ${min}` };
  if (value > max) return { field, errorType: 'ValidationException', message: `${at} Member must have value less than or equal to ${max}` };
  return null;
}

/**
 * Every problem with the settings. `functionTimeoutS` is the target
 * function's timeout; `deadLetterTargetArn` appears in SQS's redrive message.
 */
export function validateSqsMappingSettings(
  s: SqsMappingSettings,
  context: { functionTimeoutS: number; deadLetterTargetArn: string; fifo?: boolean },
): SqsSettingProblem[] {
  const L = SQS_MAPPING_LIMITS;
  const problems = [
    range('batchSize', 'batchSize', s.batchSize, L.batchSize.min, L.batchSize.max),
    range('maximumBatchingWindowS', 'maximumBatchingWindowInSeconds', s.maximumBatchingWindowS, L.maximumBatchingWindowS.min, L.maximumBatchingWindowS.max),
    s.maximumConcurrency === null
      ? null
      : range('maximumConcurrency', 'scalingConfig.maximumConcurrency', s.maximumConcurrency, L.maximumConcurrency.min, L.maximumConcurrency.max),
  ].filter((p): p is SqsSettingProblem => p !== null);
  const sizeAndWindowValid = !problems.some((p) => p.field === 'batchSize' || p.field === 'maximumBatchingWindowS');
  // A FIFO queue takes no batching window, so its batches stay at 10 or fewer (the rule below refuses more without a window).
  if (context.fifo && sizeAndWindowValid && s.maximumBatchingWindowS > 0) {
    problems.push({ field: 'maximumBatchingWindowS', errorType: 'InvalidParameterValueException', message: 'Batching window is not supported for FIFO queues' });
  }
  if (sizeAndWindowValid && s.batchSize > L.batchSizeWithoutWindow && s.maximumBatchingWindowS < 1) {
    problems.push({
      field: 'maximumBatchingWindowS',
      errorType: 'InvalidParameterValueException',
      message: `Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than ${L.batchSizeWithoutWindow}`,
    });
  }
  const vis = s.visibilityTimeoutS;
  if (!Number.isInteger(vis) || vis < L.visibilityTimeoutS.min || vis > L.visibilityTimeoutS.max) {
    problems.push({ field: 'visibilityTimeoutS', errorType: 'InvalidAttributeValue', message: 'Invalid value for the parameter VisibilityTimeout.' });
  } else if (vis < context.functionTimeoutS) {
    problems.push({
      field: 'visibilityTimeoutS',
      errorType: 'InvalidParameterValueException',
      message: `Queue visibility timeout: ${vis} seconds is less than Function timeout: ${context.functionTimeoutS} seconds`,
    });
  }
  if (s.filterPatterns.length > L.filters) {
    problems.push({ field: 'filterPatterns', errorType: 'InvalidParameterValueException', message: `The number of filters (${s.filterPatterns.length}) exceeds the limit of ${L.filters} per event source mapping.` });
  }
  s.filterPatterns.forEach((text, i) => {
    const parsed = parseEventPattern(text);
    if (!parsed.ok) problems.push({ field: 'filterPatterns', errorType: 'InvalidParameterValueException', message: `Invalid filter pattern definition (filter ${i + 1}): ${parsed.reason}` });
  });
  const mrc = s.maxReceiveCount;
  if (mrc !== null && (!Number.isInteger(mrc) || mrc < L.maxReceiveCount.min || mrc > L.maxReceiveCount.max)) {
    const policy = JSON.stringify({ deadLetterTargetArn: context.deadLetterTargetArn, maxReceiveCount: mrc });
    problems.push({
      field: 'maxReceiveCount',
      errorType: 'InvalidParameterValue',
      message: `Value ${policy} for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: ${mrc}, valid values are from ${L.maxReceiveCount.min} to ${L.maxReceiveCount.max} both inclusive.`,
    });
  }
  return problems;
}

/**
 * The visibility timeout the mapping's receives use (lambda-model.md §4):
 * the queue's, or window + function timeout + 30 s when those two exceed it.
 */
export function effectiveVisibilityTimeoutS(s: SqsMappingSettings, functionTimeoutS: number): number {
  const needed = s.maximumBatchingWindowS + functionTimeoutS;
  return needed > s.visibilityTimeoutS ? needed + 30 : s.visibilityTimeoutS;
}

/** The mapping's cap on pollers (concurrent batches): MaximumConcurrency, or 1,250. */
export function maxPollers(s: SqsMappingSettings): number {
  return Math.min(s.maximumConcurrency ?? SQS_MAPPING_LIMITS.maxPollers, SQS_MAPPING_LIMITS.maxPollers);
}

/** The pollers kept when idle: 5, or fewer under a lower MaximumConcurrency. */
export function minPollers(s: SqsMappingSettings): number {
  return Math.min(SQS_MAPPING_LIMITS.initialPollers, maxPollers(s));
}

/** One line for the activity log. */
export function describeSqsMappingSettings(s: SqsMappingSettings): string {
  return (
    `Settings: batch size ${s.batchSize}, window ${s.maximumBatchingWindowS} s, maximum concurrency ${s.maximumConcurrency ?? 'not set'}, ` +
    `visibility timeout ${s.visibilityTimeoutS} s, max receive count ${s.maxReceiveCount ?? 'no DLQ'}, ` +
    `report batch item failures ${s.reportBatchItemFailures ? 'on' : 'off'}, ${s.enabled ? 'enabled' : 'disabled'}`
  );
}
