import { useCallback, useId, useState, type FormEvent } from 'react';
import type { ResourceOf } from '../../core/workspace/workspaceResources';
import { isFailure } from '../../state/serviceConsole';
import { deleteObject, getObjectText, listObjects, putObjectText, VIEW_BYTES } from '../../state/serviceConsoleS3';
import { ContentsForm } from './ContentsForm';
import { ContentsPicker } from './ContentsPicker';
import { usePolled } from './usePolled';

/** What "View" shows: the object's first 4 KB as text. */
interface Viewed {
  key: string;
  text: string;
  contentType: string;
  truncated: boolean;
}

/** One bucket's objects, as the console lists them: ListObjectsV2, GetObject (first 4 KB) to view, PutObject of text, DeleteObject. */
function BucketObjects({ bucket }: { bucket: string }) {
  const load = useCallback(() => listObjects(bucket), [bucket]);
  const { value, refresh } = usePolled(load);
  const [key, setKey] = useState('');
  const [text, setText] = useState('');
  const [contentType, setContentType] = useState('text/plain');
  const [viewed, setViewed] = useState<Viewed | null>(null);
  const [result, setResult] = useState('');
  const headingId = useId();
  const objects = value && !isFailure(value) ? value.objects : [];
  const put = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const k = key.trim();
    const r = await putObjectText(bucket, k, text, contentType);
    setResult(isFailure(r) ? r.error : `Put ${k} in ${bucket}.`);
    if (!isFailure(r)) {
      setKey('');
      setText('');
    }
    refresh();
  };
  const view = async (k: string): Promise<void> => {
    const r = await getObjectText(bucket, k);
    if (isFailure(r)) setResult(r.error);
    else setViewed({ key: k, ...r });
  };
  const remove = async (k: string): Promise<void> => {
    const r = await deleteObject(bucket, k);
    setResult(isFailure(r) ? r.error : `Deleted ${k} from ${bucket}.`);
    if (viewed?.key === k) setViewed(null);
    refresh();
  };
  return (
    <section className="contents-view" aria-labelledby={headingId}>
      <h3 id={headingId}>Objects in {bucket}</h3>
      {value && isFailure(value) && <p className="problem">{value.error}</p>}
      {objects.length === 0 ? (
        <p className="empty">{value ? 'No objects.' : 'Reading…'}</p>
      ) : (
        <div className="contents-table">
        <table aria-label={`Objects in ${bucket}`}>
          <caption className="sr-only">Objects in {bucket}</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Size (bytes)</th>
              <th scope="col">Last modified</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {objects.map((o) => (
              <tr key={o.key}>
                <th scope="row">{o.key}</th>
                <td>{o.size}</td>
                <td>{o.lastModified}</td>
                <td>
                  <button type="button" aria-label={`View ${o.key}`} onClick={() => void view(o.key)}>
                    View
                  </button>{' '}
                  <button type="button" aria-label={`Delete ${o.key}`} onClick={() => void remove(o.key)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {value && !isFailure(value) && value.more && <p className="hint">The first 1,000 objects; the bucket has more.</p>}
      {viewed && (
        <figure className="object-text">
          <figcaption>
            {viewed.key} ({viewed.contentType || 'no content type'}){viewed.truncated ? `, its first ${VIEW_BYTES} bytes` : ''}{' '}
            <button type="button" onClick={() => setViewed(null)}>
              Close
            </button>
          </figcaption>
          <pre aria-label={`Text of ${viewed.key}`}>{viewed.text}</pre>
        </figure>
      )}
      <ContentsForm label={`Put an object in ${bucket}`} submitLabel="Put object" onSubmit={put} onRefresh={refresh} result={result}>
        <label>
          Object key
          <input type="text" value={key} onChange={(e) => setKey(e.target.value)} spellCheck={false} placeholder="notes/hello.txt" />
        </label>
        <label>
          Content type
          <input type="text" value={contentType} onChange={(e) => setContentType(e.target.value)} spellCheck={false} />
        </label>
        <label>
          Object text
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} spellCheck={false} />
        </label>
      </ContentsForm>
    </section>
  );
}

/** The buckets' contents view (the Resources view's slot for buckets). */
export default function BucketContents({ resources }: { resources: readonly ResourceOf<'buckets'>[] }) {
  return (
    <ContentsPicker noun="bucket" names={resources.map((b) => b.name)}>
      {(name) => <BucketObjects bucket={name} />}
    </ContentsPicker>
  );
}
