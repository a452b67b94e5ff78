import { useState } from 'react';
import { NO_VERSIONS, splitQualifiedName } from '../core/functionVersions';
import { usePlayground } from '../state/playgroundStore';
import { useVersions } from '../state/versionsStore';
import { useSources } from '../state/sourcesStore';
import { addTrigger, type TriggerChoice } from '../state/triggerFactories';
import type { TriggerOptions } from '../state/triggers/triggerKindLive';
import { TRIGGER_CHOICES } from '../state/triggers/triggerKindsLive';
import { TriggerView } from './sources/TriggerView';
import { qualifierChoices } from './VersionsPanel';
import { TRIGGER_VIEWS } from './sources/triggerViews';

function AddTriggerForm({ functionName, onDone }: { functionName: string; onDone(): void }) {
  const [choice, setChoice] = useState<TriggerChoice>('function-url');
  const selectedId = usePlayground((s) => s.selectedId);
  const versions = useVersions((s) => s.byFunction[selectedId]) ?? NO_VERSIONS;
  const [qualifier, setQualifier] = useState('');
  const [name, setName] = useState('');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const spec = TRIGGER_CHOICES.find((c) => c.choice === choice) ?? TRIGGER_CHOICES[0]!;
  const submit = (): void => {
    const options: TriggerOptions = { name: name.trim(), detail: detail.trim() };
    // Lambda's FunctionName with a qualifier (`my-function:live`): the trigger calls that version or alias.
    const problem = addTrigger(choice, qualifier ? `${functionName}:${qualifier}` : functionName, options);
    if (problem) setError(problem);
    else onDone();
  };
  return (
    <form
      className="add-trigger"
      aria-label="New trigger"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="field-grid">
        <div className="field">
          <label htmlFor="trigger-type">Trigger type</label>
          <select
            id="trigger-type"
            value={choice}
            onChange={(e) => {
              setChoice(e.target.value as TriggerChoice);
              setError(null);
            }}
          >
            {TRIGGER_CHOICES.map((c) => (
              <option key={c.choice} value={c.choice}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {versions.versions.length > 0 && (
          <div className="field">
            <label htmlFor="trigger-qualifier">Calls version or alias</label>
            <select id="trigger-qualifier" value={qualifier} onChange={(e) => setQualifier(e.target.value)}>
              <option value="">{functionName} (unqualified, $LATEST)</option>
              {qualifierChoices(versions).map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {spec.nameLabel && (
          <div className="field">
            <label htmlFor="trigger-name">{spec.nameLabel}</label>
            <input id="trigger-name" value={name} placeholder={spec.namePlaceholder} onChange={(e) => setName(e.target.value)} spellCheck={false} />
          </div>
        )}
        {spec.detailLabel && (
          <div className="field">
            <label htmlFor="trigger-detail">{spec.detailLabel}</label>
            <input id="trigger-detail" value={detail} placeholder={spec.detailPlaceholder} onChange={(e) => setDetail(e.target.value)} spellCheck={false} />
          </div>
        )}
      </div>
      {spec.hint && <p className="hint">{spec.hint}</p>}
      {error && <p className="problems" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" className="primary">
          Create trigger
        </button>
        <button type="button" className="ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The selected function's triggers, a way to add one, and the view of each source that invokes it. */
export function TriggersPanel() {
  const functionName = usePlayground((s) => s.config.name);
  const triggers = useSources((s) => s.triggers);
  const removeTrigger = useSources((s) => s.removeTrigger);
  const [adding, setAdding] = useState(false);
  // A trigger may call a version or an alias of this function (`name:live`).
  const mine = triggers.filter((t) => t.functionNames.some((n) => splitQualifiedName(n).name === functionName));
  return (
    <section className="panel triggers" aria-labelledby="triggers-heading">
      <div className="panel-head">
        <h2 id="triggers-heading">Triggers</h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add trigger
          </button>
        )}
      </div>
      {adding && <AddTriggerForm functionName={functionName} onDone={() => setAdding(false)} />}
      {mine.length === 0 && !adding && <p className="empty">No triggers: this function runs when you press Invoke or start a load.</p>}
      <ul className="trigger-list" aria-label="Triggers of this function">
        {mine.map((t) => (
          <li key={t.sourceId}>
            <span>
              {TRIGGER_VIEWS[t.kind].label} <code>{t.sourceId}</code>
              {t.functionNames.length > 1 || t.functionNames.some((n) => n !== functionName) ? ` → ${t.functionNames.join(', ')}` : ''}
            </span>
            <button type="button" className="ghost" onClick={() => removeTrigger(t.sourceId)} aria-label={`Remove trigger ${t.sourceId}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      {mine.map((t) => (
        <TriggerView key={t.sourceId} trigger={t} />
      ))}
    </section>
  );
}
