import { useState } from 'react';
import { choose, POWER_TUNING_LIMITS, parseSizes } from '../../core/powerTuning';
import { usePlayground } from '../../state/playgroundStore';
import { usePowerTuning } from '../../state/powerTuningStore';
import { PowerTuningChart } from './PowerTuningChart';
import { POWER_TUNING_PANEL_ID, usePowerTuningPanel } from './powerTuningPanelStore';
import { PowerTuningTable } from './PowerTuningTable';
import './powerTuning.css';

/** The choices in words, for the summary line. */
function summaryOf(results: Parameters<typeof choose>[0]): string {
  const c = choose(results);
  if (!c) return '';
  return `Cheapest: ${c.cheapest} MB. Fastest: ${c.fastest} MB. Balanced: ${c.balanced} MB.`;
}

/**
 * Power tuning in the tab: the current handler and test event at several
 * memory sizes, through the same platform as Invoke, one invocation at a time
 * (so none competes for this machine's cores), charted as Lambda Power Tuning
 * does, with the cheapest, fastest and balanced sizes marked.
 */
export default function PowerTuningPanel() {
  const { sizes, runs, status, done, total, results, failures, tuned, error, setSizes, setRuns, run, cancel } = usePowerTuning();
  const functionName = usePlayground((s) => s.config.name);
  const close = usePowerTuningPanel((s) => s.show);
  const [sizesText, setSizesText] = useState(sizes.join(', '));
  const parsed = parseSizes(sizesText);
  const problem = 'problem' in parsed ? parsed.problem : null;
  const running = status === 'running';
  return (
    <section id={POWER_TUNING_PANEL_ID} className="power-tuning panel" aria-labelledby="power-tuning-h">
      <div className="panel-head">
        <h2 id="power-tuning-h">Power tuning</h2>
        <button type="button" className="link-button" onClick={() => close(false)}>
          Close power tuning
        </button>
      </div>
      <p className="power-about">
        Runs <strong>{functionName}</strong> with the current test event at each memory size: one cold invocation (not counted), then the warm ones, one at a time. Duration follows Lambda’s CPU share for the size; cost is the
        compute charge (the request charge is the same at every size).
      </p>
      <form
        className="power-form"
        onSubmit={(e) => {
          e.preventDefault();
          if ('sizes' in parsed) {
            setSizes(parsed.sizes);
            void run();
          }
        }}
      >
        <label className="field">
          <span>Memory sizes (MB)</span>
          <input type="text" value={sizesText} onChange={(e) => setSizesText(e.target.value)} aria-invalid={problem !== null} aria-describedby={problem ? 'power-sizes-problem' : undefined} disabled={running} />
        </label>
        <label className="field">
          <span>Runs per size</span>
          <input type="number" min={POWER_TUNING_LIMITS.runs.min} max={POWER_TUNING_LIMITS.runs.max} value={runs} onChange={(e) => setRuns(Number(e.target.value) || 1)} disabled={running} />
        </label>
        {problem && (
          <p id="power-sizes-problem" className="problem" role="alert">
            {problem}
          </p>
        )}
        <div className="power-actions">
          {running ? (
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          ) : (
            <button type="submit" className="primary" disabled={problem !== null}>
              Run power tuning
            </button>
          )}
          {total > 0 && (
            <label className="power-progress">
              {running ? 'Running' : 'Ran'} {done} of {total} invocations <progress max={total} value={done} />
            </label>
          )}
        </div>
      </form>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {failures.length > 0 && (
        <ul className="problems" aria-label="Sizes that failed">
          {failures.map((f) => (
            <li key={f.memoryMb}>
              {f.memoryMb} MB: {f.message}
            </li>
          ))}
        </ul>
      )}
      {status === 'cancelled' && <p className="hint">Cancelled: the sizes finished so far are shown.</p>}
      {results.length > 0 && (
        <div role="region" aria-label="Power tuning results">
          <p className="power-summary" role="status">
            {status === 'done' ? summaryOf(results) : `${results.length} of ${sizes.length} sizes measured…`}
          </p>
          <PowerTuningChart results={results} />
          <PowerTuningTable results={results} />
          {tuned && tuned.memoryMb > 0 && <p className="hint">The function itself is configured with {tuned.memoryMb} MB; power tuning changed nothing.</p>}
        </div>
      )}
    </section>
  );
}
