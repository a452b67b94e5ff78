import { ALL_FUNCTIONS, useRun } from '../../state/runStore';
import { usePlayground } from '../../state/playgroundStore';

/** Which function's run the timeline and the strip show, when the workspace has several. */
export function ScopeSelect({ id }: { id: string }) {
  const functions = usePlayground((s) => s.functions);
  const setScope = useRun((s) => s.setScope);
  const wanted = useRun((s) => s.scope);
  if (functions.length < 2) return null;
  const scope = functions.some((f) => f.id === wanted) ? wanted : ALL_FUNCTIONS;
  return (
    <div className="field scope-field">
      <label htmlFor={id}>Show</label>
      <select id={id} value={scope} onChange={(e) => setScope(e.target.value)}>
        <option value={ALL_FUNCTIONS}>All functions</option>
        {functions.map((f) => (
          <option key={f.id} value={f.id}>
            {f.config.name}
          </option>
        ))}
      </select>
    </div>
  );
}
