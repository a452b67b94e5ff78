import { useCallback, useId, useState, type FormEvent } from 'react';
import type { ResourceOf } from '../../core/workspace/workspaceResources';
import { isFailure } from '../../state/serviceConsole';
import { queueStats, sendMessage } from '../../state/serviceConsoleSqs';
import { ContentsForm } from './ContentsForm';
import { ContentsPicker } from './ContentsPicker';
import { usePolled } from './usePolled';

/** One queue's message counts (read without receiving, which would change them) and SendMessage, as the console's "Send and receive messages". */
function QueueMessages({ queue }: { queue: string }) {
  const load = useCallback(() => queueStats(queue), [queue]);
  const { value, refresh } = usePolled(load);
  const [body, setBody] = useState('');
  const [result, setResult] = useState('');
  const headingId = useId();
  const send = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const r = await sendMessage(queue, body);
    setResult(isFailure(r) ? r.error : `Sent message ${r.messageId} to ${queue}.`);
    if (!isFailure(r)) setBody('');
    refresh();
  };
  return (
    <section className="contents-view" aria-labelledby={headingId}>
      <h3 id={headingId}>Messages in {queue}</h3>
      {value && isFailure(value) && <p className="problem">{value.error}</p>}
      {value && !isFailure(value) ? (
        <div className="contents-table">
        <table aria-label={`Messages in ${queue}`}>
          <caption className="sr-only">Message counts of {queue}</caption>
          <tbody>
            <tr>
              <th scope="row">Available</th>
              <td>{value.visible}</td>
            </tr>
            <tr>
              <th scope="row">In flight</th>
              <td>{value.inFlight}</td>
            </tr>
            <tr>
              <th scope="row">Delayed</th>
              <td>{value.delayed}</td>
            </tr>
          </tbody>
        </table>
        </div>
      ) : (
        !value && <p className="empty">Reading…</p>
      )}
      <p className="hint">A queue a trigger polls hands its messages to the trigger, which counts them in its own view.</p>
      <ContentsForm label={`Send a message to ${queue}`} submitLabel="Send message" onSubmit={send} onRefresh={refresh} result={result}>
        <label>
          Message body
          <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} spellCheck={false} />
        </label>
      </ContentsForm>
    </section>
  );
}

/** The queues' contents view (the Resources view's slot for queues). */
export default function QueueContents({ resources }: { resources: readonly ResourceOf<'queues'>[] }) {
  return (
    <ContentsPicker noun="queue" names={resources.map((q) => q.name)}>
      {(name) => <QueueMessages queue={name} />}
    </ContentsPicker>
  );
}
