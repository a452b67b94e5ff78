import Editor from '@monaco-editor/react';
import './monacoSetup';

export interface CodeEditorProps {
  label: string;
  language: 'javascript' | 'typescript' | 'json';
  path: string;
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?(): void;
  height: string;
}

/** A Monaco editor whose text area carries an accessible name. */
export default function CodeEditor({ label, language, path, value, onChange, onRun, height }: CodeEditorProps) {
  return (
    <Editor
      height={height}
      language={language}
      path={path}
      value={value}
      theme="vs-dark"
      loading={<div className="editor-loading">Loading editor…</div>}
      onChange={(v) => onChange(v ?? '')}
      onMount={(editor, m) => {
        if (onRun) editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, onRun);
      }}
      options={{
        ariaLabel: label,
        editContext: false,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        fixedOverflowWidgets: true,
      }}
    />
  );
}
