import { usePlayground } from '../state/playgroundStore';

/** The workspace's functions: pick one to edit, add one, remove one (not in a read-only embed). */
export function FunctionTabs({ readOnly = false }: { readOnly?: boolean }) {
  const functions = usePlayground((s) => s.functions);
  const selectedId = usePlayground((s) => s.selectedId);
  const select = usePlayground((s) => s.selectFunction);
  const add = usePlayground((s) => s.addFunction);
  const remove = usePlayground((s) => s.removeFunction);
  const selected = functions.find((f) => f.id === selectedId);
  return (
    <nav className="function-tabs" aria-label="Functions">
      <div role="tablist" aria-label="Functions in this workspace">
        {functions.map((f) => (
          <button
            key={f.id}
            type="button"
            role="tab"
            aria-selected={f.id === selectedId}
            className={f.id === selectedId ? 'tab selected' : 'tab'}
            onClick={() => select(f.id)}
          >
            λ {f.config.name || '(unnamed)'}
          </button>
        ))}
      </div>
      {!readOnly && (
        <button type="button" className="ghost" onClick={() => add()}>
          Add function
        </button>
      )}
      {!readOnly && functions.length > 1 && selected && (
        <button type="button" className="ghost" onClick={() => remove(selected.id)} aria-label={`Remove function ${selected.config.name}`}>
          Remove
        </button>
      )}
    </nav>
  );
}
