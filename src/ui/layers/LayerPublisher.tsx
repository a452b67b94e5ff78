import { useId, useState } from 'react';
import { RUNTIMES, type Runtime } from '../../core/functionConfig';
import type { LayerFile } from '../../core/layers';
import { layerFilesFromZip, useLayers } from '../../state/layersStore';

const FIRST_FILE: LayerFile = { path: 'nodejs/node_modules/greet/index.js', content: "module.exports = (name) => `Hello, ${name}!`;\n" };

/**
 * PublishLayerVersion from the page: a layer's files typed here (paths from
 * the layer's root: `nodejs/node_modules/<package>/…` for Node.js,
 * `python/…` for Python) or read from an uploaded .zip, published as the
 * next version of the named layer.
 */
export function LayerPublisher() {
  const id = useId();
  const [name, setName] = useState('greet');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<LayerFile[]>([FIRST_FILE]);
  const [runtimes, setRuntimes] = useState<Runtime[]>([]);
  const { publish, say } = useLayers.getState();
  const setFile = (i: number, patch: Partial<LayerFile>): void => setFiles((all) => all.map((f, j) => (j === i ? { ...f, ...patch } : f)));

  const upload = async (file: File): Promise<void> => {
    const read = await layerFilesFromZip(new Uint8Array(await file.arrayBuffer()));
    if ('problem' in read) say('problem', read.problem);
    else {
      setFiles(read.files);
      say('done', `Read ${read.files.length} path${read.files.length === 1 ? '' : 's'} from ${file.name}: publish them as a layer version.`);
    }
  };

  return (
    <fieldset className="layer-publisher">
      <legend>Create a layer version</legend>
      <div className="row">
        <label>
          Layer name
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={140} spellCheck={false} />
        </label>
        <label>
          Layer description
          <input type="text" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={256} />
        </label>
        <label>
          Compatible with (optional)
          <select multiple size={3} value={runtimes} onChange={(e) => setRuntimes([...e.target.selectedOptions].map((o) => o.value as Runtime))}>
            {RUNTIMES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ol className="layer-files" aria-label="Layer contents">
        {files.map((f, i) => (
          <li key={i}>
            <label>
              Path {i + 1} in the layer
              <input type="text" value={f.path} onChange={(e) => setFile(i, { path: e.target.value })} spellCheck={false} placeholder="nodejs/node_modules/pkg/index.js" />
            </label>
            <label>
              Text of path {i + 1}
              <textarea value={f.content} onChange={(e) => setFile(i, { content: e.target.value })} rows={4} spellCheck={false} />
            </label>
            <button type="button" onClick={() => setFiles((all) => all.filter((_, j) => j !== i))} aria-label={`Remove path ${i + 1}`}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" onClick={() => setFiles((all) => [...all, { path: '', content: '' }])}>
          Add a path
        </button>
        <label htmlFor={`${id}-zip`}>Upload layer .zip</label>
        <input id={`${id}-zip`} type="file" accept=".zip,application/zip" onChange={(e) => e.target.files?.[0] && void upload(e.target.files[0])} />
      </div>
      <button type="button" onClick={() => publish(name, description, files, runtimes) && setDescription('')}>
        Publish layer version
      </button>
    </fieldset>
  );
}
