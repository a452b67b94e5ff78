import { useId, useState, type DragEvent, type FormEvent } from 'react';
import { S3_LIMITS, type S3BucketView as S3BucketViewModel, type S3SentNotification } from '../../../core/sources/s3Bucket';
import '../sources.css';

export interface S3BucketViewProps {
  view: S3BucketViewModel;
  onPut(key: string, bytes: Uint8Array, contentType: string): void;
  onPutText(key: string, text: string): void;
  onDelete(key: string): void;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const utc = (ms: number): string => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;

function NotificationItem({ sent }: { sent: S3SentNotification }) {
  const record = sent.event.Records[0];
  return (
    <li className={`s3-sent ${sent.status}`}>
      <span className="s3-sent-line">
        <time dateTime={new Date(sent.atMs).toISOString()}>{utc(sent.atMs)}</time> {record.eventName} <code>{sent.key}</code> →{' '}
        {sent.functionName} <span className="s3-status">{sent.status}{sent.detail ? ` (${sent.detail})` : ''}</span>
      </span>
      <details>
        <summary>Event payload</summary>
        <pre className="payload">{JSON.stringify(sent.event, null, 2)}</pre>
      </details>
    </li>
  );
}

/** An S3 bucket: its objects, uploads (file picker or drag-and-drop), text objects, notification settings and what they sent. */
export function S3BucketView({ view, onPut, onPutText, onDelete }: S3BucketViewProps) {
  const id = useId();
  const [key, setKey] = useState('');
  const [text, setText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const upload = (files: FileList | null): void => {
    const list = Array.from(files ?? []);
    const tooBig = list.filter((f) => f.size > S3_LIMITS.objectBytes);
    setUploadError(tooBig.length > 0 ? `${tooBig.map((f) => `${f.name} (${formatSize(f.size)})`).join(', ')}: objects over 10 MB are refused in this playground.` : null);
    for (const file of list) {
      if (file.size > S3_LIMITS.objectBytes) continue;
      void file.arrayBuffer().then(
        (buffer) => onPut(file.name, new Uint8Array(buffer), file.type),
        () => setUploadError(`${file.name} could not be read.`),
      );
    }
  };
  const onDragOver = (e: DragEvent<HTMLElement>): void => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };
  const onDrop = (e: DragEvent<HTMLElement>): void => {
    e.preventDefault();
    setDragging(false);
    upload(e.dataTransfer.files);
  };
  const createText = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    onPutText(key, text);
  };

  return (
    <section
      className={`panel s3-bucket${dragging ? ' s3-dragging' : ''}`}
      aria-labelledby={`${id}-heading`}
      onDragOver={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <h2 id={`${id}-heading`}>S3 bucket</h2>
      <p className="hint s3-name">
        <code>s3://{view.bucketName}</code> · {view.arn}
      </p>
      {view.lastError && <p role="alert" className="s3-error">{view.lastError}</p>}
      {uploadError && <p role="alert" className="s3-error">{uploadError}</p>}

      <h3 id={`${id}-objects`}>Objects</h3>
      {view.objects.length === 0 ? (
        <p className="empty">No objects yet. Upload a file, drop one here, or create a text object.</p>
      ) : (
        <div className="s3-table-wrap">
          <table className="s3-objects" aria-labelledby={`${id}-objects`}>
            <thead>
              <tr><th scope="col">Key</th><th scope="col">Size</th><th scope="col">Last modified</th><th scope="col">ETag</th><th scope="col"><span className="s3-sr">Actions</span></th></tr>
            </thead>
            <tbody>
              {view.objects.map((o) => (
                <tr key={o.key}>
                  <td className="s3-key">
                    {o.textPreview === null ? <code>{o.key}</code> : (
                      <details>
                        <summary><code>{o.key}</code></summary>
                        <pre className="s3-preview">{o.textPreview}{o.size > S3_LIMITS.previewBytes ? '\n…' : ''}</pre>
                      </details>
                    )}
                    <span className="s3-type">{o.contentType}</span>
                  </td>
                  <td className="s3-num">{formatSize(o.size)}</td>
                  <td><time dateTime={new Date(o.lastModifiedMs).toISOString()}>{utc(o.lastModifiedMs)}</time></td>
                  <td><code className="s3-etag">"{o.eTag}"</code></td>
                  <td><button type="button" className="ghost" aria-label={`Delete ${o.key}`} onClick={() => onDelete(o.key)}>Delete</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="s3-actions">
        <div className={`s3-drop${dragging ? ' active' : ''}`}>
          <label htmlFor={`${id}-file`}>Upload file</label>
          <input id={`${id}-file`} type="file" multiple onChange={(e) => { upload(e.currentTarget.files); e.currentTarget.value = ''; }} />
          <span className="hint">or drop files onto this panel (up to 10 MB each)</span>
        </div>
        <form className="s3-text-form" onSubmit={createText} aria-labelledby={`${id}-create`}>
          <h3 id={`${id}-create`}>Create text object</h3>
          <div className="field">
            <label htmlFor={`${id}-key`}>Object key</label>
            <input id={`${id}-key`} value={key} onChange={(e) => setKey(e.currentTarget.value)} placeholder="uploads/hello.txt" spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-text`}>Object text</label>
            <textarea id={`${id}-text`} value={text} onChange={(e) => setText(e.currentTarget.value)} rows={3} />
          </div>
          <button type="submit">Create object</button>
        </form>
      </div>

      <h3 id={`${id}-notifications`}>Event notifications</h3>
      {view.notifications.length === 0 ? (
        <p className="empty">No notification configuration: changes to objects invoke no function.</p>
      ) : (
        <ul className="s3-configs" aria-labelledby={`${id}-notifications`}>
          {view.notifications.map((n) => (
            <li key={n.id}>
              <strong>{n.functionName}</strong> <span className="hint">({n.id})</span>: {n.events.join(', ')}
              {n.prefix !== undefined && <> · prefix <code>{n.prefix}</code></>}
              {n.suffix !== undefined && <> · suffix <code>{n.suffix}</code></>}
            </li>
          ))}
        </ul>
      )}

      <h3 id={`${id}-recent`}>Recent notifications</h3>
      {view.recent.length === 0 ? (
        <p className="empty">No notification sent yet.</p>
      ) : (
        <ol className="s3-recent" aria-labelledby={`${id}-recent`}>
          {view.recent.map((sent) => <NotificationItem key={sent.invocationId} sent={sent} />)}
        </ol>
      )}
    </section>
  );
}
