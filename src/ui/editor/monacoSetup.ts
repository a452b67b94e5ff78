/**
 * Monaco, bundled (no CDN: the app is a static site that works offline), with
 * only what the playground uses: the editor core and the features in
 * monacoContribs.ts, JavaScript's, TypeScript's and Python's syntax colours (Python's
 * grammar loads on demand, the first time a Python file is shown), and a small
 * JSON mode for the test event. The TypeScript language service (a 1.5 MB
 * worker, with @types/aws-lambda) is loaded by typescriptSetup.ts, and only
 * for a TypeScript handler.
 */
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api.js';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/languages/definitions/javascript/register.js';
import 'monaco-editor/languages/definitions/typescript/register.js';
import 'monaco-editor/languages/definitions/python/register.js';
import { TabFocus } from 'monaco-editor/editor/browser/config/tabFocus.js';
import { registerJson } from './jsonLanguage';
import './monacoContribs';

self.MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker | Promise<Worker> {
    if (label === 'typescript' || label === 'javascript') return import('./typescriptWorker').then((m) => m.typescriptWorker());
    return new EditorWorker();
  },
};

registerJson(monaco);

/** vs-dark with comments at 5:1 contrast (its own green is 4.2:1, under WCAG AA's 4.5:1). */
export const DARK_THEME = 'playground-dark';
monaco.editor.defineTheme(DARK_THEME, { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6A9955' }], colors: {} });

// The loader's type is the full package's; this is the same API, with fewer features registered.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] });

export { monaco, TabFocus };
