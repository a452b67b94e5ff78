import { useId, useState, type FormEvent } from 'react';
import { validateRuleName, type DeliveryView, type EventBridgeView as EventBridgeViewModel, type PutEventsEntry, type PutEventsRecord, type ScheduleView } from '../../../core/sources/eventBridge';
import { parseEventPattern } from '../../../core/sources/eventPattern';
import { parseScheduleExpression } from '../../../core/sources/scheduleExpression';
import '../sources.css';

export interface EventBridgeViewProps {
  view: EventBridgeViewModel;
  onAddSchedule(expression: string, enabled: boolean): void;
  onRemoveSchedule(name: string): void;
  onToggleSchedule(name: string, enabled: boolean): void;
  onAddRule(name: string, patternText: string): void;
  onPutEvents(entry: PutEventsEntry): void;
}

const utc = (ms: number): string => `${new Date(ms).toISOString().replace('T', ' ').slice(0, 19)} UTC`;
/** Real times to the millisecond: at 600× schedules fire every 100 ms. */
const utcMs = (ms: number): string => `${new Date(Math.round(ms)).toISOString().slice(11, 23)} UTC`;

const DEFAULT_PATTERN = '{\n  "source": ["com.example.orders"],\n  "detail": { "total": [{ "numeric": [">", 100] }] }\n}';
const DEFAULT_DETAIL = '{\n  "orderId": "1234",\n  "total": 250\n}';

function ScheduleItem({ s, compressed, onToggle, onRemove }: { s: ScheduleView; compressed: boolean; onToggle(enabled: boolean): void; onRemove(): void }) {
  return (
    <li className={`eb-schedule${s.enabled ? '' : ' eb-disabled'}`}>
      <div className="eb-row">
        <strong>{s.name}</strong> <code>{s.expression}</code> → {s.functionName}
        <label className="eb-toggle">
          <input type="checkbox" checked={s.enabled} aria-label={`Enable ${s.name}`} onChange={(e) => onToggle(e.target.checked)} /> Enabled
        </label>
        <button type="button" className="ghost" aria-label={`Remove ${s.name}`} onClick={onRemove}>Remove</button>
      </div>
      {s.next.length === 0 ? (
        <p className="hint eb-next">{s.enabled ? 'Never fires again.' : 'Disabled: no firings.'}</p>
      ) : (
        <ol className="eb-next" aria-label={`Next fire times of ${s.name}`}>
          {s.next.map((t) => (
            <li key={t}>
              <time dateTime={new Date(t).toISOString()}>{utc(t)}</time>
              {compressed && <span className="hint"> (platform time)</span>}
            </li>
          ))}
        </ol>
      )}
      <p className="hint eb-fired">Fired {s.fired.toLocaleString('en-US')} {s.fired === 1 ? 'time' : 'times'}</p>
    </li>
  );
}

function PutEventsOutcome({ record }: { record: PutEventsRecord }) {
  const r = record.result;
  if (!r.ok) return <p className="eb-error">{`${r.code}: ${r.message}`}</p>;
  return (
    <>
      <p className="hint">
        {r.entries.length} {r.entries.length === 1 ? 'entry' : 'entries'}, FailedEntryCount {r.failedEntryCount}
      </p>
      <ul className="eb-entries">
        {r.entries.map((e, i) =>
          e.ok ? (
            <li key={i} className="eb-entry-ok">
              Event <code>{e.eventId}</code>: {e.matchedRules.length === 0 ? 'matched no rule' : `matched ${e.matchedRules.join(', ')}`}
            </li>
          ) : (
            <li key={i} className="eb-error">{`${e.errorCode}: ${e.errorMessage}`}</li>
          ),
        )}
      </ul>
    </>
  );
}

function DeliveryItem({ d }: { d: DeliveryView }) {
  return (
    <li className={`eb-delivery ${d.status}`}>
      <time dateTime={new Date(d.atMs).toISOString()}>{utcMs(d.atMs)}</time> {d.kind === 'schedule' ? 'Schedule' : 'Rule'} <strong>{d.rule}</strong> → {d.functionName}{' '}
      <span className="hint">event time {d.eventTime}</span> <span className="eb-status">{d.status}{d.detail ? ` (${d.detail})` : ''}</span>
    </li>
  );
}

/** EventBridge: scheduled rules, pattern rules on a custom bus, PutEvents, and what was delivered to which function. */
export function EventBridgeView({ view, onAddSchedule, onRemoveSchedule, onToggleSchedule, onAddRule, onPutEvents }: EventBridgeViewProps) {
  const id = useId();
  const [expression, setExpression] = useState('rate(1 minute)');
  const [enabled, setEnabled] = useState(true);
  const [scheduleError, setScheduleError] = useState<string | null>(null);
  const [ruleName, setRuleName] = useState('big-orders');
  const [pattern, setPattern] = useState(DEFAULT_PATTERN);
  const [ruleError, setRuleError] = useState<string | null>(null);
  const [source, setSource] = useState('com.example.orders');
  const [detailType, setDetailType] = useState('Order Placed');
  const [detail, setDetail] = useState(DEFAULT_DETAIL);
  const compressed = view.waitScale !== 1;
  const latest = view.putEvents[0];

  const addSchedule = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const parsed = parseScheduleExpression(expression);
    setScheduleError(parsed.ok ? null : parsed.message);
    if (parsed.ok) onAddSchedule(expression.trim(), enabled);
  };
  const addRule = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const parsed = parseEventPattern(pattern);
    const problem = validateRuleName(ruleName) ?? (parsed.ok ? null : parsed.message);
    setRuleError(problem);
    if (!problem) onAddRule(ruleName, pattern);
  };
  const putEvents = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    onPutEvents({ source, detailType, detail });
  };

  return (
    <section className="panel eb-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>EventBridge</h2>
      <p className={`hint eb-scale${compressed ? ' warn' : ''}`}>{view.scaleNote}</p>
      {view.lastError && <p role="alert" className="eb-error">{view.lastError}</p>}

      <section className="eb-block" aria-labelledby={`${id}-schedules`}>
        <h3 id={`${id}-schedules`}>Schedules</h3>
        {view.schedules.length === 0 ? (
          <p className="empty">No schedule yet.</p>
        ) : (
          <ul className="eb-list">
            {view.schedules.map((s) => (
              <ScheduleItem key={s.name} s={s} compressed={compressed} onToggle={(on) => onToggleSchedule(s.name, on)} onRemove={() => onRemoveSchedule(s.name)} />
            ))}
          </ul>
        )}
        <form className="eb-form eb-inline" onSubmit={addSchedule}>
          <div className="field eb-grow">
            <label htmlFor={`${id}-expression`}>Schedule expression</label>
            <input
              id={`${id}-expression`} className="eb-mono" value={expression} spellCheck={false} aria-invalid={scheduleError !== null}
              aria-describedby={`${id}-expression-hint`} onChange={(e) => setExpression(e.target.value)}
            />
          </div>
          <label className="eb-toggle">
            <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Enabled
          </label>
          <button type="submit">Add schedule</button>
        </form>
        <p id={`${id}-expression-hint`} className="hint">
          <code>rate(5 minutes)</code> or <code>cron(Minutes Hours Day-of-month Month Day-of-week Year)</code>, in UTC, e.g. <code>cron(0/15 9-17 ? * MON-FRI *)</code>
        </p>
        {scheduleError && <p role="alert" className="eb-error">{scheduleError}</p>}
      </section>

      <section className="eb-block" aria-labelledby={`${id}-rules`}>
        <h3 id={`${id}-rules`}>Rules on bus {view.busName}</h3>
        {view.rules.length === 0 ? (
          <p className="empty">No rule yet.</p>
        ) : (
          <ul className="eb-list">
            {view.rules.map((r) => (
              <li key={r.name} className="eb-rule">
                <div className="eb-row">
                  <strong>{r.name}</strong> → {r.functionName} <span className="hint">matched {r.matched.toLocaleString('en-US')}</span>
                </div>
                <pre className="payload eb-pattern">{r.patternText}</pre>
              </li>
            ))}
          </ul>
        )}
        <form className="eb-form" onSubmit={addRule}>
          <div className="field">
            <label htmlFor={`${id}-rule-name`}>Rule name</label>
            <input id={`${id}-rule-name`} value={ruleName} onChange={(e) => setRuleName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-pattern`}>Event pattern</label>
            <textarea
              id={`${id}-pattern`} className="eb-textarea" rows={4} value={pattern} spellCheck={false} aria-invalid={ruleError !== null}
              onChange={(e) => setPattern(e.target.value)}
            />
          </div>
          <div>
            <button type="submit">Add rule</button>
          </div>
          {ruleError && <p role="alert" className="eb-error">{ruleError}</p>}
        </form>
      </section>

      <section className="eb-block" aria-labelledby={`${id}-put`}>
        <h3 id={`${id}-put`}>PutEvents</h3>
        <form className="eb-form" onSubmit={putEvents}>
          <div className="eb-inline">
            <div className="field eb-grow">
              <label htmlFor={`${id}-source`}>Source</label>
              <input id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value)} />
            </div>
            <div className="field eb-grow">
              <label htmlFor={`${id}-detail-type`}>Detail type</label>
              <input id={`${id}-detail-type`} value={detailType} onChange={(e) => setDetailType(e.target.value)} />
            </div>
          </div>
          <div className="field">
            <label htmlFor={`${id}-detail`}>Detail</label>
            <textarea id={`${id}-detail`} className="eb-textarea" rows={4} value={detail} spellCheck={false} onChange={(e) => setDetail(e.target.value)} />
          </div>
          <div>
            <button type="submit">Put events</button>
          </div>
        </form>
        <div className="eb-result" role="status" aria-label="PutEvents result">
          {latest ? <PutEventsOutcome record={latest} /> : <p className="empty">No event put yet.</p>}
        </div>
      </section>

      <section className="eb-block" aria-labelledby={`${id}-recent`}>
        <h3 id={`${id}-recent`}>Recent firings</h3>
        {view.deliveries.length === 0 ? (
          <p className="empty">Nothing delivered yet.</p>
        ) : (
          <ol className="eb-deliveries">
            {view.deliveries.map((d) => <DeliveryItem key={d.invocationId} d={d} />)}
          </ol>
        )}
      </section>
    </section>
  );
}
