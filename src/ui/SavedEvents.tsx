import { useState } from 'react';
import { usePlayground } from '../state/playgroundStore';

const NONE: { name: string; json: string }[] = [];

/** Named test events of the selected function: load one into the editor, or keep the editor's event under a name (saved and shared with the workspace). */
export function SavedEvents() {
  const saved = usePlayground((s) => s.functions.find((f) => f.id === s.selectedId)?.savedEvents ?? NONE);
  const eventText = usePlayground((s) => s.eventText);
  const setEventText = usePlayground((s) => s.setEventText);
  const setSavedEvents = usePlayground((s) => s.setSavedEvents);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = (): void => {
    const trimmed = name.trim();
    if (!trimmed) return;
    setSavedEvents([...saved.filter((e) => e.name !== trimmed), { name: trimmed, json: eventText }]);
    setNaming(false);
    setName('');
  };
  if (naming) {
    return (
      <form
        className="inline"
        aria-label="Save test event"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <input aria-label="Event name" value={name} placeholder="Event name" maxLength={100} onChange={(e) => setName(e.target.value)} autoFocus />
        <button type="submit">Save</button>
        <button type="button" className="ghost" onClick={() => setNaming(false)}>
          Cancel
        </button>
      </form>
    );
  }
  return (
    <>
      {saved.length > 0 && (
        <select
          aria-label="Saved test events"
          value=""
          onChange={(e) => {
            const found = saved.find((x) => x.name === e.target.value);
            if (found) setEventText(found.json);
          }}
        >
          <option value="">Saved events…</option>
          {saved.map((e) => (
            <option key={e.name} value={e.name}>
              {e.name}
            </option>
          ))}
        </select>
      )}
      <button type="button" className="ghost" onClick={() => setNaming(true)}>
        Save event
      </button>
    </>
  );
}
