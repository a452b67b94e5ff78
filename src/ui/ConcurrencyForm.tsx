import { Term } from './glossary/Term';
import { useId, useMemo } from 'react';
import { SETTING_LIMITS, validateSettings, type PlatformSettings, type SettingProblem } from '../core/platformSettings';
import { NumberField } from './NumberField';
import './loadPanels.css';

export interface ConcurrencyFormProps {
  settings: PlatformSettings;
  onChange(settings: PlatformSettings): void;
  /** The function whose own settings the first group edits. */
  functionName: string;
  /** Problems the form cannot see from its fields alone (the reservations of all the functions together). */
  sharedProblems?: readonly SettingProblem[];
  /** The function's published versions and aliases, which provisioned concurrency can be configured on. */
  provisionedTargets?: readonly { value: string; label: string }[];
  /** Lambda's refusal of the provisioned concurrency's qualifier (`$LATEST`, or a version or alias that is gone). */
  provisionedProblem?: string | null;
}

/** The waits the select offers; another value in range (from a saved session, say) is shown as its own option. */
const WAIT_SCALES: readonly { value: number; label: string }[] = [
  { value: 1, label: 'Real time (1×)' },
  { value: 10, label: '10× faster' },
  { value: 60, label: '60× faster (1 min → 1 s)' },
  { value: 600, label: '600× faster' },
];

const LABELS: Partial<Record<keyof PlatformSettings, string>> = {
  reservedConcurrency: 'Reserved concurrency',
  provisionedConcurrency: 'Provisioned concurrency',
  accountConcurrency: 'Account concurrency limit',
  scaleBurst: 'Scaling rate (new environments per 10 s)',
  keepAliveMs: 'Keep-alive (s)',
  maximumRetryAttempts: 'Maximum retry attempts',
  maximumEventAgeS: 'Maximum event age (s)',
};

const count = (n: number): string => n.toLocaleString('en-US');
const range = (min: number, max: number): string => `${count(min)}–${count(max)}`;

/** Seconds to ms, without the float dust of 1.001 × 1000 = 1000.9999999999999. */
function toMs(s: number): number {
  const ms = s * 1000;
  const whole = Math.round(ms);
  return Math.abs(ms - whole) < 1e-6 ? whole : ms;
}

/** The line that says which compression of platform waits is in force. */
function waitScaleLine(waitScale: number): string {
  return waitScale === 1
    ? 'Platform waits: real time'
    : `Platform waits compressed ${count(waitScale)}× — retry delays, backoff, keep-alive and event age; handler execution is never compressed`;
}

/**
 * validateSettings' problems, with an empty field reported as such, and
 * keep-alive (kept in ms, edited in s) reported in seconds.
 */
function problemsOf(s: PlatformSettings): SettingProblem[] {
  const empty = (Object.keys(LABELS) as (keyof PlatformSettings)[]).filter((k) => typeof s[k] === 'number' && Number.isNaN(s[k]));
  const found = validateSettings(s).filter((p) => !empty.includes(p.field));
  return [
    ...empty.map((field) => ({ field, message: `${LABELS[field]}: enter a number.` })),
    ...found.map((p) => {
      if (p.field !== 'keepAliveMs') return p;
      const { min, max } = SETTING_LIMITS.keepAliveMs;
      return { field: p.field, message: `Keep-alive (s): must be from ${count(min / 1000)} to ${count(max / 1000)} s, to the millisecond (got ${count(s.keepAliveMs / 1000)} s).` };
    }),
  ];
}


/** Concurrency, scaling, keep-alive, asynchronous invocation and the compression of platform waits. */
export function ConcurrencyForm({ settings, onChange, functionName, sharedProblems = [], provisionedTargets = [], provisionedProblem = null }: ConcurrencyFormProps) {
  const headingId = useId();
  const waitId = useId();
  const qualifierId = useId();
  const problems = useMemo(() => {
    const own = problemsOf(settings);
    const extra: SettingProblem[] = provisionedProblem ? [{ field: 'provisionedQualifier', message: provisionedProblem }] : [];
    return [...own, ...[...sharedProblems, ...extra].filter((p) => !own.some((o) => o.message === p.message))];
  }, [settings, sharedProblems, provisionedProblem]);
  // `$LATEST` (a workspace from before versions) and a qualifier that is gone are shown as they are, with Lambda's refusal.
  const targets = provisionedTargets.some((t) => t.value === settings.provisionedQualifier)
    ? provisionedTargets
    : [{ value: settings.provisionedQualifier, label: settings.provisionedQualifier === '$LATEST' ? '$LATEST (unpublished)' : settings.provisionedQualifier }, ...provisionedTargets];
  const invalid = (field: keyof PlatformSettings): boolean => problems.some((p) => p.field === field);
  const set = <K extends keyof PlatformSettings>(key: K, value: PlatformSettings[K]): void => onChange({ ...settings, [key]: value });
  const L = SETTING_LIMITS;
  const scales = WAIT_SCALES.some((w) => w.value === settings.waitScale)
    ? WAIT_SCALES
    : [...WAIT_SCALES, { value: settings.waitScale, label: `${count(settings.waitScale)}× faster` }];
  const num = Number.NaN;

  return (
    <section className="panel concurrency-form" aria-labelledby={headingId}>
      <h2 id={headingId}>Concurrency and scaling</h2>
      <fieldset className="settings-group">
        <legend>
          Function <strong>{functionName}</strong>: its own settings
        </legend>
        <div className="field-grid">
          <NumberField
            label="Reserved concurrency"
            term="reserved-concurrency"
            value={settings.reservedConcurrency}
            empty={null}
            hint={settings.reservedConcurrency === 0 ? '0 throttles every request' : 'Empty = unreserved · 0 throttles every request'}
            warn={settings.reservedConcurrency === 0}
            invalid={invalid('reservedConcurrency')}
            onValue={(n) => set('reservedConcurrency', n)}
          />
          <NumberField
            label="Provisioned concurrency"
            term="provisioned-concurrency"
            value={settings.provisionedConcurrency}
            empty={num}
            hint={`${range(L.provisionedConcurrency.min, L.provisionedConcurrency.max)} · 0 = off`}
            invalid={invalid('provisionedConcurrency')}
            onValue={(n) => set('provisionedConcurrency', n)}
          />
          <div className="field">
            <span className="label-row">
              <label htmlFor={qualifierId}>Provisioned concurrency on</label>
              <Term id="versions" />
            </span>
            <select
              id={qualifierId}
              value={settings.provisionedQualifier}
              aria-invalid={invalid('provisionedQualifier') || undefined}
              onChange={(e) => set('provisionedQualifier', e.target.value)}
            >
              {targets.map((t) => (
                <option key={t.value} value={t.value}>{t.label}</option>
              ))}
            </select>
            <span className="hint">{provisionedTargets.length === 0 ? 'Publish a version first (Versions and aliases)' : 'A version or alias: never $LATEST'}</span>
          </div>
          <NumberField
            label="Keep-alive (s)"
            term="keep-alive"
            value={settings.keepAliveMs / 1000}
            empty={num}
            hint={`${range(L.keepAliveMs.min / 1000, L.keepAliveMs.max / 1000)} · idle environments are reclaimed after this`}
            invalid={invalid('keepAliveMs')}
            onValue={(n) => set('keepAliveMs', toMs(n))}
          />
          <NumberField
            label="Maximum retry attempts"
            term="async-invocation"
            value={settings.maximumRetryAttempts}
            empty={num}
            hint={`${range(L.maximumRetryAttempts.min, L.maximumRetryAttempts.max)} · asynchronous invocations`}
            invalid={invalid('maximumRetryAttempts')}
            onValue={(n) => set('maximumRetryAttempts', n)}
          />
          <NumberField
            label="Maximum event age (s)"
            term="maximum-event-age"
            value={settings.maximumEventAgeS}
            empty={num}
            hint={range(L.maximumEventAgeS.min, L.maximumEventAgeS.max)}
            invalid={invalid('maximumEventAgeS')}
            onValue={(n) => set('maximumEventAgeS', n)}
          />
          <label className="field checkbox">
            <input type="checkbox" checked={settings.onSuccessDestination} onChange={(e) => set('onSuccessDestination', e.currentTarget.checked)} />
            On-success destination (asynchronous results)
          </label>
          <label className="field checkbox">
            <input type="checkbox" checked={settings.deadLetterQueue} onChange={(e) => set('deadLetterQueue', e.currentTarget.checked)} />
            Dead-letter queue (discarded asynchronous events)
          </label>
        </div>
      </fieldset>
      <fieldset className="settings-group">
        <legend>The account and the playground: shared by every function</legend>
        <div className="field-grid">
          <NumberField
            label="Account concurrency limit"
            term="account-concurrency"
            value={settings.accountConcurrency}
            empty={num}
            hint={`${range(L.accountConcurrency.min, L.accountConcurrency.max)} · Lambda's default is 1,000`}
            invalid={invalid('accountConcurrency')}
            onValue={(n) => set('accountConcurrency', n)}
          />
          <NumberField
            label="Scaling rate (new environments per 10 s)"
            term="scaling-rate"
            value={settings.scaleBurst}
            empty={num}
            hint={range(L.scaleBurst.min, L.scaleBurst.max)}
            invalid={invalid('scaleBurst')}
            onValue={(n) => set('scaleBurst', n)}
          />
          <div className="field">
            <span className="label-row">
              <label htmlFor={`${headingId}-routing`}>Routing to idle environments</label>
              <Term id="keep-alive" />
            </span>
            <select id={`${headingId}-routing`} value={settings.routing} onChange={(e) => set('routing', e.target.value as PlatformSettings['routing'])}>
              <option value="most-recent">Most recently used (default)</option>
              <option value="least-recent">Least recently used</option>
              <option value="random">Any (random)</option>
            </select>
            <span className="hint">Unpublished by AWS: most recently used is an assumption (README)</span>
          </div>
          <NumberField
            label="Lifetime from (h)"
            value={settings.lifetimeMinMs / 3_600_000}
            empty={num}
            hint="environments are replaced every few hours; 0 and 0 = never"
            invalid={invalid('lifetimeMinMs')}
            onValue={(n) => set('lifetimeMinMs', Math.round(n * 3_600_000))}
            step="any"
            term="recycling"
          />
          <NumberField
            label="Lifetime to (h)"
            value={settings.lifetimeMaxMs / 3_600_000}
            empty={num}
            hint="each environment's lifetime is spread between the two"
            invalid={invalid('lifetimeMaxMs')}
            onValue={(n) => set('lifetimeMaxMs', Math.round(n * 3_600_000))}
            step="any"
          />
          <div className="field">
            <label htmlFor={waitId}>Platform waits</label>
            <select id={waitId} value={settings.waitScale} onChange={(e) => set('waitScale', Number(e.target.value))}>
              {scales.map((w) => (
                <option key={w.value} value={w.value}>{w.label}</option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <p className={settings.waitScale === 1 ? 'wait-scale-line' : 'wait-scale-line compressed'}>{waitScaleLine(settings.waitScale)}</p>
      {problems.length > 0 && (
        <ul className="problems" role="alert" aria-label="Concurrency problems">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
