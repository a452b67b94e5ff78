import { traceParts } from '../core/traceLinks';
import { useEditorJump } from '../state/editorJump';

/**
 * Text in which every place in the function's file (`/var/task/index.mjs:7:11`)
 * is a link-styled button that puts the editor's cursor there.
 */
export function TraceText({ text, fileName }: { text: string; fileName: string }) {
  const goTo = useEditorJump((s) => s.goTo);
  const parts = traceParts(text, fileName);
  if (parts.length === 1 && typeof parts[0] === 'string') return <>{text}</>;
  return (
    <>
      {parts.map((p, i) =>
        typeof p === 'string' ? (
          p
        ) : (
          <button key={i} type="button" className="trace-link" aria-label={`Go to line ${p.line}, column ${p.column} (${p.text})`} onClick={() => goTo(p.line, p.column)}>
            {p.text}
          </button>
        ),
      )}
    </>
  );
}
