import { formatSmallMoney, formatUsd } from './billing/money';
import { Term } from './glossary/Term';
import { functionErrorPayload, invokeApiErrorBody } from '../core/lambdaError';
import { CONTENDED_NOTE } from './run/ContentionNote';
import { COLD_START_REASONS } from '../core/coldStartReason';
import type { InvokeResult } from '../state/playgroundStore';
import { usePlayground } from '../state/playgroundStore';
import { TraceText } from './TraceText';

/** Responses up to this size are pretty-printed and shown whole; a larger one (up to Lambda's 6 MB) shows its start, so one Invoke never blocks the page. */
const SHOWN_CHARS = 64 * 1024;

function prettyJson(text: string): string {
  if (text.length > SHOWN_CHARS) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'response.json';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The payload, or its first 64 KB with the size and a way to get the rest. */
function Payload({ text, error, fileName }: { text: string; error: boolean; fileName: string }) {
  const cut = text.length > SHOWN_CHARS;
  return (
    <>
      {cut && (
        <p className="hint">
          Showing the first {(SHOWN_CHARS / 1024).toFixed(0)} KB of a {(text.length / 1024 / 1024).toFixed(1)} MB response.{' '}
          <button type="button" className="ghost" onClick={() => download(text)}>
            Download the full response
          </button>
        </p>
      )}
      <pre className={`payload ${error ? 'error' : ''}`}>{cut ? `${text.slice(0, SHOWN_CHARS)}…` : error ? <TraceText text={text} fileName={fileName} /> : text}</pre>
    </>
  );
}

const capitalise = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

function Summary({ result }: { result: Extract<InvokeResult, { kind: 'finished' }> }) {
  const r = result.record;
  return (
    <dl className="summary">
      <div>
        <dt>Start</dt>
        <dd>
          {r.cold || r.initInInvokeMs === undefined ? (
            <>
              <span className={`badge ${r.cold ? 'cold' : 'warm'}`}>{r.cold ? 'Cold start' : 'Warm start'}</span>
              <Term id={r.cold ? 'cold-start' : 'warm-start'} />
            </>
          ) : (
            <span className="badge cold" title="The environment was reset after a timeout or a runtime exit: init ran again inside this invocation, on the same log stream">
              Init re-run (reset environment)
            </span>
          )}
        </dd>
      </div>
      {r.coldReason && (
        <div className="why-cold">
          <dt>Why cold</dt>
          <dd>{capitalise(COLD_START_REASONS[r.coldReason])}.</dd>
        </div>
      )}
      {r.initInInvokeMs !== undefined && (
        <div>
          <dt>Init inside Duration</dt>
          <dd>{r.initInInvokeMs.toFixed(2)} ms</dd>
        </div>
      )}
      {r.initDurationMs !== undefined && (
        <div>
          <dt>
            <span>Init duration</span>
            <Term id="init-duration" />
          </dt>
          <dd>
            {r.initDurationMs.toFixed(2)} ms
            {r.contended && (
              <span className="hint warn contended-mark" title={CONTENDED_NOTE}>
                {' '}
                · measured on a busy machine: reads long
              </span>
            )}
          </dd>
        </div>
      )}
      {r.restoreDurationMs !== undefined && r.billedRestoreDurationMs !== undefined && (
        <div>
          <dt>
            <span>Restore duration</span>
            <Term id="snapstart" />
          </dt>
          <dd>
            {r.restoreDurationMs.toFixed(2)} ms (billed {r.billedRestoreDurationMs} ms: restored from the SnapStart snapshot, no Init)
          </dd>
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
          {r.contended && (
            <span className="hint warn contended-mark" title={CONTENDED_NOTE}>
              {' '}
              · more handlers and inits were busy than this machine has cores: reads long
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>
          <span>Billed duration</span>
          <Term id="billed-duration" />
        </dt>
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
        <dd title={formatUsd(r.cost.totalUsd)}>
          {formatSmallMoney(r.cost.totalUsd)} ({r.cost.gbSeconds.toLocaleString('en-US', { maximumSignificantDigits: 3 })} GB-s)
          <Term id="gb-seconds" />
        </dd>
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
  const fileName = usePlayground((s) => s.config.fileName);
  let body: React.ReactNode = <p className="empty">Press Invoke (Ctrl/Cmd+Enter) to run the handler with the test event.</p>;
  let status: React.ReactNode = null;
  if (last?.kind === 'rejected') {
    status = <p className="status failed">Invoke refused: HTTP {last.statusCode} {last.error.errorType}</p>;
    // What the Invoke API answers: the error type as its header says, and its JSON body.
    body = <pre className="payload error">{JSON.stringify(invokeApiErrorBody(last.error), null, 2)}</pre>;
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
        <Payload text={last.response.ok ? prettyJson(last.response.payload) : JSON.stringify(functionErrorPayload(last.response.error), null, 2)} error={!ok} fileName={fileName} />
      </>
    );
  }
  return (
    // Focusable: it scrolls inside itself when the result is long, and the keyboard must be able to scroll it too.
    <section className="panel response" aria-labelledby="response-heading" aria-busy={inFlight > 0} tabIndex={0}>
      <h2 id="response-heading">Response</h2>
      <div aria-live="polite">
        {inFlight > 0 && <p className="status running">Running…</p>}
        {status}
      </div>
      {body}
    </section>
  );
}
