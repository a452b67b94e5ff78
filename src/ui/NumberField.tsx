import { useId, useState } from 'react';
import type { GlossaryId } from './glossary/glossary';
import { Term } from './glossary/Term';

export interface NumberFieldProps<E extends number | null> {
  label: string;
  value: number | E;
  /** What an empty box means: NaN (a required number) or null ("not set"). */
  empty: E;
  onValue(n: number | E): void;
  hint?: string;
  warn?: boolean;
  invalid?: boolean;
  step?: number | 'any';
  min?: number;
  max?: number;
  inputMode?: 'numeric' | 'decimal';
  placeholder?: string;
  /** The glossary entry that explains the setting: a "?" beside the label. */
  term?: GlossaryId;
}

/**
 * A number input that keeps what the user typed, even while it is not a
 * number yet (empty, "1e", "-"): it reports `empty` or NaN upward then, and
 * takes the value from above only when that value changes to something the
 * text does not already say (a reset, a loaded workspace).
 */
export function NumberField<E extends number | null>({ label, value, empty, onValue, hint, warn = false, invalid = false, step = 1, min, max, inputMode = 'numeric', placeholder, term }: NumberFieldProps<E>) {
  const id = useId();
  const hintId = useId();
  const parse = (text: string): number | E => (text.trim() === '' ? empty : Number(text));
  const show = (n: number | E): string => (n !== null && Number.isFinite(n) ? String(n) : '');
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!Object.is(parse(text), value)) setText(show(value));
  }
  return (
    <div className="field">
      {term ? (
        <span className="label-row">
          <label htmlFor={id}>{label}</label>
          <Term id={term} />
        </span>
      ) : (
        <label htmlFor={id}>{label}</label>
      )}
      <input
        id={id}
        type="number"
        inputMode={inputMode}
        step={step}
        min={min}
        max={max}
        value={text}
        placeholder={placeholder}
        aria-describedby={hint ? hintId : undefined}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setText(e.currentTarget.value);
          onValue(parse(e.currentTarget.value));
        }}
      />
      {hint && (
        <span id={hintId} className={warn ? 'hint warn' : 'hint'}>
          {hint}
        </span>
      )}
    </div>
  );
}
