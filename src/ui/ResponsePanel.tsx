import type { InvokeResult } from '../state/playgroundStore';
import { usePlayground } from '../state/playgroundStore';

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const usd = (n: number): string => `$${n.toFixed(10).replace(/0+$/, '').replace(/\.$/, '.0')}`;

function Summary({ result }: { result: Extract<InvokeResult, { kind: 'finished' }> }) {
  const r = result.record;
  return (
    <dl className="summary">
      <div>
        <dt>Start</dt>
        <dd>
          <span className={`badge ${r.cold ? 'cold' : 'warm'}`}>{r.cold ? 'Cold start' : 'Warm start'}</span>
        </dd>
      </div>
      {r.initDurationMs !== undefined && (
        <div>
          <dt>Init duration</dt>
          <dd>{r.initDurationMs.toFixed(2)} ms</dd>
        </div>
      )}
      <div>
        <dt>Duration</dt>
        <dd>
          {r.durationMs.toFixed(2)} ms
          {r.cpuFactor > 1 && r.cpuMs > 0 && (
            <span className="hint">
              {' '}
              (measured {r.measuredDurationMs.toFixed(2)} ms, of which CPU {r.cpuMs.toFixed(2)} ms × {r.cpuFactor.toFixed(1)} for {r.memorySizeMb} MB)
            </span>
          )}
          {r.contended && <span className="hint warn"> · more handlers were busy than this machine has cores: inflated</span>}
        </dd>
      </div>
      <div>
        <dt>Billed duration</dt>
        <dd>{r.billedDurationMs} ms</dd>
      </div>
      <div>
        <dt>Memory</dt>
        <dd>
          {r.maxMemoryUsedMb} / {r.memorySizeMb} MB <abbr title="Estimated: browsers expose no per-worker memory figure">est.</abbr>
        </dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd>{usd(r.cost.totalUsd)}</dd>
      </div>
      <div>
        <dt>Environment</dt>
        <dd>{r.envId}</dd>
      </div>
    </dl>
  );
}

/** The invocation's result as the Invoke API returns it, with a cold/warm marker and its figures. */
export function ResponsePanel() {
  const last = usePlayground((s) => s.last);
  const inFlight = usePlayground((s) => s.inFlight);
  let body: React.ReactNode = <p className="empty">Press Invoke (Ctrl/Cmd+Enter) to run the handler with the test event.</p>;
  let status: React.ReactNode = null;
  if (last?.kind === 'rejected') {
    status = <p className="status failed">Invoke refused: HTTP {last.statusCode} {last.error.errorType}</p>;
    body = <pre className="payload error">{JSON.stringify({ errorType: last.error.errorType, errorMessage: last.error.errorMessage }, null, 2)}</pre>;
  } else if (last?.kind === 'finished') {
    const ok = last.response.ok;
    status = (
      <p className={`status ${ok ? 'succeeded' : 'failed'}`}>
        {ok ? 'Succeeded' : `Failed: ${last.response.ok ? '' : last.response.error.errorType}`}
      </p>
    );
    body = (
      <>
        <Summary result={last} />
        <pre className={`payload ${ok ? '' : 'error'}`}>
          {last.response.ok ? prettyJson(last.response.payload) : JSON.stringify(last.response.error, null, 2)}
        </pre>
      </>
    );
  }
  return (
    <section className="panel response" aria-labelledby="response-heading" aria-busy={inFlight > 0}>
      <h2 id="response-heading">Response</h2>
      <div aria-live="polite">
        {inFlight > 0 && <p className="status running">Running…</p>}
        {status}
      </div>
      {body}
    </section>
  );
}
