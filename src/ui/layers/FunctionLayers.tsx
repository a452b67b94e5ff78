import { useId, useState } from 'react';
import { layerVersionArn } from '../../core/layers';
import { usePlayground } from '../../state/playgroundStore';
import { functionLayersProblemText, useLayers, WHERE } from '../../state/layersStore';

/**
 * The selected function's layers, in the order Lambda extracts them into
 * /opt (a later layer's file wins): add a published version, move, remove.
 * A list Lambda would refuse is not applied; its refusal is shown.
 */
export function FunctionLayers() {
  const id = useId();
  const layers = useLayers((s) => s.layers);
  const listed = usePlayground((s) => s.config.layers) ?? [];
  const code = usePlayground((s) => s.config.code);
  const name = usePlayground((s) => s.config.name);
  const [choice, setChoice] = useState('');
  const choices = layers.flatMap((l) => [...l.versions].reverse().map((v) => layerVersionArn(WHERE.region, WHERE.accountId, l.name, v.version)));
  const chosen = choice !== '' && choices.includes(choice) ? choice : (choices[0] ?? '');

  const apply = (next: string[], done: string): void => {
    const problem = functionLayersProblemText({ layers: next, code }, layers);
    if (problem) {
      useLayers.getState().say('problem', problem);
      return;
    }
    usePlayground.getState().setConfig({ layers: next });
    useLayers.getState().say('done', done);
  };
  const move = (i: number, by: number): void => {
    const next = [...listed];
    const [arn] = next.splice(i, 1);
    if (arn === undefined) return;
    next.splice(i + by, 0, arn);
    apply(next, `Moved ${arn}: the layers of ${name} are extracted in this order.`);
  };

  return (
    <div className="function-layers">
      <h3 id={`${id}-h`}>Layers of {name}</h3>
      {listed.length === 0 ? (
        <p className="hint">No layers: /opt is empty.</p>
      ) : (
        <ol aria-labelledby={`${id}-h`}>
          {listed.map((arn, i) => (
            <li key={arn}>
              <code>{arn}</code>{' '}
              <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move ${arn} up`}>
                ↑
              </button>
              <button type="button" disabled={i === listed.length - 1} onClick={() => move(i, 1)} aria-label={`Move ${arn} down`}>
                ↓
              </button>
              <button type="button" onClick={() => apply(listed.filter((a) => a !== arn), `Removed ${arn} from ${name}.`)} aria-label={`Remove ${arn}`}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="row">
        <label>
          Layer version to add
          <select value={chosen} onChange={(e) => setChoice(e.target.value)} disabled={choices.length === 0}>
            {choices.length === 0 && <option value="">Publish a layer version first</option>}
            {choices.map((arn) => (
              <option key={arn} value={arn}>
                {arn.slice(arn.indexOf(':layer:') + 7)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={chosen === ''} onClick={() => apply([...listed, chosen], `Added ${chosen} to ${name}: the next invoke is a cold start with it at /opt.`)}>
          Add layer
        </button>
      </div>
    </div>
  );
}
