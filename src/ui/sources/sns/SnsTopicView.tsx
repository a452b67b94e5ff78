import { useId, useState, type FormEvent } from 'react';
import type { SnsAttributeType, SnsPublishInput, SnsPublishRecord, SnsTopicView as SnsTopicViewModel } from '../../../core/sources/snsTopic';
import '../sources.css';

export interface SnsTopicViewProps {
  view: SnsTopicViewModel;
  onPublish(input: SnsPublishInput): void;
}

interface AttributeRow { rowId: number; name: string; type: SnsAttributeType; value: string }

const ATTRIBUTE_TYPES: readonly SnsAttributeType[] = ['String', 'Number', 'Binary', 'String.Array'];
const PREVIEW_CHARS = 200;
const utc = (ms: number): string => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;

function PublishItem({ record }: { record: SnsPublishRecord }) {
  const preview = record.message.length > PREVIEW_CHARS ? `${record.message.slice(0, PREVIEW_CHARS)}…` : record.message;
  return (
    <li className="sns-publish">
      <div className="sns-publish-line">
        <time dateTime={new Date(record.atMs).toISOString()}>{utc(record.atMs)}</time> <code>{record.messageId}</code>
        {record.subject !== null && <> · <strong>{record.subject}</strong></>}
      </div>
      <pre className="sns-message">{preview}</pre>
      {record.deliveries.length === 0 ? (
        <p className="hint">Delivered to no function.</p>
      ) : (
        <ul className="sns-deliveries" aria-label={`Deliveries of ${record.messageId}`}>
          {record.deliveries.map((d) => (
            <li key={d.invocationId} className={`sns-delivery ${d.status}`}>
              {d.functionName}: <span className="sns-status">{d.status}{d.detail ? ` (${d.detail})` : ''}</span>
              <details>
                <summary>Event payload</summary>
                <pre className="payload">{JSON.stringify(d.event, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {record.filteredOut.length > 0 && <p className="hint">Filtered out by subscription filter policy: {record.filteredOut.join(', ')}</p>}
    </li>
  );
}

/** An SNS topic: its Lambda subscriptions, a publish form with message attributes, and recent publishes. */
export function SnsTopicView({ view, onPublish }: SnsTopicViewProps) {
  const id = useId();
  const [message, setMessage] = useState('');
  const [subject, setSubject] = useState('');
  const [rows, setRows] = useState<AttributeRow[]>([]);

  const update = (rowId: number, patch: Partial<AttributeRow>): void =>
    setRows((rs) => rs.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));
  const addRow = (): void =>
    setRows((rs) => [...rs, { rowId: Math.max(0, ...rs.map((r) => r.rowId)) + 1, name: '', type: 'String', value: '' }]);
  const publish = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    onPublish({
      message,
      ...(subject !== '' ? { subject } : {}),
      attributes: rows.filter((r) => r.name !== '' || r.value !== '').map(({ name, type, value }) => ({ name, type, value })),
    });
  };

  return (
    <section className="panel sns-topic" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>SNS topic</h2>
      <p className="hint sns-name"><code>{view.topicArn}</code></p>
      {view.lastError && <p role="alert" className="sns-error">{view.lastError}</p>}

      <h3 id={`${id}-subs`}>Subscriptions</h3>
      {view.subscriptions.length === 0 ? (
        <p className="empty">No subscriptions: a publish reaches no function.</p>
      ) : (
        <ul className="sns-subscriptions" aria-labelledby={`${id}-subs`}>
          {view.subscriptions.map((s) => (
            <li key={s.subscriptionArn}>
              <strong>{s.functionName}</strong> <code className="sns-arn">{s.subscriptionArn}</code>
              <div className="hint">
                {s.filterPolicy ? <>Filter policy: <code>{JSON.stringify(s.filterPolicy)}</code></> : 'No filter policy: receives every message.'}
              </div>
            </li>
          ))}
        </ul>
      )}

      <form className="sns-form" onSubmit={publish} aria-labelledby={`${id}-publish`}>
        <h3 id={`${id}-publish`}>Publish a message</h3>
        <div className="field">
          <label htmlFor={`${id}-message`}>Message</label>
          <textarea id={`${id}-message`} value={message} onChange={(e) => setMessage(e.currentTarget.value)} rows={4} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-subject`}>Subject</label>
          <input id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} placeholder="optional" />
        </div>
        <fieldset className="sns-attributes">
          <legend>Message attributes</legend>
          {rows.length === 0 && <p className="hint">None. Subscription filter policies match on these.</p>}
          {rows.map((r, i) => (
            <div className="sns-attribute-row" key={r.rowId}>
              <input aria-label={`Attribute ${i + 1} name`} placeholder="name" value={r.name} onChange={(e) => update(r.rowId, { name: e.currentTarget.value })} />
              <select aria-label={`Attribute ${i + 1} type`} value={r.type} onChange={(e) => update(r.rowId, { type: e.currentTarget.value as SnsAttributeType })}>
                {ATTRIBUTE_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
              </select>
              <input
                aria-label={`Attribute ${i + 1} value`}
                placeholder={r.type === 'String.Array' ? '["a", "b"]' : r.type === 'Binary' ? 'base64' : 'value'}
                value={r.value}
                onChange={(e) => update(r.rowId, { value: e.currentTarget.value })}
              />
              <button type="button" className="ghost" aria-label={`Remove attribute ${i + 1}`} onClick={() => setRows((rs) => rs.filter((x) => x.rowId !== r.rowId))}>
                Remove
              </button>
            </div>
          ))}
          <button type="button" onClick={addRow}>Add attribute</button>
        </fieldset>
        <button type="submit" className="primary">Publish</button>
      </form>

      <h3 id={`${id}-recent`}>Recent publishes</h3>
      {view.recent.length === 0 ? (
        <p className="empty">Nothing published yet.</p>
      ) : (
        <ol className="sns-recent" aria-labelledby={`${id}-recent`}>
          {view.recent.map((r) => <PublishItem key={r.messageId} record={r} />)}
        </ol>
      )}
    </section>
  );
}
