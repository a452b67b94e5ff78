import { useState, type FormEvent } from 'react';
import { useResources } from '../../state/resourcesStore';

/** A whole number typed in a field, or undefined when it is empty. */
const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** CreateQueue from the page: a name (`.fifo` for FIFO), the visibility timeout, and a redrive policy to another queue. */
export function QueueForm() {
  const queues = useResources((s) => s.resources.queues);
  const [name, setName] = useState('');
  const [visibility, setVisibility] = useState('');
  const [dlq, setDlq] = useState('');
  const [maxReceives, setMaxReceives] = useState('');
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const visibilityTimeoutS = numberOrUndefined(visibility);
    const maxReceiveCount = numberOrUndefined(maxReceives);
    const created = useResources.getState().add('queues', {
      name: name.trim(),
      ...(visibilityTimeoutS !== undefined ? { visibilityTimeoutS } : {}),
      ...(dlq ? { deadLetterQueue: dlq } : {}),
      ...(maxReceiveCount !== undefined ? { maxReceiveCount } : {}),
    });
    if (created) setName('');
  };
  return (
    <form className="resource-form" onSubmit={submit} noValidate aria-label="Create a queue">
      <label>
        Queue name
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} spellCheck={false} required placeholder="jobs or jobs.fifo" />
      </label>
      <label>
        Visibility timeout (s)
        <input type="number" value={visibility} onChange={(e) => setVisibility(e.target.value)} min={0} max={43_200} step={1} placeholder="30" />
      </label>
      <label>
        Dead-letter queue
        <select
          value={dlq}
          onChange={(e) => {
            setDlq(e.target.value);
            // A redrive policy needs maxReceiveCount: offer a common one rather than a refusal.
            if (e.target.value && maxReceives === '') setMaxReceives('5');
          }}
        >
          <option value="">None</option>
          {queues.map((q) => (
            <option key={q.name} value={q.name}>
              {q.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Maximum receives
        <input type="number" value={maxReceives} onChange={(e) => setMaxReceives(e.target.value)} min={1} max={1000} step={1} />
      </label>
      <button type="submit">Create queue</button>
    </form>
  );
}
