import { useState, type FormEvent } from 'react';

/** A form that creates a resource from its name alone (a bucket, a topic). */
export function NameForm({ label, button, placeholder, create }: { label: string; button: string; placeholder: string; create(name: string): boolean }) {
  const [name, setName] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (create(name.trim())) setName('');
  };
  return (
    <form className="resource-form" onSubmit={submit} noValidate aria-label={button}>
      <label>
        {label}
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} required placeholder={placeholder} />
      </label>
      <button type="submit">{button}</button>
    </form>
  );
}
