/**
 * The settings of a Kinesis or DynamoDB Streams event source mapping
 * (lambda-model.md §4) that can change while it runs (UpdateEventSourceMapping).
 */
export interface StreamMappingSettings {
  /** BatchSize: 1–10,000, default 100. */
  batchSize: number;
  /** MaximumBatchingWindowInSeconds: 0–300, default 0. */
  maximumBatchingWindowS: number;
  /** ParallelizationFactor: concurrent batches per shard, 1–10, default 1. */
  parallelizationFactor: number;
  /** MaximumRetryAttempts: −1 (infinite, the default) to 10,000. */
  maximumRetryAttempts: number;
  /** MaximumRecordAgeInSeconds: −1 (infinite: the stream's retention applies, the default) or 60–604,800. */
  maximumRecordAgeS: number;
  /** BisectBatchOnFunctionError: halve a batch the function failed on. */
  bisectBatchOnFunctionError: boolean;
  /** FunctionResponseTypes includes ReportBatchItemFailures. */
  reportBatchItemFailures: boolean;
}

/** Where a new mapping starts reading each shard (AT_TIMESTAMP is not modelled). */
export type StartingPosition = 'TRIM_HORIZON' | 'LATEST';

export const DEFAULT_STREAM_MAPPING_SETTINGS: StreamMappingSettings = {
  batchSize: 100,
  maximumBatchingWindowS: 0,
  parallelizationFactor: 1,
  maximumRetryAttempts: -1,
  maximumRecordAgeS: -1,
  bisectBatchOnFunctionError: false,
  reportBatchItemFailures: false,
};

type NumericSetting = 'batchSize' | 'maximumBatchingWindowS' | 'parallelizationFactor' | 'maximumRetryAttempts' | 'maximumRecordAgeS';

export const STREAM_MAPPING_LIMITS: Record<NumericSetting, { min: number; max: number; apiName: string }> = {
  batchSize: { min: 1, max: 10_000, apiName: 'batchSize' },
  maximumBatchingWindowS: { min: 0, max: 300, apiName: 'maximumBatchingWindowInSeconds' },
  parallelizationFactor: { min: 1, max: 10, apiName: 'parallelizationFactor' },
  maximumRetryAttempts: { min: -1, max: 10_000, apiName: 'maximumRetryAttempts' },
  maximumRecordAgeS: { min: -1, max: 604_800, apiName: 'maximumRecordAgeInSeconds' },
};

/** The smallest finite MaximumRecordAgeInSeconds Lambda takes. */
export const MIN_FINITE_RECORD_AGE_S = 60;

export interface StreamSettingProblem {
  field: NumericSetting;
  message: string;
}

const constraint = (value: number, apiName: string, rule: string): string =>
  `1 validation error detected: Value '${value}' at '${apiName}' failed to satisfy constraint: Member must ${rule}`;

/** What Lambda would refuse in these settings, in the wording of its ValidationException. */
export function validateStreamMappingSettings(settings: StreamMappingSettings): StreamSettingProblem[] {
  const problems: StreamSettingProblem[] = [];
  for (const field of Object.keys(STREAM_MAPPING_LIMITS) as NumericSetting[]) {
    const { min, max, apiName } = STREAM_MAPPING_LIMITS[field];
    const value = settings[field];
    if (!Number.isInteger(value)) problems.push({ field, message: `${apiName}: must be a whole number` });
    else if (value < min) problems.push({ field, message: constraint(value, apiName, `have value greater than or equal to ${min}`) });
    else if (value > max) problems.push({ field, message: constraint(value, apiName, `have value less than or equal to ${max}`) });
  }
  const age = settings.maximumRecordAgeS;
  if (Number.isInteger(age) && age >= 0 && age < MIN_FINITE_RECORD_AGE_S) {
    problems.push({ field: 'maximumRecordAgeS', message: `maximumRecordAgeInSeconds: must be -1 (infinite) or from ${MIN_FINITE_RECORD_AGE_S} to 604,800 (got ${age})` });
  }
  return problems;
}

/**
 * How old a record may grow before the mapping gives it up: the configured
 * MaximumRecordAgeInSeconds, or the stream's retention when that is −1 or longer.
 */
export function maximumRecordAge(settings: StreamMappingSettings, retentionS: number): { seconds: number; reason: string } {
  const configured = settings.maximumRecordAgeS;
  if (configured !== -1 && configured < retentionS) return { seconds: configured, reason: `record age over ${configured.toLocaleString('en-US')} s` };
  return { seconds: retentionS, reason: `records expired (${retentionS / 3600} h retention)` };
}

/** Settings from the defaults and what is given; throws Lambda's ValidationException text when refused. */
export function streamMappingSettingsFrom(given: Partial<StreamMappingSettings>): StreamMappingSettings {
  const settings = { ...DEFAULT_STREAM_MAPPING_SETTINGS };
  for (const key of Object.keys(settings) as (keyof StreamMappingSettings)[]) {
    if (given[key] !== undefined) Object.assign(settings, { [key]: given[key] });
  }
  const problems = validateStreamMappingSettings(settings);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  return settings;
}
