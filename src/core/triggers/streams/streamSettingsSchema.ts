import { s } from '../../schema/builders';
import type { Infer } from '../../schema/schema';
import { DEFAULT_STREAM_MAPPING_SETTINGS as D } from '../../sources/streamMappingSettings';
import { getAtt } from '../../workspace/yamlEmitter';
import type { SamBuilder } from '../triggerKind';

/** A stream event source mapping's settings as saved (DynamoDB Streams and Kinesis alike). */
export const streamSettingsSchema = s.object({
  batchSize: s.number().default(D.batchSize),
  maximumBatchingWindowS: s.number().default(D.maximumBatchingWindowS),
  parallelizationFactor: s.number().default(D.parallelizationFactor),
  maximumRetryAttempts: s.number().default(D.maximumRetryAttempts),
  maximumRecordAgeS: s.number().default(D.maximumRecordAgeS),
  bisectBatchOnFunctionError: s.boolean().default(D.bisectBatchOnFunctionError),
  reportBatchItemFailures: s.boolean().default(D.reportBatchItemFailures),
});

export const startingPositionSchema = s.enum(['TRIM_HORIZON', 'LATEST']).default('TRIM_HORIZON');

interface SavedStreamMapping {
  function: string;
  startingPosition: Infer<typeof startingPositionSchema>;
  settings: Infer<typeof streamSettingsSchema>;
}

/** The SAM event of a stream mapping reading `source` (a table's stream or a Kinesis stream, by logical ID). */
export function streamEvent(out: SamBuilder, t: SavedStreamMapping, type: 'DynamoDB' | 'Kinesis', source: string): void {
  const st = t.settings;
  out.event(t.function, `${source}Records`, {
    Type: type,
    Properties: {
      Stream: getAtt(source, type === 'DynamoDB' ? 'StreamArn' : 'Arn'),
      StartingPosition: t.startingPosition,
      BatchSize: st.batchSize,
      MaximumBatchingWindowInSeconds: st.maximumBatchingWindowS > 0 ? st.maximumBatchingWindowS : undefined,
      ParallelizationFactor: st.parallelizationFactor !== 1 ? st.parallelizationFactor : undefined,
      MaximumRetryAttempts: st.maximumRetryAttempts !== -1 ? st.maximumRetryAttempts : undefined,
      MaximumRecordAgeInSeconds: st.maximumRecordAgeS !== -1 ? st.maximumRecordAgeS : undefined,
      BisectBatchOnFunctionError: st.bisectBatchOnFunctionError ? true : undefined,
      FunctionResponseTypes: st.reportBatchItemFailures ? ['ReportBatchItemFailures'] : undefined,
    },
  });
}
