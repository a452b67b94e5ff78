import { useState } from 'react';
import { usePlayground } from '../state/playgroundStore';

interface Row {
  key: string;
  value: string;
}

/** Key/value rows for the function's environment variables (4 KB in all, as on Lambda). */
export function EnvironmentVariables() {
  const setConfig = usePlayground((s) => s.setConfig);
  const [rows, setRows] = useState<Row[]>(() =>
    Object.entries(usePlayground.getState().config.environment).map(([key, value]) => ({ key, value })),
  );
  const update = (next: Row[]): void => {
    setRows(next);
    const environment: Record<string, string> = {};
    for (const r of next) if (r.key !== '') environment[r.key] = r.value;
    setConfig({ environment });
  };
  return (
    <fieldset className="env-vars">
      <legend>Environment variables</legend>
      {rows.map((r, i) => (
        <div className="env-row" key={i}>
          <input aria-label={`Variable ${i + 1} name`} placeholder="KEY" value={r.key} spellCheck={false}
            onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />
          <input aria-label={`Variable ${i + 1} value`} placeholder="value" value={r.value} spellCheck={false}
            onChange={(e) => update(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
          <button type="button" className="ghost" aria-label={`Remove variable ${i + 1}`} onClick={() => update(rows.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="ghost" onClick={() => setRows([...rows, { key: '', value: '' }])}>
        Add variable
      </button>
    </fieldset>
  );
}
