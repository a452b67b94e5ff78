import { useState, type FormEvent } from 'react';
import type { KeyAttribute } from '../../core/workspace/workspaceResources';
import { useResources } from '../../state/resourcesStore';

const TYPES: readonly { value: KeyAttribute['type']; label: string }[] = [
  { value: 'S', label: 'String (S)' },
  { value: 'N', label: 'Number (N)' },
  { value: 'B', label: 'Binary (B)' },
];

function TypeSelect({ label, value, onChange }: { label: string; value: KeyAttribute['type']; onChange(type: KeyAttribute['type']): void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as KeyAttribute['type'])}>
        {TYPES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** CreateTable from the page: a name, the partition key, an optional sort key, and a stream. */
export function TableForm() {
  const [name, setName] = useState('');
  const [pk, setPk] = useState<KeyAttribute>({ name: 'pk', type: 'S' });
  const [sk, setSk] = useState<KeyAttribute>({ name: '', type: 'S' });
  const [stream, setStream] = useState(false);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const created = useResources.getState().add('tables', { name: name.trim(), partitionKey: pk, ...(sk.name.trim() ? { sortKey: { ...sk, name: sk.name.trim() } } : {}), ...(stream ? { stream } : {}) });
    if (created) setName('');
  };
  return (
    <form className="resource-form" onSubmit={submit} noValidate aria-label="Create a table">
      <label>
        Table name
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} required placeholder="orders" />
      </label>
      <label>
        Partition key
        <input type="text" value={pk.name} onChange={(e) => setPk({ ...pk, name: e.target.value })} spellCheck={false} required />
      </label>
      <TypeSelect label="Partition key type" value={pk.type} onChange={(type) => setPk({ ...pk, type })} />
      <label>
        Sort key (optional)
        <input type="text" value={sk.name} onChange={(e) => setSk({ ...sk, name: e.target.value })} spellCheck={false} />
      </label>
      <TypeSelect label="Sort key type" value={sk.type} onChange={(type) => setSk({ ...sk, type })} />
      <label className="inline">
        <input type="checkbox" checked={stream} onChange={(e) => setStream(e.target.checked)} />
        Stream (new and old images)
      </label>
      <button type="submit">Create table</button>
    </form>
  );
}
