import { useId, useRef } from 'react';
import type { SimProgress } from '../../core/sim/simulation';
import { useSimulation, type SimSlot, type SlotName } from '../../state/simulationStore';
import { ComparisonTable } from './ComparisonTable';
import { ScenarioForm } from './ScenarioForm';
import { SimulationReport } from './SimulationReport';
import { dec, int, span } from './simFormat';
import './simulation.css';

function SimProgressBar({ name, progress, durationS, labelled }: { name: SlotName; progress: SimProgress; durationS: number; labelled: boolean }) {
  const percent = Math.round(progress.fraction * 1000) / 10;
  const text = `${dec(percent, 1)} %: ${span(Math.floor(progress.simulatedMs / 1000))} of ${span(durationS)} simulated, ${int(progress.invocations)} invocations`;
  return (
    <div className="load-progress">
      <div
        className="load-progress-track"
        role="progressbar"
        aria-label={labelled ? `Simulation progress ${name}` : 'Simulation progress'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="load-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="load-progress-text">{labelled ? `${name}: ${text}` : text}</p>
    </div>
  );
}

function download(slot: SimSlot, name: SlotName): void {
  const blob = new Blob([`${JSON.stringify(slot.scenario, null, 2)}\n`], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `scenario-${name.toLowerCase()}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * The scale simulation: a scenario (or two, A and B), run in a worker in
 * virtual time by the same platform model live mode uses, and its report.
 */
export function SimulationPanel() {
  const headingId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const { slots, compare, editing, notice, setScenario, setCompare, setEditing, run, cancel, profileFromLiveRuns, loadScenarioText } = useSimulation();
  const names: SlotName[] = compare ? ['A', 'B'] : ['A'];
  const slot = slots[editing];
  const running = names.some((n) => slots[n].status === 'running');
  const problems = names.flatMap((n) => slots[n].problems.map((p) => (compare ? `${n}: ${p}` : p)));
  const cancelled = names.some((n) => slots[n].status === 'cancelled');
  const errors = names.flatMap((n) => (slots[n].error ? [`${compare ? `${n}: ` : ''}${slots[n].error}`] : []));
  const a = slots.A.report;
  const b = slots.B.report;

  return (
    <section className="panel simulation-panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId}>Simulation</h2>
        <p className="hint">The same platform model, in virtual time: hours or days of traffic in seconds.</p>
      </div>
      <div className="sim-toolbar">
        <label className="sim-check">
          <input type="checkbox" checked={compare} disabled={running} onChange={(e) => setCompare(e.target.checked)} /> Compare two configurations (A / B)
        </label>
        {compare && (
          <div role="tablist" aria-label="Configuration" className="sim-tabs">
            {(['A', 'B'] as const).map((n) => (
              <button key={n} type="button" role="tab" aria-selected={editing === n} onClick={() => setEditing(n)}>
                Configuration {n}
              </button>
            ))}
          </div>
        )}
      </div>
      <div role={compare ? 'tabpanel' : undefined} aria-label={compare ? `Configuration ${editing}` : undefined}>
        <div className="field sim-name">
          <label htmlFor={`${headingId}-name`}>Scenario name</label>
          <input id={`${headingId}-name`} value={slot.scenario.name ?? ''} disabled={running} onChange={(e) => setScenario(editing, { ...slot.scenario, name: e.target.value })} />
        </div>
        <ScenarioForm key={editing} scenario={slot.scenario} disabled={running} onScenario={(s) => setScenario(editing, s)} onProfile={() => profileFromLiveRuns(editing)} />
      </div>
      {problems.length > 0 && (
        <ul className="problems" role="alert" aria-label="Scenario problems">
          {problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      )}
      <div className="load-actions">
        <button type="button" className="primary" disabled={running || problems.length > 0} onClick={run}>
          Run simulation
        </button>
        <button type="button" disabled={!running} onClick={cancel}>
          Cancel
        </button>
        <button type="button" onClick={() => download(slot, editing)}>
          Download scenario
        </button>
        <button type="button" disabled={running} onClick={() => fileRef.current?.click()}>
          Load scenario…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Scenario to load (JSON)"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void file.text().then((text) => loadScenarioText(editing, text));
          }}
        />
        <span className="load-state" role="status">
          {running ? 'Simulating…' : cancelled ? 'Simulation cancelled' : ''}
        </span>
      </div>
      {notice && <p className="hint sim-notice">{notice}</p>}
      {errors.length > 0 && (
        <p className="problems" role="alert">
          {errors.join(' ')}
        </p>
      )}
      {names.map((n) => {
        const p = slots[n].progress;
        return slots[n].status === 'running' && p ? <SimProgressBar key={n} name={n} progress={p} durationS={slots[n].scenario.durationS} labelled={compare} /> : null;
      })}
      {compare && a && b && slots.A.status === 'done' && slots.B.status === 'done' && <ComparisonTable a={a} b={b} />}
      <div className={compare ? 'sim-reports two' : 'sim-reports'}>
        {names.map((n) => {
          const s = slots[n];
          return s.status === 'done' && s.report ? (
            <SimulationReport key={n} report={s.report} wallMs={s.wallMs} title={compare ? `Report ${n}: ${s.report.scenario.name ?? ''}` : 'Report'} />
          ) : null;
        })}
      </div>
    </section>
  );
}
