import Editor, { type Monaco } from '@monaco-editor/react';
import { useEffect, useState } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor';
import { useColorScheme } from '../layout/useColorScheme';
import { validateJson } from './jsonLanguage';
import { DARK_THEME, monaco as bundled, TabFocus } from './monacoSetup';

/** The TypeScript language service, loaded once, the first time a TypeScript file is shown. */
let typescriptReady: Promise<unknown> | null = null;
const loadTypeScript = (): Promise<unknown> => (typescriptReady ??= import('./typescriptSetup'));

/** Whether the language can be shown now: TypeScript waits for its language service, which must exist before its first model does. */
function useLanguageReady(language: CodeEditorProps['language']): boolean {
  const [ready, setReady] = useState<string | null>(null);
  useEffect(() => {
    if (language !== 'typescript') return;
    let live = true;
    void loadTypeScript().then(() => live && setReady('typescript'));
    return () => {
      live = false;
    };
  }, [language]);
  return language !== 'typescript' || ready === 'typescript';
}

/**
 * With the whole document mirrored in the text area, selecting all of the
 * text area (assistive tech, form-filling tools, `select()`) should select
 * all of the code, so that what is typed next replaces it.
 */
function selectAllFollowsTextArea(editor: MonacoEditor.IStandaloneCodeEditor): void {
  const textArea = editor.getDomNode()?.querySelector('textarea');
  if (!textArea) return;
  textArea.addEventListener('select', () => {
    const model = editor.getModel();
    if (!model || textArea.selectionStart !== 0 || textArea.selectionEnd !== textArea.value.length) return;
    // Selected by a script before focus (the mirror is not written yet), or the mirror is current.
    if (document.activeElement === textArea && textArea.value !== model.getValue()) return;
    editor.setSelection(model.getFullModelRange());
  });
}

export interface CodeEditorProps {
  label: string;
  language: 'javascript' | 'typescript' | 'python' | 'json';
  path: string;
  value: string;
  onChange(value: string): void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?(): void;
  height: string;
  /** Shown but not editable (embedded read-only demos). */
  readOnly?: boolean;
  /** Put the cursor here and focus the editor (a new object each time it is asked). */
  jumpTo?: { line: number; column: number } | null;
  /** A line to mark as the one that failed (whole-line highlight and a gutter mark), or null. */
  markedLine?: number | null;
  /** The cursor moved (1-based line and column). */
  onCursor?(line: number, column: number): void;
  /** Whether Tab moves focus out of the editor (Ctrl+M toggles it), now and whenever it changes. */
  onTabFocusMode?(on: boolean): void;
}

/** The cursor's place on request, and the failing line's mark, kept in step with the props. */
function useEditorFollow(editor: MonacoEditor.IStandaloneCodeEditor | null, monaco: Monaco | null, jumpTo: CodeEditorProps['jumpTo'], markedLine: number | null | undefined): void {
  useEffect(() => {
    if (!editor || !jumpTo) return;
    const position = { lineNumber: jumpTo.line, column: jumpTo.column };
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
  }, [editor, jumpTo]);
  useEffect(() => {
    if (!editor || !monaco || !markedLine) return;
    const marks = editor.createDecorationsCollection([
      {
        range: new monaco.Range(markedLine, 1, markedLine, 1),
        options: { isWholeLine: true, className: 'failing-line', linesDecorationsClassName: 'failing-line-gutter', hoverMessage: { value: 'The invocation failed here' } },
      },
    ]);
    return () => marks.clear();
  }, [editor, monaco, markedLine]);
}

/** A Monaco editor whose text area carries an accessible name. */
export default function CodeEditor({ label, language, path, value, onChange, onRun, height, readOnly = false, jumpTo = null, markedLine = null, onCursor, onTabFocusMode }: CodeEditorProps) {
  const [mounted, setMounted] = useState<{ editor: MonacoEditor.IStandaloneCodeEditor; monaco: Monaco } | null>(null);
  const scheme = useColorScheme();
  const ready = useLanguageReady(language);
  useEditorFollow(mounted?.editor ?? null, mounted?.monaco ?? null, jumpTo, markedLine);
  if (!ready) return <div className="editor-loading">Loading the TypeScript language service…</div>;
  return (
    <Editor
      height={height}
      language={language}
      path={path}
      value={value}
      theme={scheme === 'light' ? 'vs' : DARK_THEME}
      loading={<div className="editor-loading">Loading editor…</div>}
      onChange={(v) => onChange(v ?? '')}
      onMount={(editor, m) => {
        if (onRun) editor.addCommand(m.KeyMod.CtrlCmd | m.KeyCode.Enter, onRun);
        selectAllFollowsTextArea(editor);
        if (onCursor) editor.onDidChangeCursorPosition((e) => onCursor(e.position.lineNumber, e.position.column));
        if (onTabFocusMode) {
          onTabFocusMode(TabFocus.getTabFocusMode());
          const listener = TabFocus.onDidChangeTabFocus(onTabFocusMode);
          editor.onDidDispose(() => listener.dispose());
        }
        if (language === 'json') {
          const check = (): void => {
            const model = editor.getModel();
            if (model) validateJson(bundled, model);
          };
          // A pasted multi-megabyte event is parsed once the typing stops, not on every key.
          let timer: ReturnType<typeof setTimeout> | undefined;
          const later = (): void => {
            clearTimeout(timer);
            timer = setTimeout(check, 250);
          };
          check();
          editor.onDidChangeModelContent(later);
          editor.onDidChangeModel(check);
          editor.onDidDispose(() => clearTimeout(timer));
        }
        setMounted({ editor, monaco: m });
      }}
      options={{
        ariaLabel: label,
        readOnly,
        editContext: false,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        automaticLayout: true,
        tabSize: 2,
        fixedOverflowWidgets: true,
        // Screen-reader mode with the whole document in the text area: assistive tech reads all of it,
        // and selecting all of the text area selects all of the code.
        accessibilitySupport: 'on',
        accessibilityPageSize: 100_000,
        // Typed and pasted text lands as written: no brackets or quotes added behind the cursor,
        // and Enter never accepts a suggestion.
        autoClosingBrackets: 'never',
        autoClosingQuotes: 'never',
        autoClosingComments: 'never',
        autoSurround: 'never',
        acceptSuggestionOnEnter: 'off',
      }}
    />
  );
}
