import { useState } from 'react';
import type { Architecture } from '../../core/functionConfig';
import type { InvocationType } from '../../core/platformTypes';
import { cpuDurationScale } from '../../core/sim/durationSampler';
import type { DurationCpu, Scenario } from '../../core/sim/scenario';
import { DurationModelFields } from './DurationModelFields';
import { KeepAliveFields } from './KeepAliveFields';
import { SimCheckbox, SimFieldset, SimNumber, SimSelect } from './SimField';
import { SourceFields } from './SourceFields';
import { TrafficFields } from './TrafficFields';

type Unit = 'seconds' | 'minutes' | 'hours' | 'days';
const UNIT_S: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };
const UNITS: Record<Unit, string> = { seconds: 'seconds', minutes: 'minutes', hours: 'hours', days: 'days' };
const INVOCATION: Record<InvocationType, string> = { RequestResponse: 'Synchronous (RequestResponse)', Event: 'Asynchronous (Event)' };
const ARCH: Record<Architecture, string> = { x86_64: 'x86_64', arm64: 'arm64' };
const GRANULARITY: Record<'1' | '100', string> = { '1': '1 ms (since Dec 2020)', '100': '100 ms, init not billed (before Dec 2020)' };

function unitFor(durationS: number): Unit {
  if (durationS >= 86_400 && durationS % 86_400 === 0) return 'days';
  if (durationS >= 3600 && durationS % 3600 === 0) return 'hours';
  if (durationS >= 60 && durationS % 60 === 0) return 'minutes';
  return 'seconds';
}

export interface ScenarioFormProps {
  scenario: Scenario;
  onScenario(s: Scenario): void;
  onProfile(): void;
  disabled: boolean;
}

const CPU_OPTIONS = { off: 'Durations as given, at this memory', on: 'Scale the CPU-bound part with memory' } as const;

/** Every setting of a scenario, grouped as the report reads them. */
export function ScenarioForm({ scenario: s, onScenario, onProfile, disabled }: ScenarioFormProps) {
  const [unit, setUnit] = useState<Unit>(() => unitFor(s.durationS));
  const set = (patch: Partial<Scenario>): void => onScenario({ ...s, ...patch });
  const c = s.concurrency;
  return (
    <fieldset className="sim-form" disabled={disabled}>
      <SimFieldset legend="Traffic">
        <TrafficFields traffic={s.traffic} seed={s.seed} onTraffic={(traffic) => set({ traffic })} />
        <SimNumber label={`Simulated time (${unit})`} value={s.durationS / UNIT_S[unit]} hint="from a minute to 31 days" onValue={(n) => set({ durationS: n * UNIT_S[unit] })} />
        <SimSelect label="Time unit" value={unit} options={UNITS} onValue={setUnit} />
        <SimSelect label="Invoked as" value={s.invocationType} options={INVOCATION} onValue={(invocationType) => set({ invocationType })} />
        <SimNumber label="Simulation seed" value={s.seed} step={1} hint="same scenario and seed, same report" onValue={(seed) => set({ seed })} />
      </SimFieldset>
      <SimFieldset legend="Function">
        <SimNumber label="Memory size, MB" value={s.function.memoryMb} step={1} hint="128–10,240; sets CPU, and the price" onValue={(memoryMb) => set({ function: { ...s.function, memoryMb } })} />
        <SimNumber label="Function timeout, s" value={s.function.timeoutS} step={1} hint="1–900" onValue={(timeoutS) => set({ function: { ...s.function, timeoutS } })} />
        <SimSelect label="Architecture" value={s.function.architecture} options={ARCH} onValue={(architecture) => set({ function: { ...s.function, architecture } })} />
        <SimNumber label="Error rate (%)" value={s.errorRate * 100} hint="share of handler runs that throw" onValue={(pct) => set({ errorRate: pct / 100 })} />
      </SimFieldset>
      <SimFieldset legend="Duration">
        <DurationModelFields label="Duration" model={s.duration} onModel={(duration) => set({ duration })} />
        <SimSelect
          label="Memory → CPU"
          value={s.cpu ? 'on' : 'off'}
          options={CPU_OPTIONS}
          onValue={(v) => {
            if (v === 'off') {
              const { cpu: _dropped, ...rest } = s;
              onScenario(rest);
            } else set({ cpu: { memoryMb: s.function.memoryMb, cpuFraction: 1 } });
          }}
        />
        {s.cpu && (
          <>
            <SimNumber label="Duration stated at, MB" value={s.cpu.memoryMb} step={1} hint="the memory size the duration was measured at" onValue={(memoryMb) => set({ cpu: { ...(s.cpu as DurationCpu), memoryMb } })} />
            <SimNumber
              label="CPU-bound share of Duration (%)"
              value={Math.round(s.cpu.cpuFraction * 1000) / 10}
              hint={`scales with the CPU share, as live mode and power tuning do: ×${cpuDurationScale(s.cpu, s.function.memoryMb).toFixed(3)} at ${s.function.memoryMb} MB`}
              onValue={(pct) => set({ cpu: { ...(s.cpu as DurationCpu), cpuFraction: pct / 100 } })}
            />
          </>
        )}
        <DurationModelFields label="Init duration" model={s.initDuration} onModel={(initDuration) => set({ initDuration })} />
        <div className="field sim-profile">
          <button type="button" onClick={onProfile}>
            Profile from live runs
          </button>
          <span className="hint">durations measured live at {s.function.memoryMb} MB</span>
        </div>
      </SimFieldset>
      <SimFieldset legend="Keep-alive">
        <KeepAliveFields keepAlive={s.keepAlive} onKeepAlive={(keepAlive) => set({ keepAlive })} />
      </SimFieldset>
      <SimFieldset legend="Concurrency">
        <SimNumber label="Concurrency: account limit" value={c.accountConcurrency} step={1} onValue={(accountConcurrency) => set({ concurrency: { ...c, accountConcurrency } })} />
        <SimNumber
          label="Concurrency: reserved"
          value={c.reservedConcurrency ?? Number.NaN}
          step={1}
          hint="empty: the unreserved pool"
          onValue={(n) => set({ concurrency: { ...c, reservedConcurrency: Number.isNaN(n) ? null : n } })}
        />
        <SimNumber label="Concurrency: provisioned" value={c.provisionedConcurrency} step={1} onValue={(provisionedConcurrency) => set({ concurrency: { ...c, provisionedConcurrency } })} />
        <SimNumber label="Scaling: new environments per window" value={c.scaleBurst} step={1} hint={`per ${c.scaleWindowS} s (Lambda: 1,000 per 10 s)`} onValue={(scaleBurst) => set({ concurrency: { ...c, scaleBurst } })} />
      </SimFieldset>
      <SimFieldset legend="Event source">
        <SourceFields
          source={s.source}
          onSource={(source) => {
            if (source) set({ source });
            else {
              const { source: _dropped, ...rest } = s;
              onScenario(rest);
            }
          }}
        />
      </SimFieldset>
      <SimFieldset legend="Bill">
        <SimSelect
          label="Billing granularity"
          value={String(s.billing.granularityMs) as '1' | '100'}
          options={GRANULARITY}
          onValue={(g) => set({ billing: { ...s.billing, granularityMs: g === '100' ? 100 : 1 } })}
        />
        <SimCheckbox label="Free-tier allowance" checked={s.billing.freeTier} onChecked={(freeTier) => set({ billing: { ...s.billing, freeTier } })} />
      </SimFieldset>
    </fieldset>
  );
}
