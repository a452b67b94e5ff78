import { lazy, Suspense } from 'react';
import { usePlayground } from '../state/playgroundStore';
import { EVENT_TEMPLATES } from '../state/eventTemplates';
import { SavedEvents } from './SavedEvents';

const CodeEditor = lazy(() => import('./editor/CodeEditor'));

/** The test event: JSON, with a few templates to start from. */
export function EventPanel({ height = '100%' }: { height?: string }) {
  const eventText = usePlayground((s) => s.eventText);
  const setEventText = usePlayground((s) => s.setEventText);
  const invoke = usePlayground((s) => s.invoke);
  return (
    <section className="panel event" aria-labelledby="event-heading">
      <div className="panel-head">
        <h2 id="event-heading">Test event</h2>
        <SavedEvents />
        <label className="inline">
          <span className="sr-only">Event template</span>
          <select
            aria-label="Event template"
            value=""
            onChange={(e) => {
              const t = EVENT_TEMPLATES.find((x) => x.id === e.target.value);
              if (t) setEventText(t.json);
            }}
          >
            <option value="">Templates…</option>
            {EVENT_TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>{t.label}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="editor-box">
        <Suspense fallback={<pre className="editor-placeholder" aria-hidden="true">{eventText}</pre>}>
          <CodeEditor label="Test event" language="json" path="file:///event.json" value={eventText} onChange={setEventText} onRun={() => void invoke()} height={height} />
        </Suspense>
      </div>
    </section>
  );
}
