import type * as Monaco from 'monaco-editor/editor/editor.api.js';

/**
 * JSON for the test-event editor without Monaco's JSON language service and
 * its 430 KB worker: a small Monarch tokenizer for colours, and the browser's
 * own JSON.parse for the one thing the event needs, whether it parses (the
 * same check Invoke makes before it answers InvalidRequestContentException).
 */
export function registerJson(monaco: typeof Monaco): void {
  if (monaco.languages.getLanguages().some((l) => l.id === 'json')) return;
  monaco.languages.register({ id: 'json', extensions: ['.json'], aliases: ['JSON'] });
  monaco.languages.setLanguageConfiguration('json', {
    brackets: [
      ['{', '}'],
      ['[', ']'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '[', close: ']' },
      { open: '"', close: '"' },
    ],
  });
  monaco.languages.setMonarchTokensProvider('json', {
    tokenizer: {
      root: [
        [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
        [/"(?:[^"\\]|\\.)*"/, 'string'],
        [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
        [/\b(?:true|false|null)\b/, 'keyword'],
        [/[{}[\]]/, '@brackets'],
        [/[,:]/, 'delimiter'],
      ],
    },
  });
}

/** Where JSON.parse stopped, as a 0-based offset, from V8's message ("… at position 12" or "… line 2 column 5"). */
export function jsonErrorOffset(text: string, message: string): number {
  const position = /at position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n');
    const line = Math.min(Number(lineColumn[1]), lines.length);
    let offset = 0;
    for (let i = 0; i < line - 1; i += 1) offset += (lines[i] ?? '').length + 1;
    return offset + Number(lineColumn[2]) - 1;
  }
  return text.length;
}

/** Mark a JSON model's parse error (or clear the mark), as the editor's squiggle and its hover. */
export function validateJson(monaco: typeof Monaco, model: Monaco.editor.ITextModel): void {
  const text = model.getValue();
  const markers: Monaco.editor.IMarkerData[] = [];
  if (text.trim() !== '') {
    try {
      JSON.parse(text);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const at = model.getPositionAt(Math.min(jsonErrorOffset(text, message), text.length));
      markers.push({
        severity: monaco.MarkerSeverity.Error,
        message,
        startLineNumber: at.lineNumber,
        startColumn: at.column,
        endLineNumber: at.lineNumber,
        endColumn: at.column + 1,
      });
    }
  }
  monaco.editor.setModelMarkers(model, 'json-parse', markers);
}
