import { lazy, Suspense } from 'react';
import { usePlayground } from '../state/playgroundStore';
import { HandlerTemplateMenu } from './HandlerTemplateMenu';

const CodeEditor = lazy(() => import('./editor/CodeEditor'));

/** The handler's source, in a real editor with Lambda's types; read-only when an embedding page asks for it. */
export function HandlerPanel({ readOnly = false, height = '420px' }: { readOnly?: boolean; height?: string }) {
  const code = usePlayground((s) => s.config.code);
  const fileName = usePlayground((s) => s.config.fileName);
  const setConfig = usePlayground((s) => s.setConfig);
  const invoke = usePlayground((s) => s.invoke);
  return (
    <section className="panel code" aria-labelledby="code-heading">
      <div className="panel-head">
        <h2 id="code-heading">Code</h2>
        <span className="hint">
          /var/task/{fileName}
          {readOnly ? ' · read-only' : ''}
        </span>
        {!readOnly && <HandlerTemplateMenu />}
      </div>
      <Suspense fallback={<div className="editor-loading">Loading editor…</div>}>
        <CodeEditor
          label="Handler code"
          language={fileName.endsWith('.ts') ? 'typescript' : 'javascript'}
          path={`file:///var/task/${fileName}`}
          value={code}
          onChange={(value) => setConfig({ code: value })}
          onRun={() => void invoke()}
          height={height}
          readOnly={readOnly}
        />
      </Suspense>
    </section>
  );
}
