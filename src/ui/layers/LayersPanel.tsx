import { useId } from 'react';
import { useLayers } from '../../state/layersStore';
import { Term } from '../glossary/Term';
import { FunctionLayers } from './FunctionLayers';
import { LayerPublisher } from './LayerPublisher';
import './layers.css';

/**
 * Lambda layers: the workspace's layers and their immutable versions, and
 * the selected function's list of up to 5, extracted into /opt at its next
 * cold start (Node.js finds their packages through NODE_PATH).
 */
export function LayersPanel() {
  const id = useId();
  const layers = useLayers((s) => s.layers);
  const message = useLayers((s) => s.message);
  return (
    <section className="panel layers-panel" aria-labelledby={`${id}-h`}>
      <div className="label-row">
        <h2 id={`${id}-h`}>Layers</h2>
        <Term id="layers" />
      </div>
      <p className="hint">
        A layer is a versioned archive extracted into /opt: Node.js packages go in nodejs/node_modules/ (on NODE_PATH), Python modules in python/. A
        function takes up to 5, in order; a later layer&apos;s file replaces an earlier one&apos;s.
      </p>
      <LayerPublisher />
      {layers.length > 0 && (
        <table aria-label="Layer versions">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Version</th>
              <th scope="col">Description</th>
              <th scope="col">Compatible with</th>
              <th scope="col">Files</th>
            </tr>
          </thead>
          <tbody>
            {layers.flatMap((l) =>
              l.versions.map((v) => (
                <tr key={`${l.name}:${v.version}`}>
                  <td>{l.name}</td>
                  <td>{v.version}</td>
                  <td>{v.description}</td>
                  <td>{v.compatibleRuntimes.join(', ')}</td>
                  <td>{v.files.map((f) => f.path).join(', ')}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <FunctionLayers />
      {message && (
        <p role={message.kind === 'problem' ? 'alert' : 'status'} className={message.kind === 'problem' ? 'problem' : 'hint'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
