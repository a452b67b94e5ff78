import { FAITHFUL_BURST } from './run/ContentionNote';
import { useId, useMemo, type ReactNode } from 'react';
import {
  expectedArrivalCount,
  switchPatternKind,
  validateLoadPlan,
  type LoadPattern,
  type LoadPatternKind,
  type LoadPlan,
  type LoadProgress,
  type LoadRunState,
} from '../core/loadPattern';
import type { InvocationType } from '../core/platformTypes';
import { NumberField, type NumberFieldProps } from './NumberField';
import './loadPanels.css';

/** The plan's numbers: rates may be fractional; an empty box is NaN, which validation names. */
function PlanField(props: Omit<NumberFieldProps<number>, 'empty'>) {
  return <NumberField empty={Number.NaN} step="any" inputMode="decimal" {...props} />;
}

export interface LoadPanelProps {
  plan: LoadPlan;
  onPlanChange(plan: LoadPlan): void;
  state: LoadRunState;
  /** The run's progress; `null` before the first run. */
  progress: LoadProgress | null;
  onStart(): void;
  onPause(): void;
  onResume(): void;
  onStop(): void;
  /** Shown under the controls (notes on what the run can show). */
  children?: ReactNode;
}

const PATTERN_LABELS: Record<LoadPatternKind, string> = {
  constant: 'Constant rate',
  ramp: 'Linear ramp',
  spike: 'Step / spike',
  poisson: 'Poisson arrivals',
  burst: 'Burst',
};

const INVOCATION_LABELS: Record<InvocationType, string> = {
  RequestResponse: 'Synchronous (RequestResponse)',
  Event: 'Asynchronous (Event)',
};

const STATE_LABELS: Record<LoadRunState, string> = {
  idle: 'Ready',
  running: 'Running',
  paused: 'Paused',
  stopped: 'Stopped',
  finished: 'Finished',
};

const count = (n: number): string => n.toLocaleString('en-US');
const seconds = (ms: number): string => {
  const s = ms / 1000;
  return Number.isInteger(s) ? count(s) : s.toFixed(1);
};

/** "sent 120 of 400 · 6.0 s of 20 s" */
function progressText(p: LoadProgress): string {
  return `sent ${count(p.sent)} of ${count(p.total)} · ${(p.elapsedMs / 1000).toFixed(1)} s of ${seconds(p.durationMs)} s`;
}


function PatternFields({ pattern, onPattern, invalid }: {
  pattern: LoadPattern;
  onPattern(p: LoadPattern): void;
  invalid(field: string): boolean;
}) {
  const rateHint = '0–2,000';
  switch (pattern.kind) {
    case 'constant':
      return <PlanField label="Requests per second" value={pattern.rps} hint={rateHint} invalid={invalid('rps')} onValue={(rps) => onPattern({ ...pattern, rps })} />;
    case 'poisson':
      return (
        <>
          <PlanField label="Requests per second" value={pattern.rps} hint={`${rateHint}, on average`} invalid={invalid('rps')} onValue={(rps) => onPattern({ ...pattern, rps })} />
          <PlanField label="Seed" value={pattern.seed} step={1} hint="same seed, same arrivals" invalid={invalid('seed')} onValue={(seed) => onPattern({ ...pattern, seed })} />
        </>
      );
    case 'ramp':
      return (
        <>
          <PlanField label="From (rps)" value={pattern.fromRps} hint={rateHint} invalid={invalid('fromRps')} onValue={(fromRps) => onPattern({ ...pattern, fromRps })} />
          <PlanField label="To (rps)" value={pattern.toRps} hint={rateHint} invalid={invalid('toRps')} onValue={(toRps) => onPattern({ ...pattern, toRps })} />
        </>
      );
    case 'spike':
      return (
        <>
          <PlanField label="Requests per second" value={pattern.baseRps} hint="base rate, 0–2,000" invalid={invalid('baseRps')} onValue={(baseRps) => onPattern({ ...pattern, baseRps })} />
          <PlanField label="Spike (rps)" value={pattern.spikeRps} hint={rateHint} invalid={invalid('spikeRps')} onValue={(spikeRps) => onPattern({ ...pattern, spikeRps })} />
          <PlanField label="Spike starts at (s)" value={pattern.spikeStartS} hint="seconds into the run" invalid={invalid('spikeStartS')} onValue={(spikeStartS) => onPattern({ ...pattern, spikeStartS })} />
          <PlanField label="Spike lasts (s)" value={pattern.spikeDurationS} hint="ends within the run" invalid={invalid('spikeDurationS')} onValue={(spikeDurationS) => onPattern({ ...pattern, spikeDurationS })} />
        </>
      );
    case 'burst':
      return <PlanField label="Burst size" value={pattern.count} step={1} hint="1–2,000, all at once" invalid={invalid('count')} onValue={(n) => onPattern({ ...pattern, count: n })} />;
  }
}

function ProgressBar({ progress }: { progress: LoadProgress }) {
  const text = progressText(progress);
  const done = progress.total > 0 ? progress.sent / progress.total : progress.state === 'finished' ? 1 : 0;
  return (
    <div className="load-progress">
      <div
        className="load-progress-track"
        role="progressbar"
        aria-label="Load progress"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.sent}
        aria-valuetext={text}
      >
        <div className="load-progress-fill" style={{ width: `${(done * 100).toFixed(2)}%` }} />
      </div>
      <p className="load-progress-text">{text}</p>
    </div>
  );
}

/** The load generator's plan and controls: what to send, how fast, and the run's progress. */
export function LoadPanel({ plan, onPlanChange, state, progress, onStart, onPause, onResume, onStop, children }: LoadPanelProps) {
  const headingId = useId();
  const patternId = useId();
  const typeId = useId();
  const problems = useMemo(() => validateLoadPlan(plan), [plan]);
  const invalid = (field: string): boolean => problems.some((p) => p.field === field);
  const active = state === 'running' || state === 'paused';
  const total = problems.length === 0 ? expectedArrivalCount(plan) : null;

  return (
    <section className="panel load-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Load</h2>
      <fieldset className="load-fields" disabled={active}>
        <div className="field-grid">
          <div className="field">
            <label htmlFor={patternId}>Pattern</label>
            <select
              id={patternId}
              value={plan.pattern.kind}
              onChange={(e) => onPlanChange({ ...plan, pattern: switchPatternKind(plan.pattern, e.target.value as LoadPatternKind, plan.durationS) })}
            >
              {(Object.keys(PATTERN_LABELS) as LoadPatternKind[]).map((k) => (
                <option key={k} value={k}>{PATTERN_LABELS[k]}</option>
              ))}
            </select>
          </div>
          <PatternFields key={plan.pattern.kind} pattern={plan.pattern} invalid={invalid} onPattern={(pattern) => onPlanChange({ ...plan, pattern })} />
          <PlanField label="Duration (s)" value={plan.durationS} hint="1–600" invalid={invalid('durationS')} onValue={(durationS) => onPlanChange({ ...plan, durationS })} />
          <div className="field">
            <label htmlFor={typeId}>Invocation type</label>
            <select id={typeId} value={plan.invocationType} onChange={(e) => onPlanChange({ ...plan, invocationType: e.target.value as InvocationType })}>
              {(Object.keys(INVOCATION_LABELS) as InvocationType[]).map((t) => (
                <option key={t} value={t}>{INVOCATION_LABELS[t]}</option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      {total !== null && (
        <p className="hint load-summary">
          {plan.pattern.kind === 'poisson' ? 'About ' : ''}
          {count(total)} {total === 1 ? 'request' : 'requests'}
          {plan.pattern.kind === 'burst' ? ' at once' : ` over ${count(plan.durationS)} s`}, {plan.invocationType === 'Event' ? 'asynchronous' : 'synchronous'}
        </p>
      )}
      {plan.pattern.kind === 'burst' && plan.pattern.count > FAITHFUL_BURST && (
        <p className="hint warn burst-advice">
          This machine has {FAITHFUL_BURST} cores: more handlers (and cold-start inits) than that take turns on the CPU, so their Init Duration and Duration read long and are marked “busy machine”. A burst of up to {FAITHFUL_BURST} shows faithful
          figures (or any size, for handlers that mostly wait); the Simulation view runs any scale.{' '}
          <button type="button" className="link-button" onClick={() => onPlanChange({ ...plan, pattern: { kind: 'burst', count: FAITHFUL_BURST } })}>
            Use a burst of {FAITHFUL_BURST}
          </button>
        </p>
      )}
      {problems.length > 0 && (
        <ul className="problems" role="alert" aria-label="Load plan problems">
          {problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="load-actions">
        <button type="button" className="primary" disabled={active || problems.length > 0} onClick={onStart}>
          Start load
        </button>
        {state === 'paused' ? (
          <button type="button" onClick={onResume}>Resume load</button>
        ) : (
          <button type="button" disabled={state !== 'running'} onClick={onPause}>Pause load</button>
        )}
        <button type="button" disabled={!active} onClick={onStop}>
          Stop load
        </button>
        <span className={`load-state ${state}`} role="status">{STATE_LABELS[state]}</span>
      </div>
      {progress && <ProgressBar progress={progress} />}
      {children}
    </section>
  );
}
