import { lazy, Suspense, useMemo, useState } from 'react';
import { firstTraceLink } from '../core/traceLinks';
import { useEditorJump } from '../state/editorJump';
import { usePlayground } from '../state/playgroundStore';
import { HandlerTemplateMenu } from './HandlerTemplateMenu';

const CodeEditor = lazy(() => import('./editor/CodeEditor'));

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const TOGGLE_KEYS = mac ? '⌃⇧M' : 'Ctrl+M';

/** What Tab does in the editor now, and the key that changes it (Monaco's "Toggle Tab Key Moves Focus", as in VS Code). */
function TabKeyHint({ movesFocus }: { movesFocus: boolean }) {
  return (
    <span className="hint tab-hint" aria-live="polite">
      {movesFocus ? `Tab moves focus · ${TOGGLE_KEYS} to indent with Tab` : `Tab indents · ${TOGGLE_KEYS} to leave with Tab`}
    </span>
  );
}

/** The handler's source, in a real editor with Lambda's types; read-only when an embedding page asks for it. */
export function HandlerPanel({ readOnly = false, height = '100%' }: { readOnly?: boolean; height?: string }) {
  const code = usePlayground((s) => s.config.code);
  const fileName = usePlayground((s) => s.config.fileName);
  const setConfig = usePlayground((s) => s.setConfig);
  const invoke = usePlayground((s) => s.invoke);
  const jump = useEditorJump((s) => s.jump);
  // A jump asked before this panel was shown (another function's) is not this editor's to follow.
  const [seenSeq] = useState(() => useEditorJump.getState().jump?.seq ?? 0);
  const last = usePlayground((s) => s.last);
  const failedAt = useMemo(() => (last?.kind === 'finished' && !last.response.ok ? firstTraceLink(last.response.error.trace, fileName) : null), [last, fileName]);
  const [cursor, setCursor] = useState({ line: 1, column: 1 });
  const [tabMovesFocus, setTabMovesFocus] = useState(false);
  return (
    <section className="panel code" aria-labelledby="code-heading">
      <div className="panel-head">
        <h2 id="code-heading">Code</h2>
        <span className="hint">
          /var/task/{fileName}
          {readOnly ? ' · read-only' : ''}
        </span>
        {failedAt && <span className="hint failing-note">Failed at line {failedAt.line}</span>}
        <span className="hint cursor-status" role="status" aria-live="off" aria-label="Cursor position">
          Ln {cursor.line}, Col {cursor.column}
        </span>
        {!readOnly && <HandlerTemplateMenu />}
      </div>
      <div className="editor-box">
        {/* Until Monaco arrives (it loads after the page is shown), the code is there to read. */}
        <Suspense fallback={<pre className="editor-placeholder" aria-hidden="true">{code}</pre>}>
          <CodeEditor
            label="Handler code"
            language={fileName.endsWith('.ts') ? 'typescript' : fileName.endsWith('.py') ? 'python' : 'javascript'}
            path={`file:///var/task/${fileName}`}
            value={code}
            onChange={(value) => setConfig({ code: value })}
            onRun={() => void invoke()}
            height={height}
            readOnly={readOnly}
            jumpTo={jump && jump.seq > seenSeq ? jump : null}
            markedLine={failedAt?.line ?? null}
            onCursor={(line, column) => setCursor({ line, column })}
            onTabFocusMode={setTabMovesFocus}
          />
        </Suspense>
      </div>
      {!readOnly && <TabKeyHint movesFocus={tabMovesFocus} />}
    </section>
  );
}
