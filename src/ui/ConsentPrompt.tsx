import { allowAll, allowNetwork, allowProvisioned, enableSchedules, keepHeld } from '../state/linkConsent';
import { useWorkspace } from '../state/workspaceStore';

/**
 * What a workspace from a link or a file asked to do on its own, held until
 * the person who opened it allows it: network access per function, schedules,
 * provisioned concurrency (which runs each function's Init code at once).
 */
export function ConsentPrompt() {
  const consent = useWorkspace((s) => s.consent);
  const origin = useWorkspace((s) => s.origin);
  if (!consent) return null;
  const from = origin === 'import' ? 'file' : 'link';
  return (
    <section className="link-pending consent-prompt" role="dialog" aria-labelledby="consent-heading">
      <h2 id="consent-heading">This {from} asks to run code on its own</h2>
      <p>Nothing from it has run or reached the network. These are off until you allow them:</p>
      <ul>
        {consent.network.map((name) => (
          <li key={`net-${name}`}>
            Network access for <strong>{name}</strong> (its handler could send requests to any site){' '}
            <button type="button" onClick={() => allowNetwork(name)}>
              Allow network for {name}
            </button>
          </li>
        ))}
        {consent.schedules.length > 0 && (
          <li>
            {consent.schedules.length === 1 ? 'A schedule' : `${consent.schedules.length} schedules`} that invoke without a click:{' '}
            {consent.schedules.map((s) => `${s.name} (${s.expression} → ${s.functionName})`).join(', ')}{' '}
            <button type="button" onClick={enableSchedules}>
              Enable schedules
            </button>
          </li>
        )}
        {consent.provisionedConcurrency > 0 && (
          <li>
            Provisioned concurrency of {consent.provisionedConcurrency} (starts environments now, which runs each function&apos;s Init code){' '}
            <button type="button" onClick={allowProvisioned}>
              Start provisioned concurrency
            </button>
          </li>
        )}
      </ul>
      <div className="actions">
        <button type="button" onClick={allowAll}>
          Allow all
        </button>
        <button type="button" className="ghost" onClick={keepHeld}>
          Keep them off
        </button>
      </div>
    </section>
  );
}
