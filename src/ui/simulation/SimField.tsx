import { useId, type ReactNode } from 'react';
import { NumberField, type NumberFieldProps } from '../NumberField';

/** A scenario number: fractions allowed, an empty box is NaN (which validation names). */
export function SimNumber(props: Omit<NumberFieldProps<number>, 'empty'>) {
  return <NumberField empty={Number.NaN} step="any" inputMode="decimal" {...props} />;
}

/** A labelled select over a fixed set of values. */
export function SimSelect<T extends string>({ label, value, options, onValue }: { label: string; value: T; options: Record<T, string>; onValue(v: T): void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.target.value as T)}>
        {(Object.keys(options) as T[]).map((k) => (
          <option key={k} value={k}>
            {options[k]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SimCheckbox({ label, checked, onChecked }: { label: string; checked: boolean; onChecked(on: boolean): void }) {
  return (
    <label className="sim-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} /> {label}
    </label>
  );
}

/** A titled group of fields. */
export function SimFieldset({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="sim-fieldset">
      <legend>{legend}</legend>
      <div className="field-grid">{children}</div>
    </fieldset>
  );
}
