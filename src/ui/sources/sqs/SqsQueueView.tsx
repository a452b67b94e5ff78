import { useId, useState } from 'react';
import {
  SQS_MAPPING_LIMITS,
  validateSqsMappingSettings,
  type SqsMappingSettings,
  type SqsSettingProblem,
} from '../../../core/sources/sqsMappingSettings';
import type { SqsMappingView } from '../../../core/sources/sqsMappingView';
import { SQS_SEND_MANY_MAX } from '../../../core/sources/sqsQueue';
import type { GlossaryId } from '../../glossary/glossary';
import { Term } from '../../glossary/Term';
import { NumberField } from '../../NumberField';
import '../sources.css';

/** What a FIFO queue's send carries besides the body. */
export interface SqsFifoSend {
  messageGroupId: string;
  /** Empty: the queue's content-based deduplication (SHA-256 of the body), if on. */
  messageDeduplicationId?: string;
}

export interface SqsQueueViewProps {
  view: SqsMappingView;
  onSend(body: string, fifo?: SqsFifoSend): void;
  /** `groups`: a FIFO queue's messages are spread over this many message groups. */
  onSendBatch(n: number, groups: number): void;
  onSettingsChange(settings: SqsMappingSettings): void;
  /** FIFO queues: SetQueueAttributes ContentBasedDeduplication. */
  onContentBasedDeduplication(on: boolean): void;
}

type NumberKey = 'batchSize' | 'maximumBatchingWindowS' | 'maximumConcurrency' | 'visibilityTimeoutS' | 'maxReceiveCount';

const LABELS: Record<NumberKey, string> = {
  batchSize: 'Batch size',
  maximumBatchingWindowS: 'Batching window (s)',
  maximumConcurrency: 'Maximum concurrency',
  visibilityTimeoutS: 'Visibility timeout (s)',
  maxReceiveCount: 'Max receive count',
};
/** The glossary entries that explain the settings. */
const TERMS: Partial<Record<NumberKey, GlossaryId>> = { batchSize: 'batch-size', maxReceiveCount: 'dead-letter-queue' };
/** Fields where an empty box means "not set". */
const NULLABLE: readonly NumberKey[] = ['maximumConcurrency', 'maxReceiveCount'];
const L = SQS_MAPPING_LIMITS;
const HINTS: Record<NumberKey, string> = {
  batchSize: `${L.batchSize.min}–${L.batchSize.max.toLocaleString('en-US')}; above ${L.batchSizeWithoutWindow} needs a window of 1 s or more`,
  maximumBatchingWindowS: `${L.maximumBatchingWindowS.min}–${L.maximumBatchingWindowS.max} s`,
  maximumConcurrency: `${L.maximumConcurrency.min}–${L.maximumConcurrency.max.toLocaleString('en-US')} · empty = up to ${L.maxPollers.toLocaleString('en-US')} pollers`,
  visibilityTimeoutS: `${L.visibilityTimeoutS.min}–${L.visibilityTimeoutS.max.toLocaleString('en-US')} s · at least the function timeout; 6× it is recommended`,
  maxReceiveCount: `${L.maxReceiveCount.min}–${L.maxReceiveCount.max.toLocaleString('en-US')} · empty = no dead-letter queue`,
};
const PREVIEW_CHARS = 120;
const count = (n: number): string => n.toLocaleString('en-US');
const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 23);
const preview = (s: string): string => (s.length > PREVIEW_CHARS ? `${s.slice(0, PREVIEW_CHARS)}…` : s);

/** A mapping setting; an empty box is `null` ("not set") for the nullable ones, NaN otherwise. */
function MappingNumber({ name, value, invalid, onValue }: { name: NumberKey; value: number | null; invalid: boolean; onValue(n: number | null): void }) {
  const nullable = NULLABLE.includes(name);
  return (
    <NumberField<number | null>
      label={LABELS[name]}
      value={value}
      empty={nullable ? null : Number.NaN}
      placeholder={nullable ? 'not set' : undefined}
      hint={HINTS[name]}
      invalid={invalid}
      {...(TERMS[name] ? { term: TERMS[name] } : {})}
      onValue={onValue}
    />
  );
}

function problemsOf(s: SqsMappingSettings, view: SqsMappingView): SqsSettingProblem[] {
  const keys = Object.keys(LABELS) as NumberKey[];
  const empty = keys.filter((k) => Number.isNaN(s[k]));
  const found = validateSqsMappingSettings(s, { functionTimeoutS: view.functionTimeoutS, deadLetterTargetArn: view.queue.deadLetterArn, fifo: view.queue.fifo });
  return [
    ...empty.map((field) => ({ field, errorType: 'ValidationException', message: `${LABELS[field]}: enter a number.` })),
    ...found.filter((p) => !empty.includes(p.field as NumberKey)),
  ];
}

/** The filter box's patterns: one per non-empty line. */
const patternLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const draftHasFilters = (view: SqsMappingView): boolean => view.settings.filterPatterns.length > 0 || view.filteredOut > 0;

/** The mapping's settings; each change that Lambda would accept is applied at once, the others are explained. */
function SettingsForm({ view, onChange }: { view: SqsMappingView; onChange(settings: SqsMappingSettings): void }) {
  const id = useId();
  const [seen, setSeen] = useState(view.settings);
  const [draft, setDraft] = useState(view.settings);
  const [filterText, setFilterText] = useState(view.settings.filterPatterns.join('\n'));
  if (JSON.stringify(seen) !== JSON.stringify(view.settings)) {
    setSeen(view.settings);
    setDraft(view.settings);
    if (JSON.stringify(patternLines(filterText)) !== JSON.stringify(view.settings.filterPatterns)) setFilterText(view.settings.filterPatterns.join('\n'));
  }
  const problems = problemsOf(draft, view);
  const set = <K extends keyof SqsMappingSettings>(key: K, value: SqsMappingSettings[K]): void => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    if (problemsOf(next, view).length === 0) onChange(next);
  };
  const number = (name: NumberKey) => (
    <MappingNumber name={name} value={draft[name]} invalid={problems.some((p) => p.field === name)} onValue={(n) => set(name, n)} />
  );
  return (
    <form className="sqs-settings" aria-labelledby={`${id}-h`} onSubmit={(e) => e.preventDefault()}>
      <h3 id={`${id}-h`}>
        Event source mapping <Term id="event-source-mapping" />
      </h3>
      <div className="field-grid">
        {number('batchSize')}
        {number('maximumBatchingWindowS')}
        {number('maximumConcurrency')}
        {number('visibilityTimeoutS')}
        {number('maxReceiveCount')}
      </div>
      <div className="sqs-checks">
        <label className="field checkbox">
          <input type="checkbox" checked={draft.reportBatchItemFailures} onChange={(e) => set('reportBatchItemFailures', e.currentTarget.checked)} />
          Report batch item failures
        </label>
        <Term id="partial-batch-response" />
        <label className="field checkbox">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
          Mapping enabled
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-filters`}>Filter patterns (one JSON event pattern per line)</label>
        <textarea
          id={`${id}-filters`}
          className="sqs-textarea"
          rows={2}
          placeholder='{"body": {"type": ["order"]}}'
          value={filterText}
          aria-invalid={problems.some((p) => p.field === 'filterPatterns')}
          onChange={(e) => {
            setFilterText(e.currentTarget.value);
            set('filterPatterns', patternLines(e.currentTarget.value));
          }}
        />
        <span className="hint">FilterCriteria: a message that matches no pattern is deleted without an invoke; its body is matched as JSON when it is JSON. Empty: every message.</span>
      </div>
      <p className="hint sqs-note">
        Function timeout {view.functionTimeoutS} s · messages are hidden for {view.effectiveVisibilityTimeoutS} s per receive
        {view.effectiveVisibilityTimeoutS !== draft.visibilityTimeoutS && ' (window + function timeout + 30 s, as Lambda does)'}
      </p>
      {(problems.length > 0 || view.problems.length > 0) && (
        <ul className="problems" role="alert" aria-label="Mapping problems">
          {(problems.length > 0 ? problems : view.problems).map((p, i) => (
            <li key={i}>{p.errorType}: {p.message}</li>
          ))}
        </ul>
      )}
    </form>
  );
}

/** An SQS queue with a Lambda event source mapping: counts, pollers, sending, settings, dead-letter queue, activity. */
export function SqsQueueView({ view, onSend, onSendBatch, onSettingsChange, onContentBasedDeduplication }: SqsQueueViewProps) {
  const id = useId();
  const [body, setBody] = useState('{"hello": "world"}');
  const [many, setMany] = useState('50');
  const [group, setGroup] = useState('group-1');
  const [dedup, setDedup] = useState('');
  const [groups, setGroups] = useState('1');
  const groupsValue = Number(groups);
  const groupsValid = Number.isInteger(groupsValue) && groupsValue >= 1 && groupsValue <= 1000;
  const [cbd, setCbd] = useState(view.queue.contentBasedDeduplication);
  const [cbdSeen, setCbdSeen] = useState(view.queue.contentBasedDeduplication);
  if (cbdSeen !== view.queue.contentBasedDeduplication) {
    setCbdSeen(view.queue.contentBasedDeduplication);
    setCbd(view.queue.contentBasedDeduplication);
  }
  const manyValue = Number(many);
  const manyValid = Number.isInteger(manyValue) && manyValue >= 1 && manyValue <= SQS_SEND_MANY_MAX;
  const q = view.queue;
  return (
    <section className="panel sqs-queue" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{q.fifo ? 'SQS FIFO queue' : 'SQS queue'}</h2>
      <p className="hint sqs-arn">
        <code>{q.arn}</code> → {view.functionName}
      </p>
      <ul className="sqs-counts" aria-label="Messages">
        <li>Visible: {count(q.visible)}</li>
        <li>In flight: {count(q.inFlight)}</li>
        <li>Delayed: {count(q.delayed)}</li>
        <li className={q.deadLetterCount > 0 ? 'sqs-dlq-count warn' : 'sqs-dlq-count'}>Dead-letter queue: {count(q.deadLetterCount)}</li>
      </ul>
      <ul className="sqs-counts" aria-label="Pollers">
        <li>Pollers: {count(view.pollers)} of {count(view.maxPollers)}</li>
        <li>Concurrency: {count(view.concurrency)}</li>
        <li>Batches in flight: {count(view.batchesInFlight)}</li>
        <li>Invokes: {count(view.invokes)}</li>
        <li>Delivered: {count(view.delivered)}</li>
        <li>Failed deliveries: {count(view.failed)}</li>
        <li>Throttles: {count(view.throttles)}</li>
        {draftHasFilters(view) && <li>Filtered out: {count(view.filteredOut)}</li>}
      </ul>

      <div className="sqs-send">
        <div className="field">
          <label htmlFor={`${id}-body`}>Message body</label>
          <textarea id={`${id}-body`} className="sqs-textarea" rows={3} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
        </div>
        {q.fifo && (
          <div className="field-grid sqs-fifo">
            <div className="field">
              <label htmlFor={`${id}-group`}>Message group ID</label>
              <input id={`${id}-group`} type="text" value={group} onChange={(e) => setGroup(e.currentTarget.value)} />
              <span className="hint">a group's messages are processed in order, one batch at a time</span>
            </div>
            <div className="field">
              <label htmlFor={`${id}-dedup`}>Deduplication ID</label>
              <input id={`${id}-dedup`} type="text" value={dedup} placeholder={cbd ? 'empty: SHA-256 of the body' : 'required: content-based deduplication is off'} onChange={(e) => setDedup(e.currentTarget.value)} />
              <span className="hint">the same ID within 5 minutes is accepted and not delivered again</span>
            </div>
            <label className="field checkbox">
              <input
                type="checkbox"
                checked={cbd}
                onChange={(e) => {
                  // Shown at once; the queue's view follows when the sources publish (batched).
                  setCbd(e.currentTarget.checked);
                  onContentBasedDeduplication(e.currentTarget.checked);
                }}
              />
              Content-based deduplication
            </label>
          </div>
        )}
        <div className="sqs-send-actions">
          <button type="button" className="primary" onClick={() => onSend(body, q.fifo ? { messageGroupId: group, ...(dedup ? { messageDeduplicationId: dedup } : {}) } : undefined)}>
            Send message
          </button>
          <span className="sqs-many">
            <span>Send a batch of</span>
            <input
              type="number"
              aria-label="Batch of messages"
              min={1}
              max={SQS_SEND_MANY_MAX}
              step={1}
              value={many}
              aria-invalid={!manyValid || undefined}
              onChange={(e) => setMany(e.currentTarget.value)}
            />
            {q.fifo && (
              <>
                <span>over</span>
                <input
                  type="number"
                  aria-label="Message groups"
                  min={1}
                  max={1000}
                  step={1}
                  value={groups}
                  aria-invalid={!groupsValid || undefined}
                  onChange={(e) => setGroups(e.currentTarget.value)}
                />
                <span>groups</span>
              </>
            )}
            <button type="button" disabled={!manyValid || (q.fifo && !groupsValid)} onClick={() => onSendBatch(manyValue, q.fifo ? groupsValue : 1)}>
              Send messages
            </button>
          </span>
        </div>
        <p className="hint sqs-note">
          Bodies {'{"n": 1}'}, {'{"n": 2}'} …, sent by SendMessageBatch, 10 per call{q.fifo ? '; message n goes to group-((n − 1) mod groups + 1), deduplicated by its number' : ''}.
        </p>
      </div>

      <SettingsForm view={view} onChange={onSettingsChange} />

      <h3 id={`${id}-dlq`}>Dead-letter queue</h3>
      {q.deadLetter.length === 0 && (
        <p className="empty">{view.settings.maxReceiveCount === null ? 'No redrive policy: failing messages come back until they expire.' : 'Empty.'}</p>
      )}
      <ul className="sqs-dlq" aria-label="Dead-letter queue messages">
        {q.deadLetter.map((m) => (
          <li key={m.messageId}>
            <code className="sqs-id">{m.messageId}</code> <span className="sqs-receives">{count(m.receiveCount)} {m.receiveCount === 1 ? 'receive' : 'receives'}</span>
            <pre className="sqs-body">{preview(m.body)}</pre>
          </li>
        ))}
      </ul>

      <h3 id={`${id}-activity`}>Recent activity</h3>
      {q.activity.length === 0 && <p className="empty">Nothing yet.</p>}
      <ol className="sqs-activity" aria-labelledby={`${id}-activity`}>
        {q.activity.map((a, i) => (
          <li key={`${a.atMs}-${i}`}>
            <time dateTime={new Date(a.atMs).toISOString()}>{clock(a.atMs)}</time> {a.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
