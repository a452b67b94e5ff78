import type { DurationModel, DurationModelKind } from '../../core/sim/scenario';
import { SimNumber, SimSelect } from './SimField';

const MODEL_LABELS: Record<DurationModelKind, string> = {
  fixed: 'Fixed',
  normal: 'Normal',
  lognormal: 'Lognormal',
  exponential: 'Exponential',
  profiled: 'Profiled from live runs',
};

function meanOf(m: DurationModel): number {
  if (m.model === 'fixed') return m.ms;
  if (m.model === 'profiled') return m.samplesMs.length > 0 ? m.samplesMs.reduce((a, b) => a + b, 0) / m.samplesMs.length : 100;
  return m.meanMs;
}

function switchModel(m: DurationModel, model: DurationModelKind): DurationModel {
  const mean = Math.round(meanOf(m) * 1000) / 1000;
  switch (model) {
    case 'fixed':
      return { model, ms: mean };
    case 'normal':
    case 'lognormal':
      return { model, meanMs: mean, sdMs: Math.round(mean * 0.3 * 1000) / 1000 };
    case 'exponential':
      return { model, meanMs: mean };
    case 'profiled':
      return { model, samplesMs: m.model === 'profiled' ? m.samplesMs : [] };
  }
}

/** A duration model's kind and parameters (ms). `label` names it: "Duration", "Init duration". */
export function DurationModelFields({ label, model, onModel }: { label: string; model: DurationModel; onModel(m: DurationModel): void }) {
  return (
    <>
      <SimSelect label={`${label} model`} value={model.model} options={MODEL_LABELS} onValue={(kind) => onModel(switchModel(model, kind))} />
      {model.model === 'fixed' && <SimNumber label={`${label} (ms)`} value={model.ms} onValue={(ms) => onModel({ ...model, ms })} />}
      {(model.model === 'normal' || model.model === 'lognormal') && (
        <>
          <SimNumber label={`${label} mean (ms)`} value={model.meanMs} onValue={(meanMs) => onModel({ ...model, meanMs })} />
          <SimNumber label={`${label} std. dev. (ms)`} value={model.sdMs} onValue={(sdMs) => onModel({ ...model, sdMs })} />
        </>
      )}
      {model.model === 'exponential' && <SimNumber label={`${label} mean (ms)`} value={model.meanMs} onValue={(meanMs) => onModel({ ...model, meanMs })} />}
      {model.model === 'profiled' && (
        <p className="hint sim-profile-note">
          {model.samplesMs.length === 0
            ? 'No samples yet: use "Profile from live runs".'
            : `${model.samplesMs.length.toLocaleString('en-US')} samples${model.memoryMb ? ` at ${model.memoryMb} MB` : ''}, mean ${meanOf(model).toFixed(2)} ms`}
        </p>
      )}
    </>
  );
}
