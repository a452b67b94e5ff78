import { useId, useState } from 'react';
import {
  validateStreamMappingSettings,
  type STREAM_MAPPING_LIMITS,
  type StreamMappingSettings,
  type StreamSettingProblem,
} from '../../../core/sources/streamMappingSettings';
import { NumberField } from '../../NumberField';
import '../sources.css';

type NumberKey = keyof typeof STREAM_MAPPING_LIMITS;
type FlagKey = 'bisectBatchOnFunctionError' | 'reportBatchItemFailures';

const NUMBER_FIELDS: readonly { key: NumberKey; label: string; hint: string }[] = [
  { key: 'batchSize', label: 'Batch size', hint: '1–10,000 records (default 100)' },
  { key: 'maximumBatchingWindowS', label: 'Batching window (s)', hint: '0–300 s (default 0)' },
  { key: 'parallelizationFactor', label: 'Parallelization factor', hint: '1–10 batches per shard at once' },
  { key: 'maximumRetryAttempts', label: 'Maximum retry attempts', hint: '-1 (until the records expire) to 10,000' },
  { key: 'maximumRecordAgeS', label: 'Maximum record age (s)', hint: '-1 (the 24 h retention) or 60–604,800 s' },
];

const FLAGS: readonly { key: FlagKey; label: string }[] = [
  { key: 'bisectBatchOnFunctionError', label: 'Bisect batch on function error' },
  { key: 'reportBatchItemFailures', label: 'Report batch item failures' },
];

/** Problems of a draft, an empty box reported as such rather than as Lambda's range message. */
function problemsOf(draft: StreamMappingSettings): StreamSettingProblem[] {
  const empty = NUMBER_FIELDS.filter((f) => Number.isNaN(draft[f.key]));
  return [
    ...empty.map((f) => ({ field: f.key, message: `${f.label}: enter a whole number.` })),
    ...validateStreamMappingSettings(draft).filter((p) => !empty.some((f) => f.key === p.field)),
  ];
}


export interface StreamSettingsFormProps {
  settings: StreamMappingSettings;
  onChange(settings: StreamMappingSettings): void;
}

/** The event source mapping's settings: a change Lambda would accept is applied at once; the others are explained. */
export function StreamSettingsForm({ settings, onChange }: StreamSettingsFormProps) {
  const id = useId();
  const [seen, setSeen] = useState(settings);
  const [draft, setDraft] = useState(settings);
  if (JSON.stringify(seen) !== JSON.stringify(settings)) {
    setSeen(settings);
    setDraft(settings);
  }
  const problems = problemsOf(draft);
  const set = <K extends keyof StreamMappingSettings>(key: K, value: StreamMappingSettings[K]): void => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (problemsOf(next).length === 0) onChange(next);
  };
  return (
    <form className="stream-settings" aria-labelledby={`${id}-h`} onSubmit={(e) => e.preventDefault()}>
      <h3 id={`${id}-h`}>Event source mapping</h3>
      <div className="field-grid">
        {NUMBER_FIELDS.map((f) => (
          <NumberField empty={Number.NaN}
            key={f.key}
            label={f.label}
            hint={f.hint}
            value={draft[f.key]}
            invalid={problems.some((p) => p.field === f.key)}
            onValue={(n) => set(f.key, n)}
          />
        ))}
      </div>
      <div className="stream-checks">
        {FLAGS.map((f) => (
          <label key={f.key} className="field checkbox">
            <input type="checkbox" checked={draft[f.key]} onChange={(e) => set(f.key, e.currentTarget.checked)} />
            {f.label}
          </label>
        ))}
      </div>
      {problems.length > 0 && (
        <ul className="problems" role="alert" aria-label="Mapping problems">
          {problems.map((p, i) => (
            <li key={i}>ValidationException: {p.message}</li>
          ))}
        </ul>
      )}
    </form>
  );
}
