import { useId, useMemo, useState } from 'react';
import { decodeBase64Text } from '../../../core/codec';
import { describeBody } from '../../../core/sources/bodyDescription';
import { formatHeaderLines, parseCookieLine, parseHeaderLines } from '../../../core/sources/httpRequestText';
import { statusLine } from '../../../core/sources/httpResponse';
import { defaultRequest, splitPathAndQuery } from '../../../core/sources/httpTrigger';
import { HTTP_FORMAT_LABELS, HTTP_FORMATS, type HttpExchange, type HttpFormat, type HttpRequestInput, type HttpTriggerView } from '../../../core/sources/httpTypes';
import '../sources.css';

export interface HttpRequestPanelProps {
  view: HttpTriggerView;
  onSend(request: HttpRequestInput): void;
  onFormatChange(format: HttpFormat): void;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const target = (r: HttpRequestInput): string => `${r.path}${r.query ? `?${r.query}` : ''}`;

function statusClass(code: number): string {
  return code < 400 ? 'ok' : 'error';
}

/** The body as the client would see it: text when printable, otherwise its size. */
function ResponseBody({ body, isBase64Encoded }: { body: string; isBase64Encoded: boolean }) {
  const d = describeBody(body, isBase64Encoded);
  if (body === '') return <p className="empty">No body.</p>;
  const size = d.bytes === null ? 'not valid base64: shown as sent' : `${d.bytes} byte${d.bytes === 1 ? '' : 's'}`;
  return (
    <>
      {isBase64Encoded && <p className="hint">Body decoded from base64 ({size}){d.text === null && d.bytes !== null ? ': binary, not shown as text' : ''}.</p>}
      {(d.text !== null || d.bytes === null) && <pre className="payload http-body">{d.text ?? body}</pre>}
    </>
  );
}

function ExchangeView({ exchange, headingId }: { exchange: HttpExchange; headingId: string }) {
  const event = useMemo(() => prettyJson(exchange.event), [exchange.event]);
  const r = exchange.response;
  return (
    <>
      <section className="http-response" aria-labelledby={headingId}>
        <h3 id={headingId}>HTTP response</h3>
        <p className="hint">
          {exchange.request.method} {target(exchange.request)} · {HTTP_FORMAT_LABELS[exchange.format]}
          {exchange.endedAtMs !== undefined && ` · ${Math.round(exchange.endedAtMs - exchange.startedAtMs)} ms`}
        </p>
        {r ? (
          <>
            <p className={`http-status-line ${statusClass(r.statusCode)}`}>{statusLine(r.statusCode)}</p>
            <ul className="http-headers" aria-label="Response headers">
              {r.headers.map(([name, value], i) => (
                <li key={i}>
                  <span className="http-header-name">{name}</span>: {value}
                </li>
              ))}
            </ul>
            <ResponseBody body={r.body} isBase64Encoded={r.isBase64Encoded} />
          </>
        ) : (
          <p className="status running">Waiting for the function…</p>
        )}
        {exchange.note && <p className="hint warn http-note">{exchange.note}</p>}
      </section>
      <details className="http-event">
        <summary>Event the function received</summary>
        <pre className="payload">{event}</pre>
      </details>
    </>
  );
}

/** The HTTP trigger: a request builder, the response the client gets, and the event the function saw. */
export function HttpRequestPanel({ view, onSend, onFormatChange }: HttpRequestPanelProps) {
  const id = useId();
  const initial = defaultRequest();
  const [method, setMethod] = useState(initial.method);
  const [path, setPath] = useState(target(initial));
  const [headersText, setHeadersText] = useState(formatHeaderLines(initial.headers));
  const [cookiesText, setCookiesText] = useState(initial.cookies.join('; '));
  const [body, setBody] = useState(initial.body);
  const [base64, setBase64] = useState(initial.isBase64Encoded);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const parsed = parseHeaderLines(headersText);
  const base64Invalid = base64 && decodeBase64Text(body) === null;
  const problems = [
    ...(parsed.invalidLines.length > 0 ? [`Header line${parsed.invalidLines.length > 1 ? 's' : ''} ${parsed.invalidLines.join(', ')}: expected "Name: value".`] : []),
    ...(base64Invalid ? ['The body is not valid base64.'] : []),
  ];

  const send = () => {
    if (problems.length > 0) return;
    const { path: p, query } = splitPathAndQuery(path);
    setSelectedId(null);
    onSend({ method, path: p, query, headers: parsed.headers, cookies: parseCookieLine(cookiesText), body, isBase64Encoded: base64 });
  };

  const exchanges = view.exchanges;
  const latest = exchanges[exchanges.length - 1];
  const shown = exchanges.find((x) => x.id === selectedId) ?? latest;
  const earlier = exchanges.filter((x) => x !== shown).reverse();
  const f = (name: string) => `${id}-${name}`;

  return (
    <section className="panel http-panel" aria-labelledby={f('heading')}>
      <div className="panel-head">
        <h2 id={f('heading')}>HTTP request</h2>
        <span className="hint http-url">{view.url}</span>
      </div>
      <form
        className="http-form"
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
      >
        <div className="http-line">
          <div className="field">
            <label htmlFor={f('method')}>Method</label>
            <select id={f('method')} value={method} onChange={(e) => setMethod(e.target.value)}>
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </div>
          <div className="field http-path">
            <label htmlFor={f('path')}>Path</label>
            <input id={f('path')} value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={f('format')}>Payload format</label>
            <select id={f('format')} value={view.format} onChange={(e) => onFormatChange(e.target.value as HttpFormat)}>
              {HTTP_FORMATS.map((x) => (
                <option key={x} value={x}>
                  {HTTP_FORMAT_LABELS[x]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={f('headers')}>Headers</label>
          <textarea
            id={f('headers')}
            className="http-textarea"
            rows={3}
            spellCheck={false}
            value={headersText}
            aria-invalid={parsed.invalidLines.length > 0}
            aria-describedby={f('headers-hint')}
            onChange={(e) => setHeadersText(e.target.value)}
          />
          <span id={f('headers-hint')} className="hint">
            One <code>Name: value</code> per line; a name may repeat.
          </span>
        </div>
        <div className="field">
          <label htmlFor={f('cookies')}>Cookies</label>
          <input id={f('cookies')} value={cookiesText} placeholder="session=abc; theme=dark" spellCheck={false} onChange={(e) => setCookiesText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={f('body')}>Body</label>
          <textarea id={f('body')} className="http-textarea" rows={3} spellCheck={false} value={body} aria-invalid={base64Invalid} onChange={(e) => setBody(e.target.value)} />
        </div>
        <div className="http-actions">
          <div className="field checkbox">
            <input id={f('base64')} type="checkbox" checked={base64} onChange={(e) => setBase64(e.target.checked)} />
            <label htmlFor={f('base64')}>Body is base64</label>
          </div>
          <button type="submit" className="primary" disabled={problems.length > 0}>
            Send request
          </button>
        </div>
        {problems.length > 0 && (
          <ul className="problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </form>
      {shown ? <ExchangeView exchange={shown} headingId={f('response')} /> : <p className="empty http-empty">No request sent yet.</p>}
      {earlier.length > 0 && (
        <>
          <h3 id={f('history')} className="http-history-heading">
            Other requests
          </h3>
          <ol className="http-history" aria-labelledby={f('history')}>
            {earlier.map((x) => (
              <li key={x.id}>
                <button type="button" className="ghost" onClick={() => setSelectedId(x.id)}>
                  <span>
                    {x.request.method} {target(x.request)}
                  </span>
                  <span className={x.response ? `http-code ${statusClass(x.response.statusCode)}` : 'http-code'}>{x.response ? x.response.statusCode : '…'}</span>
                  <span className="hint">{HTTP_FORMAT_LABELS[x.format]}</span>
                </button>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
