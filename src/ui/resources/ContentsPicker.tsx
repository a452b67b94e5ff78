import { useState, type ReactNode } from 'react';

/** Which resource of a kind the contents view shows (a choice only when there are several), and that view, remounted per resource. */
export function ContentsPicker({ noun, names, children }: { noun: string; names: readonly string[]; children(name: string): ReactNode }) {
  const [chosen, setChosen] = useState('');
  const name = names.includes(chosen) ? chosen : names[0];
  if (name === undefined) return null;
  return (
    <>
      {names.length > 1 && (
        <label className="resource-form">
          Show the contents of {noun}
          <select value={name} onChange={(e) => setChosen(e.target.value)}>
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
      )}
      <div key={name}>{children(name)}</div>
    </>
  );
}
